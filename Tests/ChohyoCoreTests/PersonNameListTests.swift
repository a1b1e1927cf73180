import XCTest
@testable import ChohyoCore

final class PersonNameListTests: XCTestCase {
    let small = """
    # comment
    family\t青木\tアオキ
    family\t高橋\tタカハシ
    family\t後藤\tゴトウ
    given\t浩\tヒロシ
    given\t智也\tトモヤ
    given\tさくら\tサクラ

    """

    func testSplitsIntoAFamilyAndAGivenNameWithReadings() throws {
        let list = try PersonNameList(tsv: small)
        let splits = list.splits("青木 浩")
        XCTAssertEqual(splits.map(\.family), ["青木"])
        XCTAssertEqual(splits.map(\.given), ["浩"])
        XCTAssertEqual(splits.first?.readings, ["アオキヒロシ"])
        XCTAssertTrue(list.splits("青木洗").isEmpty, "洗 is not a given name")
        XCTAssertTrue(list.splits("青木").isEmpty, "a family name alone is not a full name")
        XCTAssertTrue(list.splits("浩青木").isEmpty, "family name first")
        // A given name written in kana: its reading, in hiragana or katakana.
        XCTAssertEqual(list.splits("後藤さくら").first?.readings, ["ゴトウサクラ"])
        XCTAssertEqual(list.splits("後藤 サクラ").first?.readings, ["ゴトウサクラ"])
        XCTAssertEqual(list.splits("高橋ひろし").first?.readings, ["タカハシヒロシ"])
    }

    func testKnownReadings() throws {
        let list = try PersonNameList(tsv: small)
        XCTAssertTrue(list.isKnownReading("タカハシ トモヤ"))
        XCTAssertTrue(list.isKnownReading("ごとう さくら"), "hiragana is taken as katakana")
        XCTAssertFalse(list.isKnownReading("ゴトウ・サクラ"), "a ・ is what OCR adds from a speck, not part of a Japanese name")
        XCTAssertFalse(list.isKnownReading("タカバシトモヤ"), "a voicing mark gained")
        XCTAssertFalse(list.isKnownReading("コトウサクラ"), "a voicing mark lost")
        XCTAssertFalse(list.isKnownReading("タカハシ"))
    }

    func testARareReadingIsKnownButMarked() throws {
        let list = try PersonNameList(tsv: small + "family\t高橋\tタカバシ\trare\nfamily\t山崎\tヤマサキ\trare\nfamily\tやまさき\tヤマサキ\n")
        XCTAssertTrue(list.isKnownReading("タカバシトモヤ"), "still a reading of 高橋")
        XCTAssertTrue(list.isKnownOnlyByRareReading("タカバシ トモヤ"))
        XCTAssertFalse(list.isKnownOnlyByRareReading("タカハシトモヤ"))
        XCTAssertFalse(list.isKnownOnlyByRareReading("ヤマサキヒロシ"), "a name given that reading without the mark makes it usual")
        XCTAssertFalse(list.isKnownOnlyByRareReading("タカバシ"), "not a known reading at all")
        XCTAssertFalse(list.isKnownOnlyByRareReading("コトウサクラ"), "not a known reading at all")
        // Usual: known, and not only by a rare reading.
        XCTAssertTrue(list.isUsualReading("タカハシ トモヤ"))
        XCTAssertTrue(list.isUsualReading("ヤマサキヒロシ"))
        XCTAssertFalse(list.isUsualReading("タカバシトモヤ"))
        XCTAssertFalse(list.isUsualReading("コトウサクラ"))
        XCTAssertTrue(list.isRareReading("タカバシ トモヤ", of: "高橋智也"))
        XCTAssertFalse(list.isRareReading("タカハシトモヤ", of: "高橋智也"))
        XCTAssertFalse(list.isRareReading("アオキトモヤ", of: "高橋智也"), "not a reading of this name")
    }

    func testBadListsNameTheLine() {
        XCTAssertThrowsError(try PersonNameList(tsv: "family\t青木\n")) { error in
            XCTAssertEqual(error as? PersonNameList.ParseError, PersonNameList.ParseError(line: 1, reason: "expected kind<TAB>name<TAB>reading, and optionally <TAB>rare"))
        }
        XCTAssertThrowsError(try PersonNameList(tsv: "family\t青木\tアオキ\tcommon\ngiven\t浩\tヒロシ\n")) { error in
            XCTAssertEqual((error as? PersonNameList.ParseError)?.line, 1, "only `rare` may follow the reading")
        }
        XCTAssertThrowsError(try PersonNameList(tsv: "family\t青木\tアオキ\nnick\t浩\tヒロシ\n")) { error in
            XCTAssertEqual((error as? PersonNameList.ParseError)?.line, 2)
        }
        XCTAssertThrowsError(try PersonNameList(tsv: "family\t青木\tアオキ\n")) { error in
            XCTAssertTrue("\(error)".contains("both family and given"), "\(error)")
        }
    }

    /// The bundled list (UniDic's and IPAdic's names, Models/person-names.tsv) against names OCR
    /// turned into a look-alike on the tuning and held-out sets; given names common since the
    /// 2000s (悠斗, 康介) are in it.
    func testTheBundledListKnowsCommonNamesAndNotTheirMisreadings() throws {
        let list = try PersonNameList(contentsOf: packageRoot.appendingPathComponent("Models/person-names.tsv"))
        for name in ["青木浩", "鈴木 一郎", "佐藤花子", "高橋智也", "杉山早苗", "渡辺聡", "岡本悠斗", "阿部康介"] {
            XCTAssertFalse(list.splits(name).isEmpty, name)
        }
        for misread in ["青木洗", "渡辺聴", "佐藤洗子"] {
            XCTAssertTrue(list.splits(misread).isEmpty, misread)
        }
        XCTAssertTrue(list.splits("高橋智也").contains { $0.readings.contains("タカハシトモヤ") })
        XCTAssertTrue(list.isKnownReading("スギヤマサナエ"))
        XCTAssertFalse(list.isKnownReading("スキヤマサナエ"))
        // Voicing marks lost or gained that land on a rare reading of a common name.
        for (name, rare) in [("高橋智也", "タカバシトモヤ"), ("山田太郎", "ヤマタタロウ"), ("野口健太", "ノクチケンタ"),
                             ("前田愛", "マエタアイ"), ("山口由美", "ヤマクチユミ")] {
            XCTAssertTrue(list.isRareReading(rare, of: name), rare)
            XCTAssertTrue(list.isKnownReading(rare), rare)
        }
        XCTAssertTrue(list.isKnownOnlyByRareReading("タカバシトモヤ"))
        XCTAssertFalse(list.isKnownOnlyByRareReading("ヤマタタロウ"), "alone it is also 谷 (ヤ) 又太郎 (マタタロウ)")
        for (name, usual) in [("高橋智也", "タカハシトモヤ"), ("山田太郎", "ヤマダタロウ"), ("中島由美", "ナカシマユミ"),
                              ("比嘉健太", "ヒガケンタ"), ("上田大樹", "ウエダ タイキ")] {
            XCTAssertFalse(list.isRareReading(usual, of: name), usual)
            XCTAssertFalse(list.isKnownOnlyByRareReading(usual), usual)
        }
    }
}
