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

    /// Tesseract language. Number-like fields are read with "eng", whose digits are
    /// markedly better than jpn's (8/6 and 0/9 confusions in jpn on 6 sample pages:
    /// 9 of 72 digit fields wrong with jpn, 2 with eng); the rest with "jpn".
    /// A postal code starts with 〒, which only jpn knows.
    public static func lang(for type: FieldType) -> String {
        switch type {
        case .digits, .myNumber, .corporateNumber, .amount, .phone: return "eng"
        default: return "jpn"
        }
    }

    /// The language of the second, verifying reading (see `RecognitionSettings.verifyLang`),
    /// or nil for none. Number-like fields are read by both models: a digit both
    /// models agree on is far less likely to be wrong than either alone. Japanese
    /// text is read a second time by jpn at another scale (`verifyScale`).
    public static func verifyLang(for type: FieldType) -> String? {
        switch type {
        case .digits, .myNumber, .corporateNumber, .amount, .phone: return "jpn"
        case .postalCode: return "eng"
        case .text, .kana, .date: return "jpn"
        case .checkbox: return nil
        }
    }

    /// Image scale of the verifying reading: 1 when another model reads, 0.75 when
    /// the same model reads again (on 30 samples every wrong jpn reading of a text
    /// field came out differently at 0.75).
    public static func verifyScale(for type: FieldType) -> Double {
        lang(for: type) == verifyLang(for: type) ? 0.75 : 1
    }

    /// The field's reading settings with every unset value filled from its type's defaults.
    public static func recognition(for field: FieldDefinition) -> RecognitionSettings {
        let own = field.recognition
        return RecognitionSettings(lang: own?.lang ?? lang(for: field.type),
                                   psm: own?.psm ?? psm(for: field.type),
                                   chars: own?.chars ?? characterSet(for: field.type),
                                   verifyLang: own?.verifyLang ?? verifyLang(for: field.type),
                                   verifyScale: own?.verifyScale ?? verifyScale(for: field.type))
    }
}

extension RecognitionSettings {
    /// The defaults for a field type (see `TypeDefaults`).
    public static func defaults(for type: FieldType) -> RecognitionSettings {
        RecognitionSettings(lang: TypeDefaults.lang(for: type), psm: TypeDefaults.psm(for: type),
                            chars: TypeDefaults.characterSet(for: type), verifyLang: TypeDefaults.verifyLang(for: type),
                            verifyScale: TypeDefaults.verifyScale(for: type))
    }
}
