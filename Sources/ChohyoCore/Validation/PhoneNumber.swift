/// Japanese phone numbers: 10–11 digits starting with 0; 11 exactly for the numbers that
/// start 020, 050, 060, 070, 080 or 090 (mobile, IP and the like, and 0800), 10 for all
/// others (fixed lines, 0120, 0570), as the numbering plan has them.
public enum PhoneNumber {
    /// The prefixes of 11-digit numbers.
    public static let elevenDigitPrefixes = ["020", "050", "060", "070", "080", "090"]

    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case notDigits
        case length(Int)
        case leadingDigit
        /// The number's length does not fit its prefix (prefix, digits it must have, digits read).
        case lengthForPrefix(String, Int, Int)

        public var description: String {
            switch self {
            case .notDigits: return "not a phone number"
            case .length(let n): return "expected 10–11 digits, got \(n)"
            case .leadingDigit: return "phone number must start with 0"
            case let .lengthForPrefix(prefix, expected, got):
                return "a number starting \(prefix) has \(expected) digits, got \(got)"
            }
        }
    }

    /// Whether the text holds a parenthesis without its pair (03(1234)5678 has none): a speck
    /// read as one, beside digits that may be misread too. On the tuning set and seven used
    /// held-out sets, 3 such readings were accepted, 2 of them wrong (080-7950-376)),
    /// 082-958-0967-)).
    public static func hasUnpairedParenthesis(_ text: String) -> Bool {
        let folded = TextNormalizer.halfWidthDigitsAndLatin(text).replacingOccurrences(of: "（", with: "(")
            .replacingOccurrences(of: "）", with: ")")
        var depth = 0
        for c in folded {
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1; if depth < 0 { return true } }
        }
        return depth != 0
    }

    /// Strips hyphens and dashes of any width, parentheses (ASCII and full-width) and spaces.
    /// Returns the digits only.
    public static func parse(_ text: String) -> Result<String, Failure> {
        let folded = TextNormalizer.halfWidthDigitsAndLatin(text)
        let kept = folded.unicodeScalars.filter {
            !(TextNormalizer.isSpace($0) || TextNormalizer.isDash($0) || "()（）".unicodeScalars.contains($0))
        }
        let digits = String(String.UnicodeScalarView(kept))
        guard TextNormalizer.isASCIIDigits(digits) else { return .failure(.notDigits) }
        guard (10...11).contains(digits.count) else { return .failure(.length(digits.count)) }
        guard digits.hasPrefix("0") else { return .failure(.leadingDigit) }
        let eleven = elevenDigitPrefixes.contains { digits.hasPrefix($0) }
        guard eleven == (digits.count == 11) else {
            return .failure(.lengthForPrefix(String(digits.prefix(3)), eleven ? 11 : 10, digits.count))
        }
        return .success(digits)
    }
}
