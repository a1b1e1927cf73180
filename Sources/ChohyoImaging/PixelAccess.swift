import CLeptTess

/// Row-major bytes of a 1 bpp or 8 bpp image, copied out of Leptonica's
/// word-packed layout so Swift loops can read them safely.
public struct ByteGrid: Sendable {
    public let width: Int
    public let height: Int
    /// 1 bpp: 0 or 1 per pixel. 8 bpp: the gray value.
    public var bytes: [UInt8]

    public init(width: Int, height: Int, bytes: [UInt8]) {
        self.width = width; self.height = height; self.bytes = bytes
    }

    @inline(__always) public func at(_ x: Int, _ y: Int) -> UInt8 { bytes[y * width + x] }

    /// Copies a 1 bpp or 8 bpp image.
    public init(_ image: Image) {
        let w = image.width, h = image.height, d = image.depth
        precondition(d == 1 || d == 8, "ByteGrid needs 1 or 8 bpp, got \(d)")
        width = w; height = h
        var out = [UInt8](repeating: 0, count: w * h)
        let wpl = Int(pixGetWpl(image.raw))
        let data = pixGetData(image.raw)!
        for y in 0..<h {
            let line = data + y * wpl
            for x in 0..<w {
                let word = line[x >> (d == 1 ? 5 : 2)]
                if d == 1 {
                    out[y * w + x] = UInt8((word >> (31 - UInt32(x & 31))) & 1)
                } else {
                    out[y * w + x] = UInt8((word >> (24 - 8 * UInt32(x & 3))) & 0xFF)
                }
            }
        }
        bytes = out
    }

    /// Writes the grid back as a new image (1 bpp when `depth` is 1, else 8 bpp).
    public func image(depth: Int) throws -> Image {
        let img = try Image.wrap(pixCreate(Int32(width), Int32(height), Int32(depth)), "pixCreate")
        let wpl = Int(pixGetWpl(img.raw))
        let data = pixGetData(img.raw)!
        for y in 0..<height {
            let line = data + y * wpl
            for x in 0..<width {
                let v = UInt32(bytes[y * width + x])
                if depth == 1 {
                    if v != 0 { line[x >> 5] |= 1 << (31 - UInt32(x & 31)) }
                } else {
                    line[x >> 2] |= v << (24 - 8 * UInt32(x & 3))
                }
            }
        }
        return img
    }
}
