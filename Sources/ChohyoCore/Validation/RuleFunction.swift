/// Functions a cross-field rule may call: amounts that the law fixes from other amounts on the
/// form, so that a value read can be checked against the values it follows from.
public enum RuleFunction: String, CaseIterable, Sendable {
    /// 給与所得控除後の給与等の金額 from 支払金額 (所得税法第28条, 別表第五; 令和2年分以降).
    case employmentIncome = "employment_income"
    /// 年調年税額 from 課税給与所得金額 (所得税 with 2.1 % 復興特別所得税, before 住宅借入金等
    /// 特別控除; 所得税法第89条, 復興財源確保法第13条).
    case yearEndTax = "year_end_tax"

    public func apply(_ x: Int) -> Int {
        switch self {
        case .employmentIncome: return RuleFunction.employmentIncome(pay: x)
        case .yearEndTax: return RuleFunction.yearEndTax(taxable: x)
        }
    }

    /// Below 551,000 yen nothing is left; up to 1,624,000 the deduction is 550,000. From
    /// 1,624,000 to 6,599,999 yen 別表第五 works on the pay rounded down to a multiple of 4,000.
    /// (The table's three steps between 1,619,000 and 1,624,000 are not modelled: a value there
    /// may fail to be confirmed, never the other way round.)
    static func employmentIncome(pay: Int) -> Int {
        if pay < 551_000 { return 0 }
        if pay < 1_624_000 { return pay - 550_000 }
        if pay < 6_600_000 {
            let a = pay / 4000 * 4000
            if pay < 1_800_000 { return a * 60 / 100 + 100_000 }
            if pay < 3_600_000 { return a * 70 / 100 - 80_000 }
            return a * 80 / 100 - 440_000
        }
        if pay < 8_500_000 { return pay * 90 / 100 - 1_100_000 }
        return pay - 1_950_000
    }

    /// The taxable income rounded down to 1,000 yen, taxed by the brackets of 所得税法第89条,
    /// times 1.021, rounded down to 100 yen.
    static func yearEndTax(taxable: Int) -> Int {
        let base = max(0, taxable) / 1000 * 1000
        let brackets: [(limit: Int, percent: Int, subtract: Int)] = [
            (1_950_000, 5, 0), (3_300_000, 10, 97_500), (6_950_000, 20, 427_500),
            (9_000_000, 23, 636_000), (18_000_000, 33, 1_536_000), (40_000_000, 40, 2_796_000),
            (Int.max, 45, 4_796_000),
        ]
        let bracket = brackets.first { base <= $0.limit }!
        let tax = max(0, base * bracket.percent / 100 - bracket.subtract)
        return tax * 1021 / 1000 / 100 * 100
    }
}
