import ChohyoCore

/// Counts for a set of fields compared with ground truth. Rates are derived, and written to JSON too.
public struct FieldStats: Codable, Equatable, Sendable {
    /// Fields compared.
    public var count = 0
    /// Result value equal to the truth (empty truth and empty/nil value count as equal).
    public var exact = 0
    /// Sum of edit distances (over Characters) between result value and truth.
    public var edits = 0
    /// Sum of truth lengths in Characters.
    public var truthCharacters = 0
    /// Accepted automatically.
    public var accepted = 0
    /// Accepted automatically but not equal to the truth: the errors that escape a person.
    public var errorEscapes = 0

    public init(count: Int = 0, exact: Int = 0, edits: Int = 0, truthCharacters: Int = 0,
                accepted: Int = 0, errorEscapes: Int = 0) {
        self.count = count; self.exact = exact; self.edits = edits
        self.truthCharacters = truthCharacters; self.accepted = accepted; self.errorEscapes = errorEscapes
    }

    /// exact / count; nil when nothing was compared.
    public var exactRate: Double? { count == 0 ? nil : Double(exact) / Double(count) }
    /// Character error rate: edits / truth characters; nil when the truth holds no characters.
    public var characterErrorRate: Double? { truthCharacters == 0 ? nil : Double(edits) / Double(truthCharacters) }
    /// accepted / count.
    public var acceptedRate: Double? { count == 0 ? nil : Double(accepted) / Double(count) }
    /// errorEscapes / accepted: how often an automatically accepted value is wrong.
    public var errorEscapeRate: Double? { accepted == 0 ? nil : Double(errorEscapes) / Double(accepted) }
    /// errorEscapes / count.
    public var errorEscapeRateOfAll: Double? { count == 0 ? nil : Double(errorEscapes) / Double(count) }

    public static func + (a: FieldStats, b: FieldStats) -> FieldStats {
        FieldStats(count: a.count + b.count, exact: a.exact + b.exact, edits: a.edits + b.edits,
                   truthCharacters: a.truthCharacters + b.truthCharacters,
                   accepted: a.accepted + b.accepted, errorEscapes: a.errorEscapes + b.errorEscapes)
    }

    enum CodingKeys: String, CodingKey {
        case count, exact, edits, accepted
        case truthCharacters = "truth_characters"
        case errorEscapes = "error_escapes"
        case exactRate = "exact_rate"
        case characterErrorRate = "character_error_rate"
        case acceptedRate = "accepted_rate"
        case errorEscapeRate = "error_escape_rate"
        case errorEscapeRateOfAll = "error_escape_rate_of_all"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        count = try c.decode(Int.self, forKey: .count)
        exact = try c.decode(Int.self, forKey: .exact)
        edits = try c.decode(Int.self, forKey: .edits)
        truthCharacters = try c.decode(Int.self, forKey: .truthCharacters)
        accepted = try c.decode(Int.self, forKey: .accepted)
        errorEscapes = try c.decode(Int.self, forKey: .errorEscapes)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(count, forKey: .count)
        try c.encode(exact, forKey: .exact)
        try c.encode(edits, forKey: .edits)
        try c.encode(truthCharacters, forKey: .truthCharacters)
        try c.encode(accepted, forKey: .accepted)
        try c.encode(errorEscapes, forKey: .errorEscapes)
        try c.encode(exactRate, forKey: .exactRate)
        try c.encode(characterErrorRate, forKey: .characterErrorRate)
        try c.encode(acceptedRate, forKey: .acceptedRate)
        try c.encode(errorEscapeRate, forKey: .errorEscapeRate)
        try c.encode(errorEscapeRateOfAll, forKey: .errorEscapeRateOfAll)
    }
}

/// One field of one form.
public struct FieldEvaluation: Codable, Equatable, Sendable {
    public var key: String
    public var type: FieldType
    public var stats: FieldStats

    public init(key: String, type: FieldType, stats: FieldStats) {
        self.key = key; self.type = type; self.stats = stats
    }
}

/// One form: its fields in definition order, and totals.
public struct FormEvaluation: Codable, Equatable, Sendable {
    public var form: String
    public var title: String
    /// Ground-truth pages of this form.
    public var pages: Int
    public var fields: [FieldEvaluation]
    public var total: FieldStats
    /// Fields whose type is digit-only (`FieldType.isDigitOnly`).
    public var digitOnly: FieldStats

    enum CodingKeys: String, CodingKey {
        case form, title, pages, fields, total
        case digitOnly = "digit_only"
    }

