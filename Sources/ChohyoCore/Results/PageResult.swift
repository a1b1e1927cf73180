/// How one field ended.
public enum FieldStatus: String, Codable, Sendable, CaseIterable {
    /// Valid and confident: goes straight to export.
    case accepted
    /// A person must look: low confidence, a stamp, an unsure check box, a rule.
    case review
    /// Fails its validator or a cross-field rule.
    case invalid
}

/// What was read for one field, and why it ended where it did.
public struct FieldResult: Codable, Equatable, Sendable {
    /// Normalised value (nil when nothing valid could be made of the text).
    public var value: String?
    /// Text as the recogniser read it.
    public var text: String
    /// 0–100, derived from per-character confidences (the weakest character counts).
    public var confidence: Double
    public var status: FieldStatus
    public var reason: String
    /// Extra exported values, e.g. `era_code` (元号コード + YYMMDD) for dates.
    public var extras: [String: String]?
    /// Confidence of each character of `text` (0–100), so a verifier can see which one is doubtful.
    public var characterConfidences: [Double]?

    enum CodingKeys: String, CodingKey {
        case value, text, confidence, status, reason, extras
        case characterConfidences = "char_confidences"
    }

    public init(value: String?, text: String, confidence: Double, status: FieldStatus, reason: String,
                extras: [String: String]? = nil, characterConfidences: [Double]? = nil) {
        self.value = value; self.text = text; self.confidence = confidence
        self.status = status; self.reason = reason; self.extras = extras
        self.characterConfidences = characterConfidences
    }
}

/// How a page ended.
public enum PageStatus: String, Codable, Sendable {
    case ok
    case unclassified
    case error
}

/// One line of `results.jsonl`: one page of one input file.
public struct PageResult: Codable, Equatable, Sendable {
    public var source: String
    /// 1-based page number within the source file.
    public var page: Int
    public var form: String?
    public var status: PageStatus
    public var error: String?
    /// Residual skew removed, in degrees.
    public var deskewAngle: Double?
    public var deskewConfidence: Double?
    /// Clockwise rotation applied to turn the page upright: 0, 90, 180 or 270.
    public var orientation: Int?
    public var orientationConfidence: Double?
    /// How well the page matched its form's template (0–1), and why it was (not) classified.
    public var matchScore: Double?
    public var classification: String?
    /// key → result, for every field of the form (empty when unclassified or error).
    public var fields: [String: FieldResult]
    /// Why the page as a whole needs a person's eye (`PageLegibility`); nil when it reads well.
    public var attention: String?

    enum CodingKeys: String, CodingKey {
        case source, page, form, status, error, fields, orientation, classification, attention
        case deskewAngle = "deskew_angle"
        case deskewConfidence = "deskew_confidence"
        case orientationConfidence = "orientation_confidence"
        case matchScore = "match_score"
    }

    public init(source: String, page: Int, form: String? = nil, status: PageStatus, error: String? = nil,
                deskewAngle: Double? = nil, deskewConfidence: Double? = nil, orientation: Int? = nil,
                orientationConfidence: Double? = nil, matchScore: Double? = nil, classification: String? = nil,
                fields: [String: FieldResult] = [:]) {
        self.source = source; self.page = page; self.form = form; self.status = status; self.error = error
        self.deskewAngle = deskewAngle; self.deskewConfidence = deskewConfidence
        self.orientation = orientation; self.orientationConfidence = orientationConfidence
        self.matchScore = matchScore; self.classification = classification; self.fields = fields
    }

    /// `form` and `error` are always written (as null when absent) so every line has the same keys.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(source, forKey: .source)
        try c.encode(page, forKey: .page)
        try c.encode(form, forKey: .form)
        try c.encode(status, forKey: .status)
        try c.encode(error, forKey: .error)
        try c.encode(deskewAngle, forKey: .deskewAngle)
        try c.encodeIfPresent(deskewConfidence, forKey: .deskewConfidence)
        try c.encodeIfPresent(orientation, forKey: .orientation)
        try c.encodeIfPresent(orientationConfidence, forKey: .orientationConfidence)
        try c.encodeIfPresent(matchScore, forKey: .matchScore)
        try c.encodeIfPresent(classification, forKey: .classification)
        try c.encodeIfPresent(attention, forKey: .attention)
        try c.encode(fields, forKey: .fields)
    }
}
