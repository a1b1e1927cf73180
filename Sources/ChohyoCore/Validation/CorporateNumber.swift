/// 法人番号 (corporate number): 13 digits, the FIRST a check digit (see DOMAIN.md).
///
/// The mod-9 check cannot see a single digit changed between 0 and 9 (the weights are 1
/// and 2, and 9 ≡ 0 mod 9); every other single-digit change is caught.
public enum CorporateNumber {
    /// The check digit for the 12 digits after it, or nil unless given exactly 12 ASCII digits.
    public static func checkDigit(forLast12 digits: String) -> Int? {
        guard digits.count == 12, TextNormalizer.isASCIIDigits(digits) else { return nil }
        // P_n is the n-th digit counted from the right; Q_n = 1 for odd n, 2 for even n.
        var sum = 0
        for (i, ch) in digits.reversed().enumerated() {
            let n = i + 1
            sum += ch.wholeNumberValue! * (n % 2 == 1 ? 1 : 2)
        }
        return 9 - sum % 9
    }

    /// True for exactly 13 ASCII digits whose first digit is the right check digit.
    public static func isValid(_ digits: String) -> Bool {
        guard digits.count == 13, TextNormalizer.isASCIIDigits(digits),
              let expected = checkDigit(forLast12: String(digits.dropFirst())) else { return false }
        return digits.first!.wholeNumberValue == expected
    }

    /// Removes whitespace and hyphens of any width and folds full-width digits.
    /// Returns the 13 digits, or nil when the text is not 13 digits.
    public static func normalize(_ text: String) -> String? {
        let folded = TextNormalizer.halfWidthDigitsAndLatin(text)
        let kept = folded.unicodeScalars.filter { !TextNormalizer.isSpace($0) && !TextNormalizer.isDash($0) }
        let digits = String(String.UnicodeScalarView(kept))
        return digits.count == 13 && TextNormalizer.isASCIIDigits(digits) ? digits : nil
    }
}
