import XCTest
@testable import ChohyoCore

final class RouterTests: XCTestCase {
    func form(_ fields: [FieldDefinition], minConfidence: Double? = 70) -> FormDefinition {
        FormDefinition(id: "t", version: 1, title: "t", template: "t.png", fields: fields,
                       routing: RoutingSettings(minConfidence: minConfidence))
    }

    func testInvalidWinsOverEverything() {
        let f = makeField(.myNumber, alwaysReview: true)
        let (status, reason) = Router.route(field: f, form: form([f]), outcome: .invalid("check digit mismatch"), confidence: 99)
        XCTAssertEqual(status, .invalid)
        XCTAssertEqual(reason, "check digit mismatch")
    }

    func testAlwaysReview() {
        let f = makeField(.text, alwaysReview: true)
        let r = Router.route(field: f, form: form([f]), outcome: .ok("山田"), confidence: 99)
        XCTAssertEqual(r.0, .review)
        XCTAssertEqual(r.1, "definition asks for review")
    }

    func testConfidenceThresholds() {
        let f = makeField(.myNumber)
        let low = Router.route(field: f, form: form([f]), outcome: .ok("123456789018"), confidence: 54)
        XCTAssertEqual(low.0, .review)
        XCTAssertEqual(low.1, "confidence 54 below 70")
        let high = Router.route(field: f, form: form([f]), outcome: .ok("123456789018"), confidence: 93)
        XCTAssertEqual(high.0, .accepted)
        XCTAssertEqual(high.1, "valid my_number, confidence 93 ≥ 70")
        XCTAssertFalse(high.1.contains("9018"))
        let justBelow = Router.route(field: f, form: form([f]), outcome: .ok("1"), confidence: 69.999)
        XCTAssertEqual(justBelow.1, "confidence 69.99 below 70")
        let exactly = Router.route(field: f, form: form([f]), outcome: .ok("1"), confidence: 70)
        XCTAssertEqual(exactly.0, .accepted)
    }

    func testFieldThresholdOverridesFormAndDefault() {
        let strict = makeField(.amount, minConfidence: 90)
        XCTAssertEqual(Router.route(field: strict, form: form([strict]), outcome: .ok("1"), confidence: 85).1,
                       "confidence 85 below 90")
        let plain = makeField(.amount)
        let noRouting = form([plain], minConfidence: nil)
        XCTAssertEqual(Router.route(field: plain, form: noRouting, outcome: .ok("1"), confidence: 69.5).1,
                       "confidence 69.5 below 70")
        let lenient = form([plain], minConfidence: 50)
        XCTAssertEqual(Router.route(field: plain, form: lenient, outcome: .ok("1"), confidence: 60).0, .accepted)
    }

    func testEmptyOptional() {
        let f = makeField(.amount, required: false)
        let empty = FieldValidator.validate("", field: f)
        XCTAssertEqual(Router.route(field: f, form: form([f]), outcome: empty, confidence: 95).0, .accepted)
        XCTAssertEqual(Router.route(field: f, form: form([f]), outcome: empty, confidence: 95).1, "empty (optional)")
        XCTAssertEqual(Router.route(field: f, form: form([f]), outcome: empty, confidence: 30).0, .review)
        let required = makeField(.amount)
        let missing = FieldValidator.validate("", field: required)
        XCTAssertEqual(Router.route(field: required, form: form([required]), outcome: missing, confidence: 95).1,
                       "required field is empty")
    }

    func result(_ value: String?, _ status: FieldStatus, _ reason: String = "ok") -> FieldResult {
        FieldResult(value: value, text: value ?? "?", confidence: 90, status: status, reason: reason)
    }

    func testApplyRulesFailing() throws {
        let rule = try CrossFieldRule(parsing: "unpaid = annual_tax - collected")
        var fields: [String: FieldResult] = [
            "unpaid": result("12000", .accepted),
            "annual_tax": result("15000", .review, "confidence 60 below 70"),
            "collected": result("2000", .accepted),
            "other": result("5", .accepted),
        ]
        Router.applyRules([rule], to: &fields, messages: ["未徴収税額が合いません"])
        let expected = "rule failed: 未徴収税額が合いません (unpaid=12000, annual_tax=15000, collected=2000; 12000 ≠ 13000)"
        XCTAssertEqual(fields["unpaid"]?.status, .invalid)
        XCTAssertEqual(fields["unpaid"]?.reason, expected)
        XCTAssertEqual(fields["collected"]?.status, .invalid)
        XCTAssertEqual(fields["annual_tax"]?.status, .review)
        XCTAssertEqual(fields["annual_tax"]?.reason, "confidence 60 below 70; " + expected)
        XCTAssertEqual(fields["other"], result("5", .accepted))
        XCTAssertEqual(fields["unpaid"]?.value, "12000", "the value is kept for the person who reviews it")
    }

    func testApplyRulesWithoutMessageUsesExpression() throws {
        let rule = try CrossFieldRule(parsing: "a <= b")
        var fields = ["a": result("10", .accepted), "b": result("5", .invalid, "x")]
        fields["b"]?.value = "5"
        Router.applyRules([rule], to: &fields, messages: [nil])
        XCTAssertEqual(fields["a"]?.reason, "rule failed: a <= b (a=10, b=5; 10 > 5)")
        XCTAssertEqual(fields["b"]?.status, .invalid)
        XCTAssertEqual(fields["b"]?.reason, "x; rule failed: a <= b (a=10, b=5; 10 > 5)")
    }

    func testApplyRulesPassingOrNotApplicableChangesNothing() throws {
        let rules = [try CrossFieldRule(parsing: "a <= b"), try CrossFieldRule(parsing: "a <= c")]
        let before = ["a": result("1", .accepted), "b": result("5", .accepted), "c": result(nil, .invalid, "bad")]
        var fields = before
        Router.applyRules(rules, to: &fields, messages: [])
        XCTAssertEqual(fields, before)
    }
}
