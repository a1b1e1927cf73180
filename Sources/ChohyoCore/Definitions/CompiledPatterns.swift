import Foundation

/// Each field's `pattern` compiled once per process, not once per value read (a batch checks
/// one per 提出先 on every page). A pattern that does not compile is remembered as such.
final class CompiledPatterns: @unchecked Sendable {
    static let shared = CompiledPatterns()

    private let lock = NSLock()
    private var compiled: [String: Regex<AnyRegexOutput>?] = [:]

    func regex(_ pattern: String) -> Regex<AnyRegexOutput>? {
        lock.lock()
        defer { lock.unlock() }
        if let known = compiled[pattern] { return known }
        let regex = try? Regex(pattern)
        // Matched once here, under the lock, so that its lazily built program is built before
        // the batch's workers share it.
        if let regex { _ = try? regex.wholeMatch(in: "") }
        compiled[pattern] = .some(regex)
        return regex
    }
}
