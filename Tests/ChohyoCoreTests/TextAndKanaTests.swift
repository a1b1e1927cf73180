import XCTest
@testable import ChohyoCore

final class TextAndKanaTests: XCTestCase {
    func testTextSpacesBetweenJapaneseAreRemoved() {
        XCTAssertEqual(validate("東 京 都 千 代 田 区", .text).value, "東京都千代田区")
        XCTAssertEqual(validate("山田　太郎", .text).value, "山田太郎")
        XCTAssertEqual(validate("  千代田区   1-2-3  ", .text).value, "千代田区1-2-3", "a space next to a CJK character is Tesseract's, not the writer's")
        XCTAssertEqual(validate("ABC  Corp", .text).value, "ABC Corp")
        XCTAssertEqual(validate("株式会社 ABC 商事", .text).value, "株式会社ABC商事")
        XCTAssertEqual(validate("ABC Holdings 株式会社", .text).value, "ABC Holdings株式会社", "spaces between Latin words stay")
        XCTAssertEqual(validate("東京都、 千代田区", .text).value, "東京都、千代田区")
        XCTAssertEqual(validate("１２ 番地", .text).value, "１２番地", "full-width forms count as CJK; text keeps them as written")
        XCTAssertEqual(validate("a\t\n b", .text).value, "a b")
    }

    func testTextEmpty() {
        XCTAssertEqual(validate("", .text), .invalid("required field is empty"))
        XCTAssertEqual(validate(" \u{3000} ", .text), .invalid("required field is empty"))
        XCTAssertEqual(validate("\u{3000}", .text, required: false), .ok(""))
    }

    func testAnASCIIBracketInsideTextIsAStrayMark() {
        XCTAssertEqual(validate("愛知県岡崎市桜台6丁目23番1]号", .text),
                       .invalid("stray mark \"]\" inside the text: a speck or a rule read as a character"))
        XCTAssertFalse(validate("コスモハイツ120}号", .text).valid)
        XCTAssertFalse(validate("[山田太郎", .text).valid)
        XCTAssertEqual(validate("株式会社（本社）", .text).valid, true, "full-width parentheses are left alone")
    }

    func testTextStartingWithAFormulaSignGoesToAPerson() {
        for text in ["=HYPERLINK(\"http://x\",\"山田\")", "+81 3 1234", "@SUM(A1)", "-1 Co."] {
            let outcome = validate(text, .text)
            XCTAssertFalse(outcome.valid, text)
            XCTAssertTrue(outcome.reason?.contains("a spreadsheet would run it as a formula") == true, "\(text): \(String(describing: outcome.reason))")
        }
        // A dash a rule left before Japanese text is dropped as before, not held.
        XCTAssertEqual(validate("-大阪府堺市北区1丁目", .text).value, "大阪府堺市北区1丁目")
        XCTAssertEqual(validate("A=B商事", .text).valid, true, "a sign inside is not a formula")
        // Between two Japanese characters it is a stray mark (seed 530500), still no formula.
        XCTAssertEqual(validate("山田=太郎", .text).reason?.contains("formula"), false)
    }

