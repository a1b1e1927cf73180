/// Edit distance (insertions, deletions, substitutions, each costing 1).
public enum Levenshtein {
    public static func distance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// For each element of `a`, at 1-based position i, the 1-based position in `b` it is aligned
    /// with by the fewest edits (kept or substituted), or nil when it was deleted; index 0 is
    /// unused. ェエントウ against エントウ: [nil, nil, 1, 2, 3, 4].
    public static func counterparts<T: Equatable>(_ a: [T], _ b: [T]) -> [Int?] {
        // Distances of every pair of prefixes, then walked back from the ends.
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        if !a.isEmpty && !b.isEmpty {
            for i in 1...a.count {
                for j in 1...b.count {
                    d[i][j] = min(d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), d[i - 1][j] + 1, d[i][j - 1] + 1)
                }
            }
        }
        var counterpart = [Int?](repeating: nil, count: a.count + 1)
        var i = a.count, j = b.count
        while i > 0 && j > 0 {
            if d[i][j] == d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1) {
                counterpart[i] = j; i -= 1; j -= 1
            } else if d[i][j] == d[i - 1][j] + 1 {
                i -= 1
            } else {
                j -= 1
            }
        }
        return counterpart
    }

    /// Distance over `Character`s (grapheme clusters), so 髙 or が counts as one character.
    public static func distance(_ a: String, _ b: String) -> Int {
        distance(Array(a), Array(b))
    }
}
