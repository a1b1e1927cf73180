/// A small kana of a building word read full-size: シティ read シテイ.
extension BuildingWords {
    /// On a scan of the seed-940500 held-out set, …14号シティレジデンス1201号 was read
    /// …14号シテイレジデンス1201号, every character at 98.9 or more, and accepted: jpn takes a
    /// small ィ for a full-size イ with full confidence. Where an address holds a building word
    /// (`words`) but for the size of its small kana (ィ, ョ …), the word is what was written;
    /// the value is shown so, to a person.
    public static func smallKanaMended(_ address: String) -> String? {
        var chars = Array(address)
        let full = chars.map(fullSize)
        var changed = false
        for word in words {
            let w = Array(word), key = w.map(fullSize)
            guard key != w else { continue }
            var i = 0
            while i + key.count <= full.count {
                if Array(full[i..<(i + key.count)]) == key {
                    if Array(chars[i..<(i + key.count)]) != w {
                        chars.replaceSubrange(i..<(i + key.count), with: w)
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

    /// A small katakana (ァ ィ ゥ ェ ォ ッ ャ ュ ョ ヮ) as its full-size twin; any other character as it is.
    static func fullSize(_ c: Character) -> Character {
        let small: [Character: Character] = ["ァ": "ア", "ィ": "イ", "ゥ": "ウ", "ェ": "エ", "ォ": "オ",
                                             "ッ": "ツ", "ャ": "ヤ", "ュ": "ユ", "ョ": "ヨ", "ヮ": "ワ"]
        return small[c] ?? c
    }
}
