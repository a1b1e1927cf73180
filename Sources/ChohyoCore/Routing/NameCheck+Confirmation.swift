extension NameCheck {
    /// Whether a kana is confirmed by the name beside it: a usual reading (not one marked rare)
    /// of that name, known to the list, and such that no look-alike of any one of its
    /// characters (`lookAlike`: a voicing mark, ユ/コ, a slant; or `sizeTwins`, ョ/ヨ) also makes a
    /// usual reading of the name (タカバシ, marked rare, leaves タカハシ confirmed beside 高橋).
    /// The kana's misreadings that the per-character bar and the second reading guard against
    /// are voicing marks lost or gained with both readings agreeing (ヤマザキ → ヤマサキ):
    /// beside 山崎, which reads both ways, the name confirms neither;
    /// beside 渡辺 (ワタナベ, no ワタナヘ) it confirms ワタナベ. The name must itself have been
    /// accepted: a misread name can be another known name (村田和也 read 村田和志).
    public static func confirms(kana: String, name: String, list: PersonNameList) -> Bool {
        let splits = list.splits(name)
        guard !splits.isEmpty else { return false }
        let readings = Set(splits.flatMap(\.readings))
        let bare = Array(PersonNameList.katakana(kana).filter { !$0.isWhitespace })
        guard !bare.isEmpty, readings.contains(String(bare)), !list.isRareReading(String(bare), of: name) else { return false }
        for i in bare.indices {
            for other in lookAlikes(of: bare[i]) + sizeTwins(of: bare[i]) {
                var k = bare
                k[i] = other
                if readings.contains(String(k)), !list.isRareReading(String(k), of: name) { return false }
            }
        }
        return true
    }

    /// The small or full-size twin of a kana (ャ/ヤ, ッ/ツ, ァ/ア …), told apart by size alone.
    static func sizeTwins(of c: Character) -> [Character] {
        if let large = smallKana[c] { return [large] }
        return smallKana.filter { $0.value == c }.map(\.key)
    }

    /// Small kana and their full-size twins: the small vowels (`smallVowels`) and ャュョッヮ.
    static let smallKana: [Character: Character] = smallVowels.merging(["ャ": "ヤ", "ュ": "ユ", "ョ": "ヨ", "ッ": "ツ", "ヮ": "ワ"]) { a, _ in a }
}
