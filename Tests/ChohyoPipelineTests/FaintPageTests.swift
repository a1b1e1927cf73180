import ChohyoCore
import ChohyoExport
import Foundation
import XCTest
@testable import ChohyoPipeline

/// A page matched to its form but too faint to read is called so as a whole, in its result
/// and in the batch summary, so that a person looks at the page before its fields.
final class FaintPageTests: XCTestCase {
    func testAFaxWhoseValuesAllFailIsCalledFaint() throws {
        let fixtures = PipelineTestSupport.root.appendingPathComponent("Tests/Fixtures")
        let input = try PipelineTestSupport.temporaryDirectory("faint")
        defer { try? FileManager.default.removeItem(at: input) }
        // A light fax of the seed-37000 set whose frame came out in dashes: matched, but its
        // values are dots.
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("kyuyo-fax-dashed-seed37000.tif"),
                                         to: input.appendingPathComponent("fax.tif"))
        try FileManager.default.copyItem(at: PipelineTestSupport.sample("kyuyo_0005.png"),
                                         to: input.appendingPathComponent("scan.png"))
        let out = input.appendingPathComponent("out", isDirectory: true)
        var options = BatchOptions(inputs: [input.path], outputDirectory: out)
        options.workers = 2
        let summary = try BatchRunner(options: options, forms: [try PipelineTestSupport.loadForm()]).run { _ in }
        let results = try String(contentsOf: out.appendingPathComponent("results.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try JSONDecoder().decode(PageResult.self, from: Data($0.utf8)) }
        let fax = try XCTUnwrap(results.first { $0.source.hasSuffix("fax.tif") })
        XCTAssertEqual(fax.status, .ok, fax.classification ?? "")
        let note = try XCTUnwrap(fax.attention, "the faint fax is called faint")
        XCTAssertTrue(note.contains("required values on this page failed their checks"), note)
        XCTAssertTrue(note.contains("ask for a clearer copy"), note)
        let definition = try PipelineTestSupport.loadForm().definition
        for field in definition.fields where field.type != .checkbox {
            XCTAssertNotEqual(fax.fields[field.key]?.status, .accepted, "\(field.key) is not accepted on a faint page")
        }
        let scan = try XCTUnwrap(results.first { $0.source.hasSuffix("scan.png") })
        XCTAssertEqual(scan.status, .ok)
        XCTAssertNil(scan.attention, "a good scan is not called faint")
        XCTAssertEqual(summary.attention.map(\.source), [fax.source])
        XCTAssertTrue(summary.renderText().contains("Faint:        1 page to look at as a whole first"))
    }
}
