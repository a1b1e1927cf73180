import ArgumentParser
import ChohyoCore
import ChohyoExport
import Foundation

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read rate per form and field, and the estimated staff hours saved against keying by hand.",
        discussion: """
        Reads results.jsonl from `chohyo batch` and reports, per form and per field, the share \
        of fields accepted automatically, sent to review and invalid, with the most common \
        review reason; and the staff hours Chohyo saves, under stated assumptions:

          by hand     = pages × P + fields × S_k
          with Chohyo = pages × P + review fields × S_v + invalid fields × S_k
                        + fields of unclassified/error pages × S_k

        S_k (--seconds-keyed, default 8): keying one field, finding it included.
        S_v (--seconds-verified, default 4): checking one review field by its image.
        P (--seconds-page, default 5): handling one page, by hand or with Chohyo.
        One staff year = 2,000 h. Unclassified and error pages are counted at the average \
        fields per classified page. --pages-per-year N scales the hours to N pages a year.

        Field order and labels come from the form definitions in --forms when that folder \
        exists; otherwise fields are sorted by key.
        """
    )

    @Argument(help: ArgumentHelp("results.jsonl written by `chohyo batch`.", valueName: "results"))
    var results: String

    @OptionGroup var forms: FormsOption

    @Flag(name: .long, help: "Print the report as JSON instead of Markdown.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Seconds to key one field by hand (S_k).", valueName: "s"))
    var secondsKeyed: Double = ReadRateAssumptions.defaultSecondsKeyed

    @Option(name: .long, help: ArgumentHelp("Seconds to verify one field sent to review (S_v).", valueName: "s"))
    var secondsVerified: Double = ReadRateAssumptions.defaultSecondsVerified

    @Option(name: .long, help: ArgumentHelp("Seconds to handle one page, by hand and with Chohyo (P).", valueName: "s"))
    var secondsPage: Double = ReadRateAssumptions.defaultSecondsPage

    @Option(name: .long, help: ArgumentHelp("Pages a year, to scale the hours to a year.", valueName: "n"))
    var pagesPerYear: Int?

    @Option(name: .long, help: "Also write the Markdown report to this file.")
    var markdown: String?

    func validate() throws {
        for (name, value) in [("--seconds-keyed", secondsKeyed), ("--seconds-verified", secondsVerified),
                              ("--seconds-page", secondsPage)] where !(value.isFinite && value >= 0 && value <= 3600) {
            throw ValidationError("\(name) must be a number of seconds between 0 and 3600")
        }
        if let n = pagesPerYear, n < 0 { throw ValidationError("--pages-per-year must not be negative") }
    }

    func run() throws {
        guard FileManager.default.isReadableFile(atPath: results) else {
            throw CLIError("results file not found or not readable: \(results)")
        }
        let pages = try ResultsReader.read(url: URL(fileURLWithPath: results))
        let assumptions = ReadRateAssumptions(secondsKeyed: secondsKeyed, secondsVerified: secondsVerified,
                                              secondsPage: secondsPage, pagesPerYear: pagesPerYear)
        let report = ReadRateReport.make(results: pages, forms: try definitions(), assumptions: assumptions)
        let md = report.markdown()
        if let markdown { try md.write(toFile: markdown, atomically: true, encoding: .utf8) }
        if json {
            FileHandle.standardOutput.write(try report.jsonData())
        } else {
            print(md, terminator: "")
        }
    }

    /// The definitions, for field order, labels and titles. The report does not need them: a missing
    /// default folder is fine, and a definition with problems is left out with a warning.
    func definitions() throws -> [FormDefinition] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: forms.forms, isDirectory: &isDir), isDir.boolValue else {
            if forms.forms != "FormDefinitions" {
                throw CLIError("form definitions folder not found: \(forms.forms) (use --forms DIR)")
            }
            stderrLine("note: no FormDefinitions folder here; fields are listed by key")
            return []
        }
        let (defs, problems) = DefinitionLoader.loadAll(directory: forms.url)
        for p in problems { stderrLine("warning: \(p) (left out of the report's field order)") }
        return defs.map(\.definition)
    }
}
