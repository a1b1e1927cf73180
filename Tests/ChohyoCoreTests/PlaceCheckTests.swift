import XCTest
@testable import ChohyoCore

/// Addresses and 提出先 checked against Japan's municipalities (Models/municipalities.tsv).
final class PlaceCheckTests: XCTestCase {
    static let bundled = Result { try MunicipalityList(contentsOf: packageRoot.appendingPathComponent("Models/municipalities.tsv")) }

    func testTheBundledListHoldsJapansMunicipalities() throws {
        let list = try Self.bundled.get()
        // 772 cities outside the designated ones, 743 towns, 183 villages, 23 special wards of
        // Tokyo, 175 wards of the 20 designated cities (Japan Post's data of 2022).
        XCTAssertEqual(list.count, 1896)
        XCTAssertTrue(list.namesOffice("つくば市長"))
        XCTAssertTrue(list.namesOffice("世田谷区長"), "a special ward of Tokyo is a municipality")
        XCTAssertTrue(list.namesOffice("横浜市長"), "a designated city as a whole")
        XCTAssertFalse(list.namesOffice("港北区長"), "not one of its wards")
        XCTAssertTrue(list.namesOffice("東海村長"))
        XCTAssertTrue(list.namesOffice("那珂郡東海村長"))
        XCTAssertTrue(list.namesOffice("茨城県つくば市長"))
        XCTAssertTrue(list.namesOffice("鎌ヶ谷市長"), "ヶ for ケ")
        XCTAssertFalse(list.namesOffice("つくばば市長"), "held-out escape, seed 110500")
        XCTAssertFalse(list.namesOffice("那覇市胡"))
        XCTAssertFalse(list.namesOffice("つくば市"), "the head, not the place")
    }

    func testAnAddressMustStartWithAMunicipality() throws {
        let list = try Self.bundled.get()
        for address in ["茨城県つくば市松原3丁目19番6号", "茨城県那珂郡東海村中央8丁目16番10号", "茨城県東海村中央8丁目",
                        "東海村中央8丁目", "神奈川県横浜市港北区本町1丁目", "横浜市港北区本町1丁目", "東京都世田谷区富士見9丁目",
                        "北海道札幌市中央区大通西", "大阪府堺市堺区錦町"] {
            XCTAssertTrue(list.startsAddress(address), address)
        }
        for address in ["千葉県析市元町9丁目17番8号", "東京都失並区北町5丁目", "神奈川県境須賀市若代8丁目",
                        "神奈川県横浜市本町1丁目", "県", ""] {
            XCTAssertFalse(list.startsAddress(address), address)
        }
    }

    func testAListRowNeedsFourColumns() {
        XCTAssertThrowsError(try MunicipalityList(tsv: "# only a comment\n")) { e in
            XCTAssertEqual("\(e)", "line 0: no municipality listed")
        }
        XCTAssertThrowsError(try MunicipalityList(tsv: "茨城県\t\tつくば市\t\n茨城県\tつくば市\n")) { e in
            XCTAssertEqual("\(e)", "line 2: expected prefecture, county, municipality and ward, tab-separated")
        }
    }

    func testTheRealDefinitionsCheckEveryAddressAndTheSubmitTo() throws {
        func load(_ id: String) throws -> LoadedDefinition {
            try DefinitionLoader.load(file: packageRoot.appendingPathComponent("FormDefinitions/\(id).yaml"))
        }
        let kyuyo = try load("kyuyo_shiharai_hokokusho")
        XCTAssertEqual(Set(kyuyo.municipalityLists.keys), ["submit_to", "payee_address", "payer_address"])
        XCTAssertEqual(Set(try load("tokubetsu_choshu_ido").municipalityLists.keys), ["payer_address", "employee_address", "new_employer_address"])
        XCTAssertEqual(Set(try load("koza_furikae").municipalityLists.keys), ["taxpayer_address"])

        func accepted(_ v: String) -> FieldResult { FieldResult(value: v, text: v, confidence: 99, status: .accepted, reason: "valid") }
        var fields = ["submit_to": accepted("つくばば市長"), "payee_address": accepted("千葉県析市元町9丁目17番8号"),
                      "payer_address": accepted("茨城県つくば市松原3丁目19番6号")]
        fields["payee_name"] = FieldResult(value: "千葉県析市", text: "", confidence: 99, status: .accepted, reason: "valid")
        PlaceCheck.apply(kyuyo.definition, lists: kyuyo.municipalityLists, to: &fields)
        XCTAssertEqual(fields["submit_to"]?.status, .review)
        XCTAssertEqual(fields["submit_to"]?.reason, PlaceCheck.unknownOffice)
        XCTAssertEqual(fields["payee_address"]?.status, .review)
        XCTAssertEqual(fields["payee_address"]?.reason, PlaceCheck.unknownAddress)
        XCTAssertEqual(fields["payer_address"]?.status, .accepted)
        XCTAssertEqual(fields["payee_name"]?.status, .accepted, "a field without the list is left alone")

        // Already in review: the reason is added; invalid: left alone.
        var more = ["submit_to": FieldResult(value: "つくばば市長", text: "", confidence: 40, status: .review, reason: "confidence 40 below 70"),
                    "payee_address": FieldResult(value: nil, text: "x", confidence: 0, status: .invalid, reason: "required field is empty")]
        PlaceCheck.apply(kyuyo.definition, lists: kyuyo.municipalityLists, to: &more)
        XCTAssertEqual(more["submit_to"]?.reason, "confidence 40 below 70; " + PlaceCheck.unknownOffice)
        XCTAssertEqual(more["payee_address"]?.reason, "required field is empty")
    }
}
