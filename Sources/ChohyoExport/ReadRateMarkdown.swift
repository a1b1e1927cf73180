import Foundation

extension ReadRateReport {
    /// Markdown: the headline (accepted share, hours saved), a plain-language paragraph, a table
    /// per form with hours, a field table per form, and the assumptions and formula behind the hours.
    /// Percentages have one decimal; "–" where a share has no denominator.
    public func markdown() -> String {
        let a = assumptions
        var out: [String] = ["# Read rate and staff hours", ""]
        out.append("\(Self.count(pages.total, "page")): \(pages.ok) read (\(formsPhrase)), \(pages.unclassified) unclassified, "
                   + "\(pages.error) error. \(Self.count(counts.total, "field")) on the pages read.")
        out.append("")
        out.append("**Fields accepted automatically: \(Self.pct(shares.accepted, sign: true))**"
                   + " (sent to review \(Self.pct(shares.review, sign: true)), invalid \(Self.pct(shares.invalid, sign: true))).  ")
        var headline = "**Estimated staff hours saved: \(Self.hours(total.saved)) h of \(Self.hours(total.byHand)) h by hand"
            + " (\(Self.pct(total.savedShare, sign: true)))**, \(Self.years(total.staffYearsSaved)) staff years"
        if let y = perYear {
            headline += "; at \(Self.grouped(y.pagesPerYear)) pages a year: \(Self.hours(y.hours.saved)) h"
                + " (\(Self.years(y.hours.staffYearsSaved)) staff years)"
        }
        out.append(headline + ".")

        out += ["", "## In plain words", "", plainWords]

        out += ["", "## Per form", "",
                "| form | title | pages | fields | accepted % | review % | invalid % | hours by hand | hours with Chohyo | hours saved |",
                "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for form in forms {
            out.append(Self.formRow([Self.cell(form.form), Self.cell(form.title ?? "")], pages: form.pages,
                                    fields: String(form.counts.total), shares: form.shares, hours: form.hours))
        }
        if unplaced.pages > 0 {
            let none = ReadRateShares(accepted: nil, review: nil, invalid: nil)
            out.append(Self.formRow(["unclassified or error", "keyed by hand"], pages: unplaced.pages,
                                    fields: "–", shares: none, hours: unplaced.hours))
        }
        out.append(Self.formRow(["**all pages**", ""], pages: pages.total, fields: String(counts.total),
                                shares: shares, hours: total))

        for form in forms {
            let title = form.title.map { " (\(Self.cell($0)))" } ?? ""
            out += ["", "## Fields of \(Self.cell(form.form))\(title)", "",
                    "| field | label | n | accepted % | review % | invalid % | most common review reason |",
                    "|---|---|---:|---:|---:|---:|---|"]
            for f in form.fields {
                let reason = f.topReviewReason.map { "\(Self.cell($0.reason)) (\($0.count) of \(f.counts.review))" } ?? "–"
                out.append("| " + [Self.cell(f.key), Self.cell(f.label ?? ""), String(f.counts.total),
                                   Self.pct(f.shares.accepted), Self.pct(f.shares.review), Self.pct(f.shares.invalid),
                                   reason].joined(separator: " | ") + " |")
            }
        }

        out += ["", "## How the hours are estimated", "",
                "Assumptions (change them with --seconds-keyed, --seconds-verified, --seconds-page):", "",
                "- S_k = \(Self.number(a.secondsKeyed)) s to key one field by hand, including finding it on the paper"
                    + " (typical for a short typed field).",
                "- S_v = \(Self.number(a.secondsVerified)) s to verify one field sent to review: the clerk compares the value"
                    + " shown with the field's image and corrects it.",
                "- P = \(Self.number(a.secondsPage)) s to handle one page (sorting, feeding), by hand and with Chohyo alike.",
                "- One staff year = \(Self.number(a.hoursPerStaffYear)) h.",
                "", "Formula:", ""]
        out += Self.formulaLines.map { "- " + $0 }
        out += ["",
                "Unclassified and error pages: \(unplaced.pages), counted at \(String(format: "%.1f", unplaced.fieldsPerPage))"
                + " fields each (\(basisPhrase)). They cost the same either way, so they change the hours by hand but not the hours saved."
                + " Not counted: scanning and machine time, setting up definitions, spot checks of accepted fields, and"
                + " correcting accepted values that turn out wrong (`chohyo eval` measures how often that happens)."
                + " In review reasons, numbers are shown as N so that like reasons count together."]
        if let y = perYear {
            out += ["", "Per year: this batch's hours × \(Self.grouped(y.pagesPerYear)) / \(Self.grouped(pages.total)) pages"
                    + " (same mix of forms, same read rates)."]
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The paragraph for a finance department: what happened to the fields, and the hours.
    public var plainWords: String {
        var s = "Chohyo was given \(Self.count(pages.total, "page")). "
        if counts.total > 0 {
            s += "On the \(Self.count(pages.ok, "page")) it recognised it found \(Self.count(counts.total, "field")): "
                + "\(Self.grouped(counts.accepted)) (\(Self.pct(shares.accepted, sign: true))) went into the output file"
                + " without anyone touching \(counts.accepted == 1 ? "it" : "them"),"
                + " \(Self.grouped(counts.review)) (\(Self.pct(shares.review, sign: true))) \(counts.review == 1 ? "was" : "were")"
                + " shown to a clerk to check against the scanned image, and \(Self.grouped(counts.invalid))"
                + " (\(Self.pct(shares.invalid, sign: true))) failed a check and \(counts.invalid == 1 ? "has" : "have")"
                + " to be keyed by hand. "
        } else if pages.ok > 0 {
            s += "The \(Self.count(pages.ok, "page")) it recognised held no fields. "
        }
        let faint = forms.reduce(0) { $0 + $1.faintPages }
        if faint > 0 {
            s += "\(Self.count(faint, "page")) recognised \(faint == 1 ? "was" : "were") too faint to read as a whole:"
                + " a clerk looks at \(faint == 1 ? "it" : "them") first and may ask for a clearer copy, so \(faint == 1 ? "its" : "their")"
                + " fields in review are counted as keyed by hand. "
        }
        if unplaced.pages > 0 {
            s += "\(Self.count(unplaced.pages, "page")) could not be recognised or read and \(unplaced.pages == 1 ? "is" : "are")"
                + " keyed by hand as today. "
        }
        s += "Keying everything by hand would take an estimated \(Self.hours(total.byHand)) h of staff time;"
            + " with Chohyo about \(Self.hours(total.withChohyo)) h. "
        if total.saved >= 0 {
            s += "That saves about \(Self.hours(total.saved)) h (\(Self.pct(total.savedShare, sign: true))),"
                + " \(Self.years(total.staffYearsSaved)) staff years. "
        } else {
            s += "That is about \(Self.hours(-total.saved)) h more than by hand. "
        }
        if let y = perYear {
            s += "At \(Self.grouped(y.pagesPerYear)) pages a year, with the same mix of forms and the same read rates,"
                + " that is about \(Self.hours(y.hours.byHand)) h by hand against \(Self.hours(y.hours.withChohyo)) h with Chohyo:"
                + " \(Self.hours(y.hours.saved)) h saved, \(Self.years(y.hours.staffYearsSaved)) staff years. "
        }
        s += "These are estimates from the assumptions below, not measured working time."
        return s
    }

    private var formsPhrase: String {
        let n = forms.count
        return n == 1 ? "1 form" : "\(n) forms"
    }

    private var basisPhrase: String {
        switch unplaced.fieldsPerPageBasis {
        case "classified pages": return "the average of the classified pages"
        case "form definitions": return "the average of the form definitions, as no page was classified"
        default: return "no page was classified and no definition given"
        }
    }

    static func formRow(_ leading: [String], pages: Int, fields: String, shares: ReadRateShares, hours h: ReadRateHours) -> String {
        let cells = leading + [String(pages), fields, pct(shares.accepted), pct(shares.review), pct(shares.invalid),
                               hours(h.byHand), hours(h.withChohyo), hours(h.saved)]
        return "| " + cells.joined(separator: " | ") + " |"
    }

    /// One decimal, no % sign unless asked; "–" for no value.
    static func pct(_ share: Double?, sign: Bool = false) -> String {
        guard let share else { return "–" }
        return String(format: "%.1f", share * 100) + (sign ? "%" : "")
    }

    /// Hours: whole and grouped from 100 h, one decimal from 10 h, two below.
    static func hours(_ h: Double) -> String {
        guard h.isFinite else { return "\(h)" }
        if abs(h) >= 100 { return grouped(Int(h.rounded())) }
        return String(format: abs(h) >= 10 ? "%.1f" : "%.2f", h)
    }

    /// Staff years: two decimals, three below 0.1.
    static func years(_ y: Double) -> String {
        String(format: abs(y) >= 0.1 ? "%.2f" : "%.3f", y)
    }

    /// Whole numbers without decimals ("8"), others with `decimals`.
    static func number(_ x: Double, decimals: Int = 2) -> String {
        if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return grouped(Int(x)) }
        return String(format: "%.\(decimals)f", x)
    }

    /// 18000 → "18,000", independent of the locale.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    static func count(_ n: Int, _ word: String) -> String { "\(grouped(n)) \(word)\(n == 1 ? "" : "s")" }

    /// Keeps a table cell in one piece.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// Pretty-printed JSON with sorted keys, ending in a newline.
    public func jsonData() throws -> Data {
        try ResultsCoding.prettyJSON(self)
    }
}
