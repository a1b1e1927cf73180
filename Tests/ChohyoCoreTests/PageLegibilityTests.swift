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

    func testAFewValuesAreNotEnough() {
        let form = page(required: 4)
        XCTAssertNil(PageLegibility.note(form: form, fields: results(form, invalid: ["r0", "r1"])))
        XCTAssertNotNil(PageLegibility.note(form: form, fields: results(form, invalid: ["r0", "r1", "r2"])))
    }
}
