import ChohyoImaging

/// Two digits whose blurred strokes touch are one mark in the ink, too wide to be a digit, so
/// they stand in no ink run and their glyphs are never checked. On a 200 dpi colour scan of
/// the seed-680500 held-out set, …メゾンシティ402号 was accepted as 492号 at 100: the 4's bar ran
/// into the 0 (still at a grey level of 110), jpn read the 0 as 9, and the run 492 paired with
/// no ink run. Such a mark is split at its neck, the column of least ink near its middle, and
/// each half whose glyph is a 0's ring counts as a ring (`ringsInTouchingPairs`).
extension DigitRuns {
    /// A neck holds at most this share of the line's height in ink: one stroke across (the
    /// 4's bar), not the two or more a kanji's middle columns hold.
    static let maxNeckInk = 0.15
    /// The neck is looked for in this middle share of the mark's columns.
    static let neckBand = 0.3..<0.7

    /// The centres, in the line's columns, of 0s' rings within `span`, in marks two digits wide:
    /// a mark as tall as a digit, wider than one but no wider than two, split at its neck into
    /// two halves each as tall as a digit and no wider than one. Its ink: grey levels under
    /// `threshold`.
    static func ringsInTouchingPairs(_ image: Image, within span: Range<Int>, threshold: Int = inkThreshold) throws -> [Int] {
        let binary = try image.binary(threshold: threshold)
        let (chars, line) = characters(binary)
        let grid = ByteGrid(binary)
        func ink(_ x: Int, _ rows: Range<Int>) -> Int { rows.reduce(0) { $0 + Int(grid.at(x, $1)) } }
        var centres: [Int] = []
        for c in chars where c.x0 < span.upperBound && span.lowerBound < c.x1 {
            let width = Double(c.x1 - c.x0), rows = c.y0..<c.y1
            guard Double(rows.count) >= minDigitHeight * line, width > maxDigitWidth * line, width <= 2 * maxDigitWidth * line
            else { continue }
            let band = (c.x0 + Int(neckBand.lowerBound * width))..<(c.x0 + Int(neckBand.upperBound * width))
            guard let neck = band.min(by: { ink($0, rows) < ink($1, rows) }), Double(ink(neck, rows)) <= maxNeckInk * line
            else { continue }
            for half in [c.x0..<neck, (neck + 1)..<c.x1] where Double(half.count) <= maxDigitWidth * line {
                let inked = rows.filter { y in half.contains { grid.at($0, y) != 0 } }
                guard let top = inked.first, let bottom = inked.last, Double(bottom + 1 - top) >= minDigitHeight * line,
                      DigitShapes.shape(grid, x0: half.lowerBound, y0: top, x1: half.upperBound, y1: bottom + 1) == .ring
                else { continue }
                let centre = (half.lowerBound + half.upperBound) / 2
                if span.contains(centre) { centres.append(centre) }
            }
        }
        return centres
    }
}
