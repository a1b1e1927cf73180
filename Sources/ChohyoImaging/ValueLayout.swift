import ChohyoCore

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
    /// index of the box it lies in (0 = outside every box).
    public struct BoxMap: Sendable {
        let width: Int
        let height: Int
        let labels: [UInt8]
        public let boxCount: Int

        init(boxes: [Box], scale: Double, width: Int, height: Int) {
            self.width = width
            self.height = height
            var labels = [UInt8](repeating: 0, count: width * height)
            let usable = boxes.prefix(255)
            for (i, b) in usable.enumerated() {
                let x0 = max(0, Int((Double(b.x) * scale).rounded(.down)) - ValueLayout.tolerance)
                let y0 = max(0, Int((Double(b.y) * scale).rounded(.down)) - ValueLayout.tolerance)
                let x1 = min(width - 1, Int((Double(b.x + b.width) * scale).rounded(.up)) + ValueLayout.tolerance)
                let y1 = min(height - 1, Int((Double(b.y + b.height) * scale).rounded(.up)) + ValueLayout.tolerance)
                guard x0 <= x1, y0 <= y1 else { continue }
                for y in y0...y1 { for x in x0...x1 { labels[y * width + x] = UInt8(i + 1) } }
            }
            self.labels = labels
            boxCount = usable.count
        }

        @inline(__always) func label(_ x: Int, _ y: Int) -> UInt8 {
            guard x >= 0, y >= 0, x < width, y < height else { return 0 }
            return labels[y * width + x]
        }
    }

    /// Working pixels a value may stand over its box's edge (0.5 mm at 100 dpi).
    static let tolerance = 2
    /// Blobs smaller than this on both sides (working pixels) are specks, not values.
    static let minBlobSide = 3

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
        /// Distinct field boxes with ink in them.
        public let boxesHit: Int
        public let blobs: Int
    }

    /// The ink blobs of a 1 bpp working image, specks left out.
    static func blobs(_ binary: Image) -> [Blob] {
        binary.componentBoxes().compactMap { b in
            guard max(b.width, b.height) >= minBlobSide else { return nil }
            return Blob(x0: Double(b.x), y0: Double(b.y), x1: Double(b.x + b.width - 1), y1: Double(b.y + b.height - 1),
                        area: Double(b.width * b.height))
        }
    }

    /// Share of blob area inside a box, and the boxes hit, for one placement.
    static func evaluate(_ blobs: [Blob], _ map: BoxMap, s: Double, tx: Double, ty: Double,
                         hits: inout Set<UInt8>, collect: Bool) -> Double {
        var inside = 0.0, total = 0.0
        for b in blobs {
            total += b.area
            let a = map.label(Int(((b.x0 - tx) / s).rounded()), Int(((b.y0 - ty) / s).rounded()))
            guard a != 0 else { continue }
            let c = map.label(Int(((b.x1 - tx) / s).rounded()), Int(((b.y1 - ty) / s).rounded()))
            if a == c {
                inside += b.area
                if collect { hits.insert(a) }
            }
        }
        return total > 0 ? inside / total : 0
    }

    /// The best placement of the template's boxes over the blobs: a coarse grid of scale and
    /// shift, a fine one around the best, and the mean of the near-best fine placements. The shift is
    /// that of the page's centre and is kept within `maxShift`: a form's rows repeat at a
    /// fixed pitch, and with one row of values too faint to see, the rest fits just as well
    /// one row (18 mm) up; pages are not scanned that far off (`maxShift`).
    static func fit(blobs: [Blob], map: BoxMap, scales: ClosedRange<Double> = 0.94...1.06,
                    maxShift: Double = maxShift) -> Fit {
        var none = Set<UInt8>()
        guard !blobs.isEmpty else { return Fit(scale: 1, offsetX: 0, offsetY: 0, score: 0, boxesHit: 0, blobs: 0) }
        let cx = Double(map.width) / 2, cy = Double(map.height) / 2
        // page = s·(template − c) + c + d  ⇔  page = s·template + t with t = c·(1 − s) + d.
        func place(_ s: Double, _ dx: Double, _ dy: Double) -> (tx: Double, ty: Double) {
            (cx * (1 - s) + dx, cy * (1 - s) + dy)
        }
        func scan(scales: [Double], shifts: [Double]) -> [(s: Double, dx: Double, dy: Double, v: Double)] {
            var out: [(s: Double, dx: Double, dy: Double, v: Double)] = []
            out.reserveCapacity(scales.count * shifts.count * shifts.count)
            for s in scales { for dy in shifts { for dx in shifts {
                let t = place(s, dx, dy)
                out.append((s, dx, dy, evaluate(blobs, map, s: s, tx: t.tx, ty: t.ty, hits: &none, collect: false)))
            } } }
            return out
        }
        // Coarse (2 % of scale, 4 px), then fine (0.5 %, 1 px) around the best coarse placement.
        let coarse = scan(scales: Array(stride(from: scales.lowerBound, through: scales.upperBound + 1e-9, by: 0.02)),
                          shifts: Array(stride(from: -maxShift, through: maxShift, by: 4)))
        let c = coarse.max { $0.v < $1.v }!
        var fine: [(s: Double, dx: Double, dy: Double, v: Double)] = []
        for s in stride(from: c.s - 0.02, through: c.s + 0.02 + 1e-9, by: 0.005) {
            for dy in stride(from: c.dy - 8, through: c.dy + 8, by: 1) { for dx in stride(from: c.dx - 8, through: c.dx + 8, by: 1) {
                let t = place(s, dx, dy)
                fine.append((s, dx, dy, evaluate(blobs, map, s: s, tx: t.tx, ty: t.ty, hits: &none, collect: false)))
            } }
        }
        let best = fine.max { $0.v < $1.v }!
        let plateau = fine.filter { $0.v >= best.v - 0.002 }
        let n = Double(plateau.count)
        var chosen = (s: plateau.reduce(0) { $0 + $1.s } / n,
                      dx: plateau.reduce(0) { $0 + $1.dx } / n,
                      dy: plateau.reduce(0) { $0 + $1.dy } / n)
        var hits = Set<UInt8>()
        var t = place(chosen.s, chosen.dx, chosen.dy)
        var score = evaluate(blobs, map, s: chosen.s, tx: t.tx, ty: t.ty, hits: &hits, collect: true)
        // The mean of a bent plateau can fall off it; then keep the best grid point.
        if score < best.v - 0.01 {
            chosen = (best.s, best.dx, best.dy)
            hits = []
            t = place(chosen.s, chosen.dx, chosen.dy)
            score = evaluate(blobs, map, s: chosen.s, tx: t.tx, ty: t.ty, hits: &hits, collect: true)
        }
        return Fit(scale: chosen.s, offsetX: t.tx, offsetY: t.ty, score: score, boxesHit: hits.count, blobs: blobs.count)
    }

    /// Largest shift of the page's centre searched, in working pixels (16 mm at 100 dpi):
    /// more than the 10 mm the pipeline promises, less than the 18 mm pitch of form rows.
    static let maxShift = 64.0
}
