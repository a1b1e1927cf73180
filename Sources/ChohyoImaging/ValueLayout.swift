import ChohyoCore
import Foundation

/// Matching a page by where its values sit, for a form printed in a dropout colour whose print
/// was lost on the way (a bilevel fax, a scanner that drops red): no ruled line is left, only
/// the typed or written values, and every one of them lies inside a field box. The template's
/// boxes are laid over the page's ink blobs at each orientation, scale and offset; the fit
/// that puts the most ink inside boxes wins, and the middle of the range of equally good fits
/// is taken, so that each value sits in its box with the most room on every side.
///
/// This places boxes around their values rather than to the millimetre (a value may sit
/// anywhere in its box), which is what cutting fields needs. A page with its own print (a
/// letter, another form) leaves much ink outside the boxes and scores low.
public enum ValueLayout {
    /// Field boxes at working resolution, grown by `tolerance`: each pixel holds the 1-based
    /// index of the box it lies in (0 = outside every box). For matching by print
    /// (`PrintLayout`) the map also holds the template's printed labels, as boxes numbered after
    /// the field boxes, and its ruled lines, along which broken pieces of rule are allowed.
    public struct BoxMap: Sendable {
        let width: Int
        let height: Int
        let labels: [UInt16]
        /// Number of field boxes (labels 1...boxCount); higher labels are printed labels.
        public let boxCount: Int
        /// Template line pixels, dilated (nil: none allowed).
        let lines: ByteGrid?

        init(boxes: [Box], scale: Double, width: Int, height: Int,
             printBoxes: [(x: Int, y: Int, width: Int, height: Int)] = [], lines: ByteGrid? = nil) {
            self.width = width
            self.height = height
            var labels = [UInt16](repeating: 0, count: width * height)
            func paint(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int, _ label: Int) {
                let t = ValueLayout.tolerance
                let (a, b) = (max(0, x0 - t), max(0, y0 - t))
                let (c, d) = (min(width - 1, x1 + t), min(height - 1, y1 + t))
                guard a <= c, b <= d else { return }
                for y in b...d { for x in a...c { labels[y * width + x] = UInt16(label) } }
            }
            // Field boxes last: where a label's box and a field box overlap, a value counts as a value.
            let usable = boxes.prefix(Int(UInt16.max) / 2)
            for (i, p) in printBoxes.prefix(Int(UInt16.max) / 2).enumerated() {
                paint(p.x, p.y, p.x + p.width - 1, p.y + p.height - 1, usable.count + 1 + i)
            }
            for (i, b) in usable.enumerated() {
                paint(Int((Double(b.x) * scale).rounded(.down)), Int((Double(b.y) * scale).rounded(.down)),
                      Int((Double(b.x + b.width) * scale).rounded(.up)), Int((Double(b.y + b.height) * scale).rounded(.up)), i + 1)
            }
            self.labels = labels
            boxCount = usable.count
            self.lines = lines
        }

        @inline(__always) func label(_ x: Int, _ y: Int) -> UInt16 {
            guard x >= 0, y >= 0, x < width, y < height else { return 0 }
            return labels[y * width + x]
        }

        @inline(__always) func onLine(_ x: Int, _ y: Int) -> Bool {
            guard let lines, x >= 0, y >= 0, x < width, y < height else { return false }
            return lines.bytes[y * width + x] != 0
        }
    }

    /// Working pixels a value may stand over its box's edge (0.5 mm at 100 dpi).
    static let tolerance = 2
    /// Blobs smaller than this on both sides (working pixels) are specks, not values.
    static let minBlobSide = 3

    /// A field box holds more than specks when it holds a mark at least `filledMarkSide`
    /// working pixels long (1.5 mm: a character, a tick) or `filledSpecks` marks (a light fax
    /// breaks a value into dots). The grain of a notebook page scanned in colour put a few specks
    /// into 7 of the 15 異動届出書 boxes its three lines of writing were fitted to (seed-17000
    /// set, matched by the spilled-ink rule). Only that rule counts these boxes: light faxes
    /// matched the usual way hold many boxes with fewer, smaller dots than this.
    static let filledMarkSide = 6.0
    static let filledSpecks = 8

    /// The marks a placement puts inside one field box.
    struct BoxMarks {
        var count = 0
        var longest = 0.0
        var filled: Bool { longest >= filledMarkSide || count >= filledSpecks }
    }

    /// A blob at least this high and wide (working pixels, 10 mm) is a seal or a stamp.
    static let maxValueBlobSide = 40

    /// One connected piece of ink: corners inclusive, at working resolution.
    struct Blob {
        let x0: Double, y0: Double, x1: Double, y1: Double
        let area: Double
    }

