import ChohyoCore
import Foundation

/// The figures the staff-hours estimate rests on. Every one is an assumption, stated in the report.
public struct ReadRateAssumptions: Codable, Equatable, Sendable {
    /// S_k: keying one field by hand, including finding it on the paper (typical for a short typed field).
    public var secondsKeyed: Double
    /// S_v: a clerk checking one field sent to review: compares the value shown with the field's image
    /// and corrects it.
    public var secondsVerified: Double
    /// P: handling one page (sorting, turning, feeding), by hand and with Chohyo alike.
    public var secondsPage: Double
    /// One staff year in hours.
    public var hoursPerStaffYear: Double
    /// Pages a year to extrapolate to; nil for no extrapolation.
    public var pagesPerYear: Int?

    public static let defaultSecondsKeyed = 8.0
    public static let defaultSecondsVerified = 4.0
    public static let defaultSecondsPage = 5.0
    public static let defaultHoursPerStaffYear = 2000.0

    enum CodingKeys: String, CodingKey {
        case secondsKeyed = "seconds_keyed"
        case secondsVerified = "seconds_verified"
        case secondsPage = "seconds_page"
        case hoursPerStaffYear = "hours_per_staff_year"
        case pagesPerYear = "pages_per_year"
    }

    public init(secondsKeyed: Double = defaultSecondsKeyed, secondsVerified: Double = defaultSecondsVerified,
                secondsPage: Double = defaultSecondsPage, hoursPerStaffYear: Double = defaultHoursPerStaffYear,
                pagesPerYear: Int? = nil) {
        self.secondsKeyed = secondsKeyed; self.secondsVerified = secondsVerified; self.secondsPage = secondsPage
        self.hoursPerStaffYear = hoursPerStaffYear; self.pagesPerYear = pagesPerYear
    }

    /// `pagesPerYear` is always written (null when absent) so the JSON shows the option exists.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(secondsKeyed, forKey: .secondsKeyed)
        try c.encode(secondsVerified, forKey: .secondsVerified)
        try c.encode(secondsPage, forKey: .secondsPage)
        try c.encode(hoursPerStaffYear, forKey: .hoursPerStaffYear)
        try c.encode(pagesPerYear, forKey: .pagesPerYear)
    }
}

/// accepted / review / invalid as shares (0–1) of all fields counted; nil when there are none.
public struct ReadRateShares: Codable, Equatable, Sendable {
    public var accepted: Double?
    public var review: Double?
    public var invalid: Double?

    public init(accepted: Double?, review: Double?, invalid: Double?) {
        self.accepted = accepted; self.review = review; self.invalid = invalid
    }

    public init(_ counts: FieldCounts) {
        let n = Double(counts.total)
        guard n > 0 else { self.init(accepted: nil, review: nil, invalid: nil); return }
        self.init(accepted: Double(counts.accepted) / n, review: Double(counts.review) / n,
                  invalid: Double(counts.invalid) / n)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(accepted, forKey: .accepted)
        try c.encode(review, forKey: .review)
        try c.encode(invalid, forKey: .invalid)
    }
}

/// Estimated staff hours: keying everything by hand against working with Chohyo.
public struct ReadRateHours: Codable, Equatable, Sendable {
    public var byHand: Double
    public var withChohyo: Double
    /// byHand − withChohyo.
    public var saved: Double
    /// saved / byHand; nil when byHand is 0.
    public var savedShare: Double?
    /// saved / hours per staff year.
    public var staffYearsSaved: Double

    enum CodingKeys: String, CodingKey {
        case saved
        case byHand = "by_hand"
        case withChohyo = "with_chohyo"
        case savedShare = "saved_share"
        case staffYearsSaved = "staff_years_saved"
    }

    public init(byHand: Double, withChohyo: Double, hoursPerStaffYear: Double) {
        self.byHand = byHand
        self.withChohyo = withChohyo
        saved = byHand - withChohyo
        savedShare = byHand > 0 ? saved / byHand : nil
        staffYearsSaved = hoursPerStaffYear > 0 ? saved / hoursPerStaffYear : 0
    }

    /// From seconds.
    init(secondsByHand: Double, secondsWithChohyo: Double, hoursPerStaffYear: Double) {
        self.init(byHand: secondsByHand / 3600, withChohyo: secondsWithChohyo / 3600, hoursPerStaffYear: hoursPerStaffYear)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(byHand, forKey: .byHand)
        try c.encode(withChohyo, forKey: .withChohyo)
        try c.encode(saved, forKey: .saved)
        try c.encode(savedShare, forKey: .savedShare)
        try c.encode(staffYearsSaved, forKey: .staffYearsSaved)
    }
}

