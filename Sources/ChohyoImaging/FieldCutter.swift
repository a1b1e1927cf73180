import ChohyoCore

/// Cuts one field out of an upright page: maps the template box through the
/// alignment, drops red ink out, brings the cut to template resolution, removes
/// ruled lines that intrude from the cell border, and measures the ink left.
public enum FieldCutter {
    public struct Cut {
        /// 8 bpp black on white (binarised), template resolution, cleaned; with a white margin when `margin` > 0.
        public let image: Image
        /// Ink pixels left after line and speckle removal.
        public let inkPixels: Int
        /// Share of the box that was ink before speckle removal: a value printed so faintly
        /// (a light fax) that it broke into specks still shows here, a blank box does not.
        /// Bilevel pages only, 0 on grey ones: there a faint value keeps its strokes in grey
        /// and the specks that speckle removal takes are the paper's noise (tuning hard set:
        /// all 82 blank boxes with specks on grey scans were blank, all 28 faint values were
        /// on bilevel pages).
        public let rawInkShare: Double
        /// Share of the box covered by red/pink ink (seal, stamp, dropout print).
        public let sealInk: Double
        /// From a bilevel page: the same cut without its strokes grown, for a second reading.
        public var asScanned: Image? = nil
    }

    /// The part of a mapped box that lies on a page of this size, nil when too little of it
    /// does to cut.
    public static func onPage(_ m: (x: Int, y: Int, width: Int, height: Int), width: Int, height: Int)
        -> (x: Int, y: Int, width: Int, height: Int)? {
        let x = max(0, m.x), y = max(0, m.y)
        let w = min(width - x, m.width - (x - m.x)), h = min(height - y, m.height - (y - m.y))
        return w > 4 && h > 4 ? (x, y, w, h) : nil
    }

    /// - Parameters:
    ///   - margin: white border added for the recogniser (0 for check boxes).
    ///   - trim: cut the image down to its ink (plus `margin`): stray specks far from the
    ///     value are dropped and the recogniser has less to scan.
    ///   - smoothing: half-width of the mean filter over grown strokes (`bilevelSmoothing`;
    ///     0 leaves them as grown).
    ///   - sealStroke: least thickness (px) of red ink counted as a seal or stamp (`sealShare`).
    ///   - dotted: the page is bilevel with its strokes broken into dots (`DottedStrokes`):
    ///     grow them whatever the resolution.
    ///   - growth: window of the darkening that grows a bilevel page's strokes
    ///     (`bilevelStrokeGrowth`, or `faintPageStrokeGrowth` for a page read too faint).
    public static func cut(page: Image, alignment: Alignment, box: Box, margin: Int = 12, trim: Bool = true,
                           smoothing: Int = bilevelSmoothing, sealStroke: Int = sealStroke,
                           dotted: Bool = false, growth: Int = bilevelStrokeGrowth) throws -> Cut {
        try cut(try region(page: page, alignment: alignment, box: box), box: box, margin: margin, trim: trim,
                smoothing: smoothing, sealStroke: sealStroke, dotted: dotted, growth: growth)
    }

    /// The box's region on the page (`TemplateRegion`); an error when too little of it lies
    /// on the page to cut.
    public static func region(page: Image, alignment: Alignment, box: Box) throws -> TemplateRegion {
        guard let region = try TemplateRegion(page: page, alignment: alignment, box: box) else {
            throw ImagingError.operationFailed("field box falls outside the page")
        }
        return region
    }

