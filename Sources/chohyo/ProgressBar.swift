import ChohyoPipeline
import Foundation

/// A one-line progress bar on stderr, only when stderr is a terminal.
final class ProgressBar {
    let enabled: Bool
    init(enabled: Bool) { self.enabled = enabled }

    func update(_ p: BatchProgress) {
        guard enabled else { return }
        let total = max(p.pagesKnown, p.pagesDone, 1)
        let share = Double(p.pagesDone) / Double(total)
        let width = 30
        let filled = Int(share * Double(width))
        let rate = p.elapsed > 0 ? Double(p.pagesDone) / p.elapsed * 60 : 0
        let line = String(format: "\r[%@%@] %d/%d pages (files %d/%d)  %.0f pages/min ",
                          String(repeating: "#", count: filled), String(repeating: ".", count: width - filled),
                          p.pagesDone, total, p.filesDone, p.filesTotal, rate)
        FileHandle.standardError.write(line.data(using: .utf8)!)
    }

    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write("\r\u{1B}[K".data(using: .utf8)!)
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write("\n".data(using: .utf8)!)
    }
}
