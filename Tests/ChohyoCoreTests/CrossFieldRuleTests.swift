import XCTest
@testable import ChohyoCore

final class CrossFieldRuleTests: XCTestCase {
    func testParsesSpecExample() throws {
        let rule = try CrossFieldRule(parsing: "unpaid = annual_tax - collected")
        XCTAssertEqual(rule.expression, "unpaid = annual_tax - collected")
        XCTAssertEqual(rule.fieldKeys, ["unpaid", "annual_tax", "collected"])
        XCTAssertEqual(rule.comparison, .equal)
        XCTAssertEqual(rule.right, [.init(negative: false, term: .field("annual_tax")),
                                    .init(negative: true, term: .field("collected"))])
    }

    func testEveryComparison() throws {
        let values = ["a": "5", "b": "3"]
        let expected: [(String, Bool)] = [
            ("a = b + 2", true), ("a == b + 2", true), ("a != b", true), ("a != b + 2", false),
            ("a < b", false), ("b < a", true), ("a <= 5", true), ("a <= 4", false),
            ("a > b", true), ("a > 5", false), ("a >= 5", true), ("a >= b + 3", false),
            ("a - b - 2 = 0", true), ("a+b=8", true), ("_x_1 = 0", false),
        ]
        for (expr, holds) in expected {
            let rule = try CrossFieldRule(parsing: expr)
            let outcome = rule.evaluate(values.merging(["_x_1": "1"]) { a, _ in a })
            if holds {
                XCTAssertEqual(outcome, .pass, expr)
            } else if case .fail = outcome {
                // expected
            } else {
                XCTFail("\(expr): \(outcome)")
            }
        }
    }

    func testFailMessageNamesRuleAndNumbers() throws {
        let rule = try CrossFieldRule(parsing: "unpaid = annual_tax - collected")
        let outcome = rule.evaluate(["unpaid": "12000", "annual_tax": "15000", "collected": "2000"])
        XCTAssertEqual(outcome, .fail("unpaid = annual_tax - collected: unpaid=12000, annual_tax=15000, collected=2000; 12000 ≠ 13000"))
        XCTAssertEqual(rule.evaluate(["unpaid": "13000", "annual_tax": "15000", "collected": "2000"]), .pass)
    }

    /// The check-box groups of the real definitions: a ticked 一括徴収 read as empty on a badly
    /// placed fax (seed-15000 held-out set) leaves no 処理方法 ticked, and the group goes to a person.
    func testCheckBoxGroupsOfTheRealDefinitions() throws {
        let ido = try DefinitionLoader.load(file: packageRoot.appendingPathComponent("FormDefinitions/tokubetsu_choshu_ido.yaml"))
        func routed(_ values: [String: String]) -> [String: FieldResult] {
            var fields = values.mapValues { FieldResult(value: $0, text: $0, confidence: 100, status: .accepted, reason: "valid checkbox") }
            Router.applyRules(ido.rules, to: &fields, messages: ido.ruleMessages)
            return fields
        }
        let reasons = ["reason_retired": "1", "reason_transfer": "0", "reason_death": "0", "reason_other": "0"]
        let good = routed(reasons.merging(["method_continue": "0", "method_lump_sum": "1", "method_ordinary": "0"]) { a, _ in a })
        XCTAssertTrue(good.values.allSatisfy { $0.status == .accepted })
        let lost = routed(reasons.merging(["method_continue": "0", "method_lump_sum": "0", "method_ordinary": "0"]) { a, _ in a })
        for key in ["method_continue", "method_lump_sum", "method_ordinary"] {
            XCTAssertEqual(lost[key]?.status, .invalid, key)
            XCTAssertTrue(lost[key]?.reason.hasPrefix("rule failed: 処理方法は一つだけ印を付けます") ?? false, lost[key]?.reason ?? "")
        }
        XCTAssertEqual(lost["reason_retired"]?.status, .accepted, "the other group is untouched")
        let koza = try DefinitionLoader.load(file: packageRoot.appendingPathComponent("FormDefinitions/koza_furikae.yaml"))
        XCTAssertEqual(koza.rules.map(\.expression), ["account_type_ordinary + account_type_current = 1",
                                                      "tax_resident + tax_property + tax_vehicle + tax_health >= 1"])
    }

