import ChohyoCore

/// Cuts one field out of an upright page: maps the template box through the
/// alignment, drops red ink out, brings the cut to template resolution, removes
/// ruled lines that intrude from the cell border, and measures the ink left.
public enum FieldCutter {
    public struct Cut {
        /// 8 bpp, template resolution, cleaned; with a white margin when `margin` > 0.
        public let image: Image
        /// Ink pixels left after line and speckle removal.
        public let inkPixels: Int
        /// inkPixels / box area at template resolution.
        public let inkRatio: Double
        /// Share of the box covered by red/pink ink (seal, stamp, dropout print).
        public let sealInk: Double
        /// Where the box landed on the page (full-resolution pixels).
        public let pageBox: (x: Int, y: Int, width: Int, height: Int)
    }

    public static func cut(page: Image, alignment: Alignment, box: Box, margin: Int = 12) throws -> Cut {
        let m = alignment.map(box)
        let x = max(0, m.x), y = max(0, m.y)
        let w = min(page.width - x, m.width - (x - m.x)), h = min(page.height - y, m.height - (y - m.y))
        guard w > 4, h > 4 else { throw ImagingError.operationFailed("field box falls outside the page") }
        let crop = try page.cropped(x: x, y: y, width: w, height: h)
        let split = try Dropout.split(crop.depth == 1 ? try crop.gray() : crop)
        let sealInk = Double(split.redPixels) / Double(w * h)
        let scaled = try split.gray.scaled(x: Double(box.width) / Double(w), y: Double(box.height) / Double(h))
        let cleaned = try removeLines(scaled)
        let ink = try cleaned.binary(threshold: 160).opened(width: 2, height: 2).inkCount()
        let area = Double(max(1, cleaned.width * cleaned.height))
        let out = margin > 0 ? try cleaned.bordered(margin, value: 255) : cleaned
        out.setResolution(300)
        return Cut(image: out, inkPixels: ink, inkRatio: Double(ink) / area, sealInk: sealInk, pageBox: m)
    }

    /// Whitens long horizontal and vertical runs (cell borders caught by the cut).
    static func removeLines(_ gray: Image) throws -> Image {
        let bin = try gray.binary(threshold: 170)
        let hRun = max(60, Int(Double(gray.width) * 0.4))
        let vRun = max(40, Int(Double(gray.height) * 0.6))
        let h = try bin.opened(width: hRun, height: 1)
        let v = try bin.opened(width: 1, height: vRun)
        let lines = ByteGrid(try h.dilated(width: 3, height: 5)), vlines = ByteGrid(try v.dilated(width: 5, height: 3))
        guard lines.bytes.contains(1) || vlines.bytes.contains(1) else { return gray }
        var g = ByteGrid(gray)
        for i in 0..<g.bytes.count where lines.bytes[i] != 0 || vlines.bytes[i] != 0 { g.bytes[i] = 255 }
        return try g.image(depth: 8)
    }
}
