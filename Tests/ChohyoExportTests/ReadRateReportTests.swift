import ChohyoCore
import ChohyoExport
import Foundation
import XCTest

/// The read-rate report on a batch small enough to work out by hand.
///
/// Form "a" (defined, fields in the order c, a, b), 2 pages:
///   p1: a accepted, b review ("confidence 61.5 below 70"), c accepted
///   p2: a review ("confidence 40 below 70; second reading does not confirm the value"),
///       b invalid, c accepted
///   → 6 fields: 3 accepted, 2 review, 1 invalid.
/// Form "b" (no definition), 1 page: x review ("definition asks for review"), y, z accepted
///   → 3 fields: 2 accepted, 1 review.
/// 1 unclassified page, 1 error page: 9 fields / 3 classified pages = 3 fields each.
///
/// Defaults S_k = 8 s, S_v = 4 s, P = 5 s:
///   a: by hand 2×5 + 6×8 = 58 s; with Chohyo 2×5 + 2×4 + 1×8 = 26 s; saved 32 s
///   b: by hand 1×5 + 3×8 = 29 s; with Chohyo 1×5 + 1×4 = 9 s; saved 20 s
///   unplaced: 2 × (5 + 3×8) = 58 s either way
///   total: by hand 145 s, with Chohyo 93 s, saved 52 s (52/145)
///   at 18,000 pages a year (× 18000/5 = 3600): 145 h by hand, 93 h with Chohyo, 52 h saved,
///   52 / 2000 = 0.026 staff years.
final class ReadRateReportTests: XCTestCase {
    static func field(_ status: FieldStatus, _ reason: String = "ok") -> FieldResult {
        FieldResult(value: "v", text: "v", confidence: 90, status: status, reason: reason)
    }

    static let formA = FormDefinition(id: "a", version: 1, title: "Form A", template: "a.png", fields: [
        FieldDefinition(key: "c", label: "C欄", type: .text, box: Fixtures.box),
        FieldDefinition(key: "a", label: "A欄", type: .text, box: Fixtures.box),
        FieldDefinition(key: "b", label: "B欄", type: .digits, box: Fixtures.box),
    ])

    static let results: [PageResult] = [
        Fixtures.page("s1.png", 1, form: "a", fields: [
            "a": field(.accepted), "b": field(.review, "confidence 61.5 below 70"), "c": field(.accepted)]),
        Fixtures.page("s1.png", 2, form: "a", fields: [
            "a": field(.review, "confidence 40 below 70; second reading does not confirm the value"),
            "b": field(.invalid, "not 6 to 12 digits"), "c": field(.accepted)]),
        Fixtures.page("s2.png", form: nil, status: .unclassified, classification: "best match 0.41 below 0.60"),
        Fixtures.page("s3.png", form: "b", fields: [
            "x": field(.review, "definition asks for review"), "z": field(.accepted), "y": field(.accepted)]),
        Fixtures.page("s4.png", form: nil, status: .error, error: "cannot read image"),
    ]

    static let hour = 3600.0