    func testStrayMarksAtTheEdgesAreDroppedAndInsideGoToAPerson() {
        // Rule stubs and specks read at the start or end of a Japanese value (held-out escapes).
        XCTAssertEqual(validate("|大阪府東大阪市富士見2丁目21番6号", .text).value, "大阪府東大阪市富士見2丁目21番6号")
        XCTAssertEqual(validate("、|社会福祉法人湘南会", .text).value, "社会福祉法人湘南会")
        XCTAssertEqual(validate("株式会社さくら製作所.", .text).value, "株式会社さくら製作所")
        XCTAssertEqual(validate("池田正樹・", .text).value, "池田正樹")
        // A full stop after Latin letters is part of the name; "、" inside stays (it is written).
        XCTAssertEqual(validate("ABC Co., Ltd.", .text).value, "ABC Co., Ltd.")
        XCTAssertEqual(validate("東京都、千代田区", .text).value, "東京都、千代田区")
        XCTAssertEqual(validate("ジョン・スミス", .text).value, "ジョン・スミス")
        // Inside a Japanese value a full stop or a bar is a misreading: invalid, with the reason.
        let dot = validate("小林.健一", .text)
        XCTAssertNil(dot.value)
        XCTAssertTrue(dot.reason?.contains("stray mark") == true)
        XCTAssertNil(validate("山田|太郎", .text).value)
        // So is a quote or another ASCII speck between two Japanese characters (held-out seed
        // 25000: 人事部"上田, accepted); between Latin letters an apostrophe is written.
        let quote = validate("人事部\"上田", .text)
        XCTAssertNil(quote.value)
        XCTAssertEqual(quote.reason?.hasPrefix("stray mark \"\"\""), true, quote.reason ?? "")
        XCTAssertNil(validate("総務課'山本", .text).value)
        XCTAssertEqual(validate("O'Neil商事", .text).value, "O'Neil商事")
        // And an arithmetic or comparison sign (seed 530500: 南町1丁目 read 南町+丁目 at 99.9).
        let plus = validate("長野県松本市南町 + 丁 目 11 番 21 号", .text)
        XCTAssertNil(plus.value)
        XCTAssertEqual(plus.reason, "stray mark \"+\" inside the text: a speck or a rule read as a character")
        for read in ["は生*・っ", "DIトPSじ>もセル", "山田=太郎", "株式会社<光"] { XCTAssertNil(validate(read, .text).value, read) }
        XCTAssertEqual(validate("A+B商事", .text).value, "A+B商事", "between Latin letters a sign is written")
        // A long-vowel mark follows only kana: after a kanji it is a rule or dash read as ー
        // (held-out seed 17000: "…18号ー", "…101号ーー"), or 一 misread.
        let bar = validate("神奈川県川崎市中原区若葉2丁目12番18号ー", .text)
        XCTAssertNil(bar.value)
        XCTAssertEqual(bar.reason, "stray mark \"ー\" inside the text: a speck or a rule read as a character")
        XCTAssertNil(validate("株式会社丸ー", .text).value)
        XCTAssertEqual(validate("コーポ青葉203号", .text).value, "コーポ青葉203号")
        XCTAssertEqual(validate("スーパーマーケット", .text).value, "スーパーマーケット")
        // A dash at an end touching Japanese is a speck (held-out seed 27000: "…13番10号-", accepted
        // at 99.6); touching a digit or a Latin letter it stays, as a character may be missing.
        XCTAssertEqual(validate("長野県長野市寿町6丁目13番10号-", .text).value, "長野県長野市寿町6丁目13番10号")
        XCTAssertEqual(validate("東京都大田区朝日町1丁目8番8号 −", .text).value, "東京都大田区朝日町1丁目8番8号")
        XCTAssertEqual(validate("-株式会社青葉", .text).value, "株式会社青葉")
        XCTAssertEqual(validate("青葉ビル3-", .text).value, "青葉ビル3-")
        XCTAssertEqual(validate("ABC-", .text).value, "ABC-")
        // Nothing but marks is not a value, even in an optional field.
        XCTAssertNil(validate(" . | ", .text, required: false).value)
    }

    func testTextNormalizerPieces() {
        XCTAssertEqual(TextNormalizer.halfWidthDigitsAndLatin("０９ＡＺａｚ漢ア"), "09AZaz漢ア")
        XCTAssertEqual(TextNormalizer.collapseSpaces("  a \u{3000} b  "), "a b")
        XCTAssertEqual(TextNormalizer.removeSpacesBetweenCJK("日 本 a 本"), "日本a本")
        XCTAssertEqual(TextNormalizer.removeSpacesBetweenCJK("城南 6 丁目 5 番"), "城南6丁目5番")
        XCTAssertEqual(TextNormalizer.removeSpacesBetweenCJK("ABC Corp 日本"), "ABC Corp日本")
    }

