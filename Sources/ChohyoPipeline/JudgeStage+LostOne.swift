import ChohyoCore

/// Two thin 1s side by side run together on a light page, and are read as one: 15番11号 read
/// 15番1号, 11丁目 read 1丁目. On the saved runs of the used sets of seeds 780500–840500 and the
/// tuning sets 960001 and 960002, this was the commonest misreading of an address shown to a
/// person (13 of 484 wrong values on pages not too faint to read), each in review already.
/// When the readings of an address disagree and another reading is the one shown with a 1
/// more beside a 1, that reading is shown: the one that lost a 1 is the likelier. It only
/// changes the value shown to the person who checks the field. On those runs it put 2 of the
/// 13 right (the others had no reading with both 1s) and changed no other value.
/// Dates lose a 1 the same way (11月 read 1月, 3月11日 read 3月1日, 平成11年 read 平成1年: 14 of
/// the 28 wrong dates on pages not too faint, on the saved runs of the used sets of seeds
/// 780500–850500 and the tuning sets). The first reading counts as much as the later ones,
/// also when the other two outvote it: 8月11日 read 8月1日 by the second and third readings.
/// On those runs (2,100 form pages), dates and the first reading put 4 more values right, each
/// in review, and changed no other value.
extension JudgeStage {
    static let lostOneNote = "another reading holds a 1 more beside a 1: two 1s side by side are often read as one, so that reading is shown"

    /// What the lost-1 check compares of a reading, given its value and its text: an address's
    /// value; a date's text without its spaces (平成7年3月1日 beside 平成7年3月11日), since its
    /// value (1995-03-01 beside 1995-03-11) writes the lost 1 as a 0. Other fields: none.
    static func lostOneCompared(_ field: FieldDefinition) -> ((String, String) -> String)? {
        if field.type == .text, Prefecture.holdsAddress(field) { return { value, _ in value } }
        if field.type == .date { return { _, text in text.filter { !$0.isWhitespace } } }
        return nil
    }

    /// Whether `other` is `shown` with one 1 more, put beside a 1: a 1 read twice over
    /// (`OneCharacterOff.doubledAt`).
    static func losesAOneBesideAOne(_ shown: String, _ other: String) -> Bool {
        let b = Array(other)
        guard let at = OneCharacterOff.doubledAt(b[...], Array(shown)) else { return false }
        return b[at] == "1"
    }
}
