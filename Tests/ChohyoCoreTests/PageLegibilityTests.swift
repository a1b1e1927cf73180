import XCTest
@testable import ChohyoCore

final class PageLegibilityTests: XCTestCase {
    func page(required: Int, optional: Int = 0, boxes: Int = 0) -> FormDefinition {
        let fields = (0..<required).map { makeField(.text, key: "r\($0)") }
            + (0..<optional).map { makeField(.text, key: "o\($0)", required: false) }
            + (0..<boxes).map { makeField(.checkbox, key: "b\($0)") }
        return FormDefinition(id: "t", version: 1, title: "t", template: "t.png", fields: fields)
    }

    func results(_ form: FormDefinition, invalid: Set<String>) -> [String: FieldResult] {
        Dictionary(uniqueKeysWithValues: form.fields.map { f in
            (f.key, FieldResult(value: invalid.contains(f.key) ? nil : "x", text: "x", confidence: 90,
                                status: invalid.contains(f.key) ? .invalid : .review, reason: ""))
        })
    }

    func testAThirdOfTheRequiredValuesInvalidCallsThePageFaint() {
        let form = page(required: 15, optional: 4, boxes: 7)
        let five = Set((0..<5).map { "r\($0)" })
        let note = PageLegibility.note(form: form, fields: results(form, invalid: five))
        XCTAssertEqual(note?.hasPrefix("5 of 15 required values on this page failed their checks"), true, note ?? "nil")
        XCTAssertNil(PageLegibility.note(form: form, fields: results(form, invalid: Set((0..<4).map { "r\($0)" }))))
        // Optional fields and check boxes do not count.
        let others = Set((0..<4).map { "o\($0)" } + (0..<7).map { "b\($0)" })
        XCTAssertNil(PageLegibility.note(form: form, fields: results(form, invalid: others)))
    }

    /// Half the required values failing or held under 90 calls the page faint too.
    func testHalfTheValuesInDoubtCallsThePageFaint() {
        let form = page(required: 14, boxes: 2)
        func fields(invalid: Int, doubtful: Int, at confidence: Double = 60) -> [String: FieldResult] {
            var f = results(form, invalid: Set((0..<invalid).map { "r\($0)" }))
            for i in invalid..<(invalid + doubtful) { f["r\(i)"]?.confidence = confidence }
            return f
        }
        let note = PageLegibility.note(form: form, fields: fields(invalid: 3, doubtful: 4))
        XCTAssertEqual(note?.hasPrefix("7 of 14 required values on this page failed their checks or were read with a confidence under 90"),
                       true, note ?? "nil")
        XCTAssertNil(PageLegibility.note(form: form, fields: fields(invalid: 3, doubtful: 3)))
        // Held at 90 or more, a value is not in doubt; nor is one accepted at any confidence.
        XCTAssertNil(PageLegibility.note(form: form, fields: fields(invalid: 3, doubtful: 4, at: 90)))
        var accepted = fields(invalid: 3, doubtful: 4)
        accepted["r6"]?.status = .accepted
        XCTAssertNil(PageLegibility.note(form: form, fields: accepted))
        // A third invalid is still faint by itself, and said so.
        XCTAssertEqual(PageLegibility.note(form: form, fields: fields(invalid: 5, doubtful: 4))?
            .hasPrefix("5 of 14 required values on this page failed their checks: "), true)
    }

    func testAFewValuesAreNotEnough() {
        let form = page(required: 4)
        XCTAssertNil(PageLegibility.note(form: form, fields: results(form, invalid: ["r0", "r1"])))
        XCTAssertNotNil(PageLegibility.note(form: form, fields: results(form, invalid: ["r0", "r1", "r2"])))
    }

    func testAFaintPageSendsItsAcceptedValuesButNotItsCheckBoxesToAPerson() {
        let form = page(required: 6, boxes: 2)
        var fields = results(form, invalid: ["r0", "r1", "r2"])
        for key in ["r3", "b0"] { fields[key]?.status = .accepted }
        XCTAssertNotNil(PageLegibility.apply(form: form, to: &fields))
        XCTAssertEqual(fields["r3"]?.status, .review)
        XCTAssertTrue(fields["r3"]?.reason.contains("too faint to read as a whole") == true)
        XCTAssertEqual(fields["b0"]?.status, .accepted)
        XCTAssertEqual(fields["r0"]?.status, .invalid)
        // A page that reads well keeps what it accepted.
        var good = results(form, invalid: ["r0", "r1"])
        good["r3"]?.status = .accepted
        XCTAssertNil(PageLegibility.apply(form: form, to: &good))
        XCTAssertEqual(good["r3"]?.status, .accepted)
    }

    /// On a page most of whose required values could not be read, an empty box goes to a person
    /// (a ticked 中途退職 read empty at 100 on faxed pages, seeds 430500 and 460500); a ticked one
    /// stays.
    func testAnEmptyBoxOnAPageWithMostValuesUnreadGoesToAPerson() {
        let form = page(required: 6, boxes: 2)
        func judged(invalid: Set<String>) -> [String: FieldResult] {
            var fields = results(form, invalid: invalid)
            fields["b0"] = FieldResult(value: "0", text: "0", confidence: 100, status: .accepted, reason: "")
            fields["b1"] = FieldResult(value: "1", text: "1", confidence: 100, status: .accepted, reason: "")
            XCTAssertNotNil(PageLegibility.apply(form: form, to: &fields))
            return fields
        }
        for invalid: Set<String> in [["r0", "r1", "r2", "r3", "r4", "r5"], ["r0", "r1", "r2", "r3"]] {
            let unread = judged(invalid: invalid)
            XCTAssertEqual(unread["b0"]?.status, .review, "\(invalid.count) of 6 failing")
            XCTAssertEqual(unread["b0"]?.reason, PageLegibility.emptyBoxOnUnreadPageNote)
            XCTAssertEqual(unread["b1"]?.status, .accepted)
        }
        // Half the required values failing: a faint page, its boxes kept.
        XCTAssertEqual(judged(invalid: ["r0", "r1", "r2"])["b0"]?.status, .accepted)
    }

    /// Three amounts whose equation holds confirm each other, faint page or not.
    func testNumbersOfAHoldingEquationStayAccepted() throws {
        let amounts = ["annual_tax", "collected", "unpaid"].map { makeField(.amount, key: $0) }
        let others = (0..<6).map { makeField(.text, key: "r\($0)") }
        let form = FormDefinition(id: "t", version: 1, title: "t", template: "t.png", fields: amounts + others)
        var fields = results(form, invalid: ["r0", "r1", "r2"])
        for (key, value) in [("annual_tax", "15000"), ("collected", "3000"), ("unpaid", "12000")] {
            fields[key] = FieldResult(value: value, text: value, confidence: 99, status: .accepted, reason: "")
        }
        let rule = try CrossFieldRule(parsing: "unpaid = annual_tax - collected")
        var kept = fields
        XCTAssertNotNil(PageLegibility.apply(form: form, rules: [rule], to: &kept))
        XCTAssertEqual(["annual_tax", "collected", "unpaid"].map { kept[$0]?.status }, [.accepted, .accepted, .accepted])
        // When the equation does not hold, each is a value read alone.
        fields["unpaid"]?.value = "13000"
        XCTAssertNotNil(PageLegibility.apply(form: form, rules: [rule], to: &fields))
        XCTAssertEqual(["annual_tax", "collected", "unpaid"].map { fields[$0]?.status }, [.review, .review, .review])
    }
}
