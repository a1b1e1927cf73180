import ChohyoPipeline
import Foundation

/// Progress on stderr: a one-line bar redrawn in place when stderr is a terminal, plain
/// `progress:` lines now and then when it goes to a log (`ProgressReport`), nothing when quiet.
final class ProgressBar {
    enum Mode { case bar, lines, off }
    let mode: Mode
    private var report = ProgressReport()

    init(mode: Mode) { self.mode = mode }

    func update(_ p: BatchProgress) {
        switch mode {
        case .off:
            return
        case .lines:
            if let line = report.line(for: p) { FileHandle.standardError.write((line + "\n").data(using: .utf8)!) }
        case .bar:
            let total = ProgressReport.pagesExpected(p)
            let width = 30
            let filled = min(width, Int(Double(p.pagesDone) / Double(total) * Double(width)))
            let line = "\r[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
                + ProgressReport.describe(p) + " "
            FileHandle.standardError.write(line.data(using: .utf8)!)
        }
    }

    /// Before a line of its own (an error named as it happens): the bar is wiped first.
    func clear() {
        guard mode == .bar else { return }
        FileHandle.standardError.write("\r\u{1B}[K".data(using: .utf8)!)
    }

    func finish() {
        guard mode == .bar else { return }
        FileHandle.standardError.write("\n".data(using: .utf8)!)
    }
}