    public struct Fit: Sendable {
        /// page = scale × template + offset, in working pixels of the upright page.
        public let scale: Double
        public let offsetX: Double
        public let offsetY: Double
        /// Share of the ink (by blob area) that lies inside a field box.
        public let score: Double
        /// Distinct field boxes with ink in them…
        public let boxesHit: Int
        /// …and those holding more than specks (`BoxMarks.filled`).
        public let boxesFilled: Int
        public let blobs: Int
    }

    /// Marks this near the page's edge (working pixels, 5 mm) are left out of the value layout:
    /// a scanner lid's shadow or a fax's edge comes out as a row of specks along it, which
    /// pulled 8 legible 異動届出書 faxes of the tuning set and sixteen used held-out sets under
    /// the share of ink inside boxes. Field boxes lie 12.7 mm or more from the paper's edge on
    /// all three forms. (The print layout keeps them: leaving them out there matched a faxed
    /// 口座振替依頼書 to the 給与支払報告書.)
    static let valueEdgeMargin = 20

    /// The band `margin` pixels wide along the edge of the sheet as it was scanned, on a
    /// `width` × `height` image deskewed by `degrees` (turned clockwise about its centre, as
    /// `Deskew` turns it): 1 bpp, 1 inside the band and outside the sheet. Deskewing turns a lid
    /// shadow along the scan's edge into a slanting line that reaches into the page, past the
    /// margin kept clear along the deskewed image's edge: a faxed 異動届出書 of the seed-270500
    /// set, deskewed by 6.4°, kept 0.23 of its ink in such a line, outside every field box,
    /// and was left unclassified.
    static func sheetEdgeBand(width: Int, height: Int, margin: Int, degrees: Double) throws -> Image {
        var grid = ByteGrid(width: width, height: height, bytes: [UInt8](repeating: 0, count: width * height))
        let a = degrees * .pi / 180, c = cos(a), s = sin(a)
        let cx = Double(width) / 2, cy = Double(height) / 2, m = Double(margin)
        for y in 0..<height {
            let dy = Double(y) + 0.5 - cy
            for x in 0..<width {
                let dx = Double(x) + 0.5 - cx
                // Where the pixel was before the turn: turned back by −a.
                let px = cx + dx * c + dy * s, py = cy - dx * s + dy * c
                if px < m || py < m || px > Double(width) - m || py > Double(height) - m { grid.bytes[y * width + x] = 1 }
            }
        }
        return try grid.image(depth: 1)
    }

    /// The ink blobs of a 1 bpp working image, specks left out, and so is ink that touches the
    /// page's edge (a lid shadow, the scanner's edge, the corners a deskew brings in): nothing
    /// is written on a form right up to the edge of the sheet.
    /// - Parameter m: blobs within this many pixels of the edge are left out too.
    static func blobs(_ binary: Image, edgeMargin m: Int = 0) -> [Blob] {
        let w = binary.width, h = binary.height
        return binary.componentBoxes().compactMap { b in
            guard max(b.width, b.height) >= minBlobSide else { return nil }
            guard b.x > m, b.y > m, b.x + b.width < w - m, b.y + b.height < h - m else { return nil }
            // A seal or a rubber stamp (black on a fax) is no value and may sit anywhere.
            guard min(b.width, b.height) < maxValueBlobSide else { return nil }
            return Blob(x0: Double(b.x), y0: Double(b.y), x1: Double(b.x + b.width - 1), y1: Double(b.y + b.height - 1),
                        area: Double(b.width * b.height))
        }
    }

    /// A blob's corners in template pixels, for the placement page = s × template + (tx, ty).
    static func templateCorners(_ b: Blob, s: Double, tx: Double, ty: Double) -> (Int, Int, Int, Int) {
        (Int(((b.x0 - tx) / s).rounded()), Int(((b.y0 - ty) / s).rounded()),
         Int(((b.x1 - tx) / s).rounded()), Int(((b.y1 - ty) / s).rounded()))
    }

    /// The label of the box holding the blob whole (both its corners in it) for a placement,
    /// 0 when none does, and the blob's corners in template pixels (`templateCorners`).
    @inline(__always)
    static func boxHolding(_ b: Blob, _ map: BoxMap, s: Double, tx: Double, ty: Double) -> (label: UInt16, corners: (Int, Int, Int, Int)) {
        let corners = templateCorners(b, s: s, tx: tx, ty: ty)
        let a = map.label(corners.0, corners.1)
        return (a != 0 && a == map.label(corners.2, corners.3) ? a : 0, corners)
    }

