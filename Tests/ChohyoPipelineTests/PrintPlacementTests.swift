import ChohyoCore
import ChohyoImaging
@testable import ChohyoPipeline
@testable import ChohyoRecognition
import Foundation
import XCTest

/// A page matched by its print is placed where its print lies, not only where its values fall
/// into boxes (`PrintLayout.refined`).
final class PrintPlacementTests: XCTestCase {
    /// A light fax of the 給与支払報告書 (seed-370500 held-out set), 6.5° askew and upside
    /// down, its rules broken. Placed by its values alone, the boxes lay 5 mm to the left of
    /// the cells, and every amount, set flush right, was cut two digits short (6,386,9 for
    /// 6,386,960), each then failing its commas.
    func testAnAmountFlushRightOnAFaxMatchedByItsPrintIsCutWhole() throws {
        let loaded = DefinitionLoader.loadAll(directory: PipelineTestSupport.root.appendingPathComponent("FormDefinitions"))
        let templates = try loaded.definitions.map { try TemplateModel(definition: $0.definition, templateURL: $0.templateURL) }
        let url = PipelineTestSupport.root.appendingPathComponent("Tests/Fixtures/kyuyo-fax-print-placed-seed370500.tif")
        let prepared = try PagePreparer.prepare(try ImageSource(path: url.path).page(0))
        let match = try FormMatcher(templates: templates).match(prepared.image, deskewAngle: prepared.deskewAngle)
        XCTAssertTrue(match.accepted, match.reason)
        XCTAssertEqual(match.method, .printLayout, match.reason)
        let best = try XCTUnwrap(match.best)
        let definition = try XCTUnwrap(loaded.definitions.first { $0.definition.id == PipelineTestSupport.formID }).definition
        XCTAssertEqual(templates[best.formIndex].formID, definition.id)
        let upright = try prepared.image.rotatedOrth(quarterTurns: best.quarterTurns)
        for (key, value) in [("payment_amount", "6386960"), ("income_after_deduction", "4667200"),
                             ("withholding_tax", "223500"), ("life_insurance_deduction", "120000")] {
            let field = try XCTUnwrap(definition.fields.first { $0.key == key })
            let cut = try FieldCutter.cut(page: upright, alignment: best.alignment, box: field.box)
            let reading = try FixtureReading.read(cut, type: .amount)
            XCTAssertEqual(reading.text.filter(\.isNumber), value, "\(key): read \(reading.text)")
        }
    }

    /// A light fax of the 口座振替依頼書 (seed-380500 held-out set) matched by its frame, its left
    /// edge lost: the frame put it at 0.92 across against 0.96 down, and the boxes lay up to
    /// 5 mm right of the ticks. Two ticked boxes were accepted as empty, that set's two escapes.
    func testTicksOnAFaxMatchedByItsFrameAreReadInTheirBoxes() throws {
        let page = try PipelineTestSupport.batchResult(ofFixture: "koza-fax-frame-placed-seed380500.tif")
        XCTAssertEqual(page.form, "koza_furikae", page.classification ?? "")
        XCTAssertTrue(page.classification?.contains("by the ruled lines left on the page") ?? false, page.classification ?? "")
        for (key, ticked) in [("tax_resident", "1"), ("tax_property", "1"), ("tax_vehicle", "0"), ("tax_health", "1"),
                              ("account_type_ordinary", "1"), ("account_type_current", "0")] {
            XCTAssertEqual(page.fields[key]?.value, ticked, "\(key): \(page.fields[key]?.reason ?? "")")
        }
    }
}
