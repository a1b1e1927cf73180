import XCTest
@testable import ChohyoCore

/// Rules that call a function of the law: 給与所得控除後の金額 from 支払金額, and the tax
/// withheld from the taxable income. They only confirm.
final class LawRuleTests: XCTestCase {
    /// Figures from 国税庁's tables (給与所得控除, 令和2年分以降).
    func testEmploymentIncome() {
        let f = RuleFunction.employmentIncome
        XCTAssertEqual(f.apply(500_000), 0)
        XCTAssertEqual(f.apply(1_000_000), 450_000)
        XCTAssertEqual(f.apply(1_700_000), 1_120_000)
        XCTAssertEqual(f.apply(3_000_000), 2_020_000)
        XCTAssertEqual(f.apply(3_003_999), 2_020_000, "別表第五 steps by 4,000 yen")
        XCTAssertEqual(f.apply(3_004_000), 2_022_800)
        XCTAssertEqual(f.apply(5_000_000), 3_560_000)
        XCTAssertEqual(f.apply(8_000_000), 6_100_000)
        XCTAssertEqual(f.apply(10_000_000), 8_050_000)
    }

    func testYearEndTax() {
        let g = RuleFunction.yearEndTax
        XCTAssertEqual(g.apply(-20_000), 0)
        XCTAssertEqual(g.apply(100_000), 5_100)            // 5,000 × 1.021 = 5,105
        XCTAssertEqual(g.apply(1_234_567), 62_900)         // 1,234,000 × 5 % = 61,700 → 62,995
        XCTAssertEqual(g.apply(3_000_000), 206_700)        // 300,000 − 97,500 = 202,500 → 206,752
        XCTAssertEqual(g.apply(1_950_999), 99_500)         // 1,950,000 is still 5 %: 97,500 → 99,547
        XCTAssertEqual(g.apply(1_951_000), 99_600)         // 10 %: 195,100 − 97,500 = 97,600 → 99,649
    }

    func testParsesFunctions() throws {
        let rule = try CrossFieldRule(parsing: "withholding_tax = year_end_tax(income_after_deduction - total_deductions)")
        XCTAssertEqual(rule.fieldKeys, ["withholding_tax", "income_after_deduction", "total_deductions"])
        XCTAssertEqual(rule.directKeys, ["withholding_tax"])
        let values = ["withholding_tax": "206700", "income_after_deduction": "3500000", "total_deductions": "500000"]
        XCTAssertEqual(rule.evaluate(values), .pass)
        XCTAssertEqual(rule.confirmedKeys(values), ["withholding_tax"], "the function's arguments are not pinned down")
        XCTAssertEqual(rule.confirmedKeys(values.merging(["withholding_tax": "206600"]) { $1 }), [])
        XCTAssertThrowsError(try CrossFieldRule(parsing: "a = income(b)")) { error in
            XCTAssertTrue("\(error)".contains("unknown function 'income'"), "\(error)")
        }
        XCTAssertThrowsError(try CrossFieldRule(parsing: "a = employment_income(b")) { error in
            XCTAssertTrue("\(error)".contains("expected ')'"), "\(error)")
        }
    }