    public init(form: String, title: String, pages: Int, fields: [FieldEvaluation], total: FieldStats, digitOnly: FieldStats) {
        self.form = form; self.title = title; self.pages = pages; self.fields = fields
        self.total = total; self.digitOnly = digitOnly
    }
}

/// A ground-truth page whose result is not the expected form.
public struct ClassificationMiss: Codable, Equatable, Sendable {
    public var source: String
    public var page: Int
    /// The form the truth names (nil: no defined form).
    public var expected: String?
    /// The form the result names (nil when unclassified, error or missing).
    public var actual: String?
    /// `ok`, `unclassified`, `error`, or `missing` (no result at all).
    public var status: String

    public init(source: String, page: Int, expected: String?, actual: String?, status: String) {
        self.source = source; self.page = page; self.expected = expected; self.actual = actual; self.status = status
    }
}

/// Page-level figures.
public struct PageEvaluationStats: Codable, Equatable, Sendable {
    public var withTruth = 0
    public var classifiedCorrectly = 0
    /// Classified as another defined form: the dangerous case.
    public var misclassified = 0
    public var unclassified = 0
    public var errored = 0
    /// Truth pages with no result at all.
    public var missingResults = 0
    /// Results whose page has no ground truth (not evaluated).
    public var resultsWithoutTruth = 0
    public var misses: [ClassificationMiss] = []
    /// How pages were sorted: expected form (or "none") → what the batch made of them
    /// (a form id, "unclassified", "error" or "missing") → pages.
    public var sorting: [String: [String: Int]] = [:]

    public var classificationAccuracy: Double? { withTruth == 0 ? nil : Double(classifiedCorrectly) / Double(withTruth) }

    enum CodingKeys: String, CodingKey {
        case misclassified, unclassified, errored, misses, sorting
        case withTruth = "with_truth"
        case classifiedCorrectly = "classified_correctly"
        case missingResults = "missing_results"
        case resultsWithoutTruth = "results_without_truth"
        case classificationAccuracy = "classification_accuracy"
    }

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        withTruth = try c.decode(Int.self, forKey: .withTruth)
        classifiedCorrectly = try c.decode(Int.self, forKey: .classifiedCorrectly)
        misclassified = try c.decode(Int.self, forKey: .misclassified)
        unclassified = try c.decode(Int.self, forKey: .unclassified)
        errored = try c.decode(Int.self, forKey: .errored)
        missingResults = try c.decode(Int.self, forKey: .missingResults)
        resultsWithoutTruth = try c.decode(Int.self, forKey: .resultsWithoutTruth)
        misses = try c.decode([ClassificationMiss].self, forKey: .misses)
        sorting = try c.decodeIfPresent([String: [String: Int]].self, forKey: .sorting) ?? [:]
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(withTruth, forKey: .withTruth)
        try c.encode(classifiedCorrectly, forKey: .classifiedCorrectly)
        try c.encode(misclassified, forKey: .misclassified)
        try c.encode(unclassified, forKey: .unclassified)
        try c.encode(errored, forKey: .errored)
        try c.encode(missingResults, forKey: .missingResults)
        try c.encode(resultsWithoutTruth, forKey: .resultsWithoutTruth)
        try c.encode(classificationAccuracy, forKey: .classificationAccuracy)
        try c.encode(sorting, forKey: .sorting)
        try c.encode(misses, forKey: .misses)
    }
}

/// The outcome of comparing a batch with its ground truth. Holds counts only, never values.
public struct EvaluationReport: Codable, Equatable, Sendable {
    public var pages: PageEvaluationStats
    /// Forms that have ground truth, in definition order.
    public var forms: [FormEvaluation]
    public var overall: FieldStats
    public var digitOnly: FieldStats
    /// Problems with the ground truth itself (unknown form or field, value that fails its validator).
    public var warnings: [String]
    /// Pages read as their right form but called too faint to read as a whole
    /// (`PageResult.attention`), and the figures of every other page: how well the pages a
    /// person could read were read.
    public var faintPages = 0
    public var notFaint = FieldStats()
    public var notFaintDigitOnly = FieldStats()

    enum CodingKeys: String, CodingKey {
        case pages, forms, overall, warnings
        case digitOnly = "digit_only"
        case faintPages = "faint_pages"
        case notFaint = "not_faint"
        case notFaintDigitOnly = "not_faint_digit_only"
    }

    public init(pages: PageEvaluationStats, forms: [FormEvaluation], overall: FieldStats, digitOnly: FieldStats,
                warnings: [String]) {
        self.pages = pages; self.forms = forms; self.overall = overall; self.digitOnly = digitOnly
        self.warnings = warnings
    }
}
