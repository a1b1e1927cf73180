/// A small kana of a building word read full-size: シティ read シテイ.
extension BuildingWords {
    /// On a scan of the seed-940500 held-out set, …14号シティレジデンス1201号 was read
    /// …14号シテイレジデンス1201号, every character at 98.9 or more, and accepted: jpn takes a
    /// small ィ for a full-size イ with full confidence. Where an address holds a building word
    /// (`words`) but for the size of its small kana (ィ, ョ …), the word is what was written;
    /// the value is shown so, to a person.
    public static func smallKanaMended(_ address: String) -> String? {
        wordsPutRight(in: address, patterns: smallKanaPatterns, key: fullSize)
    }

    /// The building words holding a small kana, and the same with it full-size.
    static let smallKanaPatterns: [(word: [Character], key: [Character])] =
        words.map { (Array($0), $0.map(fullSize)) }.filter { $0.word != $0.key }

    /// Each small katakana and its full-size twin.
    static let fullSizeTwins: [Character: Character] = ["ァ": "ア", "ィ": "イ", "ゥ": "ウ", "ェ": "エ", "ォ": "オ",
                                                        "ッ": "ツ", "ャ": "ヤ", "ュ": "ユ", "ョ": "ヨ", "ヮ": "ワ"]

    /// A small katakana as its full-size twin; any other character as it is.
    static func fullSize(_ c: Character) -> Character { fullSizeTwins[c] ?? c }
}
