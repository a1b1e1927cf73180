/// A name read with a mark between its parts: a speck or the end of a rule between the family
/// and the given name, read as ・, 、, - or the like. Japanese names carry none, so such a name
/// is unknown to the list and already goes to a person, but it was shown with the mark and the
/// clerk typed it again: 中村健一 read 中村・健一 (seed 590500), 大野正樹 read 大野、正樹 and
/// 清水正樹 read 清水・正樹, and the contact 総務課太田 read 総務課-太田 (seed 620500). On the saved
/// runs of the seed-590500, 610500 and 620500 sets and one earlier 320-page set, these 4 were
/// every name read so. When taking the one mark out leaves a known name (or a department and a
/// known name, for a contact), the name is shown without it; it stays with a person.
extension NameCheck {
    /// Marks OCR reads for a speck between two characters.
    static let strayMarks: Set<Character> = ["・", "･", "、", "，", ",", "。", ".", "．", "-", "‐", "－", "ー", "―"]

    static func strayMarkTakenOut(_ mark: Character) -> String {
        "shown without the \(mark) between the parts of the name: a speck may have been read as one"
    }

    /// The name with its one mark taken out, when the mark stands between two characters that
    /// are not ASCII and the rest is a known name; nil otherwise.
    static func withoutStrayMark(_ value: String, list: PersonNameList, afterDepartment: Bool) -> (shown: String, mark: Character)? {
        let chars = Array(value)
        let marks = chars.indices.filter { strayMarks.contains(chars[$0]) }
        guard marks.count == 1, let at = marks.first, at > 0, at + 1 < chars.count else { return nil }
        func letter(_ i: Int) -> Character? {
            var j = i
            while chars.indices.contains(j), chars[j].isWhitespace { j += i < at ? -1 : 1 }
            return chars.indices.contains(j) ? chars[j] : nil
        }
        guard let before = letter(at - 1), let after = letter(at + 1), !before.isASCII, !after.isASCII,
              !strayMarks.contains(before), !strayMarks.contains(after) else { return nil }
        var shown = chars
        shown.remove(at: at)
        let name = String(shown)
        guard isKnown(name, list: list, afterDepartment: afterDepartment) else { return nil }
        return (name, chars[at])
    }

    /// Shows each name field the list does not know without its one stray mark, when that
    /// makes it known. Only a field not accepted is changed.
    static func showNamesWithoutStrayMarks(_ definition: FormDefinition, lists: [String: PersonNameList],
                                           in fields: inout [String: FieldResult]) {
        showNamesMended(definition, lists: lists, in: &fields) { value, list, afterDepartment in
            withoutStrayMark(value, list: list, afterDepartment: afterDepartment).map { ($0.shown, strayMarkTakenOut($0.mark)) }
        }
    }
}
