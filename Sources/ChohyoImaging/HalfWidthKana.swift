/// Katakana printed in half-width (ﾔﾏﾀﾞ ﾀﾛｳ), as payroll and banking systems print フリガナ and
/// 口座名義. jpn reads such a line as noise (ﾔﾏﾀﾞ ﾀﾛｳ in IPAゴシック as "ャYYが9 名9"): it knows
/// the full-width glyphs only. Widened by `widening` the glyphs look like full-width ones and are
/// read as such, but a voicing mark, printed as a character of its own (ﾀﾞ is ﾀ and ﾞ), is then
/// read as "~", '"' or not at all. So the marks are found on the print, taken out before the
/// reading and put back after it, on the kana to their left (`FragmentReader`).
public struct HalfWidthKana {
    public enum Mark: Equatable, Sendable {
        /// ﾞ (two short strokes): ｶﾞ → ガ.
        case voiced
        /// ﾟ (a small ring): ﾊﾟ → パ.
        case semiVoiced
        /// A mark whose shape tells neither (its strokes run together): a person looks.
        case unclear
    }

    /// The marks, left to right, each with the centre (x in the cut as given) of the glyph it
    /// follows: the kana that takes it.
    public let marks: [(kanaCentre: Double, mark: Mark)]
    /// The cut with the marks whitened out, widened by `widening`.
    public let bare: Image

    /// How much the cut is widened: a half-width glyph is half a full-width one's width.
    /// On 113 half-width kana of a hard set (seed 600001–602001), widening by 1.3 / 1.45 / 1.6 /
    /// 1.8 / 2.0 read 45 / 67 / 74 / 73 / 57 right (marks read by jpn, not yet put back).
    public static let widening = 1.6

    /// Whether the cut's print is half-width, and if so its marks and bare cut. A line is
    /// half-width when its glyphs (runs of inked columns at least `tallShare` of the tallest
    /// high) are narrow: median width below `narrowMedian` of their height and the 75th
    /// percentile below `narrowUpper`. On the kana cuts of a hard set typed half-width (113)
    /// and of one typed full-width (86), glyphs of full-width lines with four or more such runs
    /// had a median of 0.66 or more (0.66 and 0.67 on faxes broken into dots, 0.70 for ハラ ユミ,
    /// ハ being two runs) and a 75th percentile of 0.80 or more; half-width lines a median of
    /// 0.41–0.63.
    public static func detect(_ image: Image) throws -> HalfWidthKana? {
        let grid = ByteGrid(try image.depth == 8 ? image : image.gray())
        let runs = columnRuns(grid)
        guard let tallest = runs.map(\.height).max(), tallest > 0 else { return nil }
        let glyphs = runs.filter { Double($0.height) >= tallShare * Double(tallest) }
        guard glyphs.count >= minGlyphRuns else { return nil }
        let aspects = glyphs.map { Double($0.width) / Double($0.height) }.sorted()
        let median = aspects[aspects.count / 2], upper = aspects[min(aspects.count - 1, aspects.count * 3 / 4)]
        guard median < narrowMedian, upper < narrowUpper else { return nil }
        let heights = glyphs.map(\.height).sorted(), tops = glyphs.map(\.top).sorted()
        let h = Double(heights[heights.count / 2]), lineTop = Double(tops[tops.count / 2])
        guard let pitch = pitch(of: glyphs, height: h), pitchRange.contains(pitch) else { return nil }
        var marks: [(kanaCentre: Double, mark: Mark)] = []
        var bare = grid
        let isGlyph = { (run: Run) in Double(run.height) >= tallShare * Double(tallest) }
        // A mark is one run of small ink in the upper half of the line, or two side by side (the
        // strokes of ﾞ apart), close after a glyph.
        var i = 1
        while i < runs.count {
            defer { i += 1 }
            let small = { (run: Run) in
                !isGlyph(run) && Double(run.height) <= markHeight * h && Double(run.top) <= lineTop + markTop * h
                    && Double(run.top + run.height) <= lineTop + markBottom * h
            }
            guard small(runs[i]), isGlyph(runs[i - 1]),
                  Double(runs[i].x - (runs[i - 1].x + runs[i - 1].width)) <= markGap * h else { continue }
            var group = [runs[i]]
            while i + 1 < runs.count, small(runs[i + 1]),
                  Double(runs[i + 1].x - (group.last!.x + group.last!.width)) <= strokeGap * h { group.append(runs[i + 1]); i += 1 }
            let x = group[0].x, right = group.last!.x + group.last!.width
            let top = group.map(\.top).min()!, bottom = group.map { $0.top + $0.height }.max()!
            let box = Run(x: x, width: right - x, top: top, height: bottom - top)
            guard group.count <= 2, Double(box.width) <= markWidth * h, Double(box.height) <= markHeight * h,
                  Double(max(box.width, box.height)) >= markLeast * h else { continue }
            let kana = runs[i - group.count]
            marks.append((Double(kana.x) + Double(kana.width) / 2, group.count == 2 ? .voiced : shape(of: box, in: grid)))
            for y in box.top..<(box.top + box.height) {
                for x in box.x..<(box.x + box.width) { bare.bytes[y * grid.width + x] = 255 }
            }
        }
        let widened = try bare.image(depth: 8).scaled(x: widening, y: 1)
        return HalfWidthKana(marks: marks, bare: widened)
    }