    func testSharesAndHoursWorkedOutByHand() throws {
        let report = ReadRateReport.make(results: Self.results, forms: [Self.formA],
                                         assumptions: ReadRateAssumptions(pagesPerYear: 18000))
        XCTAssertEqual(report.pages, PageCounts(ok: 3, unclassified: 1, error: 1))
        XCTAssertEqual(report.counts, FieldCounts(accepted: 5, review: 3, invalid: 1))
        XCTAssertEqual(report.shares.accepted!, 5.0 / 9, accuracy: 1e-12)
        XCTAssertEqual(report.shares.review!, 3.0 / 9, accuracy: 1e-12)
        XCTAssertEqual(report.shares.invalid!, 1.0 / 9, accuracy: 1e-12)

        // Defined forms first, then the others.
        XCTAssertEqual(report.forms.map(\.form), ["a", "b"])
        let a = report.forms[0], b = report.forms[1]
        XCTAssertEqual(a.title, "Form A")
        XCTAssertNil(b.title)
        XCTAssertEqual(a.pages, 2)
        XCTAssertEqual(a.counts, FieldCounts(accepted: 3, review: 2, invalid: 1))
        XCTAssertEqual(a.shares, ReadRateShares(accepted: 0.5, review: 2.0 / 6, invalid: 1.0 / 6))
        XCTAssertEqual(a.hours.byHand * Self.hour, 58, accuracy: 1e-9)
        XCTAssertEqual(a.hours.withChohyo * Self.hour, 26, accuracy: 1e-9)
        XCTAssertEqual(a.hours.saved * Self.hour, 32, accuracy: 1e-9)
        XCTAssertEqual(a.hours.savedShare!, 32.0 / 58, accuracy: 1e-12)
        XCTAssertEqual(b.pages, 1)
        XCTAssertEqual(b.counts, FieldCounts(accepted: 2, review: 1))
        XCTAssertEqual(b.hours.byHand * Self.hour, 29, accuracy: 1e-9)
        XCTAssertEqual(b.hours.withChohyo * Self.hour, 9, accuracy: 1e-9)

        XCTAssertEqual(report.unplaced.unclassified, 1)
        XCTAssertEqual(report.unplaced.error, 1)
        XCTAssertEqual(report.unplaced.pages, 2)
        XCTAssertEqual(report.unplaced.fieldsPerPage, 3)
        XCTAssertEqual(report.unplaced.fieldsPerPageBasis, "classified pages")
        XCTAssertEqual(report.unplaced.hours.byHand * Self.hour, 58, accuracy: 1e-9)
        XCTAssertEqual(report.unplaced.hours.withChohyo * Self.hour, 58, accuracy: 1e-9)
        XCTAssertEqual(report.unplaced.hours.saved, 0, accuracy: 1e-12)

        XCTAssertEqual(report.total.byHand * Self.hour, 145, accuracy: 1e-9)
        XCTAssertEqual(report.total.withChohyo * Self.hour, 93, accuracy: 1e-9)
        XCTAssertEqual(report.total.saved * Self.hour, 52, accuracy: 1e-9)
        XCTAssertEqual(report.total.savedShare!, 52.0 / 145, accuracy: 1e-12)
        XCTAssertEqual(report.total.staffYearsSaved, 52.0 / 3600 / 2000, accuracy: 1e-15)

        let year = try XCTUnwrap(report.perYear)
        XCTAssertEqual(year.pagesPerYear, 18000)
        XCTAssertEqual(year.hours.byHand, 145, accuracy: 1e-9)
        XCTAssertEqual(year.hours.withChohyo, 93, accuracy: 1e-9)
        XCTAssertEqual(year.hours.saved, 52, accuracy: 1e-9)
        XCTAssertEqual(year.hours.staffYearsSaved, 0.026, accuracy: 1e-12)
    }

