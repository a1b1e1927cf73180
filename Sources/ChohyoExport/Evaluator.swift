import ChohyoCore
import Foundation

/// Compares results with ground truth, per form and per field. See `GroundTruthPage` for the
/// file layout and `EvaluationReport` for the figures.
///
/// Matching: a result belongs to the truth page with the same scan base name (folder and extension
/// dropped) and page number. If several results share a name and page, the first is used.
///
/// Per field: the truth value is normalised with `normaliser` (the same function the pipeline uses,
/// so the comparison is between normalised forms); exact match is `(value ?? "") == truth`; CER is
/// Levenshtein distance over Characters divided by the truth length, summed over fields; a field is
/// accepted when its status is `accepted`; an error escape is an accepted field whose value is not
/// the truth. When the page has no result, an error, or another form (or none), every field of the
/// truth counts as wrong (all truth characters as edits) and not accepted.
public struct Evaluator {
    public typealias Normaliser = (String, FieldDefinition) -> String?

    public var forms: [FormDefinition]
    public var normaliser: Normaliser?

    public init(forms: [FormDefinition], normaliser: Normaliser? = nil) {
        self.forms = forms
        self.normaliser = normaliser
    }

    /// Loads the ground truth in `truthDirectory` and evaluates `results` against it.
    public func evaluate(truthDirectory: URL, results: [PageResult]) throws -> EvaluationReport {
        try evaluate(truthDirectories: [truthDirectory], results: results)
    }

    /// The ground truth of several folders scored as one set (their file names must differ).
    public func evaluate(truthDirectories: [URL], results: [PageResult]) throws -> EvaluationReport {
        var truth: [GroundTruthPage] = [], warnings: [String] = []
        for directory in truthDirectories {
            let loaded = try GroundTruth.load(directory: directory)
            truth += loaded.pages
            warnings += loaded.warnings
        }
        return evaluate(truth: truth, results: results, warnings: warnings)
    }

    public func evaluate(truth: [GroundTruthPage], results: [PageResult], warnings: [String] = []) -> EvaluationReport {
        var warnings = warnings
        var index: [PlaceKey: PageResult] = [:]
        var duplicates: Set<PlaceKey> = []
        for result in results {
            let key = PlaceKey(name: GroundTruth.baseName(ofSource: result.source), page: result.page)
            if index[key] == nil { index[key] = result } else { duplicates.insert(key) }
        }

        var pages = PageEvaluationStats()
        var stats: [String: [String: FieldStats]] = [:]  // form → key → stats
        var truthPages: [String: Int] = [:]
        var used: Set<PlaceKey> = []
        var unknownForms: Set<String> = []
        var faintPages = 0, notFaint = FieldStats(), notFaintDigitOnly = FieldStats()

        for page in truth {
            let key = PlaceKey(name: page.name, page: page.page)
            let result = index[key]
            if result != nil { used.insert(key) }
            if duplicates.contains(key) {
                warnings.append("several results for \(page.name) p.\(page.page); the first is evaluated")
            }

            pages.withTruth += 1
            let status = result?.status
            let got = status == .ok ? (result?.form ?? "unclassified") : status?.rawValue ?? "missing"
            pages.sorting[page.form ?? "none", default: [:]][got, default: 0] += 1
            let correct = result != nil && (page.form == nil
                ? status == .unclassified
                : status == .ok && result?.form == page.form)
            if correct {
                pages.classifiedCorrectly += 1
            } else {
                switch status {
                case nil: pages.missingResults += 1
                case .error?: pages.errored += 1
                case .unclassified?: pages.unclassified += 1
                case .ok?: pages.misclassified += 1
                }
                pages.misses.append(ClassificationMiss(
                    source: result?.source ?? page.name, page: page.page, expected: page.form,
                    actual: status == .ok ? result?.form : nil, status: status?.rawValue ?? "missing"))
            }

            guard let formID = page.form else { continue }
            guard let form = forms.first(where: { $0.id == formID }) else {
                if unknownForms.insert(formID).inserted {
                    warnings.append("ground truth names form \"\(formID)\", which is not defined; its fields are not evaluated")
                }
                continue
            }
            truthPages[formID, default: 0] += 1
            for unknown in page.fields.keys.sorted() where form.field(unknown) == nil {
                warnings.append("\(page.file): field \"\(unknown)\" is not in form \(formID); ignored")
            }
            let faint = correct && result?.attention != nil
            if faint { faintPages += 1 }
            for field in form.fields {
                guard let raw = page.fields[field.key] else { continue }
                let expected = normalisedTruth(raw, field: field, file: page.file, warnings: &warnings)
                let got = correct ? result?.fields[field.key] : nil
                let figures = compare(expected: expected, got: got, pageUsable: correct)
                stats[formID, default: [:]][field.key, default: FieldStats()] =
                    stats[formID, default: [:]][field.key, default: FieldStats()] + figures
                if !faint {
                    notFaint = notFaint + figures
                    if field.type.isDigitOnly { notFaintDigitOnly = notFaintDigitOnly + figures }
                }
            }
        }

        pages.resultsWithoutTruth = index.keys.filter { !used.contains($0) }.count
        pages.misses.sort { ($0.source, $0.page) < ($1.source, $1.page) }

        var formReports: [FormEvaluation] = []
        for form in forms where truthPages[form.id] != nil {
            let byKey = stats[form.id] ?? [:]
            let fields = form.fields.map { FieldEvaluation(key: $0.key, type: $0.type, stats: byKey[$0.key] ?? FieldStats()) }
            let total = fields.reduce(FieldStats()) { $0 + $1.stats }
            let digits = fields.filter { $0.type.isDigitOnly }.reduce(FieldStats()) { $0 + $1.stats }
            formReports.append(FormEvaluation(form: form.id, title: form.title, pages: truthPages[form.id] ?? 0,
                                              fields: fields, total: total, digitOnly: digits))
        }
        var report = EvaluationReport(pages: pages, forms: formReports,
                                      overall: formReports.reduce(FieldStats()) { $0 + $1.total },
                                      digitOnly: formReports.reduce(FieldStats()) { $0 + $1.digitOnly },
                                      warnings: warnings)
        report.faintPages = faintPages
        report.notFaint = notFaint
        report.notFaintDigitOnly = notFaintDigitOnly
        return report
    }

    /// The figures for one field of one page.
    func compare(expected: String, got: FieldResult?, pageUsable: Bool) -> FieldStats {
        let truthLength = expected.count
        guard pageUsable else {
            return FieldStats(count: 1, exact: 0, edits: truthLength, truthCharacters: truthLength, accepted: 0, errorEscapes: 0)
        }
        let value = got?.value ?? ""
        let exact = value == expected
        let accepted = got?.status == .accepted
        return FieldStats(count: 1, exact: exact ? 1 : 0, edits: exact ? 0 : Levenshtein.distance(value, expected),
                          truthCharacters: truthLength, accepted: accepted ? 1 : 0,
                          errorEscapes: accepted && !exact ? 1 : 0)
    }

    /// Normalises a truth value; one that fails its validator is compared as written, with a
    /// warning that names the file and field only (never the value).
    private func normalisedTruth(_ raw: String, field: FieldDefinition, file: String, warnings: inout [String]) -> String {
        guard !raw.isEmpty, let normaliser else { return raw }
        if let value = normaliser(raw, field) { return value }
        warnings.append("\(file): truth for field \"\(field.key)\" does not pass its validator; compared as written")
        return raw
    }

    private struct PlaceKey: Hashable {
        var name: String
        var page: Int
    }
}
