import ArgumentParser
import ChohyoExport
import ChohyoPipeline
import Foundation

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure throughput and memory on a folder of scans (see docs/BENCHMARKS.md).",
        discussion: """
        Runs the whole batch on INPUT with one worker per core and reports pages per \
        minute, fields per second per core and peak memory (max RSS of this process). \
        Then, unless --zonal-pages 0, it cuts the fields of the first pages and reads the \
        same crops both ways, one at a time: Chohyo's reused in-process engine, and the \
        common zonal approach of one `tesseract` command per crop.
        """
    )

    @Argument(help: ArgumentHelp("Scanned files or folders.", valueName: "input"))
    var inputs: [String]

    @OptionGroup var forms: FormsOption

    @Option(name: .long, help: "Output folder for the batch results.")
    var out: String = "bench-out"

    @Option(name: .long, help: "Pages whose fields are used for the zonal comparison (0: skip).")
    var zonalPages: Int = 5

    @Option(name: .long, help: "Recognition workers. Default: number of cores.")
    var workers: Int?

    @Flag(name: .long, help: "Print the figures as JSON.")
    var json = false

    func run() throws {
        let defs = try forms.loadOrExit()
        var options = BatchOptions(inputs: inputs, outputDirectory: URL(fileURLWithPath: out, isDirectory: true))
        if let workers { options.workers = workers }
        let runner = try BatchRunner(options: options, forms: defs)
        let t0 = Date()
        let summary = try runner.run()
        let elapsed = Date().timeIntervalSince(t0)
        let rss = peakRSSMiB()
        var figures: [String: Double] = [
            "pages": Double(summary.pagesTotal),
            "fields": Double(summary.fields.total),
            "workers": Double(options.workers),
            "seconds": elapsed,
            "pages_per_minute": Double(summary.pagesTotal) / elapsed * 60,
            "fields_per_second_per_core": Double(summary.fields.total) / elapsed / Double(options.workers),
            "peak_rss_mib_batch": rss,
        ]
        if zonalPages > 0 {
            let z = try ZonalComparison.run(runner: runner, inputs: inputs, pages: zonalPages, tessdata: nil)
            figures["zonal_fields"] = Double(z.fields)
            figures["zonal_in_process_ms_per_field"] = z.inProcessPerField * 1000
            figures["zonal_command_ms_per_field"] = z.commandPerField * 1000
            figures["zonal_speedup"] = z.speedup
        }
        if json {
            let data = try JSONSerialization.data(withJSONObject: figures, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        print(String(format: "pages                      %6.0f", figures["pages"]!))
        print(String(format: "fields                     %6.0f", figures["fields"]!))
        print(String(format: "workers                    %6.0f", figures["workers"]!))
        print(String(format: "wall time                  %8.1f s", elapsed))
        print(String(format: "pages per minute           %8.1f", figures["pages_per_minute"]!))
        print(String(format: "fields per second per core %8.1f", figures["fields_per_second_per_core"]!))
        print(String(format: "peak memory (max RSS)      %8.1f MiB (batch run)", rss))
        if let f = figures["zonal_fields"] {
            print(String(format: "zonal comparison on %.0f fields, one at a time:", f))
            print(String(format: "  in-process, engine reused %8.1f ms/field", figures["zonal_in_process_ms_per_field"]!))
            print(String(format: "  tesseract command per crop %7.1f ms/field", figures["zonal_command_ms_per_field"]!))
            print(String(format: "  speed-up                  %8.1fx", figures["zonal_speedup"]!))
        }
    }

    func peakRSSMiB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
