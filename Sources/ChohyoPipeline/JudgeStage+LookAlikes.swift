import ChohyoCore
import Foundation

/// Characters a person should look at although the value passed its checks: digits and other
/// characters of Japanese text read with a low confidence, look-alikes that jpn swaps with both
/// readings agreeing (末/未, 郎/朗, 斉/斎), and rare twins read for their common look-alike.
/// `JudgeStage.judge(field:form:reading:)` applies them.
extension JudgeStage {
    /// In Japanese text and dates, jpn reads a 0 as 6 or 9 and swaps look-alike kanji (末/未,
    /// 斗/半) with both readings agreeing; the one trace is a lower confidence on that character.
    /// On the tuning hard set, wrong digits inside text came at 90.8–97.3 while 98 % of right
    /// ones were at 97.7 or more (docs/ACCURACY.md, section 3).
    static let minDigitInTextConfidence = 97.5
    /// A weak 0 confirmed by its ring (`DigitRuns.markZerosOnRings`) lets its text through only
    /// when it is the text's one weak spot: every other character read at this or more. On the
    /// seed-430500 held-out set, パークハイツ1201号 read バパークハイツ1201号 on a bilevel scan was
    /// accepted for its 0's ring, with パ at 94.3 and 県 at 92.7. On the saved runs of seven sets
    /// (tuning, seeds 390500–420500, 540500, 550500), 199 of the 209 right values held for weak
    /// 0s alone had every other character at 95 or more.
    static let minBesideZerosOnRings = 95.0
    static let minCharacterInTextConfidence = 90.0
    /// Katakana read from a 200 dpi or bilevel scan loses or gains its voicing marks (ダ/タ,
    /// ゴ/コ, バ/ハ) with both readings agreeing; 6 of 10 such escapes on the tuning hard set
    /// had a character under 97, against 13 of 214 right values.
    static let minKanaConfidence = 97.0
    /// Characters with a look-alike that OCR of Japanese is known to confuse them with (末/未,
    /// 富/冨, 土/士, 千/干, 己/已, 日/曰, 白/自/目, 人/入, 刀/力, 二/ニ, 口/ロ, 工/エ, 夕/タ,
    /// ト/卜, 八/ハ, 一/ー): the wrong one is read with confidence all the same, just not
    /// the highest. On the tuning hard set, 2 of the 5 wrong Japanese values accepted had
    /// such a character under 97 (冨山, 未広町), against 11 of 1,000 right ones.
    /// 郎/朗: 藤原一郎 read 藤原一朗, the 朗 at 93.8, was accepted on the seed-140500 held-out
    /// set, and 竹内太郎 read 竹内太朗 on seed 130500; their kana (イチロウ, タロウ) reads both.
    /// On the tuning set and seed 140500, 4 of the 19 right names with 郎 had it under 97.
    /// 世 and 志, which jpn reads for the 也 of 和也: 原和也 read 原和世 (世 at 95.7) is the one
    /// value of `Samples/` accepted wrong, and 和也 → 和志 / 和世 escaped on six held-out sets;
    /// 和世 and 和志 are names too, so the name list lets them through. On the tuning set and
    /// the seed-140500 and 150500 sets, the 9 values read with 志 were all wrong, and the 21
    /// right ones with 世 (世田谷, 和世) had it at 97 or more, as had the 4 in `Samples/`.
    /// 英, which jpn reads for 葵: 小野葵 read 小野英 (英 at 94.4) on a fax of the seed-160500
    /// set; 英 is a given name too. No right value of these sets holds 英.
    /// 加, which jpn reads for 旭: 福岡市博多区旭町 read 加町 (加 at 90.5) on a scan of the
    /// seed-280500 set, as 旭川 → 加川 on seed 17000. On the tuning set and nine used held-out
    /// sets, the 46 right values with 加 (加藤 above all) had it at 97 or more and 9 of the 10
    /// wrong ones under it. 旭 itself is not held: 36 right values were accepted with it at 90–97.
    /// 半, which jpn reads for the 斗 of values typed in 明朝 (ipa-mincho, a font the reading
    /// was not tuned on): 合同会社北斗 read 北半 was accepted with 半 at 96.8 on the seed-500500
    /// set, and 悠斗 read 悠半 five times. On the tuning set and seeds 310500, 320500 and
    /// 500500, the 15 values read with 半 were all wrong, at 96.8 or less. 半 is written in
    /// names (半田, 半沢), so it is held to the bar rather than sent to a person at any confidence.
    /// 輪, which jpn reads for the 輸 of 運輸: 大和運輸株式会社 read 大和運輪 (輪 at 91.6) was
    /// accepted on a fax of the seed-650500 set; a company's name has no list to check it by. On
    /// the saved runs of eight used held-out sets (590500, 610500–660500 and one before), that
    /// was the one value read with 輪, and of the 114 right values with 輸 whose confidences
    /// pair with their characters, 2 had it under 97 (94.6). 輪 is written in names and places
    /// (三輪, 箕輪, 輪島市), so it too is held to the bar.
    static let confusable: Set<Character> = Set("未末富冨土士千干己已巳日曰白自目人入刀力二ニ口ロ工エ夕タト卜八ハ一ー郎朗世志英壮加半輪")
    static let minConfusableConfidence = 97.0
    /// Variant forms of one kanji that are each written in surnames: 斉藤, 斎藤, 齊藤 and 齋藤
    /// are four families. jpn reads 斉 as 斎 with both readings agreeing and the 斎 at
    /// 97.4–98.6: on the eight held-out sets of seeds 140500–210500, 5 values read so, 2 of
    /// them accepted (seeds 180500 and 210500). Of the 66 right values holding one of the two,
    /// 11 had it under 99 (86.2–98.7), 9 of them accepted. Which variant a resident writes is theirs, and
    /// a tax system keeps it, so these need a surer reading than any other look-alike.
    static let surnameVariants: Set<Character> = ["斉", "斎", "齊", "齋"]
    static let minSurnameVariantConfidence = 99.0
    /// The look-alikes of given names (郎/朗, 也 read 世 or 志, 葵 read 英) need a little more
    /// than the other look-alikes: 森和也 → 森和世 (seed 160500) and 石田太郎 → 石田太朗 (seed
    /// 220500) were both accepted with the wrong character at 97.0, on the bar itself. On the
    /// held-out sets of seeds 140500–220500, the right values with one of them under 97.5 were
    /// 3 (97.2–97.4), the wrong ones 2, both at 97.0.
    /// 壮, which jpn reads for 葵 as it reads 英: 石井葵 read 石井壮 (壮 at 91.2) was accepted on a
    /// fax of the seed-520500 set, its kana unread (half-width on a fax); 壮 is a given name too.
    /// On the tuning set and the nine held-out sets of seeds 310500–350500, 500500–520500, the 6
    /// values read with 壮 were all misread (the generator writes no 壮): 4 wrong in review
    /// already, 1 (葵区 → 壮区) put right by the municipality list, and this one.
    static let nameLookAlikes: Set<Character> = Set("郎朗世志英壮")
    static let minNameLookAlikeConfidence = 97.5
    /// The least confidence of each character with a look-alike: `confusable` at 97, the
    /// look-alikes of given names at 97.5, the variants of surnames at 99.
    static let lookAlikeBars: [Character: Double] = {
        var bars: [Character: Double] = [:]
        for c in confusable { bars[c] = minConfusableConfidence }
        for c in nameLookAlikes { bars[c] = minNameLookAlikeConfidence }
        for c in surnameVariants { bars[c] = minSurnameVariantConfidence }
        return bars
    }()

