import ChohyoCore
import ChohyoImaging
import ChohyoPipeline
import XCTest

/// `forms preview`: one scan read as one definition, boxes drawn in their status colours.
final class FormPreviewTests: XCTestCase {
    func testPreviewDrawsEveryFieldWhereItLanded() throws {
        let form = try PipelineTestSupport.loadForm()
        let preview = try FormPreview.run(scan: PipelineTestSupport.sample("kyuyo_0007.png").path, form: form)
        XCTAssertEqual(preview.result.orientation, 180, "the upside-down sample is turned upright")
        XCTAssertEqual(preview.fields.map(\.definition.key), form.definition.fields.map(\.key))
        XCTAssertEqual(preview.fields.map(\.number), Array(1...form.definition.fields.count))
        // Boxes are on the upright page and keep the template's proportions (scale 95–105 %).
        for f in preview.fields {
            XCTAssertGreaterThanOrEqual(f.box.x, 0)
            XCTAssertLessThanOrEqual(f.box.x + f.box.width, preview.page.width)
            XCTAssertEqual(Double(f.box.width) / Double(f.definition.box.width), 1, accuracy: 0.06, f.definition.key)
        }
        let truth = try PipelineTestSupport.truth("kyuyo_0007")
        let right = preview.fields.filter { f in
            (f.result.value ?? "") == (FieldValidator.validate(truth[f.definition.key] ?? "", field: f.definition).value ?? "")
        }
        XCTAssertGreaterThanOrEqual(right.count, 19)
        let overlay = try preview.overlay()
        XCTAssertEqual(overlay.depth, 32)
        XCTAssertEqual(overlay.width, preview.page.width)
        // A My Number is masked wherever a preview shows it.
        let my = try XCTUnwrap(preview.fields.first { $0.definition.type == .myNumber })
        XCTAssertEqual(FormPreview.displayValue(my.result.value, type: .myNumber), "************")
    }

    func testAScanThatCannotBeOpenedIsNamedInTheError() throws {
        let form = try PipelineTestSupport.loadForm()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("no-such-scan.png").path
        let truncated = dir.appendingPathComponent("truncated.png")
        let png = try Data(contentsOf: PipelineTestSupport.sample("kyuyo_0007.png"))
        try png.prefix(2000).write(to: truncated)
        for path in [missing, truncated.path] {
            XCTAssertThrowsError(try FormPreview.run(scan: path, form: form), path) { error in
                XCTAssertTrue("\(error)".hasPrefix(path + ": "), "\(error)")
                guard case BatchError.input = error else { return XCTFail("a scan, not a definition, is at fault: \(error)") }
            }
        }
    }
}
