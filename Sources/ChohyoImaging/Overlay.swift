import CLeptTess

/// Draws coloured boxes and short ASCII captions over a page, for people checking
/// where a definition's boxes land. Leptonica's bitmap font has ASCII only, so Japanese
/// values are not drawn here (the preview command lists them).
public enum Overlay {
    public struct Mark {
        public let x: Int, y: Int, width: Int, height: Int
        public let rgb: (UInt8, UInt8, UInt8)
        public let caption: String
        public init(x: Int, y: Int, width: Int, height: Int, rgb: (UInt8, UInt8, UInt8), caption: String) {
            self.x = x; self.y = y; self.width = width; self.height = height; self.rgb = rgb; self.caption = caption
        }
    }

    /// A 32 bpp copy of `page` with every mark drawn: a 4 px frame and its caption under it.
    public static func draw(_ marks: [Mark], on page: Image) throws -> Image {
        let out = Image.adopt(try unwrap(pixConvertTo32(page.raw)))
        var font = bmfCreate(nil, 8)
        defer { bmfDestroy(&font) }
        for m in marks {
            var box = boxCreate(Int32(m.x), Int32(m.y), Int32(m.width), Int32(m.height))
            pixRenderBoxArb(out.raw, box, 4, m.rgb.0, m.rgb.1, m.rgb.2)
            boxDestroy(&box)
            guard let font, !m.caption.isEmpty else { continue }
            let ascii = String(m.caption.unicodeScalars.filter { $0.isASCII }.map(Character.init))
            let colour = UInt32(m.rgb.0) << 24 | UInt32(m.rgb.1) << 16 | UInt32(m.rgb.2) << 8
            var width: Int32 = 0, overflow: Int32 = 0
            // Just below the box, in the gap before the next row's label.
            pixSetTextline(out.raw, font, ascii, colour, Int32(m.x + 4), Int32(min(out.height - 4, m.y + m.height + 24)), &width, &overflow)
        }
        return out
    }

    static func unwrap(_ p: UnsafeMutablePointer<PIX>?) throws -> UnsafeMutablePointer<PIX> {
        guard let p else { throw ImagingError.operationFailed("convert to 32 bpp") }
        return p
    }
}
