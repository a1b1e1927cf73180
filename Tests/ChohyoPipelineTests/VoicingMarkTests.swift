import ChohyoCore
import ChohyoImaging
@testable import ChohyoRecognition
import Foundation
import XCTest

/// A kana whose print shows a voicing mark that the reading lost goes to a person
/// (`VoicingMarks`, `FragmentReader.unreadVoicingNote`).
final class VoicingMarkTests: XCTestCase {
    /// タカギ　ショウ on a 300 dpi bilevel scan (seed-640500 held-out set): jpn reads タカキショウ
    /// at 99.9, and it was accepted. The page's other values are read right and accepted.
    func testAKanaThatLostItsVoicingMarkGoesToAPerson() throws {
        let page = try PipelineTestSupport.batchResult(ofFixture: "koza-bilevel-voicing-lost-seed640500.tif")
        XCTAssertEqual(page.form, "koza_furikae")
        let kana = try XCTUnwrap(page.fields["account_holder_kana"])
        XCTAssertEqual(kana.status, .review)
        XCTAssertTrue(kana.reason.contains(FragmentReader.unreadVoicingNote), kana.reason)
        let right = try PipelineTestSupport.truthOfFixture("koza-bilevel-voicing-lost-seed640500.json")
        for (key, field) in page.fields where field.status == .accepted {
            XCTAssertEqual(field.value ?? "", right[key], key)
        }
        XCTAssertGreaterThanOrEqual(page.fields.values.filter { $0.status == .accepted }.count, 11, "of 13 fields")
    }

    /// Kana read with all their marks are not held for them: ハラ　ユミ (no mark; ハ's two strokes)
    /// and フクダ　マコト in 明朝 at 200 dpi (ダ read with its mark).
    func testKanaReadWithTheirMarksAreNotHeld() throws {
        let reader = try FragmentReader()
        let field = FieldDefinition(key: "account_holder_kana", label: "口座名義", type: .kana, box: Box(x: 0, y: 0, width: 1450, height: 100))
        for name in ["kana-full-width-ido0002-seed311501.png", "kana-full-width-mincho-ido0021-seed501501.png"] {
            let cut = try ImageSource(path: BilevelReadingTests.fixtureURL(name).path).page(0)
            let reading = try reader.read(FieldFragment(image: cut, settings: ReadingSettings(field: field, dpi: 300),
                                                        inkPixels: try cut.binary().inkCount(), sealInk: 0))
            XCTAssertNotEqual(reading.note, FragmentReader.unreadVoicingNote, name)
        }
    }
}
