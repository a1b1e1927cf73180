/// The result of validating and normalising one field's text.
///
/// Invariant kept by `FieldValidator`: `valid == (value != nil)`. An empty optional field is
/// valid with value `""`. `reason` is set when invalid and never contains the text of a
/// `my_number` field (特定個人情報).
public struct ValidationOutcome: Equatable, Sendable {
    /// The normalised value; nil when invalid.
    public var value: String?
    public var valid: Bool
    /// Why the text is invalid: short, plain English.
    public var reason: String?
    /// Extra exported values, e.g. `era_code` for dates.
    public var extras: [String: String]

    public init(value: String?, valid: Bool, reason: String? = nil, extras: [String: String] = [:]) {
        self.value = value; self.valid = valid; self.reason = reason; self.extras = extras
    }

    public static func ok(_ value: String, extras: [String: String] = [:]) -> ValidationOutcome {
        ValidationOutcome(value: value, valid: true, reason: nil, extras: extras)
    }

    public static func invalid(_ reason: String) -> ValidationOutcome {
        ValidationOutcome(value: nil, valid: false, reason: reason, extras: [:])
    }

    /// True when the field was left blank (valid and empty).
    public var isEmpty: Bool { valid && (value ?? "").isEmpty }
}
