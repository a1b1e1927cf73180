import ChohyoCore

/// Two thin 1s side by side run together on a light page, and are read as one: 15番11号 read
/// 15番1号, 11丁目 read 1丁目. On the saved runs of the used sets of seeds 780500–840500 and the
/// tuning sets 960001 and 960002, this was the commonest misreading of an address shown to a
/// person (13 of 484 wrong values on pages not too faint to read), each in review already.
/// When the readings of an address disagree and another reading is the one shown with a 1
/// more beside a 1, that reading is shown: the one that lost a 1 is the likelier. It only
/// changes the value shown to the person who checks the field. On those runs it put 2 of the
/// 13 right (the others had no reading with both 1s) and changed no other value.
extension JudgeStage {
    static let lostOneNote = "another reading holds a 1 more beside a 1: two 1s side by side are often read as one, so that reading is shown"

    /// Whether `other` is `shown` with one 1 more, put beside a 1: a 1 read twice over
    /// (`OneCharacterOff.doubledAt`).
    static func losesAOneBesideAOne(_ shown: String, _ other: String) -> Bool {
        let b = Array(other)
        guard let at = OneCharacterOff.doubledAt(b[...], Array(shown)) else { return false }
        return b[at] == "1"
    }
}