    /// Page 1 of form "a" called faint: its review field is counted as keyed (S_k = 8 s), not
    /// verified. a with Chohyo: 2×5 + 1×4 (p2's review) + (1 invalid + p1's review)×8 = 30 s.
    func testReviewFieldsOfAFaintPageCountAsKeyed() throws {
        var results = Self.results
        results[0].attention = "2 of 3 required values on this page failed their checks"
        let report = ReadRateReport.make(results: results, forms: [Self.formA])
        let a = report.forms[0]
        XCTAssertEqual(a.faintPages, 1)
        XCTAssertEqual(report.forms[1].faintPages, 0)
        XCTAssertEqual(a.hours.byHand * Self.hour, 58, accuracy: 1e-9)
        XCTAssertEqual(a.hours.withChohyo * Self.hour, 30, accuracy: 1e-9)
        XCTAssertTrue(report.plainWords.contains("1 page recognised was too faint to read as a whole"), report.plainWords)
        XCTAssertTrue(report.formula.contains { $0.hasPrefix("on a page called faint") })
        let data = try report.jsonData()
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("\"faint_pages\" : 1"))
        XCTAssertEqual(try JSONDecoder().decode(ReadRateReport.self, from: data), report)
        // Without a faint page the figures are those worked out above.
        XCTAssertEqual(ReadRateReport.make(results: Self.results, forms: [Self.formA]).forms[0].hours.withChohyo * Self.hour, 26, accuracy: 1e-9)
    }

    func testFieldsInDefinitionOrderWithLabelsAndReviewReasons() {
        let report = ReadRateReport.make(results: Self.results, forms: [Self.formA])
        let a = report.forms[0]
        XCTAssertEqual(a.fields.map(\.key), ["c", "a", "b"])
        XCTAssertEqual(a.fields.map(\.label), ["C欄", "A欄", "B欄"])
        XCTAssertEqual(a.fields[0].counts, FieldCounts(accepted: 2))
        XCTAssertEqual(a.fields[0].shares, ReadRateShares(accepted: 1, review: 0, invalid: 0))
        XCTAssertNil(a.fields[0].topReviewReason)
        XCTAssertEqual(a.fields[1].counts, FieldCounts(accepted: 1, review: 1))
        XCTAssertEqual(a.fields[1].shares, ReadRateShares(accepted: 0.5, review: 0.5, invalid: 0))
        XCTAssertEqual(a.fields[1].topReviewReason,
                       ReviewReasonCount(reason: "confidence N below N; second reading does not confirm the value", count: 1))
        XCTAssertEqual(a.fields[2].counts, FieldCounts(review: 1, invalid: 1))
        XCTAssertEqual(a.fields[2].topReviewReason, ReviewReasonCount(reason: "confidence N below N", count: 1))
        // Form b has no definition: fields sorted by key, no labels.
        let b = report.forms[1]
        XCTAssertEqual(b.fields.map(\.key), ["x", "y", "z"])
        XCTAssertEqual(b.fields.map(\.label), [nil, nil, nil])
        XCTAssertEqual(b.fields[0].topReviewReason, ReviewReasonCount(reason: "definition asks for review", count: 1))
        XCTAssertNil(report.perYear)
    }

    func testWithoutDefinitionsFormsAndFieldsAreSorted() {
        let report = ReadRateReport.make(results: Self.results)
        XCTAssertEqual(report.forms.map(\.form), ["a", "b"])
        XCTAssertEqual(report.forms[0].fields.map(\.key), ["a", "b", "c"])
        XCTAssertNil(report.forms[0].title)
        // Same hours: the definitions only order and label.
        XCTAssertEqual(report.total.saved * Self.hour, 52, accuracy: 1e-9)

        // A definition listed first puts its form first; a field missing from the definition comes after.
        let late = FormDefinition(id: "b", version: 1, title: "Form B", template: "b.png", fields: [
            FieldDefinition(key: "z", label: "Z", type: .text, box: Fixtures.box)])
        let ordered = ReadRateReport.make(results: Self.results, forms: [late, Self.formA])
        XCTAssertEqual(ordered.forms.map(\.form), ["b", "a"])
        XCTAssertEqual(ordered.forms[0].fields.map(\.key), ["z", "x", "y"])
        XCTAssertEqual(ordered.forms[0].fields.map(\.label), ["Z", nil, nil])
    }

    func testOtherAssumptions() {
        // S_k = 10, S_v = 2, P = 0:
        //   a: by hand 6×10 = 60, with Chohyo 2×2 + 1×10 = 14
        //   b: by hand 3×10 = 30, with Chohyo 1×2 = 2
        //   unplaced: 2 × 3×10 = 60 either way → by hand 150 s, with Chohyo 76 s, saved 74 s.
        let assumptions = ReadRateAssumptions(secondsKeyed: 10, secondsVerified: 2, secondsPage: 0,
                                              hoursPerStaffYear: 1000, pagesPerYear: 360)
        let report = ReadRateReport.make(results: Self.results, forms: [Self.formA], assumptions: assumptions)
        XCTAssertEqual(report.forms[0].hours.byHand * Self.hour, 60, accuracy: 1e-9)
        XCTAssertEqual(report.forms[0].hours.withChohyo * Self.hour, 14, accuracy: 1e-9)
        XCTAssertEqual(report.forms[1].hours.withChohyo * Self.hour, 2, accuracy: 1e-9)
        XCTAssertEqual(report.total.byHand * Self.hour, 150, accuracy: 1e-9)
        XCTAssertEqual(report.total.withChohyo * Self.hour, 76, accuracy: 1e-9)
        XCTAssertEqual(report.total.savedShare!, 74.0 / 150, accuracy: 1e-12)
        // 360 pages a year = 72 × 5: 74 s × 72 = 1.48 h; 1.48 / 1000 staff years.
        XCTAssertEqual(report.perYear!.hours.saved, 1.48, accuracy: 1e-9)
        XCTAssertEqual(report.perYear!.hours.staffYearsSaved, 0.00148, accuracy: 1e-12)
    }

    func testUnplacedPagesWithoutClassifiedPages() {
        let pages = [Fixtures.page("u.png", form: nil, status: .unclassified),
                     Fixtures.page("v.png", form: nil, status: .error, error: "cut short")]
        // No classified page: the definitions' average (3 and 1 fields → 2).
        let withDefs = ReadRateReport.make(results: pages, forms: [Self.formA, Fixtures.otherForm])
        XCTAssertEqual(withDefs.unplaced.fieldsPerPage, 2)
        XCTAssertEqual(withDefs.unplaced.fieldsPerPageBasis, "form definitions")
        XCTAssertEqual(withDefs.total.byHand * Self.hour, 2 * (5 + 2 * 8), accuracy: 1e-9)
        XCTAssertEqual(withDefs.total.saved, 0, accuracy: 1e-12)
        XCTAssertEqual(withDefs.total.savedShare, 0)
        XCTAssertTrue(withDefs.forms.isEmpty)
        XCTAssertEqual(withDefs.shares, ReadRateShares(accepted: nil, review: nil, invalid: nil))

        let bare = ReadRateReport.make(results: pages)
        XCTAssertEqual(bare.unplaced.fieldsPerPage, 0)
        XCTAssertEqual(bare.unplaced.fieldsPerPageBasis, "none")
        XCTAssertEqual(bare.total.byHand * Self.hour, 10, accuracy: 1e-9)
    }

    func testEmptyResults() {
        let report = ReadRateReport.make(results: [], assumptions: ReadRateAssumptions(pagesPerYear: 1000))
        XCTAssertEqual(report.pages.total, 0)
        XCTAssertEqual(report.total.byHand, 0)
        XCTAssertNil(report.total.savedShare)
        XCTAssertNil(report.perYear)
        XCTAssertTrue(report.markdown().contains("**Fields accepted automatically: –**"))
    }

    func testReasonGroup() {
        XCTAssertEqual(ReadRateReport.reasonGroup("confidence 62.5 below 70"), "confidence N below N")
        XCTAssertEqual(ReadRateReport.reasonGroup("confidence 13.6 below 70; second reading does not confirm the value"),
                       "confidence N below N; second reading does not confirm the value")
        XCTAssertEqual(ReadRateReport.reasonGroup("confidence ６２ below 70"), "confidence N below N")
        XCTAssertEqual(ReadRateReport.reasonGroup("rule failed: unpaid = annual - collected (1,000 ≠ 2,000 − 500)"),
                       "rule failed: unpaid = annual - collected (N ≠ N − N)")
        XCTAssertEqual(ReadRateReport.reasonGroup("best match 0.41 below 0.60."), "best match N below N.")
        XCTAssertEqual(ReadRateReport.reasonGroup(" "), "(no reason given)")
    }

    func testMostCommonReviewReasonAcrossPages() {
        func page(_ reason: String) -> PageResult {
            Fixtures.page("p.png", form: "k", fields: ["k": Self.field(.review, reason)])
        }
        let report = ReadRateReport.make(results: [
            page("confidence 50 below 70"),
            page("confidence 61.2 below 70; two independent readings disagree"),
            page("two independent readings disagree"),
            page("confidence 61.2 below 70"),
            page("two independent readings disagree"),
            Fixtures.page("q.png", form: "k", fields: ["k": Self.field(.invalid, "two independent readings disagree")]),
        ])
        let k = report.forms[0].fields[0]
        XCTAssertEqual(k.counts, FieldCounts(review: 5, invalid: 1))
        // "confidence N below N" and "two independent readings disagree" tie at 2 among the review fields
        // (the compound reason is its own group; the invalid field's reason does not count): alphabetical first.
        XCTAssertEqual(k.topReviewReason, ReviewReasonCount(reason: "confidence N below N", count: 2))
        let more = ReadRateReport.make(results: [page("two independent readings disagree"), page("confidence 1 below 70"),
                                                 page("two independent readings disagree")])
        XCTAssertEqual(more.forms[0].fields[0].topReviewReason, ReviewReasonCount(reason: "two independent readings disagree", count: 2))
    }

    func testMarkdown() {
        let report = ReadRateReport.make(results: Self.results, forms: [Self.formA],
                                         assumptions: ReadRateAssumptions(pagesPerYear: 18000))
        let md = report.markdown()
        let lines = md.components(separatedBy: "\n")
        XCTAssertEqual(lines[0], "# Read rate and staff hours")
        XCTAssertEqual(lines[2], "5 pages: 3 read (2 forms), 1 unclassified, 1 error. 9 fields on the pages read.")
        XCTAssertEqual(lines[4], "**Fields accepted automatically: 55.6%** (sent to review 33.3%, invalid 11.1%).  ")
        XCTAssertEqual(lines[5], "**Estimated staff hours saved: 0.01 h of 0.04 h by hand (35.9%)**, 0.000 staff years;"
                       + " at 18,000 pages a year: 52.0 h (0.026 staff years).")
        for row in [
            "| form | title | pages | fields | accepted % | review % | invalid % | hours by hand | hours with Chohyo | hours saved |",
            "| a | Form A | 2 | 6 | 50.0 | 33.3 | 16.7 | 0.02 | 0.01 | 0.01 |",
            "| b |  | 1 | 3 | 66.7 | 33.3 | 0.0 | 0.01 | 0.00 | 0.01 |",
            "| unclassified or error | keyed by hand | 2 | – | – | – | – | 0.02 | 0.02 | 0.00 |",
            "| **all pages** |  | 5 | 9 | 55.6 | 33.3 | 11.1 | 0.04 | 0.03 | 0.01 |",
            "## Fields of a (Form A)",
            "| c | C欄 | 2 | 100.0 | 0.0 | 0.0 | – |",
            "| a | A欄 | 2 | 50.0 | 50.0 | 0.0 | confidence N below N; second reading does not confirm the value (1 of 1) |",
            "| b | B欄 | 2 | 0.0 | 50.0 | 50.0 | confidence N below N (1 of 1) |",
            "## Fields of b",
            "| x |  | 1 | 0.0 | 100.0 | 0.0 | definition asks for review (1 of 1) |",
            "- S_k = 8 s to key one field by hand, including finding it on the paper (typical for a short typed field).",
            "- S_v = 4 s to verify one field sent to review: the clerk compares the value shown with the field's image and corrects it.",
            "- P = 5 s to handle one page (sorting, feeding), by hand and with Chohyo alike.",
            "- One staff year = 2,000 h.",
            "- by hand = pages × P + fields × S_k",
            "- with Chohyo = pages × P + review fields × S_v + invalid fields × S_k + fields of unclassified or error pages × S_k",
            "Per year: this batch's hours × 18,000 / 5 pages (same mix of forms, same read rates).",
        ] {
            XCTAssertTrue(lines.contains(row), "missing line: \(row)\n\(md)")
        }
        XCTAssertTrue(md.contains("Unclassified and error pages: 2, counted at 3.0 fields each (the average of the classified pages)."), md)
        // The paragraph a finance department reads.
        XCTAssertTrue(report.plainWords.hasPrefix("Chohyo was given 5 pages. On the 3 pages it recognised it found 9 fields:"
                                                  + " 5 (55.6%) went into the output file without anyone touching them,"
                                                  + " 3 (33.3%) were shown to a clerk to check against the scanned image,"
                                                  + " and 1 (11.1%) failed a check and has to be keyed by hand."
                                                  + " 2 pages could not be recognised or read and are keyed by hand as today."), report.plainWords)
        XCTAssertTrue(report.plainWords.contains("At 18,000 pages a year, with the same mix of forms and the same read rates,"
                                                 + " that is about 145 h by hand against 93.0 h with Chohyo: 52.0 h saved, 0.026 staff years."),
                      report.plainWords)
        XCTAssertTrue(lines.contains(report.plainWords))
    }

    func testJSONRoundTripsAndStatesTheAssumptions() throws {
        let report = ReadRateReport.make(results: Self.results, forms: [Self.formA],
                                         assumptions: ReadRateAssumptions(pagesPerYear: 18000))
        let data = try report.jsonData()
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.contains("\"seconds_keyed\" : 8"), text)
        XCTAssertTrue(text.contains("\"pages_per_year\" : 18000"), text)
        XCTAssertTrue(text.contains("\"top_review_reason\" : null"), text)
        XCTAssertTrue(text.contains("\"formula\" : ["), text)
        XCTAssertEqual(try JSONDecoder().decode(ReadRateReport.self, from: data), report)

        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let unplaced = try XCTUnwrap(object["unplaced"] as? [String: Any])
        XCTAssertEqual(unplaced["pages"] as? Int, 2)
        let total = try XCTUnwrap(object["total"] as? [String: Any])
        XCTAssertEqual(try XCTUnwrap(total["saved_share"] as? Double), 52.0 / 145, accuracy: 1e-12)
    }

    /// Lines as `chohyo batch` writes them, read back with `ResultsReader`.
    func testFromResultsJSONL() throws {
        let jsonl = """
        {"classification":"best match 0.93","deskew_angle":0.1,"error":null,"fields":{"payee_name":{"confidence":93,"reason":"valid text, confidence 93 ≥ 70","status":"accepted","text":"山田太郎","value":"山田太郎"},"payment_amount":{"confidence":62.5,"reason":"confidence 62.5 below 70","status":"review","text":"1,234,000","value":"1234000"},"payee_my_number":{"confidence":88,"reason":"check digit does not match","status":"invalid","text":"123456789012","value":null}},"form":"kyuyo_shiharai_hokokusho","match_score":0.93,"orientation":0,"page":1,"source":"scans/a.png","status":"ok"}\r
        {"classification":"best match 0.41 below 0.60","deskew_angle":null,"error":null,"fields":{},"form":null,"page":1,"source":"scans/b.png","status":"unclassified"}

        """
        let results = try ResultsReader.read(data: Data(jsonl.utf8))
        let report = ReadRateReport.make(results: results)
        XCTAssertEqual(report.pages, PageCounts(ok: 1, unclassified: 1))
        XCTAssertEqual(report.forms.map(\.form), ["kyuyo_shiharai_hokokusho"])
        XCTAssertEqual(report.forms[0].fields.map(\.key), ["payee_my_number", "payee_name", "payment_amount"])
        XCTAssertEqual(report.forms[0].fields[2].topReviewReason, ReviewReasonCount(reason: "confidence N below N", count: 1))
        // by hand: 2 × 5 + 2 pages' 3 fields × 8 = 58 s; with Chohyo: 5 + 4 + 8 + (5 + 3 × 8) = 46 s.
        XCTAssertEqual(report.total.byHand * Self.hour, 58, accuracy: 1e-9)
        XCTAssertEqual(report.total.withChohyo * Self.hour, 46, accuracy: 1e-9)
        // No field value reaches the report.
        let json = String(decoding: try report.jsonData(), as: UTF8.self) + report.markdown()
        for value in ["山田太郎", "1234000", "123456789012"] { XCTAssertFalse(json.contains(value), value) }
    }
}
