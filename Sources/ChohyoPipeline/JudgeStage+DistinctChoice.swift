import ChohyoCore

/// A choice read exactly, far from every other choice: its weak characters are no doubt.
extension JudgeStage {
    /// Least number of edits between the choice read and every other choice of the field for
    /// a weak character (`weakCharacter`) not to hold it. 給与支払報告書's 種別 read 給料・賞与,
    /// every character in its place, with one at 80–89.9, went to a person: 10 right values on
    /// the faxes and scans of the seed-920500 and 930500 sets (6 and 4), now accepted. To be another choice it would have
    /// to be misread in three characters or more (給料 or 賞与 with ・賞与 or 給料・ added), each
    /// read into the very characters of a choice. A choice a lost character could turn into
    /// another (給料 from 給料・賞与, 給料 and 賞与 two edits apart) is held as before.
    static let minEditsToAnotherChoice = 3

    /// Whether the text read, spaces left out, is one of the field's choices, each of its other
    /// choices lies `minEditsToAnotherChoice` edits or more from it, and none of its characters
    /// was read under the confidence the field asks of a whole value (`minConfidence`).
    static func readsChoiceFarFromTheOthers(_ text: String, value: String?, field: FieldDefinition,
                                            characters: [Double], minConfidence: Double) -> Bool {
        guard let choices = field.choices, let value, choices.contains(value),
              TextNormalizer.removingSpaces(text) == value,
              characters.allSatisfy({ $0 >= minConfidence }) else { return false }
        return choices.allSatisfy { $0 == value || Levenshtein.distance($0, value) >= minEditsToAnotherChoice }
    }
}
