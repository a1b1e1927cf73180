/// Stage: a decoded page → deskewed page ready for matching. Colour is kept
/// (dropout happens per field, after the page is aligned, so that a form printed
/// in a dropout colour can still be aligned on its red lines).
public enum PagePreparer {
    public struct Prepared {
        public let image: Image
        public let deskewAngle: Double
        public let deskewConfidence: Double
    }

    public static func prepare(_ page: Image) throws -> Prepared {
        var img = page
        if page.depth != 1 && page.depth != 8 && page.depth != 32 { img = try page.gray() }
        else if page.depth == 8, pixHasColormap(page) { img = try page.gray() }
        let d = try Deskew.apply(img)
        return Prepared(image: d.image, deskewAngle: d.angle, deskewConfidence: d.confidence)
    }
}

import CLeptTess
@inline(__always) func pixHasColormap(_ image: Image) -> Bool { pixGetColormap(image.raw) != nil }
