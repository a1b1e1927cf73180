import CLeptTess

/// Residual skew removal: Leptonica's sweep-and-search for the angle, on a binary
/// structure image in which red and pink print counts as ink (so a form printed in a
/// dropout colour is straightened by its own rules, not only by the typed values).
public enum Deskew {
    public struct Result {
        public let image: Image
        /// Degrees actually removed (0 when the page was left as it was).
        public let angle: Double
        /// Leptonica's confidence in the angle found (ratio of score maxima).
        public let confidence: Double
    }

    /// Below this confidence the angle found is not trusted and the page is left as is.
    /// (Leptonica's own pixDeskew uses 3.0 and, below it, silently returns the page
    /// unrotated; pages with pink rules and little text land between 2 and 3.)
    public static let minConfidence = 1.5
    /// Angles smaller than this are not worth a resampling.
    public static let minAngle = 0.05

    /// Searches ±`range` degrees (covers the ±10° the pipeline promises).
    public static func apply(_ image: Image, range: Double = 11) throws -> Result {
        let binary = try Dropout.structureGray(image).binary(threshold: 160)
        var angle: Float = 0, conf: Float = 0
        guard pixFindSkewSweepAndSearch(binary.raw, &angle, &conf, 4, 2, Float(range), 0.5, 0.01) == 0 else {
            return Result(image: image, angle: 0, confidence: 0)
        }
        let degrees = Double(angle)
        guard Double(conf) >= minConfidence, abs(degrees) >= minAngle else {
            return Result(image: image, angle: 0, confidence: Double(conf))
        }
        let rotated = try image.rotated(radians: degrees * .pi / 180)
        return Result(image: rotated, angle: degrees, confidence: Double(conf))
    }
}
