import ChohyoCore
import Foundation

/// Appends `PageResult`s to `results.jsonl`, one compact JSON object (sorted keys, UTF-8) per line.
///
/// Each line goes to the file with one `write(2)` as soon as it is appended, and by default is
/// also synced to disk, so the pages already done survive if the batch dies. An existing file is
/// appended to, never truncated. Safe to share between threads (appends are serialised).
public final class ResultsWriter: @unchecked Sendable {
    public let url: URL
    /// `fsync` after every line (default). Turn off only where speed matters more than a power cut.
    public let syncEachLine: Bool

    private let handle: FileHandle
    private let encoder = ResultsCoding.lineEncoder()
    private let lock = NSLock()
    private var closed = false
    public private(set) var linesWritten = 0

    public init(url: URL, syncEachLine: Bool = true) throws {
        self.url = url
        self.syncEachLine = syncEachLine
        let fm = FileManager.default
        if !fm.fileExists(atPath: url.path) {
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard fm.createFile(atPath: url.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        }
        handle = try FileHandle(forWritingTo: url)
        let end = try handle.seekToEnd()
        // A batch that died mid-line left no line end: start on a fresh line so the next record
        // is readable (the reader names the cut line).
        if end > 0 {
            let reader = try FileHandle(forReadingFrom: url)
            defer { try? reader.close() }
            try reader.seek(toOffset: end - 1)
            if try reader.read(upToCount: 1) != Data([0x0A]) {
                try handle.write(contentsOf: Data([0x0A]))
            }
        }
    }

    deinit { try? close() }

    /// Encodes and writes one line. Throws if encoding or writing fails; nothing partial is written
    /// by this call on an encoding failure.
    public func append(_ result: PageResult) throws {
        var line = try encoder.encode(result)
        line.append(0x0A)
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
        try handle.write(contentsOf: line)
        if syncEachLine { try handle.synchronize() }
        linesWritten += 1
    }

    public func append(contentsOf results: [PageResult]) throws {
        for result in results { try append(result) }
    }

    /// Syncs and closes the file. Safe to call twice.
    public func close() throws {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return }
        closed = true
        try handle.synchronize()
        try handle.close()
    }
}
