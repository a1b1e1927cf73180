/// Runs of characters one character apart: one misread, lost or read twice. Place names,
/// prefectures and legal forms are each put right when a run read is so near exactly one of
/// them (`MunicipalityList.mended`, `Prefecture.near`, `LegalEntityWords`); a long place name
/// also when two characters were misread (`misreadTwiceAt`).
public enum OneCharacterOff {
    /// The one index at which two runs of equal length differ; nil if none or several.
    static func misreadAt(_ a: ArraySlice<Character>, _ b: ArraySlice<Character>) -> Int? {
        misread(a, b, count: 1)?.first
    }

    /// The two indices at which two runs of equal length differ; nil if fewer or more.
    static func misreadTwiceAt(_ a: ArraySlice<Character>, _ b: ArraySlice<Character>) -> [Int]? {
        misread(a, b, count: 2)
    }

    /// The indices (from 0) at which two runs of equal length differ, when there are exactly
    /// `count` of them.
    static func misread(_ a: ArraySlice<Character>, _ b: ArraySlice<Character>, count: Int) -> [Int]? {
        guard a.count == b.count else { return nil }
        var at: [Int] = []
        for (i, j) in zip(a.indices, b.indices) where a[i] != b[j] {
            if at.count == count { return nil }
            at.append(i - a.startIndex)
        }
        return at.count == count ? at : nil
    }

    /// Where `run` (one longer than `head`) holds a character of `head` twice over, the second
    /// copy; nil if it does not.
    public static func doubledAt(_ run: ArraySlice<Character>, _ head: [Character]) -> Int? {
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
