import ChohyoImaging

/// Typed digits checked against the shapes of their glyphs.
///
/// eng and jpn both read the 0 of some typed fonts as 9, 8 or 6, a leading 0 above all
/// ("03-…" as "93-…", "048-…" as "948-…"), and their readings at other scales and as one word
/// often agree on the error. The glyphs tell them apart by their holes: a 0 is a ring, one hole
/// from top to bottom, or two where a slash cuts it (one up and left, one down and right); an 8
/// has two holes one above the other, a 9 one in its upper half, a 6 one in its lower half.
///
/// Measured on the scanned pages of the tuning hard set and of the seed-21000 held-out set
/// (every digit of every number-like field paired with its glyph, about 30,000 glyphs): of 4,535
/// glyphs with a ring's shape, 4,532 were 0s (the others an 8, a 4 and a bracket), and 4,532
/// of the 4,539 0s that could be paired had a ring's shape.
enum DigitShapes {
    enum Shape: Equatable {
        /// A 0: one hole from top to bottom, or two cut apart by a slash.
        case ring
        /// One hole in the upper half (9, 4) or in the lower half (6, 4).
        case upperHole, lowerHole
        /// Two holes one above the other (8, and a 0 whose slash is nearly upright).
        case stackedHoles
        /// No hole (1, 2, 3, 5, 7, a broken stroke).
        case other
        /// Three holes or more: a slashed 0 or an 8 with a hole split by a gap in a stroke, a
        /// digit with a mark across it.
        case manyHoles
    }

    /// One character's ink, or several touching ones (`characters` > 1: not checked).
    struct Glyph: Equatable {
        var shape: Shape
        var characters: Int
        /// Its columns in the cut, [x0, x1).
        var x0 = 0, x1 = 0
        /// How wide its ink is across its top and across its foot (`bandShare` of its rows each).
        var top = 0, foot = 0
        /// Its rows' count, top to foot.
        var height = 0
        /// Its columns' count.
        var width: Int { x1 - x0 }
        /// Of a glyph with one hole: the hole's lowest row, as a share of the glyph's height.
        var holeBottom: Double? = nil
        /// How wide its ink is across its narrowest row in its middle (`waistBand`): an 8's
        /// waist, where its loops meet, or a 0's two sides.
        var waist = 0
    }

    /// A glyph is a character of the line when it is at least this share of the tallest one,
    /// as a digit's marks are in `DigitRuns`.
    static let minHeight = DigitRuns.minDigitHeight
    /// A hole from at most this far below the top to at least this far above the bottom
    /// (shares of the glyph's height) makes a ring.
    static let ringReach = 0.3
    /// Two holes are a slashed 0, not an 8, when the lower one's centre lies at least this
    /// share of the glyph's width right of the upper one's (two-hole glyphs on the tuning hard
    /// set's scans: 0s 0.10 and more but for 2 of 961; 8s at most 0.07 but for 1 of 1,220).
    static let slashOffset = 0.09
    /// Holes smaller than this (pixels), or than this share of the glyph's largest hole, are
    /// gaps in blurred strokes, not holes.
    static let minHole = 4
    static let minHoleShare = 0.2

    /// Characters a number's text may hold besides digits and the separators: they are glyphs
    /// of their own in the ink.
    static let otherGlyphs: Set<Character> = ["〒"]
    /// Characters that are not glyphs of a digit's height.
    static let lowGlyphs: Set<Character> = [",", ".", "-", "−", "ー", " ", "・"]

    /// A digit, or another character a number's glyphs may stand for (`otherGlyphs`).
    static func isGlyphOfNumber(_ c: Character) -> Bool {
        c.isASCII && c.isNumber || otherGlyphs.contains(c)
    }