/// A review reason with its numbers replaced by "N", and how many review fields gave it.
public struct ReviewReasonCount: Codable, Equatable, Sendable {
    public var reason: String
    public var count: Int
    public init(reason: String, count: Int) { self.reason = reason; self.count = count }
}

/// One field of one form.
public struct ReadRateField: Codable, Equatable, Sendable {
    public var key: String
    /// The label from the form definition; nil without one.
    public var label: String?
    public var counts: FieldCounts
    public var shares: ReadRateShares
    /// Most common reason among this field's review results; nil when none went to review.
    public var topReviewReason: ReviewReasonCount?

    enum CodingKeys: String, CodingKey {
        case key, label, counts, shares
        case topReviewReason = "top_review_reason"
    }

    public init(key: String, label: String?, counts: FieldCounts, topReviewReason: ReviewReasonCount?) {
        self.key = key; self.label = label; self.counts = counts
        shares = ReadRateShares(counts); self.topReviewReason = topReviewReason
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encode(label, forKey: .label)
        try c.encode(counts, forKey: .counts)
        try c.encode(shares, forKey: .shares)
        try c.encode(topReviewReason, forKey: .topReviewReason)
    }
}

/// One form: its pages (status ok), its fields, and the hours.
public struct ReadRateForm: Codable, Equatable, Sendable {
    public var form: String
    /// The title from the form definition; nil without one.
    public var title: String?
    public var pages: Int
    /// Of `pages`, those called faint (`PageResult.attention`): their fields in review are
    /// counted as keyed, not verified.
    public var faintPages: Int
    public var counts: FieldCounts
    public var shares: ReadRateShares
    public var hours: ReadRateHours
    /// In definition order (fields not in the definition after them, sorted); sorted by key without a definition.
    public var fields: [ReadRateField]

    enum CodingKeys: String, CodingKey {
        case form, title, pages, counts, shares, hours, fields
        case faintPages = "faint_pages"
    }

    public init(form: String, title: String?, pages: Int, faintPages: Int = 0, counts: FieldCounts, hours: ReadRateHours,
                fields: [ReadRateField]) {
        self.form = form; self.title = title; self.pages = pages; self.faintPages = faintPages; self.counts = counts
        shares = ReadRateShares(counts); self.hours = hours; self.fields = fields
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(form, forKey: .form)
        try c.encode(title, forKey: .title)
        try c.encode(pages, forKey: .pages)
        try c.encode(faintPages, forKey: .faintPages)
        try c.encode(counts, forKey: .counts)
        try c.encode(shares, forKey: .shares)
        try c.encode(hours, forKey: .hours)
        try c.encode(fields, forKey: .fields)
    }
}

/// Pages Chohyo could not place (unclassified) or read (error): keyed by hand either way.
public struct ReadRateUnplaced: Codable, Equatable, Sendable {
    public var unclassified: Int
    public var error: Int
    public var pages: Int { unclassified + error }
    /// Their form is unknown: fields per page they are counted at.
    public var fieldsPerPage: Double
    /// Where `fieldsPerPage` comes from: "classified pages" (their average), "form definitions"
    /// (average field count, when no page was classified) or "none" (0).
    public var fieldsPerPageBasis: String
    /// By hand and with Chohyo alike.
    public var hours: ReadRateHours

    enum CodingKeys: String, CodingKey {
        case unclassified, error, pages, hours
        case fieldsPerPage = "fields_per_page"
        case fieldsPerPageBasis = "fields_per_page_basis"
    }

    public init(unclassified: Int, error: Int, fieldsPerPage: Double, fieldsPerPageBasis: String, hours: ReadRateHours) {
        self.unclassified = unclassified; self.error = error; self.fieldsPerPage = fieldsPerPage
        self.fieldsPerPageBasis = fieldsPerPageBasis; self.hours = hours
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        unclassified = try c.decode(Int.self, forKey: .unclassified)
        error = try c.decode(Int.self, forKey: .error)
        fieldsPerPage = try c.decode(Double.self, forKey: .fieldsPerPage)
        fieldsPerPageBasis = try c.decode(String.self, forKey: .fieldsPerPageBasis)
        hours = try c.decode(ReadRateHours.self, forKey: .hours)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(unclassified, forKey: .unclassified)
        try c.encode(error, forKey: .error)
        try c.encode(pages, forKey: .pages)
        try c.encode(fieldsPerPage, forKey: .fieldsPerPage)
        try c.encode(fieldsPerPageBasis, forKey: .fieldsPerPageBasis)
        try c.encode(hours, forKey: .hours)
    }
}

/// The batch's hours scaled to a yearly number of pages (same mix of forms, same read rates).
public struct ReadRateYear: Codable, Equatable, Sendable {
    public var pagesPerYear: Int
    public var hours: ReadRateHours