    /// Share of blob area inside a box (or on a ruled line, when the map has lines), and the
    /// field boxes hit, for one placement.
    static func evaluate(_ blobs: [Blob], _ map: BoxMap, s: Double, tx: Double, ty: Double,
                         hits: inout [UInt16: BoxMarks], collect: Bool) -> Double {
        var inside = 0.0, total = 0.0
        for b in blobs {
            total += b.area
            let (a, (x0, y0, x1, y1)) = boxHolding(b, map, s: s, tx: tx, ty: ty)
            if a != 0 {
                inside += b.area
                if collect, Int(a) <= map.boxCount {
                    hits[a, default: BoxMarks()].count += 1
                    hits[a]!.longest = max(hits[a]!.longest, b.x1 - b.x0 + 1, b.y1 - b.y0 + 1)
                }
            } else if map.lines != nil, map.onLine(x0, y0), map.onLine(x1, y1) {
                inside += b.area
            }
        }
        return total > 0 ? inside / total : 0
    }

    /// One placement of the template's boxes: scale, shift of the page's centre, and the share
    /// of the ink it puts inside the boxes.
    typealias Placement = (s: Double, dx: Double, dy: Double, v: Double)

    /// The translation for a scale and a shift of the page's centre:
    /// page = s·(template − c) + c + d  ⇔  page = s·template + t with t = c·(1 − s) + d.
    static func translation(_ map: BoxMap, _ s: Double, _ dx: Double, _ dy: Double) -> (tx: Double, ty: Double) {
        let cx = Double(map.width) / 2, cy = Double(map.height) / 2
        return (cx * (1 - s) + dx, cy * (1 - s) + dy)
    }

    /// The coarse grid of `fit` (2 % of scale, 4 px of shift), scored on an even sample of the
    /// blobs (a busy page has thousands). It depends on the blobs and the map alone, so a
    /// second fit of the same blobs (`fit(coarse:)`) can reuse it.
    static func coarseSearch(blobs: [Blob], map: BoxMap, scales: ClosedRange<Double> = 0.94...1.06,
                             maxShift: Double = maxShift) -> [Placement] {
        var none: [UInt16: BoxMarks] = [:]
        let step = max(1, blobs.count / coarseBlobs)
        let sample = step == 1 ? blobs : stride(from: 0, to: blobs.count, by: step).map { blobs[$0] }
        let scaleSteps = Array(stride(from: scales.lowerBound, through: scales.upperBound + 1e-9, by: 0.02))
        let shifts = Array(stride(from: -maxShift, through: maxShift, by: 4))
        var out: [Placement] = []
        out.reserveCapacity(scaleSteps.count * shifts.count * shifts.count)
        for s in scaleSteps { for dy in shifts { for dx in shifts {
            let t = translation(map, s, dx, dy)
            out.append((s, dx, dy, evaluate(sample, map, s: s, tx: t.tx, ty: t.ty, hits: &none, collect: false)))
        } } }
        return out
    }