    /// The glyphs of a one-line cut, left to right, its ink the grey levels under `threshold`.
    static func glyphs(in image: Image, threshold: Int = DigitRuns.inkThreshold) throws -> [Glyph] {
        let binary = try image.binary(threshold: threshold)
        let grid = ByteGrid(binary)
        // Marks that overlap by half the narrower one's width are one character (the slash
        // inside a 0, the parts of a broken stroke).
        var boxes: [(x0: Int, y0: Int, x1: Int, y1: Int)] = []
        for m in binary.componentBoxes().filter({ $0.width * $0.height >= 9 }).sorted(by: { $0.x < $1.x }) {
            let b = (x0: m.x, y0: m.y, x1: m.x + m.width, y1: m.y + m.height)
            if let last = boxes.last {
                let overlap = min(last.x1, b.x1) - max(last.x0, b.x0)
                if Double(overlap) >= 0.5 * Double(min(last.x1 - last.x0, b.x1 - b.x0)) {
                    boxes[boxes.count - 1] = (min(last.x0, b.x0), min(last.y0, b.y0), max(last.x1, b.x1), max(last.y1, b.y1))
                    continue
                }
            }
            boxes.append(b)
        }
        guard let tallest = boxes.map({ $0.y1 - $0.y0 }).max() else { return [] }
        let tall = boxes.filter { Double($0.y1 - $0.y0) >= minHeight * Double(tallest) }
        let widths = tall.map { $0.x1 - $0.x0 }.sorted()
        let median = Double(max(1, widths[widths.count / 2]))
        return tall.map { b in
            let band = max(1, Int((bandShare * Double(b.y1 - b.y0)).rounded()))
            let (shape, holeBottom) = shapeAndHole(grid, x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1)
            return Glyph(shape: shape,
                         characters: max(1, Int((Double(b.x1 - b.x0) / median).rounded())), x0: b.x0, x1: b.x1,
                         top: inkSpan(grid, x0: b.x0, x1: b.x1, rows: b.y0..<(b.y0 + band)),
                         foot: inkSpan(grid, x0: b.x0, x1: b.x1, rows: (b.y1 - band)..<b.y1), height: b.y1 - b.y0,
                         holeBottom: holeBottom, waist: waist(grid, x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1))
        }
    }

    /// Share of a glyph's rows at its top, and at its foot, whose ink is measured across.
    static let bandShare = 0.15

    /// The rows of a glyph where its waist is looked for, as shares of its height from the top.
    static let waistBand = 0.35...0.65

    /// The narrowest ink span (`inkSpan`) of the rows in `waistBand` of [y0, y1).
    static func waist(_ grid: ByteGrid, x0: Int, y0: Int, x1: Int, y1: Int) -> Int {
        let h = Double(y1 - y0)
        let rows = (y0 + Int((waistBand.lowerBound * h).rounded()))...(y0 + Int((waistBand.upperBound * h).rounded()))
        return rows.map { inkSpan(grid, x0: x0, x1: x1, rows: $0..<($0 + 1)) }.min() ?? 0
    }

    /// From the leftmost to the rightmost ink (1 in `grid`) of the rows in [x0, x1); 0 when none.
    static func inkSpan(_ grid: ByteGrid, x0: Int, x1: Int, rows: Range<Int>) -> Int {
        var left = Int.max, right = Int.min
        for y in rows.clamped(to: 0..<grid.height) {
            for x in max(0, x0)..<min(grid.width, x1) where grid.at(x, y) != 0 {
                left = min(left, x); right = max(right, x)
            }
        }
        return left <= right ? right - left + 1 : 0
    }

    /// The shape of the ink (1 in `grid`) in [x0, x1) × [y0, y1), by its holes: white regions
    /// that do not reach the box's edge.
    static func shape(_ grid: ByteGrid, x0: Int, y0: Int, x1: Int, y1: Int) -> Shape {
        shapeAndHole(grid, x0: x0, y0: y0, x1: x1, y1: y1).shape
    }