    enum CodingKeys: String, CodingKey {
        case hours
        case pagesPerYear = "pages_per_year"
    }

    public init(pagesPerYear: Int, hours: ReadRateHours) { self.pagesPerYear = pagesPerYear; self.hours = hours }
}

/// Read rate per form and per field, and the staff hours it saves against keying by hand (issue #3).
///
/// Counts only: never a field value. Build it with `make(results:forms:assumptions:)`.
public struct ReadRateReport: Codable, Equatable, Sendable {
    public var assumptions: ReadRateAssumptions
    /// The hours formula in words, as the report states it.
    public var formula: [String]
    public var pages: PageCounts
    /// Fields on classified (ok) pages.
    public var counts: FieldCounts
    public var shares: ReadRateShares
    /// Forms in definition order, then forms without a definition, sorted.
    public var forms: [ReadRateForm]
    public var unplaced: ReadRateUnplaced
    /// Every page: the forms plus the unplaced pages.
    public var total: ReadRateHours
    /// Present when `assumptions.pagesPerYear` is set and there is at least one page.
    public var perYear: ReadRateYear?

    enum CodingKeys: String, CodingKey {
        case assumptions, formula, pages, counts, shares, forms, unplaced, total
        case perYear = "per_year"
    }

    public init(assumptions: ReadRateAssumptions, pages: PageCounts, counts: FieldCounts, forms: [ReadRateForm],
                unplaced: ReadRateUnplaced, total: ReadRateHours, perYear: ReadRateYear?) {
        self.assumptions = assumptions; formula = Self.formulaLines; self.pages = pages; self.counts = counts
        shares = ReadRateShares(counts); self.forms = forms; self.unplaced = unplaced; self.total = total
        self.perYear = perYear
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(assumptions, forKey: .assumptions)
        try c.encode(formula, forKey: .formula)
        try c.encode(pages, forKey: .pages)
        try c.encode(counts, forKey: .counts)
        try c.encode(shares, forKey: .shares)
        try c.encode(forms, forKey: .forms)
        try c.encode(unplaced, forKey: .unplaced)
        try c.encode(total, forKey: .total)
        try c.encode(perYear, forKey: .perYear)
    }

    /// The formula, S_k / S_v / P as in `ReadRateAssumptions`.
    public static let formulaLines = [
        "by hand = pages × P + fields × S_k",
        "with Chohyo = pages × P + review fields × S_v + invalid fields × S_k + fields of unclassified or error pages × S_k",
        "on a page called faint (attention in results.jsonl), review fields count as keyed (S_k, not S_v): a person may have to ask for a clearer copy",
        "accepted fields take no staff time; every page is handled once (P) either way",
        "unclassified and error pages are keyed entirely by hand either way, at the average fields per classified page",
        "saved = by hand − with Chohyo; share = saved / by hand; staff years = saved / hours per staff year",
    ]

