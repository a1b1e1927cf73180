import Foundation

/// What a batch says about its progress while it runs: a bar redrawn in place on a terminal,
/// or, when stderr goes to a log (a scheduled job, an RPA robot), a plain line now and then,
/// so that whoever reads the log can see the batch is alive and when it will end.
public struct ProgressReport {
    /// Seconds before the first plain line, and between lines: a batch of a few pages says
    /// nothing until its summary, and a log of a 2,000-page batch holds about 40 lines.
    public static let firstLineAfter = 10.0
    public static let lineEvery = 30.0

    private var lastLine: Double? = nil

    public init() {}

    /// The plain line due at this report, if any (not on a terminal: that has the bar).
    public mutating func line(for p: BatchProgress) -> String? {
        let due = lastLine.map { p.elapsed - $0 >= Self.lineEvery } ?? (p.elapsed >= Self.firstLineAfter)
        guard due, p.pagesDone > 0 else { return nil }
        lastLine = p.elapsed
        return "progress: " + Self.describe(p)
    }

    /// Pages the batch holds as far as it knows: those of the files opened so far, and at
    /// least one for each file not yet opened (files are opened as their pages are reached).
    public static func pagesExpected(_ p: BatchProgress) -> Int {
        max(p.pagesKnown + max(p.filesTotal - p.filesDone, 0), p.pagesDone, 1)
    }

    /// `120/300 pages (files 120/300 opened), 80 pages/min, about 2 min left`. A multi-page
    /// file not yet opened counts as one page until it is, so the time left may grow.
    public static func describe(_ p: BatchProgress) -> String {
        let total = pagesExpected(p)
        var text = "\(p.pagesDone)/\(total) pages (files \(p.filesDone)/\(p.filesTotal) opened)"
        guard p.elapsed > 0, p.pagesDone > 0 else { return text }
        let perMinute = Double(p.pagesDone) / p.elapsed * 60
        text += String(format: ", %.0f pages/min", perMinute)
        if p.pagesDone < total {
            let left = Double(total - p.pagesDone) / perMinute
            text += ", " + (left < 1 ? "" : "about ") + minutes(left) + " left"
        }
        return text
    }

    static func minutes(_ m: Double) -> String {
        m < 1 ? "under 1 min" : m < 90 ? "\(Int(m.rounded())) min" : String(format: "%.1f h", m / 60)
    }
}
