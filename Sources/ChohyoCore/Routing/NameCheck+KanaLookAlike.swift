/// A name held for a person, read with a kanji jpn reads for a look-alike of it, where the kana
/// beside it reads the name with the look-alike and not as read: 伊藤亮 read 伊藤完 beside
/// イトウリョウ. 完 is a given name too, so the list passes the name as read, and
/// `showNamePutRight` finds many names a character away that the kana reads (伊藤亮, 伊藤涼,
/// 伊藤良 …), so it shows none. When exactly one look-alike of `kanaLookAlikeKanji` put back
/// makes a name the kana reads, the name is shown so; it stays with a person.
///
/// The pairs, each a kanji sharing a part with the one it was read for, from the used sets of
/// seeds 890500 and 900500 run again: 亮 read 完 (伊藤完, 斎藤完 beside イトウリョウ and the
/// account holder's サイトウリョウ) and 吉 (近藤吉 beside コンドウリョウ), 裕 read 容 (石井容子
/// beside イシイユウコ). Each name was in review, its kana right. 完, 吉 and 容子 are names too,
/// and are left as read when the kana reads them so. `lookAlikeKanji` and
/// `lookAlikeGivenNames` are asked too, for names the list knows as read.
extension NameCheck {
    /// A kanji jpn reads, and the kanji of names it reads it for.
    static let kanaLookAlikeKanji: [Character: [Character]] = [
        "完": ["亮"], "吉": ["亮"], "容": ["裕"],
    ]

    static func kanaLookAlikePutBack(_ read: Character, _ put: Character) -> String {
        "name list: the kana reads the name with \(put) for the \(read) read, a look-alike jpn reads so; shown with \(put)"
    }

    /// The one name a kana reads when one kanji of `name` is put back for the look-alike jpn
    /// reads for it, with the kanji read and put back; nil when the kana reads the name as read,
    /// or reads none or more than one so.
    static func kanaLookAlikeMended(_ name: String, kana: String, list: PersonNameList) -> (shown: String, read: Character, put: Character)? {
        guard !list.reads(name, as: kana) else { return nil }
        let chars = Array(name)
        var found: [(String, Character, Character)] = []
        for (i, c) in chars.enumerated() {
            for put in Set((kanaLookAlikeKanji[c] ?? []) + [lookAlikeKanji[c], lookAlikeGivenNames[c]].compactMap { $0 }) {
                var m = chars
                m[i] = put
                let shown = String(m)
                if list.reads(shown, as: kana) { found.append((shown, c, put)) }
            }
        }
        return found.count == 1 ? found[0] : nil
    }

    /// Shows each name not accepted with a look-alike kanji put back when its kana, the name's
    /// own or the family's (an account holder's), read confidently (`shownByKana`), reads it so.
    static func showNamesSettledByKanaLookAlike(_ definition: FormDefinition, lists: [String: PersonNameList],
                                                in fields: inout [String: FieldResult]) {
        for (field, list, value) in namesRead(definition, lists: lists, fields) where field.nameAfterDepartment != true {
            guard var result = fields[field.key], result.status != .accepted,
                  let bare = kanaRead(definition, fields, { $0.readingOf == field.key || $0.familyReadingOf == field.key }, shownByKana)
            else { continue }
            let name = value.filter { !$0.isWhitespace }
            guard let (shown, read, put) = kanaLookAlikeMended(name, kana: bare, list: list) else { continue }
            result.value = shown
            result.reason += "; " + kanaLookAlikePutBack(read, put)
            fields[field.key] = result
        }
    }
}
