import ChohyoCore
import ChohyoImaging
import Foundation
import XCTest

/// A bilevel scan at 300 dpi or more whose strokes broke into dots has them grown before
/// reading, as a fax's are; a bilevel scan with whole strokes does not.
final class DottedStrokesTests: XCTestCase {
    func fixturePage(_ name: String) throws -> ChohyoImaging.Image {
        try ImageSource(path: PipelineTestSupport.root.appendingPathComponent(name).path).page(0)
    }

    /// The 提出先 and 指定番号 row (upright, 400 dpi): dotted on the fixture, whole on a sample.
    func valueRow(_ page: ChohyoImaging.Image) throws -> ChohyoImaging.Image {
        try page.cropped(x: 60, y: 560, width: 1600, height: 160).binary(threshold: 128)
    }

    func testDotsJoinWhenGapsCloseAndWholeCharactersDoNot() throws {
        let dotted = try XCTUnwrap(DottedStrokes.ratio(try valueRow(try fixturePage("Tests/Fixtures/kyuyo-bilevel-400dpi-dotted-seed630500.tif"))))
        let whole = try XCTUnwrap(DottedStrokes.ratio(try valueRow(try fixturePage("Samples/kyuyo/kyuyo_0025.tif"))))
        XCTAssertGreaterThanOrEqual(dotted, DottedStrokes.minMedianRatio, "dotted row: \(dotted)")
        XCTAssertLessThan(whole, 1.5, "a 400 dpi bilevel sample: \(whole)")
        // A few marks say nothing.
        var g = ByteGrid(width: 100, height: 40, bytes: [UInt8](repeating: 0, count: 4000))
        for x in stride(from: 10, to: 30, by: 2) { g.bytes[20 * 100 + x] = 1 }
        XCTAssertNil(try DottedStrokes.ratio(try g.image(depth: 1)), "10 dots: under \(DottedStrokes.minMarks) marks")
    }

    func testABilevelScanWhoseStrokesBrokeIntoDotsIsReadWithThemGrown() throws {
        let page = try PipelineTestSupport.batchResult(ofFixture: "kyuyo-bilevel-400dpi-dotted-seed630500.tif")
        XCTAssertEqual(page.form, PipelineTestSupport.formID)
        let values = page.fields.mapValues { $0.value ?? "" }
        // As scanned these read 妥B島お挟, 480503, none, 5597 and 大私貸店条式会.
        XCTAssertEqual(values["submit_to"], "鹿児島市長")
        XCTAssertEqual(values["payer_designation_number"], "684680603769")
        XCTAssertEqual(values["payer_corporate_number"], "2763022344605")
        XCTAssertEqual(values["total_deductions"], "2056697")
        XCTAssertEqual(values["payer_name"], "大和食品株式会社")
        let right = try PipelineTestSupport.truthOfFixture("kyuyo-bilevel-400dpi-dotted-seed630500.json")
        let exact = right.filter { values[$0.key] == $0.value }.count
        XCTAssertGreaterThanOrEqual(exact, 19, "of \(right.count) fields; 4 as scanned")
        XCTAssertNil(page.attention, "no longer called faint")
        // Nothing accepted is wrong.
        for (key, field) in page.fields where field.status == .accepted {
            XCTAssertEqual(field.value ?? "", right[key], key)
        }
    }

    func testAWholeBilevelScanIsNotDotted() throws {
        let form = try PipelineTestSupport.loadForm()
        let page = try fixturePage("Samples/kyuyo/kyuyo_0025.tif")
        // kyuyo_0025 is upright, at 400 dpi and 0.963 of the template's size (Samples/README.md).
        let s = 400.0 / 300 * 0.963
        let onto = Alignment(scaleX: s, offsetX: 0, scaleY: s, offsetY: 0, score: 1)
        let boxes = form.definition.fields.filter { $0.type != .checkbox }.map(\.box)
        func regions(_ page: ChohyoImaging.Image) throws -> [(box: Box, region: TemplateRegion)] {
            try boxes.map { (box: $0, region: try FieldCutter.region(page: page, alignment: onto, box: $0)) }
        }
        let median = try XCTUnwrap(DottedStrokes.medianRatio(try regions(page)))
        XCTAssertLessThan(median, DottedStrokes.minMedianRatio)
        XCTAssertFalse(try DottedStrokes.onPage(try regions(page.gray())), "a grey page is never dotted")
    }
}
