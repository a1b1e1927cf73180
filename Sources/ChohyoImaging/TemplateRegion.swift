import ChohyoCore

/// A box of the template cut from a registered page: cropped where the alignment maps it, red
/// ink split out (`Dropout`) and brought to template scale. The first steps of reading a page
/// by a box of its template, shared by `FieldCutter.cut` and `BoxSurround.foreignInk`.
public struct TemplateRegion {
    /// Where the box lies on the page, clipped to it (`FieldCutter.onPage`).
    public let onPage: (x: Int, y: Int, width: Int, height: Int)
    /// Whether the box lies on the page whole, nothing clipped.
    public let whole: Bool
    /// Whether the page is bilevel (a fax, a bilevel scan).
    public let bilevel: Bool
    /// The crop at page scale, its red ink split out.
    public let split: Dropout.Split
    /// The crop's grey (red ink turned white) at the box's size in template pixels.
    public let scaled: Image

    /// nil when too little of the box lies on the page to cut.
    public init?(page: Image, alignment: Alignment, box: Box) throws {
        let mapped = alignment.map(box)
        guard let r = FieldCutter.onPage(mapped, width: page.width, height: page.height) else { return nil }
        let crop = try page.cropped(x: r.x, y: r.y, width: r.width, height: r.height)
        onPage = r
        whole = r.width == mapped.width && r.height == mapped.height
        bilevel = crop.depth == 1
        split = try Dropout.split(bilevel ? try crop.gray() : crop)
        scaled = try split.gray.scaled(x: Double(box.width) / Double(r.width), y: Double(box.height) / Double(r.height))
    }
}
