import CLeptTess

/// Residual skew removal (Leptonica's sweep-and-search on text lines and rules).
public enum Deskew {
    public struct Result {
        public let image: Image
        /// Degrees removed; positive = the page was turned clockwise.
        public let angle: Double
        /// Leptonica's confidence (ratio of score maxima); below ~2 the page was left as is.
        public let confidence: Double
    }

    /// Searches ±`range` degrees (covers the ±10° the pipeline promises).
    public static func apply(_ image: Image, range: Double = 11) throws -> Result {
        var angle: Float = 0, conf: Float = 0
        // Work on a reduced binary copy for speed; any depth is accepted.
        guard let out = pixDeskewGeneral(image.raw, 0, Float(range), 0.5, 0, 0, &angle, &conf) else {
            throw ImagingError.operationFailed("deskew")
        }
        return Result(image: Image(owning: out), angle: Double(angle), confidence: Double(conf))
    }
}
