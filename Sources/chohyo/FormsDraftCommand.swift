import ArgumentParser
import ChohyoCore
import ChohyoImaging
import ChohyoPipeline
import Foundation

extension Forms {
    struct Draft: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Propose a definition from a scan of the blank form, for a person to review.",
            discussion: """
            Finds the ruled cells and check boxes of BLANK, reads each cell's printed label, suggests a key and type from it (Models/label-keys.yaml) and writes a definition (default ./ID.yaml) with the cleaned, deskewed 300 dpi page beside it as its template (ID.png). Every field is a guess to review; nothing is marked required.

              chohyo forms draft blank.png --id kyuyo_ido --out /tmp/defs/kyuyo_ido.yaml
              chohyo forms check --forms /tmp/defs

            With --compare ID the draft is also measured against that existing definition (in --forms DIR): the share of its fields covered by a drafted box (IoU ≥ 0.5 or ≥ 80 % inside), the fields missed, and how many drafted types and keys agree.
            """)

        @Argument(help: ArgumentHelp("Scan of the blank form (PNG, JPEG or TIFF: first page).", valueName: "blank"))
        var blank: String

        @Option(name: .long, help: "Form id of the draft (a-z, 0-9, _).")
        var id: String

        @Option(name: .long, help: ArgumentHelp("YAML file to write (default ./ID.yaml); the template goes beside it.", valueName: "file"))
        var out: String?

        @Option(name: .long, help: "Title of the form (default: read from the page).")
        var title: String?

        @Option(name: .customLong("label-keys"), help: ArgumentHelp("Label dictionary.", valueName: "file"))
        var labelKeys: String = "Models/label-keys.yaml"

        @Option(name: .long, help: ArgumentHelp("Measure the draft against this definition (in --forms DIR).", valueName: "id"))
        var compare: String?

        @Option(name: .customLong("tessdata-dir"), help: ArgumentHelp("Tesseract data folder.", valueName: "dir"))
        var tessdata: String?

        @Flag(name: .long, help: "Replace the YAML and template image if they exist.")
        var force = false

        @OptionGroup var forms: FormsOption

        func validate() throws {
            guard !id.isEmpty, id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }) else {
                throw ValidationError("--id must use only a-z, 0-9 and _, got '\(id)'")
            }
        }

        func run() throws {
            guard FileManager.default.fileExists(atPath: labelKeys) else {
                throw CLIError("label dictionary not found: \(labelKeys) (use --label-keys FILE)")
            }
            let dictionary = try LabelKeys(contentsOf: URL(fileURLWithPath: labelKeys))
            // Load the reference before the slow part, so a wrong id fails at once.
            var reference: LoadedDefinition?
            if let compare {
                guard let d = try forms.loadOrExit().first(where: { $0.definition.id == compare }) else {
                    throw CLIError("no form definition with id '\(compare)' in \(forms.forms)")
                }
                reference = d
            }
            let yamlURL = URL(fileURLWithPath: out ?? "\(id).yaml")
            let sourceName = (blank as NSString).lastPathComponent
            let draft: DefinitionDrafter.Draft
            do {
                draft = try DefinitionDrafter.draft(imageAt: blank,
                                                    options: .init(id: id, title: title, tessdata: tessdata, sourceName: sourceName),
                                                    dictionary: dictionary)
            } catch let e as ImagingError {
                throw CLIError("\(blank): \(e)")
            } catch let e as DraftError {
                throw CLIError("\(blank): \(e)")
            }
            // The name and municipality lists beside the label dictionary, for the fields it marks
            // as a person's name and for addresses.
            let models = URL(fileURLWithPath: labelKeys).deletingLastPathComponent()
            func beside(_ name: String) -> URL? {
                let url = models.appendingPathComponent(name)
                return FileManager.default.fileExists(atPath: url.path) ? url : nil
            }
            try DefinitionDrafter.write(draft, to: yamlURL, sourceName: sourceName, overwrite: force,
                                        nameList: beside("person-names.tsv"), municipalityList: beside("municipalities.tsv"))

            let checkboxes = draft.fields.filter { $0.field.type == .checkbox }.count
            let p = DraftYAML.plural
            stderrLine("found \(p(draft.cellsFound, "cell", nil)) (\(draft.labelCells) only labels or headings) and "
                       + "\(p(draft.checkboxesFound, "check box", "check boxes")); drafted \(p(draft.fields.count, "field", nil)) "
                       + "(\(p(checkboxes, "check box", "check boxes")))")
            stderrLine("labels read: \(draft.labelled) of \(draft.fields.count); matched in the dictionary: \(draft.matched)")
            stderrLine("wrote \(DefinitionProblem.displayPath(yamlURL)) and \(draft.definition.template): a draft, review it "
                       + "before use (chohyo forms check --forms \(DefinitionProblem.displayPath(yamlURL.deletingLastPathComponent())))")

            if let reference {
                let alignment = try DraftCoverage.alignment(of: reference, onto: draft.template)
                let inFrame = alignment.map { DraftCoverage.mapped(draft.definition, by: $0) } ?? draft.definition
                let result = DraftCoverage.result(draft: inFrame, reference: reference.definition)
                print(DraftCoverage.report(result, referenceID: reference.definition.id, alignment: alignment))
            }
        }
    }
}
