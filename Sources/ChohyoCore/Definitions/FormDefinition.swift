/// A rectangle in template pixels: origin top-left.
public struct Box: Codable, Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
    public var array: [Int] { [x, y, width, height] }
}

/// Reading settings for one field; anything unset falls back to the type's default
/// (`RecognitionSettings.defaults(for:)`).
public struct RecognitionSettings: Codable, Equatable, Sendable {
    /// Tesseract language(s), e.g. "jpn".
    public var lang: String?
    /// Tesseract page-segmentation mode (7 = single line, 8 = single word, 6 = block).
    public var psm: Int?
    /// Characters the recogniser may produce (Tesseract whitelist). The validator has the last word.
    public var chars: String?
    /// Language of a second, independent reading; the field is accepted automatically
    /// only when both readings give the same normalised value. "none" turns it off.
    public var verifyLang: String?
    /// Scale of the image for the second reading (a different scale makes the
    /// recogniser's mistakes fall differently, so agreement means more).
    public var verifyScale: Double?

    enum CodingKeys: String, CodingKey {
        case lang, psm, chars
        case verifyLang = "verify_lang"
        case verifyScale = "verify_scale"
    }

    public init(lang: String? = nil, psm: Int? = nil, chars: String? = nil, verifyLang: String? = nil,
                verifyScale: Double? = nil) {
        self.lang = lang; self.psm = psm; self.chars = chars; self.verifyLang = verifyLang
        self.verifyScale = verifyScale
    }
}

/// Thresholds that decide accepted / review. Defaults are sensible for typed forms.
public struct RoutingSettings: Codable, Equatable, Sendable {
    /// Minimum field confidence (0–100) for automatic acceptance.
    public var minConfidence: Double?
    /// Share of a check box that must be inked to read it as ticked (0–1).
    public var checkboxInkRatio: Double?
    /// Ink ratios between `checkboxUnsureLow` and the tick threshold go to review.
    public var checkboxUnsureLow: Double?

    enum CodingKeys: String, CodingKey {
        case minConfidence = "min_confidence"
        case checkboxInkRatio = "checkbox_ink_ratio"
        case checkboxUnsureLow = "checkbox_unsure_low"
    }

    public init(minConfidence: Double? = nil, checkboxInkRatio: Double? = nil, checkboxUnsureLow: Double? = nil) {
        self.minConfidence = minConfidence
        self.checkboxInkRatio = checkboxInkRatio
        self.checkboxUnsureLow = checkboxUnsureLow
    }

    public static let defaultMinConfidence = 70.0
    /// Measured on the samples after frame-line removal: ticked boxes 8.9–12 % inked,
    /// empty ones at most ~2 % (frame remnants, specks).
    public static let defaultCheckboxInkRatio = 0.06
    public static let defaultCheckboxUnsureLow = 0.03
}

/// One field of a form: its export column, where it is, what it holds.
public struct FieldDefinition: Codable, Equatable, Sendable {
    public var key: String
    public var label: String
    public var labelVariants: [String]?
    public var type: FieldType
    public var box: Box
    public var required: Bool
    /// For `digits`: exact length, or a range.
    public var length: Int?
    public var minLength: Int?
    public var maxLength: Int?
    /// For `date`: also export 元号コード + YYMMDD.
    public var eraCode: Bool?
    public var recognition: RecognitionSettings?
    /// Per-field override of the form's routing thresholds.
    public var minConfidence: Double?
    /// A person must always look at this field.
    public var alwaysReview: Bool?
    /// For `text`: the only values the field may hold (e.g. 種別: 給料・賞与 / 給料 / 賞与).
    public var choices: [String]?
    /// For `text` and `kana` person-name fields: a list of family and given names
    /// (`Models/person-names.tsv`), relative to the definition's folder. A value that is not a
    /// known family name followed by a known given name goes to a person.
    public var nameList: String?
    /// For a `kana` field: the key of the name field this field gives the reading of. When that
    /// name is in the list, the kana must be one of its readings, or both go to a person.
    public var readingOf: String?
    /// For a `kana` field naming a person who usually shares the family of a name field (口座名義
    /// beside 納税義務者 氏名): the key of that name field. When both were accepted and the kana's
    /// family reading is no reading of the name's family name but reads a family name one
    /// character off it (タカギ beside 高本), the name goes to a person (`NameCheck.familyMisread`).
    public var familyReadingOf: String?
    /// For a `text` field with `name_list` that names a contact (担当者): the name may follow a
    /// department (人事部増田, 総務課 田中一郎), and after one the given name may be left out.
    public var nameAfterDepartment: Bool?
    /// For `text` and `kana`: a regular expression the whole value must match (提出先:
    /// `^.+[市区町村]長$`). A value that does not goes to a person, shown as read.
    public var pattern: String?
    /// For `text`: a list of Japan's municipalities (`Models/municipalities.tsv`), relative to
    /// the definition's folder. An address (`Prefecture.holdsAddress`) must start with one of
    /// them, any other text must name one's head (提出先: つくば市長); else it goes to a person.
    public var municipalityList: String?

