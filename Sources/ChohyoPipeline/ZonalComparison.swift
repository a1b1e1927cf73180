import ChohyoCore
import ChohyoImaging
import ChohyoRecognition
import Foundation

/// Benchmark helper: the common zonal approach (the `tesseract` command run once
/// per cropped field) against Chohyo's reused in-process engine, on the same crops.
public struct ZonalComparison: Sendable {
    public let fields: Int
    /// Seconds per field, one engine reused, one thread.
    public let inProcessPerField: Double
    /// Seconds per field, one `tesseract` process per crop, one at a time.
    public let commandPerField: Double
    public var speedup: Double { commandPerField / max(inProcessPerField, 1e-9) }

    /// Cuts the fields of up to `pages` pages of `inputs`, then reads every non-blank,
    /// non-checkbox crop both ways.
    public static func run(runner: BatchRunner, inputs: [String], pages: Int, tesseractCommand: String = "tesseract",
                           tessdata: String?) throws -> ZonalComparison {
        var fragments: [FieldFragment] = []
        var seen = 0
        for item in InputScanner.scan(inputs) where item.problem == nil && seen < pages {
            guard let source = try? ImageSource(path: item.path) else { continue }
            for p in 0..<source.pageCount where seen < pages {
                seen += 1
                let out = PageStage.run(PageTask(source: source, displayPath: item.path, pageIndex: p),
                                        forms: runner.forms, matcher: runner.matcher)
                fragments += out.fragments.map(\.fragment).filter {
                    $0.settings.type != .checkbox && $0.inkPixels >= FragmentReader.blankInkPixels
                }
            }
        }
        guard !fragments.isEmpty else { throw BatchError.definition("no readable fields found for the zonal comparison") }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chohyo-zonal-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var files: [(URL, ReadingSettings)] = []
        for (i, f) in fragments.enumerated() {
            let url = dir.appendingPathComponent("crop\(i).png")
            try f.image.writePNG(to: url.path)
            files.append((url, f.settings))
        }
        let reader = try FragmentReader(preload: ["jpn"], dataPath: tessdata)
        let t0 = Date()
        for f in fragments { _ = try reader.read(f) }
        let inProcess = Date().timeIntervalSince(t0) / Double(fragments.count)

        let t1 = Date()
        for (url, s) in files {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            var args = [tesseractCommand, url.path, "stdout", "-l", s.lang, "--psm", String(s.psm), "--dpi", String(s.dpi)]
            if let chars = s.chars { args += ["-c", "tessedit_char_whitelist=\(chars)"] }
            if let tessdata { args += ["--tessdata-dir", tessdata] }
            p.arguments = args
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            var env = ProcessInfo.processInfo.environment
            env["OMP_THREAD_LIMIT"] = "1"
            p.environment = env
            try p.run()
            p.waitUntilExit()
        }
        let command = Date().timeIntervalSince(t1) / Double(files.count)
        return ZonalComparison(fields: fragments.count, inProcessPerField: inProcess, commandPerField: command)
    }
}
