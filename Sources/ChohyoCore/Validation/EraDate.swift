import Foundation

/// 和暦 and 西暦 dates: parsing, era lookup and 元号コード + YYMMDD.
public enum EraDate {
    /// A Japanese era with its code in the public data standard.
    public struct Era: Equatable, Sendable {
        /// 1 明治, 2 大正, 3 昭和, 4 平成, 5 令和.
        public let code: Int
        public let name: String
        public let romaji: String
        public let letter: Character
        public let start: CalendarDate
        /// Last day; nil for the current era.
        public let end: CalendarDate?

        public func contains(_ date: CalendarDate) -> Bool {
            date >= start && (end.map { date <= $0 } ?? true)
        }

        /// Gregorian year of this era's year `n` (元年 = 1).
        public func gregorianYear(_ n: Int) -> Int { start.year + n - 1 }
    }

    public static let meiji = Era(code: 1, name: "明治", romaji: "Meiji", letter: "M",
                                  start: CalendarDate(year: 1868, month: 1, day: 25)!,
                                  end: CalendarDate(year: 1912, month: 7, day: 29)!)
    public static let taisho = Era(code: 2, name: "大正", romaji: "Taisho", letter: "T",
                                   start: CalendarDate(year: 1912, month: 7, day: 30)!,
                                   end: CalendarDate(year: 1926, month: 12, day: 24)!)
    public static let showa = Era(code: 3, name: "昭和", romaji: "Showa", letter: "S",
                                  start: CalendarDate(year: 1926, month: 12, day: 25)!,
                                  end: CalendarDate(year: 1989, month: 1, day: 7)!)
    public static let heisei = Era(code: 4, name: "平成", romaji: "Heisei", letter: "H",
                                   start: CalendarDate(year: 1989, month: 1, day: 8)!,
                                   end: CalendarDate(year: 2019, month: 4, day: 30)!)
    public static let reiwa = Era(code: 5, name: "令和", romaji: "Reiwa", letter: "R",
                                  start: CalendarDate(year: 2019, month: 5, day: 1)!, end: nil)

    public static let eras: [Era] = [meiji, taisho, showa, heisei, reiwa]

    /// The era a day belongs to; nil before 明治.
    public static func era(for date: CalendarDate) -> Era? {
        eras.last { $0.start <= date }
    }

    /// A date as read: the day, and the era and era year it was written with (nil for 西暦).
    public struct Parsed: Equatable, Sendable {
        public let date: CalendarDate
        public let writtenEra: Era?
        public let writtenEraYear: Int?

        public var iso: String { date.iso }

        /// Era code digit + YY + MM + DD of the era reading, e.g. 昭和60年4月1日 → "3600401".
        /// For a 西暦 date the era is computed from the day; nil before 明治.
        public var eraCode: String? { EraDate.eraCode(for: date) }
    }

    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case unrecognised
        case noSuchDay
        case outsideEra(Era)

