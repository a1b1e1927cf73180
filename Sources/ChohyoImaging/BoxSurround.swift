import ChohyoCore

/// Marks around a check box that the blank form does not have. A tick or a cross stays in or
/// near its box; a rubber stamp pressed over the box is larger than the box and leaves ink on
/// every side of it. On a colour scan the stamp's red is dropped out, but a fax turns it black,
/// and inside the box its strokes look like a tick.
///
/// Four strips around the box are looked at, each as long as the box's side and `ringShare` of
/// it deep, starting `frameGap` outside the frame (the frame and its misregistration are left
/// out): above, below, left and right. In each, the page's black ink that the template does not
/// have (the template's print grown by `templateGrowth` for misregistration, red print counted
/// as print) is measured as a share of the strip.
public enum BoxSurround {
    /// The template's print around one box, prepared once per definition.
    public struct Template: @unchecked Sendable {
        /// The region looked at, in template pixels: the box grown by the ring on each side
        /// (clipped to the template).
        public let region: Box
        /// The box itself, in template pixels.
        public let box: Box
        /// The region's size: the template's print, grown (1 where print, 0 elsewhere).
        let print: ByteGrid
        /// The template's print (not grown) counted per column and per row of the region, to
        /// find where it lies on the page (`localShift`).
        let columns: [Double]
        let rows: [Double]
        /// The template's black print itself, to check the page shows it where it was found.
        let black: ByteGrid
    }

    /// Depth of each strip as a share of the box's shorter side.
    public static let ringShare = 0.5
    /// Band just outside the frame left out (template pixels at 300 dpi): the frame's own
    /// width plus what misregistration and a fax's thickening add to it.
    public static let frameGap = 6
    /// Window by which the template's print is grown before it is taken away from the page's
    /// ink (registration is good to a few pixels; a fax thickens strokes by one or two).
    public static let templateGrowth = 9
    /// Grey levels under this count as ink, on the page and the template alike.
    public static let inkLevel = 160

    /// Prepares the template's surroundings of `box` (template pixels).
    public static func template(image: Image, box: Box) throws -> Template {
        let region = regionAround(box, width: image.width, height: image.height)
        let crop = try image.cropped(x: region.x, y: region.y, width: region.width, height: region.height)
        let print = try Dropout.structureGray(crop).binary(threshold: inkLevel)
        // Only black print is looked for on the page: red print is dropped out of a colour
        // scan and fades out of a fax (a form printed in pink has none to go by, and keeps
        // the mapped place).
        let black = try Dropout.split(crop.depth == 1 ? try crop.gray() : crop).gray.binary(threshold: inkLevel)
        return Template(region: region, box: box,
                        print: ByteGrid(try print.dilated(width: templateGrowth, height: templateGrowth)),
                        columns: black.columnProfile(), rows: black.rowProfile(), black: ByteGrid(black))
    }

    /// Shares of the strips above, below, left and right of the box that hold black ink the
    /// blank form does not have, on an upright page registered by `alignment`, the template's
    /// print moved to where it lies on the page (`localShift`). nil when the region falls off
    /// the page.
    public static func foreignInk(page: Image, alignment: Alignment, template t: Template) throws -> [Double]? {
        // The region and `maxShift` more on each side, cut from the page at template scale.
        let m = maxShift, r = t.region
        let wide = Box(x: r.x - m, y: r.y - m, width: r.width + 2 * m, height: r.height + 2 * m)
        guard let cut = try TemplateRegion(page: page, alignment: alignment, box: wide), cut.whole else { return nil }
        let scaled = try cut.scaled.binary(threshold: inkLevel)
        guard scaled.width >= wide.width - 2, scaled.height >= wide.height - 2 else { return nil }
        let ink = ByteGrid(scaled)
        // Where the template's print lies on this part of the page.
        var dx = localShift(page: scaled.columnProfile(), template: t.columns)
        var dy = localShift(page: scaled.rowProfile(), template: t.rows)
        if (dx, dy) != (0, 0), printFound(t.black, in: ink, dx: m + dx, dy: m + dy) < minPrintFound { (dx, dy) = (0, 0) }
        let known = t.print
        let bx = t.box.x - r.x, by = t.box.y - r.y, bw = t.box.width, bh = t.box.height
        let g = frameGap
        let strips = [(bx, 0, bw, by - g), (bx, by + bh + g, bw, r.height - (by + bh + g)),
                      (0, by, bx - g, bh), (bx + bw + g, by, r.width - (bx + bw + g), bh)]
        return strips.map { sx, sy, sw, sh in
            guard sw > 0, sh > 0 else { return 0 }
            var foreign = 0, area = 0
            for yy in sy..<min(sy + sh, known.height) {
                let py = yy + m + dy
                guard py >= 0, py < ink.height else { continue }
                for xx in sx..<min(sx + sw, known.width) {
                    let px = xx + m + dx
                    guard px >= 0, px < ink.width else { continue }
                    area += 1
                    if ink.at(px, py) != 0, known.at(xx, yy) == 0 { foreign += 1 }
                }
            }
            return area > 0 ? Double(foreign) / Double(area) : 0
        }
    }

