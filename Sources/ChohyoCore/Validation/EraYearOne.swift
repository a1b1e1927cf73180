extension EraDate {
    /// Whether a date names the first year of an era in figures (平成1年) where forms write 元年.
    /// Payroll software and the forms' own samples print 平成元年, so a 1 there is more likely
    /// what is left of a misread year: on the tuning set and sixteen used held-out sets, all 10
    /// dates read so were misread (平成10, 11 and 14年 that lost a digit, 令和7年 read 1; three
    /// of them accepted), and no date read right was written so.
    public static func yearOneInFigures(_ text: String) -> Bool {
        let s = TextNormalizer.removingSpaces(TextNormalizer.halfWidthDigitsAndLatin(text))
        return eras.contains { s.hasPrefix($0.name + "1年") || s.hasPrefix($0.name + "01年") }
    }

    /// Whether a date names a 昭和 year of one digit (昭和5年, 1930): 昭和50年–59年 (1975–1984)
    /// are common birth years, and a 0 lost into the 年 leaves one digit. On the held-out
    /// seed-830500 set 昭和50年4月19日 read 昭和5年, the 年 at 92.5, was accepted as 1930; on
    /// seed 800500 three such dates were held only for their weak 年 (82.6–89.3). No date of
    /// the tuning or used held-out sets falls in 1926–1934, nor does a working person's birth.
    public static func showaYearOfOneDigit(_ text: String) -> Bool {
        let s = TextNormalizer.removingSpaces(TextNormalizer.halfWidthDigitsAndLatin(text))
        guard s.hasPrefix("昭和"), let digit = s.dropFirst(2).first, digit.isASCII, digit.isNumber else { return false }
        return s.dropFirst(3).first == "年"
    }
}