    /// Builds the report. `forms` gives field order, labels and titles; results of forms it does not
    /// define are still counted (fields sorted by key). Only pages with status `ok` count towards a
    /// form; `unclassified` and `error` pages are counted apart.
    public static func make(results: [PageResult], forms definitions: [FormDefinition] = [],
                            assumptions: ReadRateAssumptions = ReadRateAssumptions()) -> ReadRateReport {
        struct Tally {
            var pages = 0
            var faintPages = 0
            /// Review fields of the pages called faint.
            var faintReview = 0
            var counts = FieldCounts()
            var fields: [String: FieldCounts] = [:]
            var reasons: [String: [String: Int]] = [:]
        }
        var pages = PageCounts()
        var tallies: [String: Tally] = [:]
        for result in results {
            switch result.status {
            case .unclassified: pages.unclassified += 1; continue
            case .error: pages.error += 1; continue
            case .ok: pages.ok += 1
            }
            let form = result.form ?? "(unknown)"
            var tally = tallies[form] ?? Tally()
            tally.pages += 1
            if result.attention != nil {
                tally.faintPages += 1
                tally.faintReview += result.fields.values.filter { $0.status == .review }.count
            }
            for (key, field) in result.fields {
                tally.counts.add(field.status)
                tally.fields[key, default: FieldCounts()].add(field.status)
                if field.status == .review { tally.reasons[key, default: [:]][reasonGroup(field.reason), default: 0] += 1 }
            }
            tallies[form] = tally
        }

        let a = assumptions
        let byID = Dictionary(definitions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let definedOrder = definitions.map(\.id).filter { tallies[$0] != nil }
        var seenDefined = Set<String>()
        let order = definedOrder.filter { seenDefined.insert($0).inserted }
            + tallies.keys.filter { byID[$0] == nil }.sorted()

        var counts = FieldCounts()
        var hand = 0.0, chohyo = 0.0
        var forms: [ReadRateForm] = []
        for id in order {
            let tally = tallies[id]!
            let def = byID[id]
            let defined = def?.fields.map(\.key).filter { tally.fields[$0] != nil } ?? []
            let keys = defined + tally.fields.keys.filter { !defined.contains($0) }.sorted()
            let fields = keys.map { key in
                ReadRateField(key: key, label: def?.field(key)?.label, counts: tally.fields[key]!,
                              topReviewReason: mostCommon(tally.reasons[key] ?? [:]))
            }
            let c = tally.counts
            let pageSeconds = Double(tally.pages) * a.secondsPage
            let formHand = pageSeconds + Double(c.total) * a.secondsKeyed
            let formChohyo = pageSeconds + Double(c.review - tally.faintReview) * a.secondsVerified
                + Double(c.invalid + tally.faintReview) * a.secondsKeyed
            hand += formHand; chohyo += formChohyo
            counts.accepted += c.accepted; counts.review += c.review; counts.invalid += c.invalid
            forms.append(ReadRateForm(form: id, title: def?.title, pages: tally.pages, faintPages: tally.faintPages, counts: c,
                                      hours: ReadRateHours(secondsByHand: formHand, secondsWithChohyo: formChohyo,
                                                           hoursPerStaffYear: a.hoursPerStaffYear),
                                      fields: fields))
        }

        let fieldsPerPage: Double
        let basis: String
        if pages.ok > 0 {
            fieldsPerPage = Double(counts.total) / Double(pages.ok); basis = "classified pages"
        } else if !definitions.isEmpty {
            fieldsPerPage = Double(definitions.map(\.fields.count).reduce(0, +)) / Double(definitions.count)
            basis = "form definitions"
        } else {
            fieldsPerPage = 0; basis = "none"
        }
        let unplacedPages = Double(pages.unclassified + pages.error)
        let unplacedSeconds = unplacedPages * (a.secondsPage + fieldsPerPage * a.secondsKeyed)
        hand += unplacedSeconds; chohyo += unplacedSeconds
        let unplaced = ReadRateUnplaced(unclassified: pages.unclassified, error: pages.error,
                                        fieldsPerPage: fieldsPerPage, fieldsPerPageBasis: basis,
                                        hours: ReadRateHours(secondsByHand: unplacedSeconds, secondsWithChohyo: unplacedSeconds,
                                                             hoursPerStaffYear: a.hoursPerStaffYear))
        let total = ReadRateHours(secondsByHand: hand, secondsWithChohyo: chohyo, hoursPerStaffYear: a.hoursPerStaffYear)
        var perYear: ReadRateYear?
        if let n = a.pagesPerYear, pages.total > 0 {
            let scale = Double(n) / Double(pages.total)
            perYear = ReadRateYear(pagesPerYear: n, hours: ReadRateHours(byHand: total.byHand * scale,
                                                                        withChohyo: total.withChohyo * scale,
                                                                        hoursPerStaffYear: a.hoursPerStaffYear))
        }
        return ReadRateReport(assumptions: a, pages: pages, counts: counts, forms: forms, unplaced: unplaced,
                              total: total, perYear: perYear)
    }

    /// The group a review reason counts under: the reason with every number replaced by "N"
    /// ("confidence 62.5 below 70" → "confidence N below N"). A compound reason stays whole
    /// ("confidence N below N; two independent readings disagree").
    public static func reasonGroup(_ reason: String) -> String {
        let group = withoutNumbers(reason).trimmingCharacters(in: .whitespaces)
        return group.isEmpty ? "(no reason given)" : group
    }

    /// Every run of digits (ASCII or full-width, with inner "." or ",") becomes "N".
    static func withoutNumbers(_ text: String) -> String {
        func isDigit(_ c: Character) -> Bool {
            guard let s = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return false }
            return ("0"..."9").contains(s) || ("\u{FF10}"..."\u{FF19}").contains(s)
        }
        let chars = Array(text)
        var out = ""
        var i = 0
        while i < chars.count {
            guard isDigit(chars[i]) else { out.append(chars[i]); i += 1; continue }
            while i < chars.count {
                if isDigit(chars[i]) { i += 1 }
                else if (chars[i] == "." || chars[i] == ","), i + 1 < chars.count, isDigit(chars[i + 1]) { i += 2 }
                else { break }
            }
            out.append("N")
        }
        return out
    }

    /// Highest count; ties go to the alphabetically first reason.
    static func mostCommon(_ counts: [String: Int]) -> ReviewReasonCount? {
        counts.min { ($1.value, $0.key) < ($0.value, $1.key) }.map { ReviewReasonCount(reason: $0.key, count: $0.value) }
    }
}
