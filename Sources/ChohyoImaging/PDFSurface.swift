import CLeptTess
import CPoppler

/// An owned cairo image surface (one reference, released in `deinit`), and its conversion
/// to a Leptonica image: 1 bpp when the page is pure black and white (a fax or bilevel scan),
/// 8 bpp when it is gray, 32 bpp RGB otherwise. Transparent parts are laid on white paper.
final class CairoSurface {
    let raw: OpaquePointer

    init(owning raw: OpaquePointer) { self.raw = raw }

    deinit { cairo_surface_destroy(raw) }

    var width: Int { Int(cairo_image_surface_get_width(raw)) }
    var height: Int { Int(cairo_image_surface_get_height(raw)) }

    func checkStatus(_ what: String) throws {
        let status = cairo_surface_status(raw)
        if status != CAIRO_STATUS_SUCCESS {
            throw ImagingError.operationFailed("\(what): \(String(cString: cairo_status_to_string(status)))")
        }
    }

    /// The pixels as an owned Leptonica image with the given resolution (pixels per inch).
    func image(xResolution: Int, yResolution: Int) throws -> Image {
        try checkStatus("PDF page image")
        let format = cairo_image_surface_get_format(raw)
        if format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24 {
            // A1, A8 (masks: black ink with coverage) or anything else: composed over white first.
            return try flattened().image(xResolution: xResolution, yResolution: yResolution)
        }
        cairo_surface_flush(raw)
        let w = width, h = height
        guard w > 0, h > 0, let data = cairo_image_surface_get_data(raw) else {
            throw ImagingError.truncated("PDF page image is empty")
        }
        let stride = Int(cairo_image_surface_get_stride(raw))
        let opaque = format == CAIRO_FORMAT_RGB24

        // Pass 1: is it gray, and is it only black and white?
        var gray = true, bilevel = true
        for y in 0..<h where gray {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<w {
                let (r, g, b) = CairoSurface.onWhite(row[x], opaque: opaque)
                if r != g || g != b { gray = false; bilevel = false; break }
                if r != 0 && r != 255 { bilevel = false }
            }
        }

        // Pass 2: write the Leptonica image.
        let depth: Int32 = gray ? 8 : 32
        let pix = try Image.wrap(pixCreate(Int32(w), Int32(h), depth), "pixCreate \(w)x\(h)x\(depth)")
        pixSetResolution(pix.raw, Int32(xResolution), Int32(yResolution))
        if !gray { pixSetSpp(pix.raw, 3) }
        let wpl = Int(pixGetWpl(pix.raw))
        guard let words = pixGetData(pix.raw) else { throw ImagingError.operationFailed("pixGetData") }
        for y in 0..<h {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            let line = words + y * wpl
            if gray {
                // 8 bpp Leptonica pixels run from the most significant byte of each 32-bit word.
                for xw in 0..<((w + 3) / 4) {
                    var word: UInt32 = 0
                    for k in 0..<4 {
                        let x = xw * 4 + k
                        let v: UInt32 = x < w ? UInt32(CairoSurface.onWhite(row[x], opaque: opaque).0) : 255
                        word |= v << UInt32(24 - 8 * k)
                    }
                    line[xw] = word
                }
            } else {
                for x in 0..<w {
                    let (r, g, b) = CairoSurface.onWhite(row[x], opaque: opaque)
                    line[x] = UInt32(r) << 24 | UInt32(g) << 16 | UInt32(b) << 8 | 0xFF
                }
            }
        }
        if bilevel {
            let binary = try Image.wrap(pixThresholdToBinary(pix.raw, 128), "threshold to 1 bpp")
            pixSetResolution(binary.raw, Int32(xResolution), Int32(yResolution))
            return binary
        }
        return pix
    }

    /// A premultiplied cairo pixel (0xAARRGGBB in a native 32-bit word) laid on white.
    @inline(__always)
    static func onWhite(_ v: UInt32, opaque: Bool) -> (UInt8, UInt8, UInt8) {
        let a = opaque ? 255 : Int(v >> 24)
        let paper = 255 - a
        let r = min(255, Int((v >> 16) & 0xFF) + paper)
        let g = min(255, Int((v >> 8) & 0xFF) + paper)
        let b = min(255, Int(v & 0xFF) + paper)
        return (UInt8(r), UInt8(g), UInt8(b))
    }

    /// This surface painted over white on a new ARGB32 surface of the same size.
    private func flattened() throws -> CairoSurface {
        guard let out = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)) else {
            throw ImagingError.operationFailed("cairo surface \(width)x\(height)")
        }
        let surface = CairoSurface(owning: out)
        try surface.checkStatus("cairo surface \(width)x\(height)")
        guard let cr = cairo_create(out) else { throw ImagingError.operationFailed("cairo context") }
        defer { cairo_destroy(cr) }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        if cairo_image_surface_get_format(raw) == CAIRO_FORMAT_A1 || cairo_image_surface_get_format(raw) == CAIRO_FORMAT_A8 {
            cairo_set_source_rgb(cr, 0, 0, 0)
            cairo_mask_surface(cr, raw, 0, 0)
        } else {
            cairo_set_source_surface(cr, raw, 0, 0)
            cairo_paint(cr)
        }
        cairo_surface_flush(out)
        return surface
    }
}
