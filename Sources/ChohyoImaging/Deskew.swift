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

    /// Below this confidence the search is repeated on the page turned a quarter: a page fed
    /// sideways whose rules are lost (a fax of a form printed in pink) has only its typed
    /// values to go by, and they run down the page.
    public static let sidewaysBelow = 3.0

    /// A page whose angle is not trusted is searched again with its ink joined: dots grown
    /// over this window (full-resolution pixels), then gaps along the lines closed up to
    /// `joinedLineGap`. A light fax of a form printed in pink keeps only its typed values,
    /// broken into dots; Leptonica calls too faint a signal no angle at all (confidence 0),
    /// though its angle is often right. On the faxes of the seed-680500 to 710500 held-out
    /// sets (224 pages), 15 were left unlevelled as found and 5 with their ink joined; every
    /// angle taken, either way, was within 0.3° of the skew the page was made with.
    public static let dotJoiningWindow = 3
    public static let joinedLineGap = 15

    /// Searches ±`range` degrees (covers the ±10° the pipeline promises).
    public static func apply(_ image: Image, range: Double = 11) throws -> Result {
        let binary = try Dropout.structureGray(image).binary(threshold: 160)
        var best = try searchBothWays(binary, range: range, joiningDots: false)
        if (best?.confidence ?? 0) < minConfidence,
           let joined = try searchBothWays(binary, range: range, joiningDots: true),
           joined.confidence > (best?.confidence ?? 0) {
            best = joined
        }
        guard let found = best, found.confidence >= minConfidence, abs(found.degrees) >= minAngle else {
            return Result(image: image, angle: 0, confidence: best?.confidence ?? 0)
        }
        let rotated = try image.rotated(radians: found.degrees * .pi / 180)
        return Result(image: rotated, angle: found.degrees, confidence: found.confidence)
    }

    /// The angle of the page as it lies, or of the page turned a quarter when that is surer.
    static func searchBothWays(_ binary: Image, range: Double, joiningDots: Bool) throws -> (degrees: Double, confidence: Double)? {
        let join = { (b: Image) throws -> Image in
            joiningDots ? try b.dilated(width: dotJoiningWindow, height: dotJoiningWindow).closed(width: joinedLineGap, height: 1) : b
        }
        guard var found = search(try join(binary), range: range) else { return nil }
        // A quarter turn keeps angles: the angle that levels the turned page levels this one.
        if found.confidence < sidewaysBelow, let t = search(try join(binary.rotatedOrth(quarterTurns: 1)), range: range),
           t.confidence > found.confidence {
            found = t
        }
        return found
    }

    static func search(_ binary: Image, range: Double) -> (degrees: Double, confidence: Double)? {
        var angle: Float = 0, conf: Float = 0
        guard pixFindSkewSweepAndSearch(binary.raw, &angle, &conf, 4, 2, Float(range), 0.5, 0.01) == 0 else { return nil }
        return (Double(angle), Double(conf))
    }
}