    enum CodingKeys: String, CodingKey {
        case key, label, type, box, required, length, recognition, choices, pattern
        case nameList = "name_list"
        case municipalityList = "municipality_list"
        case readingOf = "reading_of"
        case familyReadingOf = "family_reading_of"
        case nameAfterDepartment = "name_after_department"
        case labelVariants = "label_variants"
        case minLength = "min_length"
        case maxLength = "max_length"
        case eraCode = "era_code"
        case minConfidence = "min_confidence"
        case alwaysReview = "always_review"
    }

    public init(key: String, label: String, type: FieldType, box: Box, required: Bool = false,
                length: Int? = nil, minLength: Int? = nil, maxLength: Int? = nil,
                eraCode: Bool? = nil, recognition: RecognitionSettings? = nil,
                minConfidence: Double? = nil, alwaysReview: Bool? = nil, labelVariants: [String]? = nil) {
        self.key = key; self.label = label; self.type = type; self.box = box
        self.required = required; self.length = length; self.minLength = minLength
        self.maxLength = maxLength; self.eraCode = eraCode; self.recognition = recognition
        self.minConfidence = minConfidence; self.alwaysReview = alwaysReview
        self.labelVariants = labelVariants
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.decode(String.self, forKey: .key)
        label = try c.decode(String.self, forKey: .label)
        labelVariants = try c.decodeIfPresent([String].self, forKey: .labelVariants)
        type = try c.decode(FieldType.self, forKey: .type)
        let raw = try c.decode([Int].self, forKey: .box)
        guard raw.count == 4 else {
            throw DecodingError.dataCorruptedError(forKey: .box, in: c,
                debugDescription: "box must be [x, y, width, height], got \(raw.count) numbers")
        }
        box = Box(x: raw[0], y: raw[1], width: raw[2], height: raw[3])
        required = try c.decodeIfPresent(Bool.self, forKey: .required) ?? false
        length = try c.decodeIfPresent(Int.self, forKey: .length)
        minLength = try c.decodeIfPresent(Int.self, forKey: .minLength)
        maxLength = try c.decodeIfPresent(Int.self, forKey: .maxLength)
        eraCode = try c.decodeIfPresent(Bool.self, forKey: .eraCode)
        recognition = try c.decodeIfPresent(RecognitionSettings.self, forKey: .recognition)
        minConfidence = try c.decodeIfPresent(Double.self, forKey: .minConfidence)
        alwaysReview = try c.decodeIfPresent(Bool.self, forKey: .alwaysReview)
        choices = try c.decodeIfPresent([String].self, forKey: .choices)
        nameList = try c.decodeIfPresent(String.self, forKey: .nameList)
        readingOf = try c.decodeIfPresent(String.self, forKey: .readingOf)
        familyReadingOf = try c.decodeIfPresent(String.self, forKey: .familyReadingOf)
        nameAfterDepartment = try c.decodeIfPresent(Bool.self, forKey: .nameAfterDepartment)
        pattern = try c.decodeIfPresent(String.self, forKey: .pattern)
        municipalityList = try c.decodeIfPresent(String.self, forKey: .municipalityList)
    }

