/// Given names of one kanji that jpn reads for a common one that looks alike. 蓮 is read 運
/// (工藤蓮 → 工藤運, accepted at 97.8 on a fax of the half-width seed-540500 set), 夢 (柴田蓮,
/// 増田蓮, 安藤蓮, 原蓮 on the tuning set and seeds 400500 and 540500, each in review for another
/// reason) or 通 (田村蓮 → 田村通, accepted on a fax of seed 190500). Each is a given name of the
/// list, so the list passes it; as given names all three are rare. Of the saved runs of the
/// tuning set and seeds 390500–410500, 530500 and 540500, every person's name read with one of
/// them after a family name was wrong (5, one of them accepted), each a 蓮. Such a name goes to a
/// person at any confidence, shown with 蓮; a real 夢 or 通 is held too, a right value held back,
/// as 冨田 and 入江 are (`JudgeStage.rareTwins`).
extension NameCheck {
    static let lookAlikeGivenNames: [Character: Character] = ["運": "蓮", "夢": "蓮", "通": "蓮"]

    static func lookAlikeGivenName(_ read: Character, _ common: Character) -> String {
        "name list: \(read) as a given name after a family name, where jpn reads \(common) so; shown with \(common)"
    }

    /// Flags each name field (a field with a name list) whose value ends in one of
    /// `lookAlikeGivenNames` right after a known family name (or, for a contact, after a
    /// department and a family name), and shows it with the common kanji.
    static func checkLookAlikeGivenNames(_ definition: FormDefinition, lists: [String: PersonNameList],
                                         in fields: inout [String: FieldResult]) {
        for field in definition.fields where field.type == .text {
            guard let list = lists[field.key], let value = nonEmptyValue(fields[field.key]) else { continue }
            let name = value.filter { !$0.isWhitespace }
            guard let last = name.last, let common = lookAlikeGivenNames[last] else { continue }
            let before = String(name.dropLast())
            guard list.isFamilyName(before) || field.nameAfterDepartment == true && list.isDepartmentAndName(before) else { continue }
            flag(field.key, lookAlikeGivenName(last, common), in: &fields)
            fields[field.key]?.value = before + String(common)
        }
    }
}