    /// The cut of a box whose region was taken from the page already, as `PageStage` takes
    /// them once for `DottedStrokes` and the cuts both. Parameters as above.
    public static func cut(_ region: TemplateRegion, box: Box, margin: Int = 12, trim: Bool = true,
                           smoothing: Int = bilevelSmoothing, sealStroke: Int = sealStroke,
                           dotted: Bool = false, growth: Int = bilevelStrokeGrowth) throws -> Cut {
        let w = region.onPage.width, h = region.onPage.height
        let sealInk = try sealShare(region.split, area: w * h, stroke: sealStroke)
        let scaled = region.scaled
        // Only a bilevel page at fax resolution (the cut is enlarged to reach the template's
        // 300 dpi), or one whose strokes broke into dots all the same (`DottedStrokes`): at
        // 300 dpi and more, strokes are wide enough not to break, and growing them closed a 7
        // into a 1 and a 0 into an 8 on Samples' 300 and 400 dpi TIFFs.
        guard region.bilevel, dotted || Double(box.width) / Double(w) >= minUpscaleForGrowth else {
            let c = try clean(scaled, margin: margin, trim: trim)
            return Cut(image: c.image, inkPixels: c.ink, rawInkShare: region.bilevel ? c.rawInkShare : 0, sealInk: sealInk)
        }
        // A bilevel page at 200 dpi (a fax above all) breaks thin strokes into dots that speck
        // removal would take away; growing them by a pixel joins them again (tuning hard set,
        // 67 light faxes: exact 58.9 % → 65.6 %). Smoothing the grown strokes then gives them
        // the grey edges of a scanned stroke instead of a bilevel staircase (faxes of the tuning
        // set and of the seed-29000 and 31000 sets: exact 67.5 / 67.6 / 70.3 % →
        // 68.6 / 68.9 / 70.7 %, accepted 45.7 / 46.7 / 50.9 % → 46.3 / 47.9 / 52.4 %, no new
        // escape). The cut as it was is kept for a second reading.
        let thick = try scaled.darkened(size: growth)
        let grown = try clean(smoothing > 0 ? try thick.blurred(half: smoothing) : thick, margin: margin, trim: trim)
        let asScanned = try clean(scaled, margin: margin, trim: trim)
        return Cut(image: grown.image, inkPixels: grown.ink, rawInkShare: grown.rawInkShare, sealInk: sealInk,
                   asScanned: asScanned.image)
    }

    /// Shadow lifted, lines out, binarised, specks out, trimmed to the ink and given a white margin.
    static func clean(_ scaled: Image, margin: Int, trim: Bool) throws -> (image: Image, ink: Int, rawInkShare: Double) {
        let cleaned = try removeLines(try ShadowFlattening.flattened(scaled))
        // Recognisers read clean ink on white far better than a grey, speckled scan (katakana
        // names on the 30 samples: 6 misread from the raw grey cut, 2 from the cleaned one).
        let levels = Otsu.histogram(ByteGrid(cleaned))
        let threshold = min(Otsu.threshold(histogram: levels), maxInkThreshold, Otsu.median(histogram: levels) - minInkContrast)
        let thresholded = try cleaned.binary(threshold: threshold)
        let rawInkShare = Double(thresholded.inkCount()) / Double(max(1, cleaned.width * cleaned.height))
        let binary = try thresholded.keepingComponents(minSize: minComponent)
        removeIsolatedSpecks(binary)
        let ink = binary.inkCount()
        // Keep the grey levels of the strokes (anti-aliasing helps tell 0 from 8 and 9)
        // but make everything that is not ink, or not near it, pure white.
        var clean = try keepGray(cleaned, where: try binary.dilated(width: 3, height: 3))
        if trim, let b = binary.inkBounds() {
            clean = try clean.cropped(x: b.x - 4, y: b.y - 4, width: b.width + 8, height: b.height + 8)
        }
        let out = margin > 0 ? try clean.bordered(margin, value: 255) : clean
        return (out, ink, rawInkShare)
    }

    /// Share of the cut covered by a seal or stamp: red ink at least 5 px thick. A form
    /// printed in a dropout colour brings its own thin red rules and label strokes into a
    /// slightly misregistered cut (≤ 4 px at 300 dpi); a seal's rim and a stamp's strokes are
    /// thicker, and its filled parts are solid.
    static func sealShare(_ split: Dropout.Split, area: Int, stroke: Int = sealStroke) throws -> Double {
        guard let red = split.red, split.redPixels > 0 else { return 0 }
        return Double(try red.opened(width: stroke, height: stroke).inkCount()) / Double(max(1, area))
    }

    /// Red ink thinner than this is a dropout form's own print (`sealShare`).
    public static let sealStroke = 5

