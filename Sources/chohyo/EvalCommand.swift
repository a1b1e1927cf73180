import ArgumentParser
import ChohyoCore
import ChohyoExport
import Foundation

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score a batch's results against ground truth, per form and per field.",
        discussion: """
        Ground truth is NAME.json beside NAME.png (or .jpg/.tif) in the --truth folder:
          {"form": "kyuyo_shiharai_hokokusho", "fields": {"payee_name": "山田太郎", ...}}
        Reports exact match of normalised values, character error rate, the share accepted \
        automatically and the error escape: fields accepted although their value is wrong.
        """
    )

    @Option(name: .long, help: ArgumentHelp("Folder with the ground-truth NAME.json files; repeat it to score several folders (their file names must differ) in one report.", valueName: "dir"))
    var truth: [String]

    @Argument(help: ArgumentHelp("results.jsonl written by `chohyo batch`.", valueName: "results"))
    var results: String

    @OptionGroup var forms: FormsOption

    @Flag(name: .long, help: "Print the report as JSON instead of Markdown.")
    var json = false

    @Option(name: .long, help: "Also write the Markdown report to this file.")
    var markdown: String?

    func validate() throws {
        if truth.isEmpty { throw ValidationError("Missing --truth DIR: the folder with the ground-truth NAME.json files.") }
    }

    func run() throws {
        let defs = try forms.loadOrExit()
        let pages = try ResultsReader.read(url: URL(fileURLWithPath: results))
        let evaluator = Evaluator(forms: defs.map(\.definition)) { text, field in
            FieldValidator.validate(text, field: field).value ?? text
        }
        let report = try evaluator.evaluate(truthDirectories: truth.map { URL(fileURLWithPath: $0, isDirectory: true) },
                                            results: pages)
        let md = report.markdown()
        if let markdown { try md.write(toFile: markdown, atomically: true, encoding: .utf8) }
        if json {
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try enc.encode(report), as: UTF8.self))
        } else {
            print(md)
        }
    }
}