    /// The bundled 給与支払報告書: both law rules confirm a value in review. Failing, the tax rule
    /// changes nothing, and the 給与所得 rule sends its accepted amounts to a person. A 支払金額
    /// read as 7 gives 給与所得 0, and a 0 read there confirms nothing (seed 35000 held-out set,
    /// a faxed page).
    func testTheBundledDefinitionConfirmsOnly() throws {
        let kyuyo = try DefinitionLoader.load(file: packageRoot.appendingPathComponent("FormDefinitions/kyuyo_shiharai_hokokusho.yaml"))
        func routed(_ values: [String: String], review: Set<String>) -> [String: FieldResult] {
            var fields = values.mapValues { FieldResult(value: $0, text: $0, confidence: 99, status: .accepted, reason: "valid amount") }
            for key in review { fields[key]?.status = .review; fields[key]?.reason = "readings disagree" }
            Router.applyRules(kyuyo.rules, to: &fields, messages: kyuyo.ruleMessages)
            return fields
        }
        let page = ["payment_amount": "4523000", "income_after_deduction": "3176000",
                    "total_deductions": "1200000", "withholding_tax": "102200", "social_insurance": "650000"]
        XCTAssertEqual(RuleFunction.yearEndTax.apply(3_176_000 - 1_200_000), 102_200)   // 100,100 × 1.021
        let confirmed = routed(page, review: ["income_after_deduction", "withholding_tax", "payment_amount"])
        XCTAssertEqual(confirmed["income_after_deduction"]?.status, .accepted)
        XCTAssertEqual(confirmed["income_after_deduction"]?.reason,
                       "confirmed by the rule income_after_deduction = employment_income(payment_amount) (income_after_deduction=3176000, payment_amount=4523000), held for: readings disagree")
        XCTAssertEqual(confirmed["withholding_tax"]?.status, .accepted)
        XCTAssertEqual(confirmed["payment_amount"]?.status, .review, "4,520,000–4,523,999 all give 3,176,000")

        // A 住宅借入金等特別控除 lowered the tax: the rule fails, and nothing changes.
        let lowered = routed(page.merging(["withholding_tax": "60100"]) { $1 }, review: ["withholding_tax"])
        XCTAssertEqual(lowered["withholding_tax"]?.status, .review)
        XCTAssertEqual(lowered["withholding_tax"]?.reason, "readings disagree")
        XCTAssertEqual(lowered["income_after_deduction"]?.status, .accepted)

        // A faxed 3,812,800 read 3,812,809 beside a right 支払金額 of 5,317,440 (seed 430500):
        // the 給与所得 does not follow, and both amounts, accepted, go to a person, not invalid.
        let income = ["payment_amount": "5317440", "income_after_deduction": "3812809"]
        XCTAssertEqual(RuleFunction.employmentIncome.apply(5_317_440), 3_812_800)
        let departed = routed(page.merging(income) { $1 }, review: [])
        for key in income.keys {
            XCTAssertEqual(departed[key]?.status, .review, key)
            XCTAssertEqual(departed[key]?.reason.hasPrefix("rule failed: 給与所得控除後の金額が"), true, departed[key]?.reason ?? "")
        }

        // A faxed 所得控除の額の合計額 of 1,649,918 read 4,649,918 at 96.8 (seed 740500): above the
        // 給与所得 of 3,784,000, it leaves no tax, yet 118,300 was withheld. The tax is bounded
        // from above, so the accepted amounts go to a person, not invalid; the right one passes.
        let escape = ["payment_amount": "5280804", "income_after_deduction": "3784000", "total_deductions": "4649918",
                      "withholding_tax": "118300", "social_insurance": "751143", "dependents": "0", "mid_year_retired": "0"]
        XCTAssertEqual(RuleFunction.yearEndTax.apply(3_784_000 - 1_649_918), 118_300)
        let bounded = routed(escape, review: [])
        for key in ["total_deductions", "withholding_tax", "income_after_deduction", "mid_year_retired"] {
            XCTAssertEqual(bounded[key]?.status, .review, key)
            XCTAssertEqual(bounded[key]?.reason.hasPrefix("rule failed: 源泉徴収税額が"), true, bounded[key]?.reason ?? "")
        }
        XCTAssertEqual(bounded["payment_amount"]?.status, .accepted)
        let right = routed(escape.merging(["total_deductions": "1649918"]) { $1 }, review: [])
        XCTAssertTrue(right.values.allSatisfy { $0.status == .accepted })
        // A mid-year leaver's tax was not adjusted at the year's end: the bound does not hold them.
        let leaver = routed(escape.merging(["mid_year_retired": "1"]) { $1 }, review: [])
        XCTAssertEqual(leaver["total_deductions"]?.status, .accepted)
        XCTAssertEqual(leaver["withholding_tax"]?.status, .accepted)

        let misread = routed(["payment_amount": "7", "income_after_deduction": "0", "total_deductions": "1200000",
                              "withholding_tax": "0", "social_insurance": "650000"],
                             review: ["income_after_deduction", "withholding_tax"])
        XCTAssertEqual(misread["income_after_deduction"]?.status, .review)
        XCTAssertEqual(misread["withholding_tax"]?.status, .review)
    }
}