    func testNotApplicable() throws {
        let rule = try CrossFieldRule(parsing: "a <= b")
        XCTAssertEqual(rule.evaluate(["a": "1"]), .notApplicable("b is empty"))
        XCTAssertEqual(rule.evaluate(["a": "1", "b": ""]), .notApplicable("b is empty"))
        XCTAssertEqual(rule.evaluate(["a": "1,000", "b": "2"]), .notApplicable("a is not an integer"))
        XCTAssertNil(rule.numbers(["a": "1"]))
        let huge = try CrossFieldRule(parsing: "a + b = 1")
        XCTAssertEqual(huge.evaluate(["a": "\(Int.max)", "b": "1"]), .notApplicable("sum overflows"))
    }

    func testParseErrors() {
        let cases: [(String, Int, String)] = [
            ("", 0, "empty rule"),
            ("a", 1, "expected a comparison (= != < <= > >=), found the end"),
            ("a = ", 4, "expected a field key or a number, found the end"),
            ("a = b +", 7, "expected a field key or a number, found the end"),
            ("a => b", 3, "expected a field key or a number, found '>'"),
            ("A = b", 0, "expected a field key or a number, found 'A'"),
            ("a = 1b", 5, "a field key cannot start with a digit"),
            ("a = b c", 6, "unexpected 'c' after the rule"),
            ("a * 2 = b", 2, "a product is written with its number first: N * a"),
            ("a = 2 *", 7, "expected a field key after '2 *'"),
            ("a = 2 * 3", 8, "expected a field key after '2 *'"),
            ("a = 2 * b(c)", 9, "unexpected '(' after the rule"),
            ("aB = c", 1, "field keys use only a-z, 0-9 and _"),
            ("a = 99999999999999999999", 4, "number too large"),
        ]
        for (expr, position, reason) in cases {
            XCTAssertThrowsError(try CrossFieldRule(parsing: expr), expr) { error in
                guard let e = error as? RuleParseError else { return XCTFail("wrong error type for \(expr)") }
                XCTAssertEqual(e.position, position, expr)
                XCTAssertEqual(e.reason, reason, expr)
                XCTAssertEqual(e.description, "rule '\(expr)': at position \(position): \(reason)")
            }
        }
    }

    /// A count at a fixed amount each: 控除対象扶養親族 are deducted at least 38万円 each, so
    /// the total of deductions is at least the social insurance and 380,000 per dependent. A 0
    /// read as 9 fails it (seed-410500 held-out set: 扶養親族の数 0 read 9 on a fax, accepted).
    func testANumberTimesAFieldKey() throws {
        let rule = try CrossFieldRule(parsing: "total_deductions >= social_insurance + 380000 * dependents")
        XCTAssertEqual(rule.fieldKeys, ["total_deductions", "social_insurance", "dependents"])
        XCTAssertEqual(rule.directKeys, rule.fieldKeys)
        let read = ["total_deductions": "1742000", "social_insurance": "602000"]
        XCTAssertEqual(rule.evaluate(read.merging(["dependents": "0"]) { $1 }), .pass)
        XCTAssertEqual(rule.evaluate(read.merging(["dependents": "3"]) { $1 }), .pass)
        XCTAssertEqual(rule.evaluate(read.merging(["dependents": "9"]) { $1 }),
                       .fail("total_deductions >= social_insurance + 380000 * dependents: total_deductions=1742000, social_insurance=602000, dependents=9; 1742000 < 4022000"))
        XCTAssertEqual(rule.evaluate(read), .notApplicable("dependents is empty"))
        let huge = try CrossFieldRule(parsing: "a >= 9223372036854775807 * b")
        XCTAssertEqual(huge.evaluate(["a": "1", "b": "2"]), .notApplicable("sum overflows"))
    }

    func testLiteralsAndRepeatedKeys() throws {
        let rule = try CrossFieldRule(parsing: "a + a >= 100 - b")
        XCTAssertEqual(rule.fieldKeys, ["a", "b"])
        XCTAssertEqual(rule.evaluate(["a": "40", "b": "20"]), .pass)
        XCTAssertEqual(rule.evaluate(["a": "30", "b": "20"]), .fail("a + a >= 100 - b: a=30, b=20; 60 < 80"))
    }
}
