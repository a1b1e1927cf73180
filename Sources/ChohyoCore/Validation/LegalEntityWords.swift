/// The words that name a body's legal form (株式会社, 有限会社, 社会福祉法人 …), and their
/// misreadings by one character.
///
/// 協和運輸株式会社 was read 協和運輸林式会社 at 99.9, 株 → 林 at 98.4, by both readings on a fax of
/// the seed-160500 held-out set, and accepted: a company's name is free, so no list holds it.
/// But its legal form is one of a few words, and 林式会社 is none of them. On the tuning set and
/// the held-out sets of seeds 140500–160500, all 12 values with such a word one character off
/// (牧式会社, 柏式会社, 除式会社 …) were wrong.
public enum LegalEntityWords {
    /// Legal forms of four characters or more, so that one character off is still most of the
    /// word. Several differ from each other by one character (合同会社, 合名会社, 合資会社): a
    /// run that is one of them is never taken for a misreading of another.
    public static let words: [String] = [
        "株式会社", "有限会社", "合同会社", "合名会社", "合資会社", "相互会社",
        "一般社団法人", "一般財団法人", "公益社団法人", "公益財団法人", "社会福祉法人",
        "医療法人", "学校法人", "宗教法人", "特定非営利活動法人", "独立行政法人",
        "社団法人", "財団法人", "監査法人", "弁護士法人", "税理士法人", "司法書士法人",
    ]

    static let patterns: [[Character]] = words.map(Array.init)

    /// A misread legal-form word in a name: the name with it put right when exactly one word is
    /// one character off the run (`mended`), else as read; nil when the name holds none.
    public static func misread(in name: String) -> (shown: String, mended: Bool)? {
        var chars = Array(name)
        var found = false, ambiguous = false
        var i = 0
        while i < chars.count {
            var fits: [[Character]] = []
            var exact: Int? = nil
            for word in patterns where i + word.count <= chars.count {
                let run = chars[i..<(i + word.count)]
                if run.elementsEqual(word) {
                    exact = max(exact ?? 0, word.count)
                } else if OneCharacterOff.misreadAt(run, word[...]) != nil {
                    fits.append(word)
                }
            }
            if let exact {
                i += exact
                continue
            }
            if !fits.isEmpty {
                found = true
                if fits.count == 1, let word = fits.first {
                    chars.replaceSubrange(i..<(i + word.count), with: word)
                    i += word.count
                    continue
                }
                ambiguous = true   // 合X会社: 合同, 合名 or 合資
            }
            i += 1
        }
        guard found else { return nil }
        return (String(chars), !ambiguous)
    }
}
