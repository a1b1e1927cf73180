import ChohyoCore
import ChohyoExport
import XCTest

final class BatchSummaryTests: XCTestCase {
    private let results: [PageResult] = [
        Fixtures.page("a.png", fields: ["name": Fixtures.field("山田"), "amount": Fixtures.field("1", .review)]),
        Fixtures.page("b.png", fields: ["name": Fixtures.field("佐藤"), "amount": Fixtures.field(nil, .invalid)]),
        Fixtures.page("c.png", form: "idou", fields: ["reason": Fixtures.field("退職")]),
        Fixtures.page("d.png", form: nil, status: .unclassified, classification: "best match 0.41 below 0.60"),
        Fixtures.page("e.pdf", 3, form: nil, status: .error, error: "cannot read image"),
    ]

    private let report = UnmappableCharacterReport(form: "kyuyo", source: "a.png", page: 1, column: "name",
                                                   character: "𠮷", codePoints: "U+20BB7", position: 1, replacement: "〓")

    func testCounts() {
        let summary = BatchSummary.make(results: results, elapsedSeconds: 150, unmappable: [report])
        XCTAssertEqual(summary.pagesTotal, 5)
        XCTAssertEqual(summary.pagesByStatus, PageCounts(ok: 3, unclassified: 1, error: 1))
        XCTAssertEqual(summary.pagesByForm, ["kyuyo": 2, "idou": 1])
        XCTAssertEqual(summary.fields, FieldCounts(accepted: 3, review: 1, invalid: 1))
        XCTAssertEqual(summary.fieldsByForm["kyuyo"], FieldCounts(accepted: 2, review: 1, invalid: 1))
        XCTAssertEqual(summary.fieldsByForm["idou"], FieldCounts(accepted: 1))
        XCTAssertEqual(summary.errors, [PageIssue(source: "e.pdf", page: 3, message: "cannot read image")])
        XCTAssertEqual(summary.unclassified, [PageIssue(source: "d.png", page: 1, message: "best match 0.41 below 0.60")])
        XCTAssertEqual(summary.pagesPerMinute, 2.0, accuracy: 1e-9)
        XCTAssertEqual(summary.unmappableCharacters, [report])
    }

    func testBuilderMatchesOneShot() {
        var builder = BatchSummaryBuilder()
        for r in results.reversed() { builder.add(r) }
        builder.add(unmappable: [report])
        XCTAssertEqual(builder.build(elapsedSeconds: 150), BatchSummary.make(results: results, elapsedSeconds: 150, unmappable: [report]))
        XCTAssertEqual(BatchSummaryBuilder().build(elapsedSeconds: 0).pagesPerMinute, 0)
    }

    func testJSONFileIsPrettySortedAndRoundTrips() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let summary = BatchSummary.make(results: results, elapsedSeconds: 150, unmappable: [report])
        let url = dir.appendingPathComponent("summary.json")
        try summary.write(to: url)
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("{\n  \"attention\" : [\n\n  ],\n  \"elapsed_seconds\" : 150,\n  \"errors\" : ["), text)
        XCTAssertTrue(text.contains("\"pages_by_status\" : {\n    \"error\" : 1,\n    \"ok\" : 3,\n    \"unclassified\" : 1\n  }"), text)
        XCTAssertEqual(try JSONDecoder().decode(BatchSummary.self, from: Data(contentsOf: url)), summary)
    }

    func testText() {
        let text = BatchSummary.make(results: results, elapsedSeconds: 150, unmappable: [report]).renderText()
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "Pages:        5 (ok 3, unclassified 1, error 1)")
        XCTAssertEqual(lines[1], "Forms:        idou   1 page; fields: 1 accepted, 0 review, 0 invalid")
        XCTAssertEqual(lines[2], "              kyuyo  2 pages; fields: 2 accepted, 1 review, 1 invalid")
        XCTAssertEqual(lines[3], "Fields:       5 (accepted 3, review 1, invalid 1): 60.0% accepted automatically")
        XCTAssertEqual(lines[4], "Time:         2m 30s (2.0 pages/min)")
        XCTAssertEqual(lines[5], "Unclassified: 1 page for a person to sort")
        XCTAssertEqual(lines[6], "  d.png p.1: best match 0.41 below 0.60")
        XCTAssertEqual(lines[7], "Errors:       1 page")
        XCTAssertEqual(lines[8], "  e.pdf p.3: cannot read image")
        XCTAssertEqual(lines[9], "Unmappable:   1 character written as 〓 (listed in summary.json)")
        XCTAssertEqual(lines.count, 10)
    }

    func testErrorsNamedAboveAreCountedAndTheOtherPagesStillListed() {
        let lines = BatchSummary.make(results: results, elapsedSeconds: 150)
            .renderText(errorsNamedAbove: true).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[5], "Unclassified: 1 page for a person to sort")
        XCTAssertEqual(lines[6], "  d.png p.1: best match 0.41 below 0.60")
        XCTAssertEqual(lines[7], "Errors:       1 page (named above, listed in summary.json)")
        XCTAssertEqual(lines.count, 8)
    }

    func testFaintPagesAreListedForALookAsAWhole() throws {
        var faint = Fixtures.page("f.tif", fields: ["name": Fixtures.field(nil, .invalid)])
        faint.attention = "9 of 17 required values on this page failed their checks: the page may be too faint"
        let summary = BatchSummary.make(results: results + [faint], elapsedSeconds: 150)
        XCTAssertEqual(summary.attention, [PageIssue(source: "f.tif", page: 1, message: faint.attention!)])
        let lines = summary.renderText().split(separator: "\n").map(String.init)
        let at = try XCTUnwrap(lines.firstIndex(of: "Faint:        1 page to look at as a whole first"), lines.joined(separator: "\n"))
        XCTAssertEqual(lines[at + 1], "  f.tif p.1: " + faint.attention!)
        XCTAssertEqual(try JSONDecoder().decode(BatchSummary.self, from: summary.jsonData()), summary)
        XCTAssertTrue(BatchSummary.make(results: results, elapsedSeconds: 1).attention.isEmpty)
    }
}
