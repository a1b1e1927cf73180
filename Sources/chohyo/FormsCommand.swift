import ArgumentParser
import ChohyoCore
import ChohyoImaging
import Foundation

struct Forms: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List, check and show form definitions.",
        subcommands: [List.self, Check.self, Show.self, Preview.self, Draft.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One definition per line: id, version, fields, title.")
        @OptionGroup var forms: FormsOption
        func run() throws {
            for d in try forms.loadOrExit() {
                let def = d.definition
                print("\(def.id)\tv\(def.version)\t\(def.fields.count) fields\t\(def.title)")
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate every definition; name the file, field and problem. Exit 65 on any problem.")
        @OptionGroup var forms: FormsOption
        func run() throws {
            let defs = try forms.loadOrExit()
            var bad = false
            for d in defs {
                do { _ = try TemplateModel(definition: d.definition, templateURL: d.templateURL) } catch {
                    stderrLine("error: \(DefinitionProblem.displayPath(d.fileURL)): template: \(error)")
                    bad = true
                }
            }
            if bad { throw ExitCode(65) }
            print("\(defs.count) definition\(defs.count == 1 ? "" : "s") OK")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one definition (with --json: machine-readable).")
        @Argument(help: "Form id.") var id: String
        @OptionGroup var forms: FormsOption
        @Flag(name: .long, help: "Print JSON: template (absolute path), template size, fields with key, label, type, box.")
        var json = false

        func run() throws {
            guard let d = try forms.loadOrExit().first(where: { $0.definition.id == id }) else {
                throw CLIError("no form definition with id '\(id)' in \(forms.forms)")
            }
            let def = d.definition
            let source = try ImageSource(path: d.templateURL.path)
            let size = (try? source.page(0)).map { [$0.width, $0.height] } ?? []
            if json {
                let obj: [String: Any] = [
                    "id": def.id, "version": def.version, "title": def.title,
                    "template": d.templateURL.standardizedFileURL.path,
                    "template_size": size, "dpi": def.dpi ?? 300,
                    "definition_file": d.fileURL.standardizedFileURL.path,
                    "fields": def.fields.map { f -> [String: Any] in
                        var o: [String: Any] = ["key": f.key, "label": f.label, "type": f.type.rawValue,
                                                "box": f.box.array, "required": f.required]
                        if let v = f.labelVariants { o["label_variants"] = v }
                        if let list = f.nameList { o["name_list"] = DefinitionLoader.nameListURL(list, file: d.fileURL).path }
                        if let key = f.readingOf { o["reading_of"] = key }
                        if let key = f.familyReadingOf { o["family_reading_of"] = key }
                        if f.nameAfterDepartment == true { o["name_after_department"] = true }
                        if let list = f.municipalityList { o["municipality_list"] = DefinitionLoader.nameListURL(list, file: d.fileURL).path }
                        return o
                    },
                    "rules": (def.rules ?? []).map { ["expr": $0.expr, "message": $0.message ?? ""] },
                ]
                let data = try JSONSerialization.data(withJSONObject: obj, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
                print(String(decoding: data, as: UTF8.self))
            } else {
                print("\(def.id) v\(def.version): \(def.title)")
                print("template: \(d.templateURL.path) \(size.map(String.init).joined(separator: "x"))")
                for f in def.fields {
                    var line = "  \(f.key)\t\(f.type.rawValue)\t\(f.box.array)\t\(f.required ? "required" : "optional")\t\(f.label)"
                    if f.nameList != nil {
                        line += "\tname list" + (f.readingOf.map { ", reading of \($0)" } ?? "")
                            + (f.nameAfterDepartment == true ? ", after a department" : "")
                    }
                    if f.municipalityList != nil { line += "\tmunicipality list" }
                    print(line)
                }
                for r in def.rules ?? [] { print("  rule: \(r.expr)") }
            }
        }
    }
}
