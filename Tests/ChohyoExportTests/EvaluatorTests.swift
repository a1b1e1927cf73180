import ChohyoCore
import ChohyoExport
import XCTest

final class EvaluatorTests: XCTestCase {
    private let form = FormDefinition(id: "f", version: 1, title: "テスト帳票", template: "t.png", fields: [
        FieldDefinition(key: "name", label: "氏名", type: .text, box: Fixtures.box),
        FieldDefinition(key: "amount", label: "金額", type: .amount, box: Fixtures.box),
        FieldDefinition(key: "zip", label: "郵便番号", type: .postalCode, box: Fixtures.box),
    ])

    /// Folds full-width digits in number-like fields; an amount that is not all digits fails.
    private let normaliser: Evaluator.Normaliser = { text, field in
        guard field.type.isDigitOnly else { return text }
        let folded = String(String.UnicodeScalarView(text.unicodeScalars.map { s in
            (0xFF10...0xFF19).contains(s.value) ? Unicode.Scalar(s.value - 0xFF10 + 0x30)! : s
        }))
        if field.type == .amount && !folded.allSatisfy(\.isASCII) { return nil }
        return folded
    }

    private var dir: URL!
    override func setUpWithError() throws { dir = try Fixtures.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func writeTruth(_ name: String, _ json: String) throws {
        try Data(json.utf8).write(to: dir.appendingPathComponent(name))
    }

    private func makeExample() throws -> EvaluationReport {
        try writeTruth("a.json", #"{"form":"f","fields":{"name":"山田太郎","amount":"5000","zip":"100-0001"}}"#)
        try writeTruth("b.json", #"{"form":"f","fields":{"name":"佐藤","amount":"１２００","zip":""}}"#)
        try writeTruth("c-p2.json", #"{"form":"f","fields":{"name":"鈴木","amount":"300"}}"#)
        try writeTruth("d.json", #"{"form":"f","fields":{"name":"田中","amount":"10"}}"#)
        try writeTruth("e.json", #"{"form":null}"#)
        try writeTruth("notes.json", #"{"comment":"not truth"}"#)
        for scan in ["a.png", "b.png", "c.pdf", "d.png", "e.png"] {
            try Data().write(to: dir.appendingPathComponent(scan))
        }
        let results = [
            Fixtures.page("a.png", form: "f", fields: [
                "name": Fixtures.field("山田太郎"), "amount": Fixtures.field("5000"),
                "zip": Fixtures.field("100-0007")]),                            // accepted and wrong: escape
            Fixtures.page("/in/b.png", form: "f", fields: [
                "name": Fixtures.field("佐籐", .review), "amount": Fixtures.field("1200"),
                "zip": Fixtures.field(nil, .review)]),                           // empty truth, nil value: match
            Fixtures.page("scans/c.pdf", 2, form: "f", fields: [
                "name": Fixtures.field("鈴木"), "amount": Fixtures.field("800")]),  // escape
            Fixtures.page("e.png", form: nil, status: .unclassified),
            Fixtures.page("x.png", form: "f", fields: ["name": Fixtures.field("無関係")]),
        ]
        return try Evaluator(forms: [Fixtures.otherForm, form], normaliser: normaliser)
            .evaluate(truthDirectory: dir, results: results)
    }

    func testFieldNumbersOnHandMadeExample() throws {
        let report = try makeExample()
        XCTAssertEqual(report.forms.map(\.form), ["f"])
        let f = report.forms[0]
        XCTAssertEqual(f.pages, 4)
        let byKey = Dictionary(uniqueKeysWithValues: f.fields.map { ($0.key, $0.stats) })
        // name: a exact, b 1 edit (review), c exact, d missing (2 edits); truth chars 4+2+2+2.
        XCTAssertEqual(byKey["name"], FieldStats(count: 4, exact: 2, edits: 3, truthCharacters: 10, accepted: 2, errorEscapes: 0))
        // amount: truth "１２００" normalised to "1200" matches; c "800" vs "300" accepted: escape.
        XCTAssertEqual(byKey["amount"], FieldStats(count: 4, exact: 2, edits: 3, truthCharacters: 13, accepted: 3, errorEscapes: 1))
        // zip: not in c or d truth; a wrong and accepted; b empty = nil.
        XCTAssertEqual(byKey["zip"], FieldStats(count: 2, exact: 1, edits: 1, truthCharacters: 8, accepted: 1, errorEscapes: 1))

        XCTAssertEqual(f.total, FieldStats(count: 10, exact: 5, edits: 7, truthCharacters: 31, accepted: 6, errorEscapes: 2))
        XCTAssertEqual(report.overall, f.total)
        XCTAssertEqual(report.digitOnly, FieldStats(count: 6, exact: 3, edits: 4, truthCharacters: 21, accepted: 4, errorEscapes: 2))
        XCTAssertEqual(report.overall.exactRate!, 0.5, accuracy: 1e-12)
        XCTAssertEqual(report.overall.characterErrorRate!, 7.0 / 31.0, accuracy: 1e-12)
        XCTAssertEqual(report.overall.acceptedRate!, 0.6, accuracy: 1e-12)
        XCTAssertEqual(report.overall.errorEscapeRate!, 2.0 / 6.0, accuracy: 1e-12)
        XCTAssertEqual(byKey["name"]!.errorEscapeRate!, 0)
    }

    func testPageNumbersAndWarnings() throws {
        let report = try makeExample()
        let p = report.pages
        XCTAssertEqual(p.withTruth, 5)
        XCTAssertEqual(p.classifiedCorrectly, 4)  // a, b, c p.2, e (no form, unclassified)
        XCTAssertEqual(p.missingResults, 1)       // d
        XCTAssertEqual(p.misclassified, 0)
        XCTAssertEqual(p.resultsWithoutTruth, 1)  // x
        XCTAssertEqual(p.classificationAccuracy!, 0.8, accuracy: 1e-12)
        XCTAssertEqual(p.misses, [ClassificationMiss(source: "d", page: 1, expected: "f", actual: nil, status: "missing")])
        XCTAssertEqual(p.sorting["none"], ["unclassified": 1])
        XCTAssertEqual(p.sorting["f"]?["missing"], 1)
        XCTAssertEqual(report.warnings, [#"notes.json: not a ground-truth file ({"form": …, "fields": {…}}), skipped"#])
    }

    func testMarkdown() throws {
        let md = try makeExample().markdown()
        XCTAssertTrue(md.contains("## f: テスト帳票 (4 pages)"), md)
        XCTAssertTrue(md.contains("| field | type | n | exact % | CER % | accepted % | error escape | escape % of fields | escape % of accepted |"))
        XCTAssertTrue(md.contains("| name | text | 4 | 50.0 | 30.0 | 50.0 | 0 | 0.0 | 0.0 |"), md)
        XCTAssertTrue(md.contains("| amount | amount | 4 | 50.0 | 23.1 | 75.0 | 1 | 25.0 | 33.3 |"), md)
        XCTAssertTrue(md.contains("| zip | postal_code | 2 | 50.0 | 12.5 | 50.0 | 1 | 50.0 | 100.0 |"), md)
        XCTAssertTrue(md.contains("| **all fields** |  | 10 | 50.0 | 22.6 | 60.0 | 2 | 20.0 | 33.3 |"), md)
        XCTAssertTrue(md.contains("| **digit-only fields** | 6 | 50.0 | 19.0 | 66.7 | 2 | 33.3 | 50.0 |"), md)
        XCTAssertTrue(md.contains("classified correctly: 4 (80.0%)"), md)
        XCTAssertTrue(md.contains("- d p.1: expected f, got no result"), md)
    }

    /// A page called faint counts in every figure, and is left out of the rows beside them.
    func testFaintPagesAreShownBesideTheFiguresNotInstead() throws {
        let plain = try makeExample()
        XCTAssertEqual(plain.faintPages, 0)
        XCTAssertEqual(plain.notFaint, plain.overall)
        XCTAssertEqual(plain.notFaintDigitOnly, plain.digitOnly)
        XCTAssertFalse(plain.markdown().contains("called faint"))

        var faint = Fixtures.page("a.png", form: "f", fields: [
            "name": Fixtures.field(nil, .invalid), "amount": Fixtures.field(nil, .invalid), "zip": Fixtures.field(nil, .invalid)])
        faint.attention = "3 of 3 required values on this page failed their checks"
        let sharp = Fixtures.page("b.png", form: "f", fields: [
            "name": Fixtures.field("佐藤"), "amount": Fixtures.field("1200"), "zip": Fixtures.field(nil, .review)])
        let report = try Evaluator(forms: [form], normaliser: normaliser).evaluate(truthDirectory: dir, results: [faint, sharp])
        XCTAssertEqual(report.faintPages, 1)
        // All pages: a's 3 fields wrong, b's 3 right; c and d have no result (4 fields wrong).
        XCTAssertEqual(report.overall.count, 10)
        XCTAssertEqual(report.overall.exact, 3)
        // Without the faint page a: b, c and d.
        XCTAssertEqual(report.notFaint.count, 7)
        XCTAssertEqual(report.notFaint.exact, 3)
        XCTAssertEqual(report.notFaintDigitOnly.count, 4)
        let md = report.markdown()
        XCTAssertTrue(md.contains("| **all fields** | 10 | 30.0 |"), md)
        XCTAssertTrue(md.contains("| all fields, without the 1 page called faint | 7 | 42.9 |"), md)
        XCTAssertTrue(md.contains("never instead of them"), md)
        XCTAssertEqual(try JSONDecoder().decode(EvaluationReport.self, from: JSONEncoder().encode(report)), report)
    }

    func testMisclassifiedErroredAndInvalidTruth() {
        let truth = [
            GroundTruthPage(name: "g", page: 1, file: "g.json", form: "f", fields: ["name": "山田", "amount": "12"]),
            GroundTruthPage(name: "h", page: 1, file: "h.json", form: "f", fields: ["amount": "10円"]),
            GroundTruthPage(name: "i", page: 1, file: "i.json", form: "f", fields: ["name": "", "color": "赤"]),
        ]
        let results = [
            // Wrong form, even with a field of the same key accepted: wrong and not accepted.
            Fixtures.page("g.png", form: "idou", fields: ["name": Fixtures.field("山田")]),
            Fixtures.page("h.png", form: "f", fields: ["amount": Fixtures.field("10")]),
            Fixtures.page("i.png", form: nil, status: .error, error: "cannot read"),
        ]
        let report = Evaluator(forms: [form], normaliser: normaliser).evaluate(truth: truth, results: results)
        let byKey = Dictionary(uniqueKeysWithValues: report.forms[0].fields.map { ($0.key, $0.stats) })
        // name: g (2 chars, wrong form) + i (empty truth, errored page: still wrong).
        XCTAssertEqual(byKey["name"], FieldStats(count: 2, exact: 0, edits: 2, truthCharacters: 2, accepted: 0, errorEscapes: 0))
        // amount: g wrong form; h truth "10円" fails the normaliser, compared as written: "10" is 1 edit, accepted: escape.
        XCTAssertEqual(byKey["amount"], FieldStats(count: 2, exact: 0, edits: 3, truthCharacters: 5, accepted: 1, errorEscapes: 1))
        XCTAssertEqual(report.pages.misclassified, 1)
        XCTAssertEqual(report.pages.errored, 1)
        XCTAssertEqual(report.pages.misses.map(\.status), ["ok", "error"])
        XCTAssertEqual(report.pages.misses.first?.actual, "idou")
        XCTAssertEqual(report.warnings, [
            #"h.json: truth for field "amount" does not pass its validator; compared as written"#,
            #"i.json: field "color" is not in form f; ignored"#,
        ])
        XCTAssertFalse(report.warnings.joined().contains("10円"))
        // How the pages were sorted: each is a page of form f; one went to another form, one failed.
        XCTAssertEqual(report.pages.sorting, ["f": ["idou": 1, "f": 1, "error": 1]])
        let md = report.markdown()
        XCTAssertTrue(md.contains("| page is | f | idou | error |"), md)
        XCTAssertTrue(md.contains("| f | 1 | 1 | 1 |"), md)
    }

    func testJSONReportRoundTrips() throws {
        let report = try makeExample()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(report)
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.contains("\"character_error_rate\":0.2258"), text)
        XCTAssertEqual(try JSONDecoder().decode(EvaluationReport.self, from: data), report)
    }

    func testMissingTruthFolderIsNamedPlainly() throws {
        let missing = URL(fileURLWithPath: "/nonexistent/truth", isDirectory: true)
        XCTAssertThrowsError(try GroundTruth.load(directory: missing)) { e in
            XCTAssertEqual("\(e)", "ground truth /nonexistent/truth: no such folder")
        }
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("a.json")
        try Data("{\"form\": null}".utf8).write(to: file)
        XCTAssertThrowsError(try GroundTruth.load(directory: file)) { e in
            XCTAssertTrue("\(e)".hasSuffix("a.json: not a folder (give the folder that holds the NAME.json files)"), "\(e)")
        }
        XCTAssertEqual(try GroundTruth.load(directory: dir).pages.count, 1)
    }

    func testTruthFileNames() {
        XCTAssertTrue(GroundTruth.place(of: "a") == ("a", 1))
        XCTAssertTrue(GroundTruth.place(of: "c-p2") == ("c", 2))
        XCTAssertTrue(GroundTruth.place(of: "c-p1") == ("c", 1))
        XCTAssertTrue(GroundTruth.place(of: "scan-p2", scans: ["scan-p2"]) == ("scan-p2", 1))
        XCTAssertTrue(GroundTruth.place(of: "x-p0") == ("x-p0", 1))
        XCTAssertTrue(GroundTruth.place(of: "x-pa") == ("x-pa", 1))
        XCTAssertTrue(GroundTruth.place(of: "-p3") == ("-p3", 1))
        XCTAssertEqual(GroundTruth.baseName(ofSource: "/in/2024/a.b.png"), "a.b")
    }

    func testLevenshtein() {
        XCTAssertEqual(Levenshtein.distance("kitten", "sitting"), 3)
        XCTAssertEqual(Levenshtein.distance("髙橋", "高橋"), 1)
        XCTAssertEqual(Levenshtein.distance("", "山田"), 2)
        XCTAssertEqual(Levenshtein.distance("山田", ""), 2)
        XCTAssertEqual(Levenshtein.distance("\u{304B}\u{3099}", "か"), 1, "one Character, not two scalars")
        // Which character of the first each of the second's stands for, by the fewest edits.
        XCTAssertEqual(Levenshtein.counterparts(Array("ェエントウ"), Array("エントウ")), [nil, nil, 1, 2, 3, 4])
        XCTAssertEqual(Levenshtein.counterparts(Array("カトウ"), Array("カドウ")), [nil, 1, 2, 3], "a substitution keeps its place")
        XCTAssertEqual(Levenshtein.counterparts(Array("カトウ"), Array("カウ")), [nil, 1, nil, 2])
        XCTAssertEqual(Levenshtein.counterparts(Array(""), Array("カ")), [nil])
    }
}
