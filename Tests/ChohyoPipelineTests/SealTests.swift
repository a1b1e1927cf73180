import CLeptTess
import ChohyoCore
import ChohyoExport
import ChohyoImaging
import ChohyoPipeline
import Foundation
import XCTest

/// A red seal stamped over a filled-in field: the value underneath cannot be trusted, so the
/// field goes to a person with the reason, while the other fields are read as usual.
final class SealTests: XCTestCase {
    func testSealOverAFieldSendsItToReview() throws {
        let loaded = try PipelineTestSupport.loadForm()
        let source = try ImageSource(path: PipelineTestSupport.sample("kyuyo_0005.png").path)
        let gray = try source.page(0)
        // Find where the payer's name lies on this scan, then stamp a vermilion seal on it.
        let prepared = try PagePreparer.prepare(gray)
        let matcher = FormMatcher(templates: [try TemplateModel(definition: loaded.definition, templateURL: loaded.templateURL)])
        let best = try XCTUnwrap(try matcher.match(prepared.image).best)
        XCTAssertEqual(best.quarterTurns, 0)
        let page = ChohyoImaging.Image.adopt(try XCTUnwrap(pixConvertTo32(prepared.image.raw)))
        let box = best.alignment.map(try XCTUnwrap(loaded.definition.field("payer_name")).box)
        let wpl = Int(pixGetWpl(page.raw)), data = pixGetData(page.raw)!
        let cx = box.x + 120, cy = box.y + box.height / 2, r = 55
        for y in (cy - r)...(cy + r) {
            for x in (cx - r)...(cx + r) where (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r {
                // A ring, as seals are: red where the stamp's rim and characters fall.
                let d = (x - cx) * (x - cx) + (y - cy) * (y - cy)
                if d >= (r - 8) * (r - 8) || (x + y) % 9 < 3 { data[y * wpl + x] = 225 << 24 | 45 << 16 | 35 << 8 }
            }
        }
        let dir = try PipelineTestSupport.temporaryDirectory("seal")
        defer { try? FileManager.default.removeItem(at: dir) }
        let scan = dir.appendingPathComponent("in/stamped.png")
        try FileManager.default.createDirectory(at: scan.deletingLastPathComponent(), withIntermediateDirectories: true)
        try page.writePNG(to: scan.path)

        var options = BatchOptions(inputs: [scan.deletingLastPathComponent().path], outputDirectory: dir.appendingPathComponent("out"))
        options.workers = 2
        _ = try BatchRunner(options: options, forms: [loaded]).run()
        let result = try XCTUnwrap(try ResultsReader.read(url: dir.appendingPathComponent("out/results.jsonl")).first)
        XCTAssertEqual(result.status, .ok, result.error ?? "")
        let sealed = try XCTUnwrap(result.fields["payer_name"])
        XCTAssertNotEqual(sealed.status, .accepted)
        XCTAssertTrue(sealed.reason.contains("red seal or stamp over the field"), sealed.reason)
        // The rest of the page is unaffected.
        let accepted = result.fields.values.filter { $0.status == .accepted }.count
        XCTAssertGreaterThanOrEqual(accepted, 14, "other fields still read automatically")
    }
}
