import XCTest
@testable import ChohyoCore

/// An address that starts one character away from one of the 47 prefectures is misread there.
final class PrefectureTests: XCTestCase {
    func testAPrefectureOneCharacterOffIsPutRight() {
        XCTAssertEqual(Prefecture.mended("岐邊県岐阜市若葉"), "岐阜県岐阜市若葉")
        XCTAssertEqual(Prefecture.mended("神奈川上横浜市青葉区1丁目"), "神奈川県横浜市青葉区1丁目")
        XCTAssertEqual(Prefecture.mended("京都符宇治市松原3丁目"), "京都府宇治市松原3丁目")
        XCTAssertEqual(Prefecture.mended("詞児島県鹿児島市中央町"), "鹿児島県鹿児島市中央町")
    }

    func testAddressesThatNeedNoMendingAreLeftAlone() {
        XCTAssertNil(Prefecture.mended("富山県富山市旭町6丁目20番1号"))
        XCTAssertNil(Prefecture.mended("北海道旭川市大手町"))
        // A city named like its prefecture, written without it.
        XCTAssertNil(Prefecture.mended("大阪市北区梅田1丁目"))
        XCTAssertNil(Prefecture.mended("京都市中京区"))
        XCTAssertNil(Prefecture.mended("長崎市桜町"))
        // Two characters off: not near. As near to two prefectures (冨山県: 富山県 and 岡山県):
        // near, but no guess.
        XCTAssertEqual(Prefecture.near("犬阪座堺市"), [])
        XCTAssertNil(Prefecture.mended("犬阪座堺市"))
        XCTAssertEqual(Prefecture.near("冨山県富山市旭町6丁目20番1号"), ["富山県", "岡山県"])
        XCTAssertNil(Prefecture.mended("冨山県富山市旭町6丁目20番1号"))
        XCTAssertEqual(Prefecture.near("番川県高松市新町"), ["石川県", "香川県"])
        // Nothing after the prefecture: not an address to mend.
        XCTAssertNil(Prefecture.mended("冨山県"))
    }

    func testAddressFieldsAreKnownByKeyOrLabel() {
        let box = Box(x: 0, y: 0, width: 10, height: 10)
        XCTAssertTrue(Prefecture.holdsAddress(FieldDefinition(key: "payer_address", label: "所在地", type: .text, box: box)))
        XCTAssertTrue(Prefecture.holdsAddress(FieldDefinition(key: "jusho", label: "住所又は居所", type: .text, box: box)))
        XCTAssertFalse(Prefecture.holdsAddress(FieldDefinition(key: "payer_name", label: "名称", type: .text, box: box)))
    }
}