    func testKanaHalfWidthAndVoiced() {
        XCTAssertEqual(validate("ｶﾞｯｺｳ", .kana).value, "ガッコウ")
        XCTAssertEqual(validate("ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ", .kana).value, "パピプペポ")
        XCTAssertEqual(validate("ﾔﾏﾀﾞ ﾀﾛｳ", .kana).value, "ヤマダタロウ")
        XCTAssertEqual(validate("ｳﾞｧｲｵﾘﾝ", .kana).value, "ヴァイオリン")
        XCTAssertEqual(validate("ｽｽﾞｷｰ･ｲﾁﾛｰ", .kana).value, "スズキー・イチロー")
    }

    func testKanaHiraganaAndSpaces() {
        XCTAssertEqual(validate("やまだ たろう", .kana).value, "ヤマダタロウ")
        XCTAssertEqual(validate("ヤマダ　タロウ", .kana).value, "ヤマダタロウ")
        XCTAssertEqual(validate("がっこう", .kana).value, "ガッコウ")
        XCTAssertEqual(validate("ヴェ", .kana).value, "ヴェ")
        XCTAssertEqual(validate("カ\u{3099}", .kana).value, "ガ", "combining voicing mark is joined")
    }

    func testKanaRejectsOtherScripts() {
        for text in ["山田", "YAMADA", "ヤマダ1", "ヤマダ Taro", "ﾞ"] {
            let outcome = validate(text, .kana)
            XCTAssertEqual(outcome.reason, "not katakana", text)
            XCTAssertNil(outcome.value)
        }
        XCTAssertEqual(validate("", .kana, required: false), .ok(""))
    }

    func testKanaNormalizerPieces() {
        XCTAssertEqual(KanaNormalizer.toFullWidthKatakana("ｱｲｳｴｵﾝ"), "アイウエオン")
        XCTAssertEqual(KanaNormalizer.toFullWidthKatakana("ぁゖゝ"), "ァヶヽ")
        XCTAssertTrue(KanaNormalizer.isAllKatakana("ァヴー・ヶ"))
        XCTAssertFalse(KanaNormalizer.isAllKatakana(""))
        XCTAssertFalse(KanaNormalizer.isAllKatakana("ア ア"))
    }

    /// Kana readings of the tuning and used held-out sets that failed as no katakana for a
    /// speck read as a mark of its own, between the names or after them.
    func testSpecksReadAsMarksOfTheirOwnAreDroppedFromAKana() {
        XCTAssertEqual(KanaNormalizer.specksDropped("ハラ . サ トシ"), "ハラ サ トシ")
        XCTAssertEqual(KanaNormalizer.specksDropped("フジ タ ハナ コ ."), "フジ タ ハナ コ")
        XCTAssertEqual(KanaNormalizer.specksDropped("タニ グチ ア ケ ミ \""), "タニ グチ ア ケ ミ")
        XCTAssertEqual(KanaNormalizer.specksDropped("オオ タ - ショ ウ"), "オオ タ ショ ウ")
        XCTAssertEqual(KanaNormalizer.specksDropped("イシ ダ  . オ サム"), "イシ ダ オ サム")
        XCTAssertEqual(KanaNormalizer.specksDropped("- ミヤモト マコ ト"), "ミヤモト マコ ト")
        XCTAssertEqual(KanaNormalizer.specksDropped(".- ア オキ カオ リ"), "ア オキ カオ リ", "two specks read as one word")
        XCTAssertNil(KanaNormalizer.specksDropped(".- ,."), "marks alone: nothing is left to show")
        XCTAssertNil(KanaNormalizer.specksDropped("ヤマダ -ー タロウ"), "a word holding ー may be a long vowel")
        // Nothing to drop; a mark inside a word may be a broken stroke; nothing else read.
        XCTAssertNil(KanaNormalizer.specksDropped("ヤマダ タロウ"))
        XCTAssertNil(KanaNormalizer.specksDropped("ヤマダ タロウ."))
        XCTAssertNil(KanaNormalizer.specksDropped(". ,"))
        // A long vowel and a middle dot are kana marks, not specks.
        XCTAssertNil(KanaNormalizer.specksDropped("ユ ー キ"))
        XCTAssertNil(KanaNormalizer.specksDropped("ヤマダ ・ タロウ"))
    }