    /// The rarer character of a look-alike pair, with the common one jpn mistakes for it.
    /// jpn reads 末広町 as 未広町 at 97.0–97.5, 富士見 as 冨士見 at up to 99.2, 船橋 as 般橋
    /// at 98.6 and 人 as 入 at up to 99.2, above the look-alike bar. On the tuning set and
    /// eight used held-out sets (seeds 25000–39000), every value read with one was wrong: 29
    /// with 未, 15 with 冨, 16 with 入, 1 with 般; 5 were accepted. The generator writes none of
    /// them. Real forms do (冨田, 入江, 未来, 巳之助: under 0.1 % of the name list each); such
    /// a value goes to a person.
    /// 朗, which jpn reads for the 郎 of 太郎 and 一郎 above the bar of `nameLookAlikes`:
    /// 高橋太郎 → 高橋太朗 with 朗 at 97.6 (seed 320500) and 斉藤太郎 → 斉藤太朗 at 98.2 (seed
    /// 340500), both accepted. On the tuning set and seeds 310500–340500, 500500 and 510500 the
    /// 5 values read with 朗 were all wrong. 朗 is written in given names (朗, 史朗, 朗子), about
    /// one in eleven of the list's names holding 郎 or 朗; those go to a person too.
    /// 犬, which jpn reads for 大 on a speckled page: 大和不動産株式会社 read 犬和不動産株式会社 by
    /// both readings, 犬 at 99, was accepted on a 200 dpi scan of the seed-860500 held-out set
    /// (and read so on a fax of seed 850500, held for that). On the saved runs of the used sets
    /// of seeds 780500–850500 and the tuning sets (2,100 form pages, 747 values holding 大), that
    /// was the one value read with 犬, and wrong. 犬 is written in places and names (犬山市,
    /// 犬上郡, 犬飼, 犬養); those go to a person too.
    static let rareTwins: [Character: Character] = [
        "未": "末", "冨": "富", "入": "人", "般": "船", "已": "己", "巳": "己", "曰": "日", "卜": "ト", "干": "千",
        "朗": "郎", "犬": "大",
    ]

    /// The rare twins an address is shown mended from, to a person: 末広町 read 未広町 (7 times on
    /// scans of the tuning set and two used held-out sets), 富士見 and 富山 read with 冨 (6),
    /// 船橋 read 般橋. Place names with 未, 冨 or 般 are few; 入 (入間市), 干 (干拓) and
    /// 巳 or 已 are left as read.
    static let addressTwins: Set<Character> = ["未", "冨", "般", "曰", "卜"]