    /// `shape`, and for a glyph of one hole, where the hole ends below (a share of the glyph's
    /// height).
    static func shapeAndHole(_ grid: ByteGrid, x0: Int, y0: Int, x1: Int, y1: Int) -> (shape: Shape, holeBottom: Double?) {
        let w = x1 - x0, h = y1 - y0
        guard w > 2, h > 2 else { return (.other, nil) }
        var label = [Int32](repeating: 0, count: w * h)
        struct Hole { var area = 0, top = Int.max, bottom = 0, sumX = 0, sumY = 0 }
        var holes: [Hole] = []
        var stack: [Int] = []
        for start in 0..<(w * h) where label[start] == 0 && grid.at(x0 + start % w, y0 + start / w) == 0 {
            label[start] = 1
            stack.append(start)
            var hole = Hole(), reachesEdge = false
            while let i = stack.popLast() {
                let x = i % w, y = i / w
                hole.area += 1; hole.top = min(hole.top, y); hole.bottom = max(hole.bottom, y)
                hole.sumX += x; hole.sumY += y
                if x == 0 || y == 0 || x == w - 1 || y == h - 1 { reachesEdge = true }
                for (nx, ny) in [(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)] where nx >= 0 && ny >= 0 && nx < w && ny < h {
                    let j = ny * w + nx
                    if label[j] == 0 && grid.at(x0 + nx, y0 + ny) == 0 { label[j] = 1; stack.append(j) }
                }
            }
            if !reachesEdge && hole.area >= minHole { holes.append(hole) }
        }
        // A pinhole where a 6's curl nearly meets its stem is not a second hole.
        let largest = holes.map(\.area).max() ?? 0
        holes.removeAll { Double($0.area) < minHoleShare * Double(largest) }
        let span = Double(h - 1), across = Double(w - 1)
        func centre(_ hole: Hole) -> (x: Double, y: Double) {
            (Double(hole.sumX) / Double(hole.area) / across, Double(hole.sumY) / Double(hole.area) / span)
        }
        switch holes.count {
        case 1:
            let hole = holes[0]
            let bottom = Double(hole.bottom) / span
            if Double(hole.top) / span <= ringReach && bottom >= 1 - ringReach { return (.ring, bottom) }
            return (centre(hole).y < 0.5 ? .upperHole : .lowerHole, bottom)
        case 2:
            let ordered = holes.sorted { centre($0).y < centre($1).y }
            return (centre(ordered[1]).x - centre(ordered[0]).x >= slashOffset ? .ring : .stackedHoles, nil)
        case 0:
            return (.other, nil)
        default:
            return (.manyHoles, nil)
        }
    }

    /// The text with every 6, 8 or 9 whose glyph is a ring read as 0. The text's characters
    /// are paired with the glyphs in order (`paired`). Touching glyphs are skipped, not guessed
    /// at.
    ///
    /// The other way round, a 0 on a glyph with one hole in a half, is not flagged: on the
    /// tuning set and the seed-21000 held-out set it would have sent 2 right values to a
    /// person and caught no wrong one.
    ///
    /// And every 1 whose glyph has a 7's shape (`hasSevensShape`) read as 7: eng reads the 7 of
    /// both typed fonts as 1 now and then, at a confidence near the others'.
    ///
    /// With `onesToo`, a 1 on a ring is read as 0 as well: a 1 has no hole in any typeface. A
    /// 生命保険料の控除額 of 0 typed with a slashed 0 was read 1 by eng as a line (82.9) and by
    /// jpn alike, and accepted at 97.2, on a scan of the seed-790500 held-out set: its glyph
    /// is a ring, and read enlarged as one character, both models read it 0. Asked for a
    /// number field's own readings only (`FragmentReader`), not for the digits of a line of
    /// text (`DigitRuns`).
    static func mended(_ text: String, against glyphs: [Glyph], onesToo: Bool = false) -> String? {
        var chars = Array(text)
        guard let pairs = paired(chars, glyphs) else { return nil }
        for (i, g) in pairs where g.shape == .ring && (onesToo ? "1689" : "689").contains(chars[i]) { chars[i] = "0" }
        if let (digits, digitWidth) = digitsButOnes(chars, pairs), case let heights = digits.map(\.glyph.height).sorted(),
           Double(digitWidth) >= minDigitAspect * Double(heights[heights.count / 2]) {
            for (i, g) in pairs where chars[i] == "1" && hasSevensShape(g, digitWidth: digitWidth) { chars[i] = "7" }
        }
        return String(chars)
    }

    /// The digits' median width must be at least this share of their median height for a 7's
    /// bar to be measured against it: whole typed digits are 0.51–0.70 as wide as high (945
    /// numbers of the grey and colour scans of the seed-240500 set's 給与支払報告書 and of five
    /// pages of seeds 260500–300500), the strokes left of a light fax's digits 0.21 (1,319,185
    /// faxed so was shown as 7,374,126 before this).
    static let minDigitAspect = 0.4

    /// Whether a glyph has a 7's shape: a bar across its top as wide as the number's digits
    /// (`sevenTop` of their median width) on a narrow foot (under `sevenFoot`). A 1 is narrow at
    /// its top, a flag and a stem, whether or not it stands on a bar; 2, 3 and 5 are wide at
    /// their foot. On the grey and colour scans of the seed-240500 held-out set's 給与支払報告書
    /// (683 1s, 591 7s, paired with their glyphs), the 1s spanned at most 0.59 of a digit's width at their top,
    /// the 7s at least 0.83 but for one, at most 0.40 at their foot. The 7s read as 1 on the
    /// scans of seeds 260500–300500 spanned 0.95–1.0 at their top, 0.19–0.35 at their foot;
    /// among them 77,959 accepted as 17,959.
    static func hasSevensShape(_ g: Glyph, digitWidth: Int) -> Bool {
        guard digitWidth > 0 else { return false }
        let width = Double(digitWidth)
        return Double(g.top) >= sevenTop * width && Double(g.foot) <= sevenFoot * width
    }
    static let sevenTop = 0.8
    static let sevenFoot = 0.5

