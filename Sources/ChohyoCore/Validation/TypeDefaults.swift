/// Each field type's default reading settings for Tesseract.
public enum TypeDefaults {
    /// The default whitelist, or nil for no whitelist (Japanese text, dates, kana, check boxes).
    public static func characterSet(for type: FieldType) -> String? {
        switch type {
        case .digits, .myNumber, .corporateNumber: return "0123456789"
        case .amount: return "0123456789,¥円"
        case .postalCode: return "0123456789-〒"
        case .phone: return "0123456789-()"
        case .date, .text, .kana, .checkbox: return nil
        }
    }

    /// Page-segmentation mode: 7 (single line) for every field type.
    public static func psm(for type: FieldType) -> Int { 7 }

    /// Tesseract language: "jpn" for every field type.
    public static func lang(for type: FieldType) -> String { "jpn" }

    /// The field's reading settings with every unset value filled from its type's defaults.
    public static func recognition(for field: FieldDefinition) -> RecognitionSettings {
        let own = field.recognition
        return RecognitionSettings(lang: own?.lang ?? lang(for: field.type),
                                   psm: own?.psm ?? psm(for: field.type),
                                   chars: own?.chars ?? characterSet(for: field.type))
    }
}

extension RecognitionSettings {
    /// The defaults for a field type (see `TypeDefaults`).
    public static func defaults(for type: FieldType) -> RecognitionSettings {
        RecognitionSettings(lang: TypeDefaults.lang(for: type), psm: TypeDefaults.psm(for: type),
                            chars: TypeDefaults.characterSet(for: type))
    }
}
