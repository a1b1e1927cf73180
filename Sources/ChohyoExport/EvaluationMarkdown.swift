import Foundation

extension EvaluationReport {
    /// Markdown: page figures, one table per form (rows = fields in definition order, then the
    /// form's totals), an overall table, and the ground-truth warnings. Percentages have one decimal;
    /// "–" where a rate has no denominator.
    public func markdown(maxMisses: Int = 20) -> String {
        var out: [String] = ["# Evaluation", ""]
        let p = pages
        out.append("Pages with ground truth: \(p.withTruth); classified correctly: \(p.classifiedCorrectly)"
                   + " (\(Self.pct(p.classificationAccuracy, sign: true))); misclassified as another form: \(p.misclassified);"
                   + " unclassified: \(p.unclassified); error: \(p.errored); missing results: \(p.missingResults);"
                   + " results without ground truth: \(p.resultsWithoutTruth).")
        if !p.misses.isEmpty {
            out.append("")
            for miss in p.misses.prefix(maxMisses) {
                let got = miss.actual ?? (miss.status == "missing" ? "no result" : miss.status)
                out.append("- \(Self.cell(miss.source)) p.\(miss.page): expected \(Self.cell(miss.expected ?? "no form")), got \(Self.cell(got))")
            }
            if p.misses.count > maxMisses { out.append("- … and \(p.misses.count - maxMisses) more") }
        }

        if !p.sorting.isEmpty {
            // Rows: what each page is; columns: what the batch made of it.
            let rows = p.sorting.keys.sorted { ($0 == "none" ? 1 : 0, $0) < ($1 == "none" ? 1 : 0, $1) }
            let outcomes = Set(p.sorting.values.flatMap(\.keys))
            let columns = rows.filter { $0 != "none" && outcomes.contains($0) }
                + outcomes.subtracting(rows).filter { !["unclassified", "error", "missing"].contains($0) }.sorted()
                + ["unclassified", "error", "missing"].filter { outcomes.contains($0) }
            out += ["", "How pages were sorted (rows: the page's form by ground truth; columns: the batch's result):", "",
                    "| page is | " + columns.map(Self.cell).joined(separator: " | ") + " |",
                    "|---|" + String(repeating: "---:|", count: columns.count)]
            for r in rows {
                out.append("| \(Self.cell(r == "none" ? "no form" : r)) | "
                           + columns.map { String(p.sorting[r]?[$0] ?? 0) }.joined(separator: " | ") + " |")
            }
        }

        let header = ["| field | type | n | exact % | CER % | accepted % | error escape | escape % of fields | escape % of accepted |",
                      "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
        for form in forms {
            out += ["", "## \(Self.cell(form.form)): \(Self.cell(form.title)) (\(form.pages) page\(form.pages == 1 ? "" : "s"))", ""]
            out += header
            for field in form.fields {
                out.append(Self.row([Self.cell(field.key), field.type.rawValue], field.stats))
            }
            out.append(Self.row(["**all fields**", ""], form.total))
            out.append(Self.row(["**digit-only**", ""], form.digitOnly))
        }

        out += ["", "## Overall", "",
                "| scope | n | exact % | CER % | accepted % | error escape | escape % of fields | escape % of accepted |",
                "|---|---:|---:|---:|---:|---:|---:|---:|"]
        out.append(Self.row(["**all fields**"], overall))
        out.append(Self.row(["**digit-only fields**"], digitOnly))
        for form in forms {
            out.append(Self.row([Self.cell(form.form)], form.total))
        }
        if faintPages > 0 {
            out.append(Self.row(["all fields, without the \(faintPages) page\(faintPages == 1 ? "" : "s") called faint"], notFaint))
            out.append(Self.row(["digit-only fields, without the \(faintPages) page\(faintPages == 1 ? "" : "s") called faint"], notFaintDigitOnly))
        }

        out += ["", "n: fields compared. Exact: value equals the normalised truth. CER: character edits / truth characters."
                + " Accepted: sent to export without a person. Error escape: accepted but wrong, as a count, as a share"
                + " of all fields compared and as a share of the accepted fields. Pages with no result, an error or the wrong form count as wrong and not accepted."
                + (faintPages > 0 ? " Called faint: read as the right form, but with a third or more of the required values failing their checks,"
                   + " or half or more failing or held at a confidence under 90"
                   + " (the batch summary lists them for a person to look at as a whole, and perhaps ask for a clearer copy); the rows without them"
                   + " are shown beside the figures of all pages, never instead of them." : "")]
        if !warnings.isEmpty {
            out += ["", "## Ground-truth warnings", ""]
            out += warnings.map { "- " + Self.cell($0) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func row(_ leading: [String], _ s: FieldStats) -> String {
        let cells = leading + [String(s.count), pct(s.exactRate), pct(s.characterErrorRate), pct(s.acceptedRate),
                               String(s.errorEscapes), pct(s.errorEscapeRateOfAll), pct(s.errorEscapeRate)]
        return "| " + cells.joined(separator: " | ") + " |"
    }

    /// One decimal, no % sign (the column says it); "–" for no value.
    static func pct(_ share: Double?, sign: Bool = false) -> String {
        guard let share else { return "–" }
        return String(format: "%.1f", share * 100) + (sign ? "%" : "")
    }

    /// Keeps a table cell in one piece.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
