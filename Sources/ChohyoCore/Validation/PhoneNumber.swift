/// Japanese phone numbers: 10–11 digits starting with 0.
public enum PhoneNumber {
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case notDigits
        case length(Int)
        case leadingDigit

        public var description: String {
            switch self {
            case .notDigits: return "not a phone number"
            case .length(let n): return "expected 10–11 digits, got \(n)"
            case .leadingDigit: return "phone number must start with 0"
            }
        }
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
        return .success(digits)
    }
}
