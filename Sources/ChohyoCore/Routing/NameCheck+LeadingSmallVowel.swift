/// A kana the list does not know that starts with a small vowel (ァィゥェォ): no word, Japanese
/// or loanword, starts with one, so jpn either read a full-size vowel small (イシダマイ read
/// ィシダマイ on a scan of the seed-920500 held-out set) or read a speck or a stroke beside the
/// first kana as one (イシイアヤ read ィイシイアヤ on the seed-910500 set). The kana is shown
/// with the vowel made full size when that makes a known reading, or else without it when that
/// does; it stays with a person.
extension NameCheck {
    static func leadingSmallVowelPutRight(_ vowel: Character, _ full: Character) -> String {
        "a kana starts with the small \(vowel), as no name's reading does; shown with \(full)"
    }

    static func leadingSmallVowelDropped(_ vowel: Character) -> String {
        "a kana starts with the small \(vowel), as no name's reading does; shown without it"
    }

    /// The kana shown, if any.
    static func showLeadingSmallVowelMended(_ key: String, _ kana: String, list: PersonNameList,
                                            in fields: inout [String: FieldResult]) -> String? {
        let bare = PersonNameList.katakana(kana).filter { !$0.isWhitespace }
        guard let first = bare.first, let full = smallVowels[first], bare.count >= 3,
              var result = fields[key], result.status != .accepted else { return nil }
        let enlarged = String(full) + bare.dropFirst(), dropped = String(bare.dropFirst())
        if list.isKnownReading(enlarged) {
            result.value = enlarged
            result.reason += "; " + leadingSmallVowelPutRight(first, full)
        } else if list.isKnownReading(dropped) {
            result.value = dropped
            result.reason += "; " + leadingSmallVowelDropped(first)
        } else {
            return nil
        }
        fields[key] = result
        return result.value
    }
}