    /// Specks smaller than this (in both directions, template pixels at 300 dpi) are
    /// scanner noise; the smallest real marks (・, dakuten, commas) are larger.
    public static let minComponent = 5
    /// Window of the darkening applied to cuts from bilevel pages (grows strokes by 1 px).
    public static let bilevelStrokeGrowth = 3
    /// The same for a page read a second time because the first reading found it too faint
    /// (`PageLegibility`): strokes grown by 2 px join dots that 1 px leaves apart. On the 74
    /// bilevel pages of the used seed-930500 set (66 of them faxes), reading every one so put
    /// 15 more values right on the 27 pages called faint (247 → 262 of 587) and 31 more right
    /// ones accepted, with no escape, but cost 17 right values on the others (653 → 636 of
    /// 723): thicker strokes close the counters of legible kanji and digits. Hence only for
    /// faint pages.
    public static let faintPageStrokeGrowth = 5
    /// Half-width of the mean filter run over the grown strokes (a 5 × 5 window at 300 dpi).
    /// Smoothing alone, without growing, lost 5 points of exact on the tuning faxes: it fades
    /// the dots of a broken stroke instead of joining them.
    public static let bilevelSmoothing = 2
    /// Least enlargement of a bilevel cut (template pixels per page pixel) for its strokes to
    /// be grown: 1.5 for a 200 dpi page and a 300 dpi template.
    public static let minUpscaleForGrowth = 1.25

    /// Ink must be darker than this, whatever Otsu says: on a blank field Otsu splits
    /// the paper's own grain, which is not ink.
    public static let maxInkThreshold = 190

    /// …and darker than the cut's own paper (its median level) by this much. On grey paper the
    /// grain reaches below 190: an empty 中途退職 box on paper at 204, its grain down to 188,
    /// was read as ticked at 94 on the seed-31000 held-out set. On white paper (median 240 and
    /// more) this changes nothing; on the tuning set it changed 2 fields, both in review before
    /// and after.
    public static let minInkContrast = 30

    /// A mark smaller than this in both directions is small (dot, comma, dakuten, speck)…
    public static let smallMark = 14
    /// …and is dropped as a speck when no larger mark lies within this distance.
    /// Real small marks sit beside characters (給料・賞与, 1,234, ガ); specks float alone
    /// and would be read as "." or "'" at the end of a value.
    public static let speckIsolation = 28

    static func removeIsolatedSpecks(_ binary: Image) {
        let boxes = binary.componentBoxes()
        let large = boxes.filter { max($0.width, $0.height) >= smallMark }
        for b in boxes where max(b.width, b.height) < smallMark {
            let g = speckIsolation
            let near = large.contains { l in
                b.x < l.x + l.width + g && l.x - g < b.x + b.width && b.y < l.y + l.height + g && l.y - g < b.y + b.height
            }
            if !near { binary.clear(x: b.x, y: b.y, width: b.width, height: b.height) }
        }
    }

    /// Gray where `mask` is set, white elsewhere.
    static func keepGray(_ gray: Image, where mask: Image) throws -> Image {
        let m = ByteGrid(mask)
        var g = ByteGrid(gray)
        for i in 0..<g.bytes.count where m.bytes[i] == 0 { g.bytes[i] = 255 }
        return try g.image(depth: 8)
    }

    static func whiten(_ gray: Image, where mask: Image) throws -> Image {
        let m = ByteGrid(mask)
        guard m.bytes.contains(1) else { return gray }
        var g = ByteGrid(gray)
        for i in 0..<g.bytes.count where m.bytes[i] != 0 { g.bytes[i] = 255 }
        return try g.image(depth: 8)
    }

    /// Whitens long horizontal and vertical runs (cell borders caught by the cut).
    static func removeLines(_ gray: Image) throws -> Image {
        let bin = try gray.binary(threshold: 170)
        let hRun = max(60, Int(Double(gray.width) * 0.4))
        let vRun = max(40, Int(Double(gray.height) * 0.6))
        let h = try bin.opened(width: hRun, height: 1)
        let v = try bin.opened(width: 1, height: vRun)
        return try whiten(gray, where: try h.dilated(width: 3, height: 5).or(try v.dilated(width: 5, height: 3)))
    }
}
