/// The kinds of value a field can hold. Each has a validator and a normaliser
/// (see `FieldValidator`) that follow the rules in DOMAIN.md.
public enum FieldType: String, Codable, CaseIterable, Sendable {
    case text
    case kana
    case digits
    case amount
    case date
    case myNumber = "my_number"
    case corporateNumber = "corporate_number"
    case postalCode = "postal_code"
    case phone
    case checkbox

    /// Number-like types: full-width digits are folded to ASCII, and an
    /// exact-match figure for them is reported separately.
    public var isDigitOnly: Bool {
        switch self {
        case .digits, .myNumber, .corporateNumber, .postalCode, .phone, .amount: return true
        default: return false
        }
    }

    /// A field whose value is personal data that must never be logged.
    public var isSensitive: Bool { self == .myNumber }
}
