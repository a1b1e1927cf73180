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
    }

    func testAddressesWithoutAMisreadAreLeftAlone() {
        XCTAssertNil(Chome.mended("神奈川県藤沢市青葉台4丁目12番21号"))
        // Not between two numbers, both kanji misread, or a digit in the pair: no guess.
        XCTAssertNil(Chome.mended("東京都千代田区丁自12番"))
        XCTAssertNil(Chome.mended("大阪府大阪市北区7耳日24番3号"))
        XCTAssertNil(Chome.mended("東町3丁12番"))
        XCTAssertNil(Chome.mended("目黒区5番"))
        XCTAssertNil(Chome.mended("コーポ青葉203号"))
    }
}