    /// 種別 misreads from the tuning and held-out sets: the one allowed value they are nearest.
    func testNearestChoice() {
        var field = makeField(.text)
        field.choices = ["給料・賞与", "給料", "賞与", "役員報酬"]
        XCTAssertEqual(FieldValidator.nearestChoice("給料 ・ 貸 与", field: field), "給料・賞与")
        XCTAssertEqual(FieldValidator.nearestChoice("給料 賞与", field: field), "給料・賞与")
        XCTAssertEqual(FieldValidator.nearestChoice("給料 ・ 貸 己", field: field), "給料・賞与")
        XCTAssertEqual(FieldValidator.nearestChoice("錦 与", field: field), "賞与")
        // Three characters off, or as near to two values, or already allowed: nothing.
        XCTAssertNil(FieldValidator.nearestChoice("給 斉 ・ 委 号", field: field))
        XCTAssertNil(FieldValidator.nearestChoice("給与", field: field))
        XCTAssertNil(FieldValidator.nearestChoice("給料", field: field))
        XCTAssertNil(FieldValidator.nearestChoice("給料 ・ 貸 与", field: makeField(.text)))
    }

    /// 種別 read too badly for `nearestChoice` on light faxes of the held-out sets: the dot
    /// survives, and only 給料・賞与 holds one.
    func testChoiceByItsMark() {
        var field = makeField(.text)
        field.choices = ["給料・賞与", "給料", "賞与", "役員報酬"]
        XCTAssertNil(FieldValidator.nearestChoice("給 斉 ・ 委 号", field: field))
        XCTAssertEqual(FieldValidator.choiceByItsMark("給 斉 ・ 委 号", field: field), "給料・賞与")
        XCTAssertEqual(FieldValidator.choiceByItsMark("府 村 ・ 全", field: field), "給料・賞与")
        XCTAssertEqual(FieldValidator.choiceByItsMark("S 和 み れ ・ 凌 与", field: field), "給料・賞与")
        // No mark, a mark at an end (a speck), too long or too short, a mark two values hold,
        // or an allowed value: nothing.
        XCTAssertNil(FieldValidator.choiceByItsMark("谷 け", field: field))
        XCTAssertNil(FieldValidator.choiceByItsMark("給 斉 委 号 ・", field: field))
        XCTAssertNil(FieldValidator.choiceByItsMark("給 料 賞 与 に つ い ・ て の 額", field: field))
        XCTAssertNil(FieldValidator.choiceByItsMark("給 ・", field: field))
        XCTAssertNil(FieldValidator.choiceByItsMark("給料・賞与", field: field))
        field.choices = ["給料・賞与", "役員・報酬"]
        XCTAssertNil(FieldValidator.choiceByItsMark("府 村 ・ 全", field: field))
    }

    /// Voicing marks counted in a reading, as `VoicingMarks` counts them on the print.
    func testVoicingMarksOfAReadingAreCounted() {
        XCTAssertEqual(KanaNormalizer.voicingMarkCount("タカキ ショウ"), 0)
        XCTAssertEqual(KanaNormalizer.voicingMarkCount("タカギ ショウ"), 1)
        XCTAssertEqual(KanaNormalizer.voicingMarkCount("ワタ ナ べ ケン イチ"), 1, "hiragana べ among katakana (seed-610500 set)")
        XCTAssertEqual(KanaNormalizer.voicingMarkCount("ヘ゛ッポ ヴ"), 3, "a mark read apart, パ-row and ヴ")
        XCTAssertEqual(KanaNormalizer.voicingMarkCount("ハ\u{3099}ﾊﾞ"), 2, "combining and half-width marks")
    }

