import ChohyoCore
import ChohyoImaging
@testable import ChohyoPipeline
@testable import ChohyoRecognition
import Foundation
import XCTest

/// A scanner lid's shadow along a page's edge: it must neither take the characters standing
/// in it nor pull the registration off the rules it hides.
final class LidShadowTests: XCTestCase {
    /// 支払者 名称 of page_0297 of the seed-240500 held-out set, a colour scan with a lid shadow
    /// along its left edge (`name-lid-shadow-seed240500.png`, grey, the upright page's left
    /// part). The shadow runs into the box and over 青: line removal took the dark band for a
    /// rule, and 青葉食品株式会社 was read and accepted as 葉食品株式会社. The shadow is lifted
    /// first now (`ShadowFlattening`).
    func testALidShadowOverTheFirstCharacterDoesNotTakeIt() throws {
        let cut = try FixtureReading.cut("name-lid-shadow-seed240500.png", x: 27, width: 2194, height: 91,
                                         template: Box(x: 0, y: 0, width: 2180, height: 90))
        XCTAssertEqual(try FixtureReading.read(cut, type: .text).text.replacingOccurrences(of: " ", with: ""), "青葉食品株式会社")
    }

    /// page_0237 of the seed-230500 held-out set (`kyuyo-bilevel-shadow-seed230500.tif`), a
    /// bilevel 200 dpi 給与支払報告書 scanned at 0.956 with a lid shadow: its columns were fitted
    /// at 0.998, and the first digits of the 指定番号 and the postal code fell outside their
    /// cuts. Registered at one scale both ways, they are read whole.
    func testAPageWhoseColumnsFitAnotherScaleIsRegisteredAtOneScale() throws {
        let forms = try ["koza_furikae", "kyuyo_shiharai_hokokusho", "tokubetsu_choshu_ido"].map {
            try DefinitionLoader.load(file: PipelineTestSupport.root.appendingPathComponent("FormDefinitions/\($0).yaml"))
        }
        let matcher = FormMatcher(templates: try forms.map { try TemplateModel(definition: $0.definition, templateURL: $0.templateURL) })
        let path = BilevelReadingTests.fixtureURL("kyuyo-bilevel-shadow-seed230500.tif").path
        let output = PageStage.run(PageTask(source: try ImageSource(path: path), displayPath: path, pageIndex: 0),
                                   forms: forms, matcher: matcher)
        XCTAssertEqual(output.result.form, "kyuyo_shiharai_hokokusho")
        let a = try XCTUnwrap(output.alignment)
        XCTAssertEqual(a.scaleX / a.scaleY, 1, accuracy: FormMatcher.maxScaleSkew)
        let reader = try FragmentReader()
        func read(_ key: String) throws -> String {
            let fragment = try XCTUnwrap(output.fragments.first { $0.key == key }?.fragment)
            return try reader.read(fragment).text.replacingOccurrences(of: " ", with: "")
        }
        XCTAssertEqual(try read("payer_designation_number"), "21653490")
        // Its first reading of this light scan gets the last digits wrong (the batch sends it to
        // a person), but the 8 is no longer cut off.
        XCTAssertTrue(try read("payee_postal_code").hasPrefix("〒827"))
    }
}
