import CLeptTess
import ChohyoCore
import Foundation

/// An owned Leptonica image. The wrapper holds exactly one reference and
/// releases it in `deinit`; every Leptonica call that returns a new PIX is
/// wrapped immediately, so no C pointer outlives its Swift owner.
public final class Image: @unchecked Sendable {
    public let raw: UnsafeMutablePointer<PIX>

    /// Takes ownership of `raw`.
    init(owning raw: UnsafeMutablePointer<PIX>) { self.raw = raw }

    /// Wraps a freshly created PIX, or throws when Leptonica returned NULL.
    static func wrap(_ raw: UnsafeMutablePointer<PIX>?, _ what: @autoclosure () -> String) throws -> Image {
        guard let raw else { throw ImagingError.operationFailed(what()) }
        return Image(owning: raw)
    }

    deinit {
        var p: UnsafeMutablePointer<PIX>? = raw
        pixDestroy(&p)
    }

    public var width: Int { Int(pixGetWidth(raw)) }
    public var height: Int { Int(pixGetHeight(raw)) }
    public var depth: Int { Int(pixGetDepth(raw)) }
    public var xResolution: Int { Int(pixGetXRes(raw)) }

    public var yResolution: Int { Int(pixGetYRes(raw)) }

    /// Sets the resolution the image says it was scanned at (written with it to TIFF and PNG).
    public func setResolution(x: Int, y: Int) {
        pixSetResolution(raw, Int32(x), Int32(y))
    }

    /// The size the page takes with square pixels (`squarePixels`).
    public var squareSize: (width: Int, height: Int) {
        guard let (sx, sy) = squareStretch else { return (width, height) }
        return (Int((Double(width) * sx).rounded()), Int((Double(height) * sy).rounded()))
    }

    /// The page with square pixels, its coarser axis stretched to the finer one's resolution.
    /// A fax sent in standard mode is 204 × 98 dpi: each pixel is twice as tall as it is wide,
    /// and read as it is, every character and ruled line would be squashed to half its height.
    /// Bilevel pages are stretched by repeating pixels, which keeps them bilevel; others by
    /// interpolation. A page whose two resolutions agree within 2 % is returned as it is.
    public func squarePixels() throws -> Image {
        guard let (sx, sy) = squareStretch else { return self }
        let (xr, yr) = (xResolution, yResolution)
        let out = depth == 1
            ? try Image.wrap(pixScaleBySampling(raw, Float(sx), Float(sy)), "stretch \(xr)×\(yr) dpi to square pixels")
            : try Image.wrap(pixScale(raw, Float(sx), Float(sy)), "stretch \(xr)×\(yr) dpi to square pixels")
        pixSetResolution(out.raw, Int32(max(xr, yr)), Int32(max(xr, yr)))
        return out
    }

    /// The stretch of each axis that makes the pixels square (one of them 1), or nil when the
    /// two resolutions agree within 2 % or one is unknown. `squareSize` and `squarePixels` both
    /// take it from here, so the size the limits are checked on is the size made.
    var squareStretch: (x: Double, y: Double)? {
        let (xr, yr) = (xResolution, yResolution)
        guard xr > 0, yr > 0, abs(xr - yr) * 50 > max(xr, yr) else { return nil }
        return xr < yr ? (Double(yr) / Double(xr), 1) : (1, Double(xr) / Double(yr))
    }

    /// A blank image: 8 bpp white, or 1 bpp all zero (no ink).
    public static func blank(width: Int, height: Int, depth: Int) throws -> Image {
        let p = try wrap(pixCreate(Int32(width), Int32(height), Int32(depth)), "pixCreate \(width)x\(height)")
        if depth == 8 { pixSetAllGray(p.raw, 255) }
        return p
    }

    /// 8 bpp grayscale copy (colormaps removed, 1 bpp expanded to 0/255).
    public func gray() throws -> Image {
        if depth == 8 && pixGetColormap(raw) == nil { return try Image.wrap(pixCopy(nil, raw), "copy") }
        return try Image.wrap(pixConvertTo8(raw, 0), "convert to 8 bpp")
    }

    /// 1 bpp: ink (darker than `threshold`) = 1.
    public func binary(threshold: Int = 160) throws -> Image {
        if depth == 1 { return try Image.wrap(pixCopy(nil, raw), "copy") }
        return try Image.wrap(pixConvertTo1(raw, Int32(threshold)), "binarize")
    }

    /// 1 bpp: pixels at least `depth` grey levels darker than their local background, the
    /// background being the grey closing over `size` × `size` pixels (a black top-hat).
    /// Lid shadows, tinted paper and uneven lighting, wider than `size`, drop out; rules and
    /// print, thinner than `size` in at least one direction, stay.
    public func darkDetails(size: Int, depth: Int) throws -> Image {
        let g = try gray()
        let side = Int32(size | 1)
        let hat = try Image.wrap(pixTophat(g.raw, side, side, Int32(L_TOPHAT_BLACK)), "top-hat")
        let inverted = try Image.wrap(pixInvert(nil, hat.raw), "invert")
        // Ink where 255 − hat < 256 − depth, i.e. hat ≥ depth.
        return try inverted.binary(threshold: 256 - depth)
    }