    /// A dash after a kanji, before a kanji or a kana letter, is shown as 一 (seeds 790500, 820500).
    func testADashAfterAKanjiIsShownAsOne() {
        XCTAssertEqual(TextNormalizer.dashesBetweenKanjiAsOne("株式会社丸-システム"), "株式会社丸一システム")
        XCTAssertEqual(TextNormalizer.dashesBetweenKanjiAsOne("佐藤健－郎"), "佐藤健一郎")
        XCTAssertEqual(TextNormalizer.dashesBetweenKanjiAsOne("第—不動産"), "第一不動産")
        for text in ["中区本町2-3-4", "丸-", "-丸一", "コ-ポ", "丸-(株)", "第ー不動産", "ABC-DEF", "丸 - システム"] {
            XCTAssertNil(TextNormalizer.dashesBetweenKanjiAsOne(text), text)
        }
    }

    /// The text shown to a person without the one mark inside it that no name or address holds.
    func testAStrayMarkInsideIsDroppedForThePersonWhoChecks() {
        XCTAssertEqual(TextNormalizer.strayMarkDropped("滋賀 県 大 津 市 駅 前 8 丁目 22 番 1] 号"), "滋賀県大津市駅前8丁目22番1号")
        XCTAssertEqual(TextNormalizer.strayMarkDropped("内 田 ' 麻 衣"), "内田麻衣")
        XCTAssertEqual(TextNormalizer.strayMarkDropped("神奈 川 | 県 川崎 市"), "神奈川県川崎市")
        // The mark is the one inside, not an earlier one Latin text holds.
        XCTAssertEqual(TextNormalizer.strayMarkDropped("Co.Ltd 山田.商事"), "Co.Ltd山田商事", "spaces go, as the validator drops them")
        // ー after a kanji may be a misread 一 (第ー不動産): not dropped. Nothing inside: nil.
        XCTAssertNil(TextNormalizer.strayMarkDropped("第ー不動産"))
        XCTAssertNil(TextNormalizer.strayMarkDropped("佐藤健ー"), "a misread 一 of a name")
        // A run of ー that closes an address after its 号 is a rule (seed-810500 set).
        XCTAssertEqual(TextNormalizer.strayMarkDropped("東京 都 中野 区 本町 3 丁目 4 番 5 号 ーー"), "東京都中野区本町3丁目4番5号")
        XCTAssertEqual(TextNormalizer.strayMarkDropped("本町3丁目4番5号ｰ"), "本町3丁目4番5号")
        XCTAssertNil(TextNormalizer.strayMarkDropped("本町3丁目4番5号ーA棟"), "not at the end")
        XCTAssertNil(TextNormalizer.strayMarkDropped("山田太郎"))
    }

    /// A kana letter is a shape of its own; ー, ・, ヽ and half-width forms are kana but not letters.
    func testKanaLettersAreNarrowerThanKana() {
        for c: Character in ["あ", "ぃ", "ア", "ィ", "ヴ", "ヺ"] {
            XCTAssertTrue(TextNormalizer.isKanaLetter(c), String(c))
            XCTAssertTrue(TextNormalizer.isKana(c), String(c))
        }
        for c: Character in ["ー", "・", "ヽ", "ｱ"] {
            XCTAssertFalse(TextNormalizer.isKanaLetter(c), String(c))
            XCTAssertTrue(TextNormalizer.isKana(c), String(c))
        }
        for c: Character in ["山", "4", "A", "丁"] { XCTAssertFalse(TextNormalizer.isKanaLetter(c), String(c)) }
    }
}
