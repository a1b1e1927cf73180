import ChohyoCore
import ChohyoImaging

/// Puts the voicing marks of a half-width kana (`HalfWidthKana`), found on the print and taken
/// out before the reading, back into the text read: each on the kana to its left.
enum HalfWidthKanaMarks {
    /// For each mark, how many characters of the reading (spaces aside) come up to and including
    /// its kana: the symbol whose box centre, in the widened cut, lies nearest the centre of the
    /// glyph the mark follows. (jpn's boxes of single symbols drift by a few pixels; a mark's
    /// left edge compared with them put two marks of エンドウシズカ one kana too far.)
    static func positions(of marks: [(kanaCentre: Double, mark: HalfWidthKana.Mark)], in symbols: [TesseractEngine.Symbol]) -> [Int]? {
        var centres: [Double] = []
        for s in symbols where !s.text.allSatisfy(\.isWhitespace) {
            guard let box = s.box else { return nil }
            // A symbol of several characters (rare) counts as many, all at its centre.
            let centre = Double(box.x) + Double(box.width) / 2
            centres.append(contentsOf: Array(repeating: centre, count: s.text.filter { !$0.isWhitespace }.count))
        }
        guard !centres.isEmpty else { return marks.isEmpty ? [] : nil }
        return marks.map { mark in
            let x = mark.kanaCentre * HalfWidthKana.widening
            let nearest = centres.indices.min { abs(centres[$0] - x) < abs(centres[$1] - x) }!
            return nearest + 1
        }
    }

    /// The positions of `positions` in the first reading carried over to another reading of the
    /// same cut, through the alignment of the two (`Levenshtein.counterparts`): a reading that differs by a
    /// character (ェエントウシスカ and エントウシスカ) still gets its marks on the same kana. Nil
    /// when a marked kana of the first has no counterpart in the other.
    static func carried(_ positions: [Int], from first: String, to other: String) -> [Int]? {
        let a = Array(first.filter { !$0.isWhitespace }), b = Array(other.filter { !$0.isWhitespace })
        let counterpart = Levenshtein.counterparts(a, b)
        var carried: [Int] = []
        for p in positions {
            guard p > 0, p <= a.count, let q = counterpart[p] else { return nil }
            carried.append(q)
        }
        return carried
    }

    /// The text with each mark joined into the kana it follows (カ + ﾞ → ガ): the marks found on
    /// the print after the counted characters, and any mark jpn read itself (a ﾞ too close to
    /// its kana to be taken out, read as "~" or "”"). A mark whose shape is unclear, or read by
    /// jpn, is ﾞ where only ﾞ fits (after カ–ト); after ハ–ホ it could be either. Nil when a mark
    /// is unclear there, has no kana before it, or its kana takes no such mark (ア + ﾞ).
    static func marked(_ text: String, marks: [HalfWidthKana.Mark], after positions: [Int]) -> String? {
        guard marks.count == positions.count else { return nil }
        var inserts: [Int: HalfWidthKana.Mark] = [:]
        for (mark, position) in zip(marks, positions) {
            guard position > 0, inserts[position] == nil else { return nil }
            inserts[position] = mark
        }
        var out: [Character] = [], counted = 0
        for c in text {
            if c.isWhitespace { out.append(c); continue }
            counted += 1
            if readMarks.contains(c) {
                // Joined into the kana before it, across any space jpn put between them.
                guard let k = out.lastIndex(where: { !$0.isWhitespace }), let joined = join(out[k], .unclear) else { return nil }
                out.removeSubrange(k...)
                out.append(joined)
            } else if let mark = inserts.removeValue(forKey: counted) {
                guard let joined = join(c, mark) else { return nil }
                out.append(joined)
            } else {
                out.append(c)
            }
        }
        return inserts.isEmpty ? String(out) : nil
    }

    /// The per-character confidences of a reading (one per character, spaces aside) once the
    /// marks jpn read as characters of their own are joined into their kana (`marked`): each such
    /// mark's confidence goes to its kana, the lower of the two kept. Unchanged when they do not
    /// line up with the text.
    static func joinedConfidences(_ confidences: [Double], of text: String) -> [Double] {
        let chars = text.filter { !$0.isWhitespace }
        guard chars.count == confidences.count else { return confidences }
        var out: [Double] = []
        for (c, confidence) in zip(chars, confidences) {
            if readMarks.contains(c), let last = out.last {
                out[out.count - 1] = min(last, confidence)
            } else {
                out.append(confidence)
            }
        }
        return out
    }

    /// What jpn reads a half-width ﾞ as, when it is left on the print.
    static let readMarks: Set<Character> = ["~", "〜", "”", "\"", "〃", "″", "゛", "ﾞ"]

    /// The kana with the mark, or nil when it takes none (or an unclear one could be either).
    static func join(_ kana: Character, _ mark: HalfWidthKana.Mark) -> Character? {
        func with(_ m: String) -> Character? {
            let joined = KanaNormalizer.toFullWidthKatakana(String(kana) + m)
            return joined.count == 1 ? joined.first : nil
        }
        switch mark {
        case .voiced: return with("\u{309B}")
        case .semiVoiced: return with("\u{309C}")
        case .unclear: return with("\u{309C}") == nil ? with("\u{309B}") : nil
        }
    }

    static let unplacedNote = "kana printed half-width: a voicing mark (ﾞ or ﾟ) could not be told or placed on its kana"
}