    /// Median distance from one glyph run's left edge to the next one's, in glyph heights, over
    /// the runs that follow one another closely (a gap under `pitchGap` heights): nil when none
    /// do. Half-width kana advance by half an em, about two thirds of their height; full-width
    /// ones by a whole em, and the pieces of a full-width glyph that a light scan splits (the
    /// two strokes of リ) stand closer than half-width glyphs.
    static func pitch(of glyphs: [Run], height h: Double) -> Double? {
        var steps: [Double] = []
        for (a, b) in zip(glyphs, glyphs.dropFirst()) where Double(b.x - (a.x + a.width)) < pitchGap * h {
            steps.append(Double(b.x - a.x) / h)
        }
        return steps.isEmpty ? nil : steps.sorted()[steps.count / 2]
    }

    /// The pitch (`pitch(of:height:)`) of half-width print. Narrow glyphs alone also come from
    /// full-width kana typed in 明朝 and scanned at 200 dpi: their thin horizontals fade and the
    /// glyphs fall apart into vertical strokes. On 98 such cuts of the seed-500500 set (all in
    /// 明朝), 6 were taken for half-width by their narrow glyphs; their pitch was 0.44, 0.68, 0.96,
    /// 0.97 and 1.12, or none. The one at 0.68 (タカギ トモヤ) still is, and its misreading goes
    /// to a person. The 87 half-width cuts of grey and colour scans of the
    /// half-width tuning set (seeds 600001–602001) had 0.59–0.80, the 65 full-width ones of
    /// seed 310500 0.95 or more (ハラ ユミ, 0.95).
    static let pitchRange = 0.55...0.85
    static let pitchGap = 0.6

    /// A glyph run at least this share of the tallest run high counts as a glyph.
    static let tallShare = 0.6
    static let minGlyphRuns = 4
    static let narrowMedian = 0.64
    static let narrowUpper = 0.78
    /// A mark: at most this share of the glyph height high and wide…
    static let markHeight = 0.45
    static let markWidth = 0.6
    /// …at least this share across (a speck is smaller)…
    static let markLeast = 0.15
    /// …its two strokes, when apart, at most this far from each other…
    static let strokeGap = 0.15
    /// …at the top of the line (ｰ, at mid-height, is no mark)…
    static let markTop = 0.25
    /// …its bottom in the upper half of the line…
    static let markBottom = 0.55
    /// …and at most this far right of the glyph before it.
    static let markGap = 0.5

    struct Run { let x: Int; let width: Int; let top: Int; let height: Int }

    /// Runs of columns holding ink (darker than 160), with the height their ink spans.
    static func columnRuns(_ grid: ByteGrid) -> [Run] {
        var runs: [Run] = []
        var start: Int? = nil
        for x in 0...grid.width {
            let inked = x < grid.width && (0..<grid.height).contains { grid.at(x, $0) < inkLevel }
            if inked, start == nil { start = x }
            if !inked, let s = start {
                var top = grid.height, bottom = -1
                for y in 0..<grid.height where (s..<x).contains(where: { grid.at($0, y) < inkLevel }) {
                    top = min(top, y); bottom = max(bottom, y)
                }
                runs.append(Run(x: s, width: x - s, top: top, height: bottom - top + 1))
                start = nil
            }
        }
        return runs
    }

    static let inkLevel: UInt8 = 160

    /// ﾞ is two strokes side by side, ﾟ a ring: two or more pieces of ink make ﾞ, one piece
    /// around paper it encloses ﾟ; one piece enclosing nothing is unclear.
    static func shape(of run: Run, in grid: ByteGrid) -> Mark {
        let w = run.width, h = run.height
        var ink = [Bool](repeating: false, count: w * h)
        for y in 0..<h { for x in 0..<w { ink[y * w + x] = grid.at(run.x + x, run.top + y) < inkLevel } }
        if pieces(of: ink, width: w, height: h, value: true, connectToBorder: false) >= 2 { return .voiced }
        // Paper not reached from the border is enclosed by the ring.
        return pieces(of: ink, width: w, height: h, value: false, connectToBorder: true) > 0 ? .semiVoiced : .unclear
    }

    /// 8-connected pieces of `value` (ink) — or, with `connectToBorder`, 4-connected pieces of
    /// paper that do not touch the border.
    static func pieces(of ink: [Bool], width w: Int, height h: Int, value: Bool, connectToBorder: Bool) -> Int {
        var seen = [Bool](repeating: false, count: w * h)
        var count = 0
        for start in 0..<(w * h) where ink[start] == value && !seen[start] {
            var stack = [start], touches = false
            seen[start] = true
            while let p = stack.popLast() {
                let x = p % w, y = p / w
                if x == 0 || y == 0 || x == w - 1 || y == h - 1 { touches = true }
                let steps = connectToBorder ? [(1, 0), (-1, 0), (0, 1), (0, -1)]
                    : [(1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (1, -1), (-1, 1), (-1, -1)]
                for (dx, dy) in steps {
                    let nx = x + dx, ny = y + dy
                    guard nx >= 0, ny >= 0, nx < w, ny < h else { continue }
                    let q = ny * w + nx
                    if ink[q] == value && !seen[q] { seen[q] = true; stack.append(q) }
                }
            }
            if !connectToBorder || !touches { count += 1 }
        }
        return count
    }
}
