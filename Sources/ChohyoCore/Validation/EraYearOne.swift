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
}
