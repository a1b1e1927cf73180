/// Runs of characters one character apart: one misread, lost or read twice. Place names,
/// prefectures and legal forms are each put right when a run read is so near exactly one of
/// them (`MunicipalityList.mended`, `Prefecture.near`, `LegalEntityWords`).
enum OneCharacterOff {
    /// The one index at which two runs of equal length differ; nil if none or several.
    static func misreadAt(_ a: ArraySlice<Character>, _ b: ArraySlice<Character>) -> Int? {
        guard a.count == b.count else { return nil }
        var at: Int? = nil
        for (i, j) in zip(a.indices, b.indices) where a[i] != b[j] {
            if at != nil { return nil }
            at = i - a.startIndex
        }
        return at
    }

    /// Where `run` (one longer than `head`) holds a character of `head` twice over, the second
    /// copy; nil if it does not.
    static func doubledAt(_ run: ArraySlice<Character>, _ head: [Character]) -> Int? {
        guard run.count == head.count + 1 else { return nil }
        let r = Array(run)
        var i = 0
        while i < head.count, r[i] == head[i] { i += 1 }
        guard i > 0, r[i] == r[i - 1], r[(i + 1)...].elementsEqual(head[i...]) else { return nil }
        return i
    }

    /// Where `head` lost one character to give `run` (one shorter); nil if it did not.
    /// The first place that fits is taken: a doubled character lost reads the same either way.
    static func lostAt(_ run: ArraySlice<Character>, _ head: [Character]) -> Int? {
        guard run.count == head.count - 1 else { return nil }
        let r = Array(run)
        var i = 0
        while i < r.count, r[i] == head[i] { i += 1 }
        // head[i] was lost: the rest must follow on.
        guard r[i...].elementsEqual(head[(i + 1)...]) else { return nil }
        return i
    }
}