    /// The glyphs with the first one counted as one character when the text opens with a 〒 and
    /// the glyph is two digits wide: the mark is full-width, so counted by width it stood for two
    /// characters and no postal code could be paired with its glyphs. On the scans of seeds
    /// 260500–300500, 6 postal codes with a 0 read as 6 or 9 (〒616-4831 for 610-4831) went
    /// unmended for it. Wider still, it touches a digit and is left as it is.
    static func signCounted(_ tall: [Character], _ glyphs: [Glyph]) -> [Glyph] {
        guard let first = tall.first, otherGlyphs.contains(first), var sign = glyphs.first, sign.characters == 2 else { return glyphs }
        sign.characters = 1
        return [sign] + glyphs.dropFirst()
    }

    /// The indices in the text of the 9s that stand on a glyph without a hole (`paired`). The
    /// loops of 6, 8 and 9 are closed in every typed font, so a stroke is broken there, or the
    /// glyph is another digit: a 0 broken open at its shoulder reads as 9 (…389065 read
    /// …389965 by both readings of a corporate number on a bilevel 300 dpi scan of the
    /// seed-270500 set), and so may a 5 (2,359,531 read 2,359,931, seed 950500).
    static func ninesOnHolelessGlyphs(_ text: String, against glyphs: [Glyph]) -> [Int] {
        let chars = Array(text)
        guard let pairs = paired(chars, glyphs) else { return [] }
        return pairs.filter { i, g in chars[i] == "9" && g.shape == .other }.map(\.index)
    }

    /// Whether a digit of one hole or none (all but 0 and 8) stands on a glyph with three holes
    /// or more (`manyHoles`). A 0 or an 8 so read is most likely right: a gap in a slashed 0's
    /// slash, or in an 8's waist, adds the third hole (80367135 on a seed-0 tuning page).
    static func readOnManyHoledGlyph(_ text: String, against glyphs: [Glyph]) -> Bool {
        read(["1", "2", "3", "4", "5", "6", "7", "9"], on: .manyHoles, in: text, against: glyphs)
    }

    /// Whether a 9 stands on a glyph whose one hole, in its upper half, reaches well below the
    /// glyph's middle (`minSlashedHoleBottom`). A slashed 0 whose lower half broke open keeps
    /// one hole, the part above and left of its slash, and reads as 9: 03-9707-0647 read
    /// 03-9707-9647 by both readings at 98.6 on a bilevel 300 dpi scan of the seed-670500
    /// held-out set and accepted, that 0's hole reaching 0.68 of the glyph's height. A 9's loop
    /// ends near the middle: on the bilevel pages (faxes and scans) of the seed-660500 set and
    /// of a fifth of the seed-650500 set's, the holes of the 216 9s of number fields paired with
    /// their glyphs ended at 0.56 of the height or higher up. Re-run on the seed-640500–660500
    /// sets and `Samples/`, the check held one right value, a 9 on a 200 dpi colour JPEG whose
    /// hole reached 0.60, and changed nothing else.
    static func readNineOnLowHole(_ text: String, against glyphs: [Glyph]) -> Bool {
        let chars = Array(text)
        guard let pairs = paired(chars, glyphs) else { return false }
        return pairs.contains { i, g in chars[i] == "9" && g.shape == .upperHole && (g.holeBottom ?? 0) >= minSlashedHoleBottom }
    }
    static let minSlashedHoleBottom = 0.6

    /// Whether a 6 or a 9 stands on a glyph with two holes one above the other (`stackedHoles`),
    /// an 8's shape (or a 0's with its slash upright). Blurred small print closes an 8's lower
    /// loop enough for both readings to read 9: 8553893643 read 9553899643 by both readings of a
    /// 宛名番号 on a 200 dpi colour scan of the seed-830500 held-out set, the two 9s at 96.5 and
    /// 97.1, and accepted; as cut, the first of them has two holes (the other touches a 3).
    /// Only 6 and 9, the digits an 8 with one loop shut reads as: on the saved runs of nine
    /// used sets (seeds 780500–830500) and two tuning sets, 1,500 form pages, a right 64,487 on
    /// a 200 dpi JPEG with a stamp was held for a 4 of two holes. With 6 and 9 alone, the one
    /// value newly held there is the 宛名番号 above.
    static func readOnEightsShape(_ text: String, against glyphs: [Glyph]) -> Bool {
        read(["6", "9"], on: .stackedHoles, in: text, against: glyphs)
    }

