import Foundation

extension BatchSummary {
    /// A few aligned lines for stderr, e.g.
    ///
    ///     Pages:        40 (ok 38, unclassified 1, error 1)
    ///     Forms:        kyuyo_shiharai_hokoku  30 pages; fields: 280 accepted, 18 review, 2 invalid
    ///     Fields:       400 (accepted 360, review 36, invalid 4): 90.0% accepted automatically
    ///     Time:         2m 05s (19.2 pages/min)
    ///     Unclassified: 1 page for a person to sort
    ///       scan_0004.png p.1: best match 0.41 below 0.60
    ///     Faint:        1 page to look at as a whole first
    ///       fax_0007.tif p.1: 9 of 17 required values on this page failed their checks: …
    ///     Errors:       1 page
    ///       scan_0012.pdf p.3: cannot read image
    ///     Unmappable:   2 characters written as 〓 (listed in summary.json)
    ///
    /// `maxListed` caps the pages listed under Unclassified, Faint and Errors. With
    /// `errorsNamedAbove` (the batch command names each error as it happens) the errors are
    /// only counted here; the unclassified and faint pages are still listed.
    public func renderText(maxListed: Int = 10, errorsNamedAbove: Bool = false) -> String {
        var lines: [String] = []
        func line(_ label: String, _ text: String) {
            lines.append((label + ":").padding(toLength: 14, withPad: " ", startingAt: 0) + text)
        }
        func list(_ issues: [PageIssue]) {
            for issue in issues.prefix(maxListed) {
                lines.append("  \(issue.source) p.\(issue.page): \(issue.message)")
            }
            if issues.count > maxListed { lines.append("  … and \(issues.count - maxListed) more (see summary.json)") }
        }
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

        let p = pagesByStatus
        line("Pages", "\(pagesTotal) (ok \(p.ok), unclassified \(p.unclassified), error \(p.error))")

        let forms = pagesByForm.keys.sorted()
        if forms.isEmpty {
            line("Forms", "none")
        } else {
            let width = forms.map(\.count).max() ?? 0
            let pageWidth = String(pagesByForm.values.max() ?? 0).count
            for (i, form) in forms.enumerated() {
                let f = fieldsByForm[form] ?? FieldCounts()
                let pages = String(pagesByForm[form] ?? 0).leftPadded(to: pageWidth, with: " ")
                let text = form.padding(toLength: width, withPad: " ", startingAt: 0)
                    + "  \(pages) page\(pagesByForm[form] == 1 ? "" : "s"); fields: "
                    + "\(f.accepted) accepted, \(f.review) review, \(f.invalid) invalid"
                if i == 0 { line("Forms", text) } else { lines.append(String(repeating: " ", count: 14) + text) }
            }
        }

        line("Fields", "\(fields.total) (accepted \(fields.accepted), review \(fields.review), invalid \(fields.invalid))"
             + (fields.total > 0 ? ": \(Self.percent(fields.acceptedShare)) accepted automatically" : ""))
        line("Time", "\(Self.duration(elapsedSeconds)) (\(String(format: "%.1f", pagesPerMinute)) pages/min)")
        if !unclassified.isEmpty {
            line("Unclassified", "\(plural(unclassified.count, "page")) for a person to sort")
            list(unclassified)
        }
        if !attention.isEmpty {
            line("Faint", "\(plural(attention.count, "page")) to look at as a whole first")
            list(attention)
        }
        if !errors.isEmpty {
            line("Errors", plural(errors.count, "page") + (errorsNamedAbove ? " (named above, listed in summary.json)" : ""))
            if !errorsNamedAbove { list(errors) }
        }
        if !unmappableCharacters.isEmpty {
            let replaced = unmappableCharacters.allSatisfy { $0.replacement != nil }
            line("Unmappable", "\(plural(unmappableCharacters.count, "character"))"
                 + (replaced ? " written as 〓" : " not writable in CP932") + " (listed in summary.json)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }

    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "?" }
        if seconds < 60 { return String(format: "%.1f s", seconds) }
        let total = Int(seconds.rounded())
        let h = total / 3600, m = total % 3600 / 60, s = total % 60
        let ss = String(s).leftPadded(to: 2)
        return h > 0 ? "\(h)h \(String(m).leftPadded(to: 2))m \(ss)s" : "\(m)m \(ss)s"
    }
}