    public func scaled(x sx: Double, y sy: Double) throws -> Image {
        try Image.wrap(pixScale(raw, Float(sx), Float(sy)), "scale \(sx)x\(sy)")
    }

    /// Clockwise rotation by `quarterTurns` × 90°.
    public func rotatedOrth(quarterTurns: Int) throws -> Image {
        let q = ((quarterTurns % 4) + 4) % 4
        if q == 0 { return try Image.wrap(pixCopy(nil, raw), "copy") }
        return try Image.wrap(pixRotateOrth(raw, Int32(q)), "rotate \(q * 90)°")
    }

    /// Rotation by a small angle (radians, clockwise positive) about the centre, white fill.
    public func rotated(radians: Double) throws -> Image {
        try Image.wrap(pixRotate(raw, Float(radians), Int32(L_ROTATE_AREA_MAP),
                               Int32(L_BRING_IN_WHITE), 0, 0), "rotate")
    }

    /// The part of the image inside the rectangle (clipped to the image).
    public func cropped(x: Int, y: Int, width: Int, height: Int) throws -> Image {
        var box: UnsafeMutablePointer<BOX>? = boxCreate(Int32(x), Int32(y), Int32(max(1, width)), Int32(max(1, height)))
        defer { boxDestroy(&box) }
        return try Image.wrap(pixClipRectangle(raw, box, nil), "crop \(x),\(y) \(width)x\(height) of \(self.width)x\(self.height)")
    }

    /// Adds a border of `pixels` with `value` (255 = white for 8 bpp, 0 = no ink for 1 bpp).
    public func bordered(_ pixels: Int, value: UInt32) throws -> Image {
        try Image.wrap(pixAddBorder(raw, Int32(pixels), value), "add border")
    }

    /// Morphological opening with a rectangular brick (1 bpp): keeps runs at least that long.
    public func opened(width: Int, height: Int) throws -> Image {
        try Image.wrap(pixOpenBrick(nil, raw, Int32(max(1, width)), Int32(max(1, height))), "open")
    }

    /// Morphological closing with a rectangular brick (1 bpp): bridges gaps shorter than it.
    public func closed(width: Int, height: Int) throws -> Image {
        try Image.wrap(pixCloseSafeBrick(nil, raw, Int32(max(1, width)), Int32(max(1, height))), "close")
    }

    /// Morphological erosion with a rectangular brick (1 bpp): ink only where the whole brick
    /// around a pixel is ink.
    public func eroded(width: Int, height: Int) throws -> Image {
        try Image.wrap(pixErodeBrick(nil, raw, Int32(max(1, width)), Int32(max(1, height))), "erode")
    }

    public func dilated(width: Int, height: Int) throws -> Image {
        try Image.wrap(pixDilateBrick(nil, raw, Int32(max(1, width)), Int32(max(1, height))), "dilate")
    }

    /// 8 bpp: the darkest value in a `size` × `size` window (odd): dark strokes grow by
    /// `size / 2` pixels on every side.
    public func darkened(size: Int) throws -> Image {
        try Image.wrap(pixErodeGray(raw, Int32(size), Int32(size)), "erode gray")
    }

    /// 8 bpp: the grey closing over a `size` × `size` window (odd): the lightest value nearby,
    /// then the darkest of those. Marks thinner than `size` drop out, leaving the paper's own
    /// level, shadows included.
    public func paperLevel(size: Int) throws -> Image {
        try Image.wrap(pixCloseGray(raw, Int32(size | 1), Int32(size | 1)), "close gray")
    }

    /// 8 bpp: mean over a (2·half+1)² window.
    public func blurred(half: Int) throws -> Image {
        try Image.wrap(pixBlockconvGray(raw, nil, Int32(half), Int32(half)), "blur")
    }

    /// self ∪ other (1 bpp, same size).
    public func or(_ other: Image) throws -> Image {
        try Image.wrap(pixOr(nil, raw, other.raw), "or")
    }

    /// self minus other: ink of self where other has none (1 bpp, same size).
    public func subtracting(_ other: Image) throws -> Image {
        try Image.wrap(pixSubtract(nil, raw, other.raw), "subtract")
    }

    /// The 8-connected pieces of ink of self that touch ink of `seed` (1 bpp, same size), whole.
    public func piecesTouching(_ seed: Image) throws -> Image {
        let start = try Image.wrap(pixAnd(nil, raw, seed.raw), "and")
        return try Image.wrap(pixSeedfillBinary(nil, start.raw, raw, 8), "seed fill")
    }

    /// Number of ink pixels (1 bpp).
    public func inkCount() -> Int {
        var n: Int32 = 0
        pixCountPixels(raw, &n, nil)
        return Int(n)
    }

