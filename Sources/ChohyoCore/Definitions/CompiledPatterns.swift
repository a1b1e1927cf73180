import Foundation

/// Each field's `pattern` compiled once per process, not once per value read (a batch checks
/// one per 提出先 on every page). A pattern that does not compile is remembered as such.
enum CompiledPatterns {
    private static let cache = OnceCache<Regex<AnyRegexOutput>?>()

    static func regex(_ pattern: String) -> Regex<AnyRegexOutput>? {
        cache.value(pattern) {
            let regex = try? Regex(pattern)
            // Matched once here, under the cache's lock, so that its lazily built program is
            // built before the batch's workers share it.
            if let regex { _ = try? regex.wholeMatch(in: "") }
            return regex
        }
    }
}