    /// Whether an 8 stands on a glyph as wide across its middle as a 0 (`waist` at least
    /// `zeroWaist` of its width): an 8's loops meet in a waist narrower than they are, a 0's
    /// sides run straight down. A speck or scratch inside a 0 makes it read as 8:
    /// 2030848905 read 2830848905 at 95.8 by both readings of a 宛名番号 on a 200 dpi colour
    /// scan of the seed-700500 held-out set and accepted; that glyph's waist was 0.94 of its
    /// width, the 8s beside it 0.59 and the 0s 0.88.
    static func readEightWithoutWaist(_ text: String, against glyphs: [Glyph]) -> Bool {
        let chars = Array(text)
        guard let pairs = paired(chars, glyphs) else { return false }
        return pairs.contains { i, g in chars[i] == "8" && g.width > 0 && Double(g.waist) >= zeroWaist * Double(g.width) }
    }
    static let zeroWaist = 0.8

    /// Whether a digit other than 1 stands on a glyph no wider than a 1 (under `narrowGlyph` of
    /// the number's other digits' median width). A speck at a 1's foot makes it read as another
    /// digit: 914945877111 read 914945877113 by both readings of a 指定番号 on a 200 dpi scan
    /// of the seed-410500 held-out set, its last glyph 0.59 of a digit wide, and accepted. On
    /// the scans of the tuning hard set (about 14,000 glyphs paired), every digit but 1 was at
    /// least 0.81 as wide as the median (a 7's narrow foot), and 1s 0.37–0.95.
    static func readOnNarrowGlyph(_ text: String, against glyphs: [Glyph]) -> Bool {
        let chars = Array(text)
        guard let pairs = paired(chars, glyphs), let (digits, digitWidth) = digitsButOnes(chars, pairs) else { return false }
        return digits.contains { Double($0.glyph.width) < narrowGlyph * Double(digitWidth) }
    }
    static let narrowGlyph = 0.7

    /// The pairs (`paired`) whose character is a digit other than 1, and their glyphs' median
    /// width, a digit's width in the number's font (a 1 is narrow in every font); nil when none.
    static func digitsButOnes(_ chars: [Character], _ pairs: [(index: Int, glyph: Glyph)]) -> (digits: [(index: Int, glyph: Glyph)], width: Int)? {
        let digits = pairs.filter { chars[$0.index].isASCII && chars[$0.index].isNumber && chars[$0.index] != "1" }
        let widths = digits.map(\.glyph.width).sorted()
        guard !widths.isEmpty else { return nil }
        return (digits, widths[widths.count / 2])
    }

    /// Whether one of `digits` in the text stands on a glyph of `shape` (`paired`).
    static func read(_ digits: Set<Character>, on shape: Shape, in text: String, against glyphs: [Glyph]) -> Bool {
        let chars = Array(text)
        guard let pairs = paired(chars, glyphs) else { return false }
        return pairs.contains { i, g in g.shape == shape && digits.contains(chars[i]) }
    }

    /// The text's characters of a digit's height, each paired in order with the glyph standing
    /// for it alone; nil when they cannot be paired one to one or the text holds other
    /// characters than digits, separators and 〒. Glyphs of touching characters are left out.
    static func paired(_ chars: [Character], _ glyphs: [Glyph]) -> [(index: Int, glyph: Glyph)]? {
        let tall = chars.indices.filter { !lowGlyphs.contains(chars[$0]) }
        let glyphs = signCounted(tall.map { chars[$0] }, glyphs)
        guard !tall.isEmpty, tall.allSatisfy({ isGlyphOfNumber(chars[$0]) }),
              glyphs.reduce(0, { $0 + $1.characters }) == tall.count else { return nil }
        var out: [(index: Int, glyph: Glyph)] = []
        var k = 0
        for g in glyphs {
            if g.characters == 1 { out.append((tall[k], g)) }
            k += g.characters
        }
        return out
    }
}
