import ChohyoCore
import Foundation

/// Pages by how they ended.
public struct PageCounts: Codable, Equatable, Sendable {
    public var ok = 0
    public var unclassified = 0
    public var error = 0
    public init(ok: Int = 0, unclassified: Int = 0, error: Int = 0) {
        self.ok = ok; self.unclassified = unclassified; self.error = error
    }
    public var total: Int { ok + unclassified + error }
}

/// Fields by how they ended.
public struct FieldCounts: Codable, Equatable, Sendable {
    public var accepted = 0
    public var review = 0
    public var invalid = 0
    public init(accepted: Int = 0, review: Int = 0, invalid: Int = 0) {
        self.accepted = accepted; self.review = review; self.invalid = invalid
    }
    public var total: Int { accepted + review + invalid }
    /// Share of fields accepted automatically (0–1); 0 when there are none.
    public var acceptedShare: Double { total == 0 ? 0 : Double(accepted) / Double(total) }

    mutating func add(_ status: FieldStatus) {
        switch status {
        case .accepted: accepted += 1
        case .review: review += 1
        case .invalid: invalid += 1
        }
    }
}

/// A page that a person must look at, with the reason.
public struct PageIssue: Codable, Equatable, Sendable {
    public var source: String
    public var page: Int
    public var message: String
    public init(source: String, page: Int, message: String) {
        self.source = source; self.page = page; self.message = message
    }
}

/// What a batch did: written as `summary.json` and shown on stderr.
public struct BatchSummary: Codable, Equatable, Sendable {
    public var pagesTotal: Int
    public var pagesByStatus: PageCounts
    /// Form id → ok pages of that form.
    public var pagesByForm: [String: Int]
    public var fields: FieldCounts
    public var fieldsByForm: [String: FieldCounts]
    /// Pages with status `error`, with the error message.
    public var errors: [PageIssue]
    /// Pages no form matched, with the classifier's reason.
    public var unclassified: [PageIssue]
    /// Pages read, but too faint or damaged to read as a whole (`PageResult.attention`): a
    /// person looks at the page first, and may ask for a clearer copy.
    public var attention: [PageIssue] = []
    public var elapsedSeconds: Double
    public var pagesPerMinute: Double
    /// Characters replaced by 〓 (or refused) in the CSV export.
    public var unmappableCharacters: [UnmappableCharacterReport]
    /// How the batch ran, for reading its speed.
    public var run: RunFacts? = nil

    public struct RunFacts: Codable, Equatable, Sendable {
        public var workers: Int
        /// OMP_THREAD_LIMIT as the process had it: "1" unless Tesseract's OpenMP threads ran
        /// beside the workers (half the speed on 2 cores).
        public var ompThreadLimit: String?

        public init(workers: Int, ompThreadLimit: String?) {
            self.workers = workers; self.ompThreadLimit = ompThreadLimit
        }

        enum CodingKeys: String, CodingKey {
            case workers
            case ompThreadLimit = "omp_thread_limit"
        }
    }

    enum CodingKeys: String, CodingKey {
        case fields, errors, unclassified, attention
        case pagesTotal = "pages_total"
        case pagesByStatus = "pages_by_status"
        case pagesByForm = "pages_by_form"
        case fieldsByForm = "fields_by_form"
        case elapsedSeconds = "elapsed_seconds"
        case pagesPerMinute = "pages_per_minute"
        case unmappableCharacters = "unmappable_characters"
        case run
    }

    public init(pagesTotal: Int, pagesByStatus: PageCounts, pagesByForm: [String: Int], fields: FieldCounts,
                fieldsByForm: [String: FieldCounts], errors: [PageIssue], unclassified: [PageIssue],
                elapsedSeconds: Double, pagesPerMinute: Double, unmappableCharacters: [UnmappableCharacterReport]) {
        self.pagesTotal = pagesTotal; self.pagesByStatus = pagesByStatus; self.pagesByForm = pagesByForm
        self.fields = fields; self.fieldsByForm = fieldsByForm; self.errors = errors
        self.unclassified = unclassified; self.elapsedSeconds = elapsedSeconds
        self.pagesPerMinute = pagesPerMinute; self.unmappableCharacters = unmappableCharacters
    }

    /// Builds the summary of `results` in one go.
    public static func make(results: [PageResult], elapsedSeconds: Double,
                            unmappable: [UnmappableCharacterReport] = []) -> BatchSummary {
        var builder = BatchSummaryBuilder()
        builder.add(contentsOf: results)
        builder.add(unmappable: unmappable)
        return builder.build(elapsedSeconds: elapsedSeconds)
    }

    /// Pretty-printed JSON with sorted keys.
    public func jsonData() throws -> Data {
        try ResultsCoding.prettyJSON(self)
    }

    /// Writes `summary.json` (atomically).
    public func write(to url: URL) throws {
        try jsonData().write(to: url, options: .atomic)
    }
}

/// Accumulates a `BatchSummary` page by page, as results come in.
public struct BatchSummaryBuilder: Sendable {
    private var pages = PageCounts()
    private var pagesByForm: [String: Int] = [:]
    private var fields = FieldCounts()
    private var fieldsByForm: [String: FieldCounts] = [:]
    private var errors: [PageIssue] = []
    private var unclassified: [PageIssue] = []
    private var attention: [PageIssue] = []
    private var unmappable: [UnmappableCharacterReport] = []

    public init() {}

    public mutating func add(_ result: PageResult) {
        switch result.status {
        case .ok:
            pages.ok += 1
            let form = result.form ?? "(unknown)"
            pagesByForm[form, default: 0] += 1
            var counts = fieldsByForm[form] ?? FieldCounts()
            for field in result.fields.values {
                fields.add(field.status)
                counts.add(field.status)
            }
            fieldsByForm[form] = counts
            if let note = result.attention {
                attention.append(PageIssue(source: result.source, page: result.page, message: note))
            }
        case .unclassified:
            pages.unclassified += 1
            unclassified.append(PageIssue(source: result.source, page: result.page,
                                          message: result.classification ?? result.error ?? "no form matched"))
        case .error:
            pages.error += 1
            errors.append(PageIssue(source: result.source, page: result.page,
                                    message: result.error ?? "unknown error"))
        }
    }

    public mutating func add(contentsOf results: [PageResult]) {
        for result in results { add(result) }
    }

    public mutating func add(unmappable reports: [UnmappableCharacterReport]) {
        unmappable += reports
    }

    public func build(elapsedSeconds: Double) -> BatchSummary {
        let perMinute = elapsedSeconds > 0 ? Double(pages.total) / (elapsedSeconds / 60) : 0
        let byPlace: (PageIssue, PageIssue) -> Bool = { ($0.source, $0.page) < ($1.source, $1.page) }
        var summary = BatchSummary(pagesTotal: pages.total, pagesByStatus: pages, pagesByForm: pagesByForm,
                                   fields: fields, fieldsByForm: fieldsByForm,
                                   errors: errors.sorted(by: byPlace), unclassified: unclassified.sorted(by: byPlace),
                                   elapsedSeconds: elapsedSeconds, pagesPerMinute: perMinute,
                                   unmappableCharacters: unmappable)
        summary.attention = attention.sorted(by: byPlace)
        return summary
    }
}
