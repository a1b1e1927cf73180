/// Hard limits that protect the batch from decompression bombs and absurd input.
/// A4 at 600 dpi is 4961x7016 (35 Mpx), A3 at 600 dpi 7016x9921 (70 Mpx):
/// the defaults leave room for those and refuse anything beyond.
public struct ImageLimits: Sendable, Equatable {
    /// Longest side in pixels.
    public var maxSide: Int
    /// Width × height.
    public var maxPixels: Int
    /// Bytes read from one file.
    public var maxFileBytes: Int
    /// Pages read from one multi-page file.
    public var maxPages: Int

    public init(maxSide: Int = 20_000, maxPixels: Int = 100_000_000,
                maxFileBytes: Int = 512 * 1024 * 1024, maxPages: Int = 2_000) {
        self.maxSide = maxSide; self.maxPixels = maxPixels
        self.maxFileBytes = maxFileBytes; self.maxPages = maxPages
    }

    public static let `default` = ImageLimits()

    public func check(width: Int, height: Int) throws {
        let limit = "\(maxSide) px per side and \(maxPixels / 1_000_000) megapixels"
        guard width > 0, height > 0 else { throw ImagingError.truncated("header gives \(width)x\(height)") }
        if width > maxSide || height > maxSide || width * height > maxPixels {
            throw ImagingError.tooLarge(width: width, height: height, limit: limit)
        }
    }
}