    /// Ink per row (1 bpp).
    public func rowProfile() -> [Double] { Image.numaArray(pixCountPixelsByRow(raw, nil)) }
    /// Ink per column (1 bpp).
    public func columnProfile() -> [Double] { Image.numaArray(pixCountPixelsByColumn(raw)) }

    static func numaArray(_ na: UnsafeMutablePointer<NUMA>?) -> [Double] {
        guard var na else { return [] }
        var p: UnsafeMutablePointer<NUMA>? = na
        defer { numaDestroy(&p) }
        let n = Int(numaGetCount(na))
        var out = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var v: Float = 0
            numaGetFValue(na, Int32(i), &v)
            out[i] = Double(v)
        }
        na = p ?? na
        return out
    }

    /// Encodes as PNG bytes.
    public func pngData() throws -> [UInt8] {
        var data: UnsafeMutablePointer<UInt8>? = nil
        var size = 0
        guard pixWriteMem(&data, &size, raw, Int32(IFF_PNG)) == 0, let data else {
            throw ImagingError.operationFailed("PNG encode")
        }
        defer { lept_free(data) }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    public func writePNG(to path: String) throws {
        let data = Data(try pngData())
        do { try data.write(to: URL(fileURLWithPath: path)) } catch {
            throw ImagingError.cannotWrite(path: path, reason: FileProblem.reason(error))
        }
    }
}

extension Image {
    /// Shifts the content by (dx, dy) pixels, bringing in white.
    public func translated(dx: Int, dy: Int) throws -> Image {
        try Image.wrap(pixTranslate(nil, raw, Int32(dx), Int32(dy), Int32(L_BRING_IN_WHITE)), "translate")
    }

    /// The content at `scale`, placed top-left on a white canvas of the given size
    /// (the way a printer's "fit to page" or a scanner's zoom moves a form on the paper).
    public func rescaledOnCanvas(scale: Double, width: Int, height: Int) throws -> Image {
        let g = try gray().scaled(x: scale, y: scale)
        let canvas = try Image.blank(width: width, height: height, depth: 8)
        let w = min(width, g.width), h = min(height, g.height)
        pixRasterop(canvas.raw, 0, 0, Int32(w), Int32(h), PIX_SRC, g.raw, 0, 0)
        return canvas
    }
}

extension Image {
    /// 1 bpp: only connected components at least `minSize` wide or high (speckle removal).
    public func keepingComponents(minSize: Int) throws -> Image {
        var changed: Int32 = 0
        return try Image.wrap(pixSelectBySize(raw, Int32(minSize), Int32(minSize), 8,
                                              Int32(L_SELECT_IF_EITHER), Int32(L_SELECT_IF_GTE), &changed), "select by size")
    }

    /// 1 bpp: bounding box of the ink, or nil when there is none.
    public func inkBounds() -> (x: Int, y: Int, width: Int, height: Int)? {
        var box: UnsafeMutablePointer<BOX>? = nil
        guard pixClipToForeground(raw, nil, &box) == 0, let b = box else { return nil }
        defer { boxDestroy(&box) }
        return (Int(b.pointee.x), Int(b.pointee.y), Int(b.pointee.w), Int(b.pointee.h))
    }
}

extension Image {
    /// 1 bpp: bounding boxes of the 8-connected components.
    public func componentBoxes() -> [(x: Int, y: Int, width: Int, height: Int)] {
        guard var boxa = pixConnCompBB(raw, 8) else { return [] }
        var p: UnsafeMutablePointer<BOXA>? = boxa
        defer { boxaDestroy(&p) }
        var out: [(Int, Int, Int, Int)] = []
        for i in 0..<Int(boxaGetCount(boxa)) {
            var x: Int32 = 0, y: Int32 = 0, w: Int32 = 0, h: Int32 = 0
            boxaGetBoxGeometry(boxa, Int32(i), &x, &y, &w, &h)
            out.append((Int(x), Int(y), Int(w), Int(h)))
        }
        boxa = p ?? boxa
        return out
    }

    /// 1 bpp: clears (sets to no ink) the rectangle, in place.
    public func clear(x: Int, y: Int, width: Int, height: Int) {
        var box: UnsafeMutablePointer<BOX>? = boxCreate(Int32(x), Int32(y), Int32(width), Int32(height))
        defer { boxDestroy(&box) }
        pixClearInRect(raw, box)
    }

    /// Makes the rectangle blank paper, in place: white for grey and colour, no ink for 1 bpp.
    public func whiten(x: Int, y: Int, width: Int, height: Int) {
        guard width > 0, height > 0 else { return }
        var box: UnsafeMutablePointer<BOX>? = boxCreate(Int32(x), Int32(y), Int32(width), Int32(height))
        defer { boxDestroy(&box) }
        if depth == 1 { pixClearInRect(raw, box) } else { pixSetInRect(raw, box) }
    }
}

extension Image {
    /// Takes ownership of a PIX created elsewhere (tests, other wrappers).
    public static func adopt(_ raw: UnsafeMutablePointer<PIX>) -> Image { Image(owning: raw) }
}