    /// The address with its rare twins (`addressTwins`) put as their common look-alikes, or
    /// nil when it has none.
    static func addressTwinsMended(_ value: String) -> (mended: String, rare: Character, common: Character)? {
        guard let first = value.first(where: { addressTwins.contains($0) }), let common = rareTwins[first] else { return nil }
        return (String(value.map { addressTwins.contains($0) ? rareTwins[$0] ?? $0 : $0 }), first, common)
    }

    /// Two-kanji words jpn reads for a common word, a look-alike kanji swapped, that no name or
    /// place is written with: 富士 read 宮士 (合同会社富士 → 合同会社宮士 accepted at 100, 宮 at
    /// 97.0, on a fax of the seed-710500 set; 富士見 → 宮士見 on a fax of seed 720500). 宮 is
    /// common on its own (宮城, 宮崎), so it is the pair that is looked for. On the saved runs of
    /// the sets of seeds 680500–720500, those were the two values read with 宮士; 218 values
    /// held 富士. 青葉, common in addresses (青葉区, 青葉台, …ハイツ青葉), read 背葉 or 吾葉
    /// (…19号背葉ハイツ402号, 東海村吾葉台…: two addresses on the 300 pages of seed 890500, each
    /// held for a weak character or readings that disagree, and shown so).
    static let lookAlikeWords: [(read: String, common: String)] = [("宮士", "富士"), ("背葉", "青葉"), ("吾葉", "青葉")]

    /// Look-alike words (as `lookAlikeWords`) that a person's name may rightly hold, so looked
    /// for outside fields with a name list only: 富士 read 高士 (富士食品株式会社 → 高士食品株式会社
    /// accepted at 100, 高 at 100, and 富士見 → 高士見 twice in addresses, on faxes of the
    /// seed-750500 set). 高士 is a given name (タカシ). On the saved runs of the held-out sets
    /// of seeds 700500–750500, those three were the values read with 高士.
    static let lookAlikeWordsOutsideNames: [(read: String, common: String)] = [("高士", "富士")]

    /// The value with every look-alike word (`lookAlikeWords`, and `lookAlikeWordsOutsideNames`
    /// unless `inName`) put as the word it stands for, the first one read (in the lists' order)
    /// and its word; nil when it has none.
    static func lookAlikeWordsMended(_ value: String, inName: Bool = false) -> (mended: String, read: String, common: String)? {
        let words = lookAlikeWords + (inName ? [] : lookAlikeWordsOutsideNames)
        guard let first = words.first(where: { value.contains($0.read) }) else { return nil }
        var mended = value
        for word in words { mended = mended.replacingOccurrences(of: word.read, with: word.common) }
        return (mended, first.read, first.common)
    }

    static func rareTwin(in value: String) -> (Character, Character)? {
        for c in value { if let common = rareTwins[c] { return (c, common) } }
        return nil
    }

    /// How `weakCharacter` starts its note on a character (not a digit, not a look-alike) read
    /// below the bar.
    static let weakCharacterPrefix = "a character read with confidence "

    /// Why a person should look at an otherwise confident Japanese value, or nil.
    /// - Parameter zerosOnRings: indices of 0s whose glyphs confirm them (`DigitRuns.markZerosOnRings`):
    ///   not held to `minDigitInTextConfidence` when every other character of the text is read
    ///   at `minBesideZerosOnRings` or more.
    static func weakCharacter(_ text: String, _ confidences: [Double], zerosOnRings: Set<Int> = [],
                              minOther: Double = minCharacterInTextConfidence) -> String? {
        let chars = Array(text.filter { !$0.isWhitespace })
        guard chars.count == confidences.count else { return nil }
        let others = confidences.indices.filter { !(chars[$0] == "0" && zerosOnRings.contains($0)) }
        let ringsConfirm = others.allSatisfy { confidences[$0] >= minBesideZerosOnRings }
        for (i, (c, conf)) in zip(chars, confidences).enumerated() {
            if c.isASCII, c.isNumber, conf < minDigitInTextConfidence, !(ringsConfirm && c == "0" && zerosOnRings.contains(i)) {
                return "a digit in the text read with confidence \(Router.format(conf)), below \(Router.format(minDigitInTextConfidence))"
            }
            // Any other character, a Latin letter or an ASCII mark as much as a kanji: jpn reads
            // 丸一 as 丸- with the - at 87 (seed-15000 held-out set).
            if conf < minOther {
                return weakCharacterPrefix + "\(Router.format(conf)), below \(Router.format(minOther))"
            }
            if let bar = lookAlikeBars[c], conf < bar {
                return surnameVariants.contains(c)
                    ? "\(c) read with confidence \(Router.format(conf)), below \(Router.format(bar)): 斉, 斎, 齊 and 齋 are each written in surnames, and jpn reads one for another"
                    : "a character with a look-alike read with confidence \(Router.format(conf)), below \(Router.format(bar))"
            }
        }
        return nil
    }
}
