/// Voicing marks (゛ and ゜) on a line of full-width katakana, counted on the print.
///
/// jpn drops a thin voicing mark it sees beside its kana at full confidence (タカギ read タカキ
/// at 99.9 on a 300 dpi bilevel scan, seed-640500 held-out set; on five earlier sets, 11 more
/// kana lost a mark and none gained one). A reading with fewer voiced kana than the print has
/// marks has lost one (`FragmentReader`).
///
/// A mark is small ink at the top of the line, just right of a glyph's body, in its right part:
/// ゛ is two short strokes, ゜ a small ring, both high on the right of the kana they voice. A
/// stroke of ゛ is no bigger than a speck (3 × 4 and 2 × 3 pixels on that scan; the cut as
/// cleaned kept the first alone), so a speck hugging a glyph's top right passes for one: on a
/// bilevel page at fax resolution, whose specks are grown with the strokes, one beside イ did,
/// and such pages are not checked (`FragmentReader`).
/// Small ink in a glyph's left part is the glyph's own (シ's dots, ン's and ソ's ticks, ネ's and
/// ウ's tops); low small ink is too (ト's stroke, ホ's dots). A mark joined to its kana's strokes
/// is not told apart, so a bold or grown print counts fewer marks: never more.
///
/// Re-run on that set, five earlier held-out sets and `Samples/`, this held that kana and no
/// other value. Before the line's band was asked for, two specks over タ held a right ムラタアヤ
/// (seed 620500); before a hiragana べ among katakana counted as voiced, three ワタナベ were held.
public enum VoicingMarks {
    /// A glyph's body is a component at least this share of the line's height tall.
    static let bodyHeight = 0.45
    /// A mark's strokes together are at most this share of the line's height in each direction…
    static let markMost = 0.32
    /// …and at least this much in one (a speck is less).
    static let markLeast = 0.12
    /// A mark starts at most this far below the line's top and ends above this (shares of its height).
    static let markTop = 0.15
    static let markBottom = 0.45
    /// It may start this far above the line's top, and reaches down into the line.
    static let markAbove = 0.25
    /// The mark's centre lies at least this far across the body it follows.
    static let rightPart = 0.6
    /// And it starts at most this far (share of the line's height) right of that body's ink.
    static let reach = 0.1
    /// The second stroke of ゛ starts at most this far right of the first.
    static let strokeGap = 0.15

    struct Rect {
        let x, y, width, height: Int
        var right: Int { x + width }
        var bottom: Int { y + height }
        var centreX: Double { Double(x) + Double(width) / 2 }
    }

    /// How many voicing marks the print of a one-line cut of full-width kana shows, given the
    /// cut as 1 bpp (`Image.binary`).
    public static func count(inBinary binary: Image) -> Int {
        count(binary.componentBoxes().map { Rect(x: $0.x, y: $0.y, width: $0.width, height: $0.height) })
    }

    /// The marks among the components of a line: the glyphs with one high on their right.
    static func count(_ parts: [Rect]) -> Int {
        guard let tallest = parts.map(\.height).max(), tallest > 0 else { return 0 }
        // The line: the full-size glyphs' median height and top (small kana sit lower).
        let full = parts.filter { Double($0.height) >= 0.6 * Double(tallest) }
        let h = Double(full.map(\.height).sorted()[full.count / 2])
        let top = Double(full.map(\.y).sorted()[full.count / 2])
        let bodies = parts.filter { Double($0.height) >= bodyHeight * h }
        // Within the line's band: specks wholly above it (two over タ, seed-620500 set) are not marks.
        let small = parts.filter {
            Double(max($0.width, $0.height)) <= markMost * h && Double($0.y) <= top + markTop * h
                && Double($0.y) >= top - markAbove * h && Double($0.bottom) > top
                && Double($0.bottom) <= top + markBottom * h
        }
        // Left to right: a stroke close after the last mark's is that mark's second stroke;
        // another needs a body it follows.
        var marks: [(host: Int, rect: Rect)] = []
        for m in small.sorted(by: { $0.x < $1.x }) {
            // A glyph's own small stroke lies over the left part of its body.
            let own = bodies.contains { b in
                Double(b.x) <= m.centreX && m.centreX <= Double(b.right) && m.centreX - Double(b.x) < rightPart * Double(b.width)
            }
            guard !own else { continue }
            if let last = marks.last, m.x >= last.rect.x, Double(m.x - last.rect.right) <= strokeGap * h {
                let r = last.rect
                marks[marks.count - 1].rect = Rect(x: r.x, y: min(r.y, m.y), width: max(r.right, m.right) - r.x,
                                                   height: max(r.bottom, m.bottom) - min(r.y, m.y))
                continue
            }
            let hosts = bodies.indices.filter { i in
                let b = bodies[i]
                return b.x < m.x && Double(m.x - b.right) <= reach * h && m.centreX - Double(b.x) >= rightPart * Double(b.width)
            }
            // The nearest body to its left: the one whose ink ends furthest right.
            guard let host = hosts.max(by: { bodies[$0].right < bodies[$1].right }) else { continue }
            marks.append((host, m))
        }
        let voiced = Set(marks.filter { max($0.rect.width, $0.rect.height) >= Int((markLeast * h).rounded(.up))
            && Double($0.rect.width) <= markMost * h && Double($0.rect.height) <= markMost * h }.map(\.host))
        return voiced.count
    }
}