    /// Registration is good to a millimetre or so over the page, but a scan scaled or bent a
    /// little puts a box's frame 15–20 px from where the page's alignment maps it (a 300 dpi
    /// grey scan at 105 % on the seed-480500 set: the frame of a ticked 中途退職 box lay in the
    /// strips, 12.9 % of one). Within `maxShift`, the template's print is moved to where the
    /// page's ink profile (one per axis) agrees with it best. `page` is `maxShift` longer at
    /// each end than `template`; the result is the shift from the centred position.
    public static func localShift(page: [Double], template: [Double]) -> Int {
        let m = maxShift
        guard page.count >= template.count + 2 * m, template.contains(where: { $0 > 0 }) else { return 0 }
        func agreement(_ d: Int) -> Double {
            var score = 0.0
            for i in template.indices where template[i] > 0 { score += template[i] * page[i + m + d] }
            return score
        }
        var best = 0, bestScore = agreement(0)
        let atZero = bestScore
        for d in -m...m where d != 0 {
            let score = agreement(d)
            if score > bestScore || (score == bestScore && abs(d) < abs(best)) { best = d; bestScore = score }
        }
        // The mapped place stands unless another agrees clearly better (ink inside the box or
        // a stamp's lines can make a small difference anywhere).
        return bestScore >= minShiftGain * atZero ? best : 0
    }

    /// The share of `print`'s ink that `ink` holds, `print` laid at (`dx`, `dy`) on it.
    static func printFound(_ print: ByteGrid, in ink: ByteGrid, dx: Int, dy: Int) -> Double {
        var total = 0, found = 0
        for y in 0..<print.height {
            for x in 0..<print.width where print.at(x, y) != 0 {
                total += 1
                let (px, py) = (x + dx, y + dy)
                if px >= 0, py >= 0, px < ink.width, py < ink.height, ink.at(px, py) != 0 { found += 1 }
            }
        }
        return total > 0 ? Double(found) / Double(total) : 0
    }

    /// A place found for the print is taken only where the page shows this share of it: on a
    /// light fax that lost a box's frame, the profiles meet the tick's strokes instead (a faxed
    /// 固定資産税 box on the seed-590500 set, frame and label gone: the tick was put in a strip).
    static let minPrintFound = 0.5

    /// How much better another place must agree than the mapped one to be taken.
    static let minShiftGain = 1.25

    /// The most the template's print is moved to meet the page's (template pixels at 300 dpi,
    /// about 2 mm).
    public static let maxShift = 24

    /// The box grown by the ring and the frame gap on each side, clipped to the template.
    static func regionAround(_ b: Box, width: Int, height: Int) -> Box {
        let ring = Int((Double(min(b.width, b.height)) * ringShare).rounded()) + frameGap
        let x0 = max(0, b.x - ring), y0 = max(0, b.y - ring)
        let x1 = min(width, b.x + b.width + ring), y1 = min(height, b.y + b.height + ring)
        return Box(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
}
