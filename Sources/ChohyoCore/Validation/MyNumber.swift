/// 個人番号 (My Number): 12 digits, the last a check digit (see DOMAIN.md).
/// It is 特定個人情報: nothing here ever puts the digits into a message.
public enum MyNumber {
    /// The check digit for the first 11 digits, or nil unless given exactly 11 ASCII digits.
    public static func checkDigit(forFirst11 digits: String) -> Int? {
        guard digits.count == 11, TextNormalizer.isASCIIDigits(digits) else { return nil }
        // P_n is the n-th digit counted from the right; Q_n = n + 1 (n ≤ 6), n − 5 (n ≥ 7).
        var sum = 0
        for (i, ch) in digits.reversed().enumerated() {
            let n = i + 1
            let q = n <= 6 ? n + 1 : n - 5
            sum += ch.wholeNumberValue! * q
        }
        let r = sum % 11
        return r <= 1 ? 0 : 11 - r
    }

    /// True for exactly 12 ASCII digits whose last digit is the right check digit.
    public static func isValid(_ digits: String) -> Bool {
        guard digits.count == 12, TextNormalizer.isASCIIDigits(digits),
              let expected = checkDigit(forFirst11: String(digits.prefix(11))) else { return false }
        return digits.last!.wholeNumberValue == expected
    }

    /// Everything hidden: "************" for any non-empty text, "" for blank text. Nothing of
    /// the number, not its last digits nor its length, is shown.
    public static func masked(_ text: String) -> String {
        TextNormalizer.removingSpaces(text).isEmpty ? "" : String(repeating: "*", count: 12)
    }

    /// Removes whitespace and hyphens of any width and folds full-width digits.
    /// Returns the 12 digits, or nil when the text is not 12 digits.
    public static func normalize(_ text: String) -> String? {
        let folded = TextNormalizer.halfWidthDigitsAndLatin(text)
        let kept = folded.unicodeScalars.filter { !TextNormalizer.isSpace($0) && !TextNormalizer.isDash($0) }
        let digits = String(String.UnicodeScalarView(kept))
        return digits.count == 12 && TextNormalizer.isASCIIDigits(digits) ? digits : nil
    }
}
