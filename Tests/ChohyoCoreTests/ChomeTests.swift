import XCTest
@testable import ChohyoCore

/// Between two numbers in an address, a pair with 丁 or 目 in its place is a misread 丁目.
final class ChomeTests: XCTestCase {
    func testAMisread丁目IsPutRight() {
        XCTAssertEqual(Chome.mended("神奈川県藤沢市青葉台4丁自12番21号"), "神奈川県藤沢市青葉台4丁目12番21号")
        XCTAssertEqual(Chome.mended("鹿児島県鹿児島市大手町5本目20番11号"), "鹿児島県鹿児島市大手町5丁目20番11号")
        XCTAssertEqual(Chome.mended("沖縄県那覇市青葉台4]目10番5号"), "沖縄県那覇市青葉台4丁目10番5号")
        XCTAssertEqual(Chome.mended("大阪府東大阪市大手町2丁四2番16号"), "大阪府東大阪市大手町2丁目2番16号")
        // The 丁 lost (a fax of the seed-230500 held-out set, accepted).
        XCTAssertEqual(Chome.mended("大阪府豊中市美園5目24番11号"), "大阪府豊中市美園5丁目24番11号")
        XCTAssertEqual(Chome.mended("滋賀県大津市城南1目27番18号リバーサイドハイツ203号"), "滋賀県大津市城南1丁目27番18号リバーサイドハイツ203号")
        // Read as one 日, or as 日 after a rule's mark (faxes and scans of used held-out sets).
        XCTAssertEqual(Chome.mended("秋田県秋田市朝日町6日18番7号"), "秋田県秋田市朝日町6丁目18番7号")
        XCTAssertEqual(Chome.mended("大阪府東大阪市南町8」日30番25号"), "大阪府東大阪市南町8丁目30番25号")
    }

    /// Faxes of the used held-out sets: 番 read 希, 帯, 秋, 帝; 号 read 呈, 写.
    func testAMisread番Or号AfterThe丁目IsPutRight() {
        XCTAssertEqual(Chome.mended番Or号("愛知県岡崎市駅前9丁目7希25号コーポヒルズ508号"), "愛知県岡崎市駅前9丁目7番25号コーポヒルズ508号")
        XCTAssertEqual(Chome.mended番Or号("千葉県千葉市中央区中央7丁目6帝9号"), "千葉県千葉市中央区中央7丁目6番9号")
        XCTAssertEqual(Chome.mended番Or号("山形県山形市宮前9丁目21番9呈"), "山形県山形市宮前9丁目21番9号")
        XCTAssertEqual(Chome.mended番Or号("横浜市港北区錦町4丁目11番16写メゾン青葉101号"), "横浜市港北区錦町4丁目11番16号メゾン青葉101号")
        // Both misread in one address: neither is guessed, each needs the other read.
        XCTAssertNil(Chome.mended番Or号("宮前9丁目21秋9呈"))
        // Right, or not of either shape: left alone. 号 is not guessed before a kanji (a
        // building's name may start with one), nor 番 without a closing 号.
        for address in ["神奈川県藤沢市青葉台4丁目12番21号", "青葉台4丁目12番21号コーポ青葉203号", "青葉台4丁目12番地",
                        "青葉台4丁目12-21", "青葉台4丁目12の21号", "青葉台4丁目12番21号1", "青葉台4丁目12秋21",
                        "青葉台4丁目12番21青葉荘", "青葉台4丁目12番21ー", "青葉台4丁目1234秋5号", "丁目"] {
            XCTAssertNil(Chome.mended番Or号(address), address)
        }
    }

    func testAddressesWithoutAMisreadAreLeftAlone() {
        XCTAssertNil(Chome.mended("神奈川県藤沢市青葉台4丁目12番21号"))
        // Not between two numbers, both kanji misread, or a digit in the pair: no guess.
        XCTAssertNil(Chome.mended("東京都千代田区丁自12番"))
        XCTAssertNil(Chome.mended("大阪府大阪市北区7耳日24番3号"))
        XCTAssertNil(Chome.mended("東町3丁12番"))
        XCTAssertNil(Chome.mended("目黒区5番"))
        XCTAssertNil(Chome.mended("コーポ青葉203号"))
        // 日 not straight between two numbers: a place name (日の出町), left alone.
        XCTAssertNil(Chome.mended("神奈川県三浦郡葉山町日の出町9丁目23番2号"))
        XCTAssertNil(Chome.mended("東京都港区2日の出町3番"))
    }

    /// 】 read for a 1 of an address's numbers (used sets of seeds 780500, 830500 and 840500).
    func testABracketBeforeADigitOr番Or号IsShownAsOne() {
        XCTAssertEqual(Chome.bracketsReadForOne("石川県金沢市大手町1丁目】番16号"), "石川県金沢市大手町1丁目1番16号")
        XCTAssertEqual(Chome.bracketsReadForOne("東京都八王子市錦町9丁目】2番2号"), "東京都八王子市錦町9丁目12番2号")
        XCTAssertEqual(Chome.bracketsReadForOne("岡山県倉敷市東町4丁目22番18号日の出マンション】01号"), "岡山県倉敷市東町4丁目22番18号日の出マンション101号")
        XCTAssertNil(Chome.bracketsReadForOne("石川県金沢市大手町1丁目1番16号"))
        XCTAssertNil(Chome.bracketsReadForOne("コーポ青葉】"), "at the end: no number")
        XCTAssertNil(Chome.bracketsReadForOne("東町4丁目22番18号コーポ】青葉"), "before a name, not a number")
    }
}
