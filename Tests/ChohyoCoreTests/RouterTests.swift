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

    /// 未徴収税額 = 年税額 − 徴収済額 holding confirms the three amounts: one held back only for
    /// how it was read is accepted (faxes of the tuning set and seven used held-out sets: 69
    /// such values on pages where the rule held, all right).
    func testHoldingEquationConfirmsValuesInReview() throws {
        let rule = try CrossFieldRule(parsing: "unpaid = annual_tax - collected")
        var fields: [String: FieldResult] = [
            "unpaid": result("165600", .review, "the digits read differently from the page as scanned"),
            "annual_tax": result("497100", .accepted),
            "collected": result("331500", .review, "confidence 60 below 70"),
            "other": result("5", .review, "confidence 10 below 70"),
        ]
        Router.applyRules([rule], to: &fields, messages: ["未徴収税額が合いません"])
        XCTAssertEqual(fields["unpaid"]?.status, .accepted)
        XCTAssertEqual(fields["unpaid"]?.reason,
                       "confirmed by the rule unpaid = annual_tax - collected (unpaid=165600, annual_tax=497100, collected=331500), held for: the digits read differently from the page as scanned")
        XCTAssertEqual(fields["collected"]?.status, .accepted)
        XCTAssertEqual(fields["annual_tax"], result("497100", .accepted))
        XCTAssertEqual(fields["other"]?.status, .review, "a field the rule does not name is untouched")
    }

    /// 年税額 624,700 and 徴収済額 572,700 both read with their 6 as 5 on a fax of the
    /// seed-750500 set, each held, still leave 未徴収税額 52,000: the rule confirmed both, and
    /// both were accepted wrong. Two held numbers an equal misreading of both leaves the
    /// equation holding are confirmed by it no more; two it would catch still are.
    func testHeldNumbersWhoseEqualMisreadingsCancelAreNotConfirmed() throws {
        let rule = try CrossFieldRule(parsing: "unpaid = annual_tax - collected")
        XCTAssertEqual(rule.cancellingPairs().map { [$0.0, $0.1] }, [["unpaid", "annual_tax"], ["annual_tax", "collected"]])
        var fields: [String: FieldResult] = [
            "unpaid": result("52000", .accepted),
            "annual_tax": result("524700", .review, "confidence 52.5 below 70; the digits read differently from the page as scanned"),
            "collected": result("472700", .review, "the digits read differently from the page as scanned"),
        ]
        Router.applyRules([rule], to: &fields, messages: ["未徴収税額が合いません"])
        XCTAssertEqual(fields["annual_tax"]?.status, .review)
        XCTAssertEqual(fields["collected"]?.status, .review)
        XCTAssertEqual(fields["annual_tax"]?.reason, "confidence 52.5 below 70; the digits read differently from the page as scanned")
        // A held number beside accepted ones is still confirmed.
        fields["collected"]?.status = .accepted
        Router.applyRules([rule], to: &fields, messages: ["未徴収税額が合いません"])
        XCTAssertEqual(fields["annual_tax"]?.status, .accepted)
        XCTAssertEqual(try CrossFieldRule(parsing: "c = a + b").cancellingPairs().map { [$0.0, $0.1] }, [["c", "a"], ["c", "b"]])
        XCTAssertTrue(try CrossFieldRule(parsing: "x + y + z = 1").cancellingPairs().isEmpty)
    }

    func testWeakEquationsConfirmNothing() throws {
        let three = try CrossFieldRule(parsing: "unpaid = annual_tax - collected")
        // Nothing collected: the rule only says two readings of one number agree.
        var zero: [String: FieldResult] = [
            "unpaid": result("497100", .review, "confidence 60 below 70"),
            "annual_tax": result("497100", .accepted), "collected": result("0", .accepted),
        ]
        Router.applyRules([three], to: &zero, messages: [nil])
        XCTAssertEqual(zero["unpaid"]?.status, .review)
        // Two fields, or an inequality, confirm nothing either.
        var two = ["a": result("7", .review, "confidence 60 below 70"), "b": result("7", .accepted)]
        Router.applyRules([try CrossFieldRule(parsing: "a = b"), try CrossFieldRule(parsing: "a <= b + 1")], to: &two, messages: [])
        XCTAssertEqual(two["a"]?.status, .review)
        // A check-box group's one-of rule has zeros in it.
        var boxes = ["x": result("1", .review, "confidence 60 below 70"), "y": result("0", .accepted), "z": result("0", .accepted)]
        Router.applyRules([try CrossFieldRule(parsing: "x + y + z = 1")], to: &boxes, messages: [])
        XCTAssertEqual(boxes["x"]?.status, .review)
    }

    func testConfirmationLeavesInvalidFailedAndAlwaysReviewedFields() throws {
        let rules = [try CrossFieldRule(parsing: "c = a + b"), try CrossFieldRule(parsing: "a <= 10")]
        var fields = [
            "a": result("20", .review, "confidence 60 below 70"),
            "b": result("5", .review, "definition asks for review"),
            "c": result("25", .review, "confidence 50 below 70"),
        ]
        Router.applyRules(rules, to: &fields, messages: [], keepInReview: ["b"])
        XCTAssertEqual(fields["a"]?.status, .review, "a failing rule names it")
        XCTAssertTrue(fields["a"]?.reason.contains("rule failed: a <= 10") ?? false)
        XCTAssertEqual(fields["b"]?.status, .review, "its definition asks for review")
        XCTAssertEqual(fields["c"]?.status, .accepted)
        var invalid = ["a": result("20", .invalid, "bad"), "b": result("5", .accepted), "c": result("25", .review, "x")]
        Router.applyRules([rules[0]], to: &invalid, messages: [])
        XCTAssertEqual(invalid["a"]?.status, .invalid)
        XCTAssertEqual(invalid["c"]?.status, .review, "a number that failed its own checks confirms nothing")
    }

    func reading(_ value: String, _ confidence: Double, _ status: FieldStatus, _ reason: String = "ok") -> FieldResult {
        FieldResult(value: value, text: value, confidence: confidence, status: status, reason: reason)
    }

    /// A function's result is rounded, so arguments misread together yield a small result over
    /// a wide range: a value read under its threshold is confirmed only when the arguments were
    /// read at or above theirs (seed-640500 held-out set: 68,100 read 100 at 54.7, confirmed by
    /// year_end_tax(2,608 − 183), both read under 40).
    func testFunctionRuleNeedsSureArgumentsForAWeakValue() throws {
        let rule = try CrossFieldRule(parsing: "withholding_tax = year_end_tax(income_after_deduction - total_deductions)")
        let thresholds = ["withholding_tax": 70.0, "income_after_deduction": 70.0, "total_deductions": 70.0]
        XCTAssertEqual(RuleFunction.yearEndTax.apply(2608 - 183), 100, "the rule holds on the misread values")
        let weak: [String: FieldResult] = [
            "withholding_tax": reading("100", 54.7, .review, "confidence 54.7 below 70"),
            "income_after_deduction": reading("2608", 21.7, .review, "confidence 21.7 below 70"),
            "total_deductions": reading("183", 39.8, .review, "confidence 39.8 below 70"),
        ]
        var fields = weak
        Router.applyRules([rule], to: &fields, messages: [], thresholds: thresholds)
        XCTAssertEqual(fields["withholding_tax"]?.status, .review)
        XCTAssertTrue(Router.confirmations([rule], in: weak, values: Router.values(of: weak), thresholds: thresholds).isEmpty)
        // The same value read at its threshold, held for another reason, is still confirmed.
        fields = weak
        fields["withholding_tax"] = reading("100", 98.1, .review, "the digits read differently from the page as scanned")
        Router.applyRules([rule], to: &fields, messages: [], thresholds: thresholds)
        XCTAssertEqual(fields["withholding_tax"]?.status, .accepted)
        // And the weak value is confirmed when its arguments were read surely.
        fields = weak
        fields["income_after_deduction"] = reading("2608", 99.0, .accepted)
        fields["total_deductions"] = reading("183", 70.0, .review, "the digits read differently from the page as scanned")
        Router.applyRules([rule], to: &fields, messages: [], thresholds: thresholds)
        XCTAssertEqual(fields["withholding_tax"]?.status, .accepted)
        XCTAssertEqual(fields["total_deductions"]?.status, .review, "a function's argument is not confirmed")
    }

    /// An argument read weakly but confirmed by another rule counts as read surely (seed-640500
    /// set: 給与所得 4,702,400 at 56.2 confirmed by employment_income(支払金額), then 239,400 at 68.6).
    func testArgumentConfirmedByAnotherRuleCounts() throws {
        let rules = [try CrossFieldRule(parsing: "withholding_tax = year_end_tax(income_after_deduction - total_deductions)"),
                     try CrossFieldRule(parsing: "income_after_deduction = employment_income(payment_amount)")]
        let income = RuleFunction.employmentIncome.apply(6_500_000)
        let tax = RuleFunction.yearEndTax.apply(income - 1_200_000)
        let thresholds = ["withholding_tax": 70.0, "income_after_deduction": 70.0, "total_deductions": 70.0, "payment_amount": 70.0]
        var fields: [String: FieldResult] = [
            "payment_amount": reading("6500000", 99.2, .accepted),
            "income_after_deduction": reading(String(income), 56.2, .review, "confidence 56.2 below 70"),
            "total_deductions": reading("1200000", 99.5, .accepted),
            "withholding_tax": reading(String(tax), 68.6, .review, "confidence 68.6 below 70"),
        ]
        Router.applyRules(rules, to: &fields, messages: [], thresholds: thresholds)
        XCTAssertEqual(fields["income_after_deduction"]?.status, .accepted)
        XCTAssertEqual(fields["withholding_tax"]?.status, .accepted)
        // Without the 支払金額 read surely, neither is.
        fields["payment_amount"] = reading("6500000", 40, .review, "confidence 40 below 70")
        fields["income_after_deduction"] = reading(String(income), 56.2, .review, "confidence 56.2 below 70")
        fields["withholding_tax"] = reading(String(tax), 68.6, .review, "confidence 68.6 below 70")
        Router.applyRules(rules, to: &fields, messages: [], thresholds: thresholds)
        XCTAssertEqual(fields["income_after_deduction"]?.status, .review)
        XCTAssertEqual(fields["withholding_tax"]?.status, .review)
    }
}
