import ArgumentParser
import ChohyoExport
import ChohyoPipeline
import Foundation

struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read a batch of scanned forms (PNG, JPEG, TIFF incl. multi-page and G4 fax, PDF).",
        discussion: """
        INPUT may be files or folders (folders are read recursively; .json ground-truth \
        files beside the scans are skipped). Every page is turned upright, straightened, \
        matched to a form definition, cut into fields and read.

        Output in --out:
          results.jsonl   one line per page: source, page, form, status, error,
                          deskew_angle and fields
                          {value, text, confidence, status, reason}
          FORM.csv        one per form, one row per page, columns in definition order
          summary.json    counts, errors, pages per minute

        A bad file (corrupt, cut short, empty, wrong extension, too large) gets an error \
        line and a status "error" record; the rest of the batch goes on.
        Exit status: 0 when the batch ran (some pages may have failed and are listed), \
        64 for a usage error, 65 for a broken form definition.
        """
    )

    @Argument(help: ArgumentHelp("Scanned files or folders.", valueName: "input"))
    var inputs: [String]

    @OptionGroup var forms: FormsOption

    @Option(name: .long, help: ArgumentHelp("Output folder (created if missing).", valueName: "dir"))
    var out: String

    @Option(name: .long, help: "CSV encoding: cp932 (Excel, Shift_JIS) or utf8-bom.")
    var encoding: CSVEncoding = .cp932

    @Option(name: .long, help: "A character CP932 cannot hold: 'replace' with 〓 and report it, or 'fail' the export.")
    var unmappable: UnmappablePolicy = .replace

    @Option(name: .long, help: "Recognition workers (one Tesseract each). Default: number of cores.")
    var workers: Int?

    @Option(name: .long, help: ArgumentHelp("Tesseract data folder (default: Tesseract's own).", valueName: "dir"))
    var tessdata: String?

    @Flag(name: .long, help: "No progress and no summary on stderr (errors are still named). Without it, progress is a bar on a terminal, and a `progress:` line every 30 s when stderr goes to a file.")
    var quiet = false

    func validate() throws {
        if let w = workers, w < 1 || w > 64 { throw ValidationError("--workers must be between 1 and 64") }
    }

    func run() throws {
        let defs = try forms.loadOrExit()
        var options = BatchOptions(inputs: inputs, outputDirectory: URL(fileURLWithPath: out, isDirectory: true))
        options.encoding = encoding
        options.unmappable = unmappable
        if let workers { options.workers = workers }
        options.tessdata = tessdata
        let runner = try BatchRunner(options: options, forms: defs)
        let bar = ProgressBar(mode: quiet ? .off : isatty(2) != 0 ? .bar : .lines)
        let summary = try runner.run { p in
            // Errors are named as they happen, not only at the end.
            for e in p.newErrors { bar.clear(); stderrLine("error: \(e)") }
            bar.update(p)
        }
        bar.finish()
        if !quiet {
            // Errors were named as they happened; the summary only counts them.
            stderrLine(summary.renderText(errorsNamedAbove: true))
            stderrLine("Results: \(out)/results.jsonl, summary.json" + (summary.pagesByForm.isEmpty ? "" : ", " + summary.pagesByForm.keys.sorted().map { "\($0).csv" }.joined(separator: ", ")))
        }
    }
}

extension CSVEncoding: ExpressibleByArgument {}
extension UnmappablePolicy: ExpressibleByArgument {}
