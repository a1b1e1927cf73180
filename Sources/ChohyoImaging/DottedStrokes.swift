import ChohyoCore

/// Whether a bilevel page scanned at 300 dpi or more has its strokes broken into dots, as a
/// light fax has. `FieldCutter` grows the strokes of bilevel cuts only at fax resolution: at
/// 300 dpi and more strokes are wide enough not to break, and growing them closed a 7 into a 1
/// and a 0 into an 8 on `Samples/`' 300 and 400 dpi TIFFs. A bilevel scan made with too light a
/// threshold breaks them all the same: on the seed-630500 held-out set a 400 dpi one read
/// 鹿児島市長 as 妥B島お挟, and 10 of the 14 digit fields missed on its 267 scanned pages lay on
/// that page. Its strokes grown, 20 of its 21 fields came out right, against 4.
///
/// The measure: a value's marks (8-connected) against those left once gaps of 2 px are closed.
/// Dots of one stroke join, whole characters do not. Over a page's value boxes holding 12
/// marks or more, the median is 3.6 on that page and 1.0–1.2 on `Samples/`' three bilevel
/// scans at 300 and 400 dpi (one box of each reached 1.9–2.8: a kana with its voicing marks);
/// two 300 dpi scans of the same set whose strokes were thin, not dotted, had 1.1 and 1.7, and
/// growing theirs gained one field on one and lost two on the other. So the page as a whole
/// decides, by the median of its boxes.
public enum DottedStrokes {
    /// Least median ratio of marks to marks with gaps closed for a page to count as dotted.
    public static let minMedianRatio = 2.0
    /// Boxes with fewer marks than this say nothing either way.
    public static let minMarks = 12
    /// Fewer measured boxes than this: not dotted.
    public static let minBoxes = 3

    /// Marks of a 1 bpp image against its marks once 2 px gaps are closed; nil with fewer
    /// than `minMarks`.
    public static func ratio(_ bilevel: Image) throws -> Double? {
        let marks = bilevel.componentBoxes().count
        guard marks >= minMarks else { return nil }
        let joined = try bilevel.closed(width: 3, height: 3).componentBoxes().count
        return Double(marks) / Double(max(1, joined))
    }

    /// The median `ratio` over the regions of a bilevel page's boxes (`TemplateRegion`) that
    /// are not enlarged to be read (300 dpi and more); nil for a page that is not bilevel or has
    /// too few boxes measured.
    public static func medianRatio(_ regions: [(box: Box, region: TemplateRegion)]) throws -> Double? {
        var ratios: [Double] = []
        for (box, region) in regions {
            // Enlarged to be read already on the page as a whole (a fax): not measured.
            guard region.bilevel, Double(box.width) / Double(region.onPage.width) < FieldCutter.minUpscaleForGrowth,
                  let r = try ratio(try region.split.gray.binary(threshold: 128)) else { continue }
            ratios.append(r)
        }
        guard ratios.count >= minBoxes else { return nil }
        let sorted = ratios.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    /// Whether the page's strokes are broken into dots (`minMedianRatio`), by the regions of its
    /// boxes.
    public static func onPage(_ regions: [(box: Box, region: TemplateRegion)]) throws -> Bool {
        (try medianRatio(regions) ?? 0) >= minMedianRatio
    }
}