    /// The best placement of the template's boxes over the blobs: a coarse grid of scale and
    /// shift (`coarseSearch`), a fine one around the best, and the mean of the near-best fine
    /// placements. The shift is
    /// that of the page's centre and is kept within `maxShift`: a form's rows repeat at a
    /// fixed pitch, and with one row of values too faint to see, the rest fits just as well
    /// one row (18 mm) up; pages are not scanned that far off (`maxShift`).
    ///
    /// - Parameter fillingMostBoxes: of the near-best placements, coarse and fine, keep those
    ///   that fill the most boxes (`BoxMarks.filled`). A row of boxes side by side holds as much
    ///   ink when its values straddle two boxes as when each sits in its own, and values typed
    ///   from a box's left edge leave room on their right, so placements many millimetres apart
    ///   can hold the same share of the ink; a check mark lies in its small box in one of them
    ///   only. A faxed pink 異動届出書 of the seed-920500 set was placed 8 mm left of its values
    ///   so: 年税額 396,600 read 396 and its check marks fell beside their boxes.
    /// - Parameter coarse: the coarse grid of the same blobs, map, scales and shift, when it was
    ///   already searched (`coarseSearch`).
    static func fit(blobs: [Blob], map: BoxMap, scales: ClosedRange<Double> = 0.94...1.06,
                    maxShift: Double = maxShift, fillingMostBoxes: Bool = false, coarse searched: [Placement]? = nil) -> Fit {
        var none: [UInt16: BoxMarks] = [:]
        guard !blobs.isEmpty else { return Fit(scale: 1, offsetX: 0, offsetY: 0, score: 0, boxesHit: 0, boxesFilled: 0, blobs: 0) }
        func place(_ s: Double, _ dx: Double, _ dy: Double) -> (tx: Double, ty: Double) { translation(map, s, dx, dy) }
        // Coarse (2 % of scale, 4 px), then fine (0.5 %, 1 px) around the best coarse placement.
        let coarse = searched ?? coarseSearch(blobs: blobs, map: map, scales: scales, maxShift: maxShift)
        var c = coarse.max { $0.v < $1.v }!
        /// Those of the placements that fill the most boxes.
        func fillingMost(_ placements: [Placement]) -> [Placement] {
            let counts = placements.map { p -> Int in
                var hits: [UInt16: BoxMarks] = [:]
                let t = place(p.s, p.dx, p.dy)
                _ = evaluate(blobs, map, s: p.s, tx: t.tx, ty: t.ty, hits: &hits, collect: true)
                return hits.values.filter(\.filled).count
            }
            let most = counts.max()!
            return zip(placements, counts).filter { $0.1 == most }.map(\.0)
        }
        if fillingMostBoxes {
            c = fillingMost(coarse.filter { $0.v >= c.v - coarseTie }).max { $0.v < $1.v }!
        }
        var fine: [Placement] = []
        for s in stride(from: c.s - 0.02, through: c.s + 0.02 + 1e-9, by: 0.005) {
            for dy in stride(from: c.dy - 8, through: c.dy + 8, by: 1) { for dx in stride(from: c.dx - 8, through: c.dx + 8, by: 1) {
                let t = place(s, dx, dy)
                fine.append((s, dx, dy, evaluate(blobs, map, s: s, tx: t.tx, ty: t.ty, hits: &none, collect: false)))
            } }
        }
        var best = fine.max { $0.v < $1.v }!
        var plateau = fine.filter { $0.v >= best.v - 0.002 }
        if fillingMostBoxes, plateau.count > 1 {
            plateau = fillingMost(plateau)
            best = plateau.max { $0.v < $1.v }!
        }
        let n = Double(plateau.count)
        var chosen = (s: plateau.reduce(0) { $0 + $1.s } / n,
                      dx: plateau.reduce(0) { $0 + $1.dx } / n,
                      dy: plateau.reduce(0) { $0 + $1.dy } / n)
        var hits: [UInt16: BoxMarks] = [:]
        var t = place(chosen.s, chosen.dx, chosen.dy)
        var score = evaluate(blobs, map, s: chosen.s, tx: t.tx, ty: t.ty, hits: &hits, collect: true)
        // The mean of a bent plateau can fall off it; then keep the best grid point.
        if score < best.v - 0.01 {
            chosen = (best.s, best.dx, best.dy)
            hits = [:]
            t = place(chosen.s, chosen.dx, chosen.dy)
            score = evaluate(blobs, map, s: chosen.s, tx: t.tx, ty: t.ty, hits: &hits, collect: true)
        }
        return Fit(scale: chosen.s, offsetX: t.tx, offsetY: t.ty, score: score,
                   boxesHit: hits.count, boxesFilled: hits.values.filter(\.filled).count, blobs: blobs.count)
    }

    /// The share of the marks' area in lines of three marks or more (marks side by side, at
    /// most 1.5 heights apart) that fall into more than one field box or partly outside every
    /// box, for a placement: a value stays in its box; a letter's lines run on across boxes.
    static func spill(_ blobs: [Blob], _ map: BoxMap, fit: Fit) -> Double {
        let s = fit.scale, tx = fit.offsetX, ty = fit.offsetY
        let order = blobs.indices.sorted { blobs[$0].x0 < blobs[$1].x0 }
        var lines = DisjointSets(count: blobs.count)
        for (n, i) in order.enumerated() {
            let a = blobs[i]
            let ha = a.y1 - a.y0 + 1
            for j in order[(n + 1)...] {
                let b = blobs[j]
                let hb = b.y1 - b.y0 + 1
                let reach = 1.5 * max(ha, hb)
                if b.x0 - a.x1 > reach { break }
                let overlap = min(a.y1, b.y1) - max(a.y0, b.y0) + 1
                if overlap >= 0.5 * min(ha, hb) { lines.join(i, j) }
            }
        }
        var labels: [Int: Set<UInt16>] = [:], area: [Int: Double] = [:], count: [Int: Int] = [:]
        var total = 0.0
        for (i, b) in blobs.enumerated() {
            let (x0, y0, x1, y1) = templateCorners(b, s: s, tx: tx, ty: ty)
            let l0 = map.label(x0, y0), l1 = map.label(x1, y1)
            let r = lines.root(i)
            labels[r, default: []].formUnion([l0, l1])
            area[r, default: 0] += b.area
            count[r, default: 0] += 1
            total += b.area
        }
        var spilled = 0.0
        for (r, set) in labels where count[r]! >= 3 {
            if set.count > 1 || set.contains(0) { spilled += area[r]! }
        }
        return total > 0 ? spilled / total : 0
    }

    /// Coarse placements this near the best are compared by the boxes they fill (`fit`).
    static let coarseTie = 0.01

    /// Blobs the coarse grid looks at, at most (about).
    static let coarseBlobs = 300

    /// Largest shift of the page's centre searched, in working pixels (16 mm at 100 dpi):
    /// more than the 10 mm the pipeline promises, less than the 18 mm pitch of form rows.
    static let maxShift = 64.0
}