        public var description: String {
            switch self {
            case .unrecognised: return "not a recognised date"
            case .noSuchDay: return "no such day in the calendar"
            case .outsideEra(let era):
                let until = era.end.map { " to \($0.iso)" } ?? " onwards"
                return "date outside the \(era.romaji) era (\(era.start.iso)\(until))"
            }
        }
    }

    /// 元号コード + YYMMDD for a day, e.g. 1985-04-01 → "3600401"; nil before 明治.
    public static func eraCode(for date: CalendarDate) -> String? {
        guard let era = era(for: date) else { return nil }
        let n = date.year - era.start.year + 1
        return "\(era.code)\(pad(n, 2))\(pad(date.month, 2))\(pad(date.day, 2))"
    }

    /// Accepts 昭和60年4月1日 (spaces anywhere), 令和元年5月1日, 昭60年4月1日, H31.4.30, R1/5/1,
    /// S60-4-1, and 西暦 1985年4月1日, 1985/04/01, 1985-4-1, 1985.4.1. Full-width digits and
    /// punctuation are folded first.
    public static func parse(_ text: String) -> Result<Parsed, Failure> {
        var s = TextNormalizer.removingSpaces(TextNormalizer.halfWidthDigitsAndLatin(text))
        s = String(s.map { c -> Character in
            switch c {
            case "．": return "."
            case "／": return "/"
            case "－", "‐", "−": return "-"
            default: return c
            }
        })

        var era: Era?
        if let (e, rest) = splitEra(s) { era = e; s = rest }

        guard let (yearText, rest1, sep) = takeYear(s, era: era) else { return .failure(.unrecognised) }
        let parts: [Substring]
        if sep == "年" {
            guard rest1.hasSuffix("日") else { return .failure(.unrecognised) }
            let body = rest1.dropLast()
            parts = body.split(separator: "月", omittingEmptySubsequences: false)
        } else {
            parts = rest1.split(separator: sep, omittingEmptySubsequences: false)
        }
        guard parts.count == 2,
              let month = smallNumber(parts[0]), let day = smallNumber(parts[1]) else { return .failure(.unrecognised) }

        let yearNumber: Int
        if yearText == "元" { yearNumber = 1 } else if let y = Int(yearText) { yearNumber = y } else { return .failure(.unrecognised) }

        if let era {
            guard yearNumber >= 1 else { return .failure(.outsideEra(era)) }
            guard let date = CalendarDate(year: era.gregorianYear(yearNumber), month: month, day: day) else {
                return .failure(.noSuchDay)
            }
            guard era.contains(date) else { return .failure(.outsideEra(era)) }
            return .success(Parsed(date: date, writtenEra: era, writtenEraYear: yearNumber))
        }
        guard let date = CalendarDate(year: yearNumber, month: month, day: day) else { return .failure(.noSuchDay) }
        return .success(Parsed(date: date, writtenEra: nil, writtenEraYear: nil))
    }

    /// A date written with 年, 月 and 日 that holds a stray mark (…24日., …10月.8日, "令和…: a
    /// speck or the end of a rule read as one; 5 such dates on scans of the tuning set and five
    /// used held-out sets, all otherwise right): the text without its marks, or nil when it is
    /// not written so or has none. Dates written with marks (H31.4.30) are left alone.
    public static func marksDropped(_ text: String) -> String? {
        let s = TextNormalizer.removingSpaces(TextNormalizer.halfWidthDigitsAndLatin(text))
        guard ["年", "月", "日"].allSatisfy(s.contains) else { return nil }
        let out = s.filter { !strayMarks.contains($0) }
        return out != s ? out : nil
    }

    static let strayMarks: Set<Character> = [".", ",", "・", "、", "。", "~", "〜", "-", "_", "'", "\"", "`", "|", "‐", "ー"]

    /// A date written 昭和53年11月25日 whose 年, 月 or 日 was misread (…25晶, …12朋7日): the text
    /// with each of the three written as it must be, or nil when the text is not an era, a
    /// year, a month and a day, each number followed by one character, or when nothing needed
    /// mending. The numbers are left as read; whether the date is valid is `parse`'s to say.
    ///
    /// On faxes 日 breaks in two as often (…6Fi, …30F], …28F), …12:」): the last unit may be
    /// two characters, neither a digit nor 日 itself (a mark after 日 is `marksDropped`'s). A
    /// speck read as a mark before the month or the day (…6月.9晶) is dropped. On the saved runs
    /// of six used held-out sets (seeds 640500–690500), the 7 dates so failed were all shown
    /// right; a date whose 日 was lost altogether is left alone, as its day was right in 3 of 6.
    public static func unitsMended(_ text: String) -> String? {
        let s = Array(TextNormalizer.removingSpaces(TextNormalizer.halfWidthDigitsAndLatin(text)))
        guard let eraEnd = s.firstIndex(where: { $0 == "元" || $0.isASCII && $0.isNumber }), eraEnd > 0,
              splitEra(String(s[..<eraEnd])) != nil else { return nil }
        let isDigit = { (c: Character) in c.isASCII && c.isNumber }
        var out = Array(s[..<eraEnd])
        var i = eraEnd
        for unit: Character in ["年", "月", "日"] {
            if unit != "年", i + 1 < s.count, strayMarks.contains(s[i]), isDigit(s[i + 1]) { i += 1 }
            let start = i
            if unit == "年", i < s.count, s[i] == "元" { i += 1 } else {
                while i < s.count, isDigit(s[i]) { i += 1 }
            }
            guard (1...2).contains(i - start), i < s.count, !isDigit(s[i]) else { return nil }
            out += s[start..<i]
            out.append(unit)
            if unit == "日", i + 2 == s.count, s[i] != "日", !isDigit(s[i + 1]) { i += 1 }
            i += 1
        }
        guard i == s.count, out != s else { return nil }
        return String(out)
    }

    /// A date whose era name was misread (相和63年…, 隊各58年…, 令着7年…): the text with the one
    /// era the reading can stand for, or nil. The era read must keep one of its two kanji in
    /// place (相和 → 昭和 or 令和) or lose both; of the eras left, exactly one may have a year
    /// that high (昭和 alone runs past 31, and 令和 is young), and the mended date must parse,
    /// with its 年 月 日 mended as `unitsMended` does if need be. A lone kanji or a mark before the
    /// two is dropped, and so are one or two Latin letters or digits opening the text before a
    /// kanji (`leadingSpeck`). Whether the date is right is a person's to say: this is for review
    /// only.
    public static func eraMended(_ text: String, thisYear: Int = currentYear) -> String? {
        let s = Array(TextNormalizer.removingSpaces(TextNormalizer.halfWidthDigitsAndLatin(text)))
        if let mended = eraMended(s, thisYear: thisYear) { return mended }
        return leadingSpeck(s).flatMap { eraMended(Array(s.dropFirst($0)), thisYear: thisYear) }
    }

    /// How many characters open the date as a speck or a rule's stub read as digits or letters
    /// (5訪49年5月4日, 58境63征3月17日 on faxes of seeds 370500 and 380500): one or two Latin
    /// letters or digits, then a character that is neither (an era misread), then the year.
    /// Nil when the text does not open so.
    static func leadingSpeck(_ s: [Character]) -> Int? {
        let run = s.prefix { $0.isASCII && ($0.isNumber || $0.isLetter) }.count
        guard (1...2).contains(run), run + 1 < s.count, !s[run].isASCII, s[run] != "元",
              s[run + 1].isASCII, s[run + 1].isNumber else { return nil }
        return run
    }

    private static func eraMended(_ s: [Character], thisYear: Int) -> String? {
        guard let eraEnd = s.firstIndex(where: { $0 == "元" || $0.isASCII && $0.isNumber }), eraEnd >= 1,
              splitEra(String(s[..<eraEnd]))?.1.isEmpty != true else { return nil }
        let read = Array(s[max(0, eraEnd - 2)..<eraEnd])
        let digits = s[eraEnd...].prefix { $0.isASCII && $0.isNumber }
        guard let year = s[eraEnd] == "元" ? 1 : Int(String(digits)), (1...2).contains(s[eraEnd] == "元" ? 1 : digits.count)
        else { return nil }
        let possible = eras.filter { era in
            year <= (era.end?.year ?? thisYear) - era.start.year + 1
                && thisYear - (era.end?.year ?? thisYear) <= longestPastEraYears
        }
        let alike = possible.filter { era in zip(Array(era.name), read).contains { $0 == $1 } }
        let readHasEraKanji = eras.contains { era in zip(Array(era.name), read).contains { $0 == $1 } }
        let candidates = readHasEraKanji ? alike : possible
        guard candidates.count == 1 else { return nil }
        let mended = candidates[0].name + String(s[eraEnd...])
        for attempt in [mended, unitsMended(mended)].compactMap({ $0 }) {
            if case .success = parse(attempt) { return attempt }
        }
        return nil
    }

    /// An era that ended longer ago than this many years is no candidate for a misread one: no
    /// employee on a form filed today was born in 明治 (ended 1912), and no change of employer
    /// happened then. 果紹42年10月28日 on a fax of the seed-720500 set, a 昭和 date, was left
    /// invalid for 明治 42 fitting too (so was 駅33年10月31F1 of seed 730500, whose 日 read F1
    /// is left alone, `unitsMended`, as its 1 may be the day's). 大正 stays a candidate until
    /// 2037. A date read with 明治 itself is still valid: this only picks the era shown, for
    /// review, in place of one misread.
    static let longestPastEraYears = 110

    /// The Gregorian year now, by the machine's clock.
    public static var currentYear: Int { Calendar(identifier: .gregorian).component(.year, from: Date()) }

    /// Era names, one-kanji abbreviations and letters (M T S H R, either case).
    private static func splitEra(_ s: String) -> (Era, String)? {
        for era in eras {
            for prefix in [era.name, String(era.name.first!), String(era.letter), era.letter.lowercased()]
            where s.hasPrefix(prefix) {
                let rest = String(s.dropFirst(prefix.count))
                // A letter prefix must be followed by the year, not by more letters.
                if let next = rest.first, next.isASCII, next.isLetter { continue }
                return (era, rest)
            }
        }
        return nil
    }

    /// Year digits (1–2 with an era or 元, exactly 4 without), then the separator after it.
    private static func takeYear(_ s: String, era: Era?) -> (String, Substring, Character)? {
        let year: String
        if era != nil, s.hasPrefix("元") {
            year = "元"
        } else {
            year = String(s.prefix { $0.isASCII && $0.isNumber })
            if era != nil { guard (1...2).contains(year.count) else { return nil } } else { guard year.count == 4 else { return nil } }
        }
        let rest = s.dropFirst(year.count)
        guard let sep = rest.first, "年./-".contains(sep) else { return nil }
        if year == "元", sep != "年" { return nil }
        return (year, rest.dropFirst(), sep)
    }

    private static func smallNumber(_ s: Substring) -> Int? {
        guard (1...2).contains(s.count), s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(s)
    }
}