    /// Whether the value matches `pattern` as a whole (true without one, or with one that does
    /// not compile: `DefinitionChecker` reports that).
    public func matchesPattern(_ value: String) -> Bool {
        guard let pattern, let regex = CompiledPatterns.regex(pattern) else { return true }
        return (try? regex.wholeMatch(in: value)) != nil
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encode(label, forKey: .label)
        try c.encodeIfPresent(labelVariants, forKey: .labelVariants)
        try c.encode(type, forKey: .type)
        try c.encode(box.array, forKey: .box)
        try c.encode(required, forKey: .required)
        try c.encodeIfPresent(length, forKey: .length)
        try c.encodeIfPresent(minLength, forKey: .minLength)
        try c.encodeIfPresent(maxLength, forKey: .maxLength)
        try c.encodeIfPresent(eraCode, forKey: .eraCode)
        try c.encodeIfPresent(recognition, forKey: .recognition)
        try c.encodeIfPresent(minConfidence, forKey: .minConfidence)
        try c.encodeIfPresent(alwaysReview, forKey: .alwaysReview)
        try c.encodeIfPresent(choices, forKey: .choices)
        try c.encodeIfPresent(nameList, forKey: .nameList)
        try c.encodeIfPresent(readingOf, forKey: .readingOf)
        try c.encodeIfPresent(familyReadingOf, forKey: .familyReadingOf)
        try c.encodeIfPresent(nameAfterDepartment, forKey: .nameAfterDepartment)
        try c.encodeIfPresent(pattern, forKey: .pattern)
        try c.encodeIfPresent(municipalityList, forKey: .municipalityList)
    }
}

/// A cross-field rule, e.g. `unpaid = annual_tax - collected` or `a <= b`.
public struct RuleDefinition: Codable, Equatable, Sendable {
    public var expr: String
    public var message: String?
    /// The rule only confirms values when it holds; when it fails nothing changes.
    public var confirmsOnly: Bool?
    /// When the rule fails, the accepted values it names go to a person instead of becoming
    /// invalid.
    public var reviewOnFailure: Bool?
    enum CodingKeys: String, CodingKey {
        case expr, message
        case confirmsOnly = "confirms_only"
        case reviewOnFailure = "review_on_failure"
    }
    public init(expr: String, message: String? = nil, confirmsOnly: Bool? = nil, reviewOnFailure: Bool? = nil) {
        self.expr = expr; self.message = message; self.confirmsOnly = confirmsOnly; self.reviewOnFailure = reviewOnFailure
    }
}

/// One form: its template and its fields, in export-column order.
public struct FormDefinition: Codable, Equatable, Sendable {
    public var id: String
    public var version: Int
    public var title: String
    /// Template image path as written in the file (relative to the definition's folder).
    public var template: String
    public var dpi: Int?
    public var labelVariants: [String]?
    public var routing: RoutingSettings?
    public var fields: [FieldDefinition]
    public var rules: [RuleDefinition]?

    enum CodingKeys: String, CodingKey {
        case id, version, title, template, dpi, routing, fields, rules
        case labelVariants = "label_variants"
    }

    public init(id: String, version: Int, title: String, template: String, dpi: Int? = 300,
                fields: [FieldDefinition], rules: [RuleDefinition]? = nil, routing: RoutingSettings? = nil) {
        self.id = id; self.version = version; self.title = title; self.template = template
        self.dpi = dpi; self.fields = fields; self.rules = rules; self.routing = routing
    }

    public func field(_ key: String) -> FieldDefinition? { fields.first { $0.key == key } }

    /// The confidence a field needs for automatic acceptance.
    public func minConfidence(for field: FieldDefinition) -> Double {
        field.minConfidence ?? routing?.minConfidence ?? RoutingSettings.defaultMinConfidence
    }

    /// Each field's `minConfidence(for:)`, by key.
    public var minConfidences: [String: Double] {
        Dictionary(fields.map { ($0.key, minConfidence(for: $0)) }, uniquingKeysWith: { a, _ in a })
    }
}
