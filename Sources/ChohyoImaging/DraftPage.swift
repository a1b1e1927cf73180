import CLeptTess

/// A scan of a blank form made ready to become a template: deskewed, brought to
/// 300 dpi, and in grey (the template written beside a drafted definition), plus the
/// 1 bpp structure the cell finder works on (red and pink print counts as ink there).
public enum DraftPage {
    public struct Prepared {
        /// 8 bpp, 300 dpi, deskewed: the template image.
        public let gray: Image
        /// 1 bpp ink of the same page for ruled lines (dark or red/pink).
        public let binary: Image
        /// 1 bpp, more sensitive, for printed text.
        public let text: Image
        /// Resolution the scan was taken to have, and how it was decided.
        public let sourceDPI: Double
        public let dpiSource: String
        public let deskewAngle: Double
    }

    public static let dpi = 300

    /// A4 short side in inches (210 mm).
    static let a4ShortInches = 210.0 / 25.4

    /// The resolution of a page: its resolution tag when plausible (100–1200; 72 and 96 are
    /// what software writes when it does not know), else its short side taken as A4's.
    public static func resolution(of page: Image) -> (dpi: Double, source: String) {
        let tag = Int(pixGetXRes(page.raw))
        if tag >= 100 && tag <= 1200 { return (Double(tag), "resolution tag") }
        let short = Double(min(page.width, page.height))
        return (short / a4ShortInches, "page size as A4")
    }

    public static func prepare(_ page: Image) throws -> Prepared {
        let deskewed = try PagePreparer.prepare(page)
        var image = deskewed.image
        let (dpi, source) = resolution(of: page)
        let scale = Double(DraftPage.dpi) / dpi
        if abs(scale - 1) > 0.03 {   // US Letter taken as A4 is 2.8 % off: left as is
            if image.depth == 1 { image = try image.gray() }
            image = try image.scaled(x: scale, y: scale)
        }
        // Grey for the template (red print is mid grey there, so its lines stay visible).
        let gray = try image.gray()
        pixSetResolution(gray.raw, Int32(DraftPage.dpi), Int32(DraftPage.dpi))
        let m = try masks(image, gray: gray)
        return Prepared(gray: gray, binary: m.binary, text: m.text, sourceDPI: dpi, dpiSource: source,
                        deskewAngle: deskewed.deskewAngle)
    }

    /// 8 bpp enlarged by bilinear interpolation on pixel centres, without sharpening.
    /// (`Image.scaled` sharpens and Leptonica's own linear scaling shifts by half a pixel;
    /// the recogniser read small print from either worse: 普通徴収 → 基通人収 or nothing.)
    public static func upscaled(_ gray: Image, by scale: Double) throws -> Image {
        let src = ByteGrid(gray.depth == 8 ? gray : try gray.gray())
        let w = max(1, Int((Double(src.width) * scale).rounded())), h = max(1, Int((Double(src.height) * scale).rounded()))
        var out = [UInt8](repeating: 255, count: w * h)
        for y in 0..<h {
            let fy = min(max((Double(y) + 0.5) / scale - 0.5, 0), Double(src.height - 1))
            let y0 = Int(fy), y1 = min(y0 + 1, src.height - 1), ty = fy - Double(y0)
            for x in 0..<w {
                let fx = min(max((Double(x) + 0.5) / scale - 0.5, 0), Double(src.width - 1))
                let x0 = Int(fx), x1 = min(x0 + 1, src.width - 1), tx = fx - Double(x0)
                let top = Double(src.at(x0, y0)) * (1 - tx) + Double(src.at(x1, y0)) * tx
                let bottom = Double(src.at(x0, y1)) * (1 - tx) + Double(src.at(x1, y1)) * tx
                out[y * w + x] = UInt8(max(0, min(255, (top * (1 - ty) + bottom * ty).rounded())))
            }
        }
        return try ByteGrid(width: w, height: h, bytes: out).image(depth: 8)
    }

    /// The two ink masks of an upright 300 dpi page: `binary` for ruled lines and check
    /// boxes (Otsu, capped at 190; in colour, red and pink count as ink), and `text`, more
    /// sensitive, for printed labels: anything clearly darker than the paper (35 grey levels
    /// below its median, at most 215), so pale or dropout-colour labels are found whole
    /// while a light shading (a heading band at 228) is not.
    public static func masks(_ image: Image, gray given: Image? = nil) throws -> (binary: Image, text: Image) {
        let gray = try given ?? image.gray()
        let grid = ByteGrid(gray)
        let binary: Image
        if image.depth == 32 {
            binary = try Dropout.structure(image, threshold: 200)
        } else {
            binary = try gray.binary(threshold: max(100, min(Otsu.threshold(grid), 190)))
        }
        var histogram = [Int](repeating: 0, count: 256)
        for v in grid.bytes { histogram[Int(v)] += 1 }
        var seen = 0, paper = 255
        for (v, n) in histogram.enumerated() {
            seen += n
            if seen * 2 >= grid.bytes.count { paper = v; break }
        }
        let textThreshold = max(100, min(215, paper - 35))
        var text = try gray.binary(threshold: textThreshold)
        if image.depth == 32 { text = try text.or(try Dropout.structure(image, threshold: textThreshold)) }
        return (binary, text)
    }
}

import ChohyoCore
/// A rectangle in page pixels ([x, y, width, height], origin top-left); Leptonica's C `Box`
/// is also in scope in this module, hence the name.
public typealias DraftBox = ChohyoCore.Box
