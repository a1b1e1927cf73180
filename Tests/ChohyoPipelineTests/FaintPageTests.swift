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

    /// A light fax most of whose values are in doubt rather than failing (readings that
    /// disagree, low confidence) is called faint as well, and a value read alone on it is not
    /// accepted: on this 異動届出書 of the seed-410500 set (令和6年6月30日), the 異動年月日 read
    /// 令和6年5月30日 was accepted with 4 of 15 required values failing their checks. (That is
    /// its first reading; read again for being faint, with its strokes grown further, 6 values
    /// fail, and the page is called faint for those.)
    func testAFaxWithMostValuesInDoubtIsCalledFaint() throws {
        let fax = try PipelineTestSupport.batchResult(ofFixture: "ido-fax-doubtful-seed410500.tif", readsFaintPagesAgain: false)
        let form = try DefinitionLoader.load(file: PipelineTestSupport.root.appendingPathComponent("FormDefinitions/tokubetsu_choshu_ido.yaml"))
        XCTAssertEqual(fax.form, "tokubetsu_choshu_ido", fax.classification ?? "")
        let note = try XCTUnwrap(fax.attention, "the page is called faint")
        XCTAssertTrue(note.contains("failed their checks or were read with a confidence under 90"), note)
        let invalid = form.definition.fields.filter { $0.required && $0.type != .checkbox && fax.fields[$0.key]?.status == .invalid }
        XCTAssertLessThan(Double(invalid.count), PageLegibility.invalidShare * 15, "not faint for its failing values alone")
        let date = try XCTUnwrap(fax.fields["change_date"])
        XCTAssertNotEqual(date.status, .accepted, "\(date.value ?? "nil"): \(date.reason)")
        // Its three amounts add up: 未徴収税額, read surely, stays accepted. 年税額 and
        // 徴収済額, each held for its reading, stand on opposite sides of the rule, which an
        // equal misreading of both leaves holding (`CrossFieldRule.cancellingPairs`), so the
        // rule confirms neither and they stay with a person.
        XCTAssertEqual(["annual_tax", "collected", "unpaid"].map { fax.fields[$0]?.value }, ["440600", "36900", "403700"])
        XCTAssertEqual(["annual_tax", "collected", "unpaid"].map { fax.fields[$0]?.status }, [.review, .review, .accepted])
        // Its result, read again: still called faint, and its date still not accepted.
        let again = try PipelineTestSupport.batchResult(ofFixture: "ido-fax-doubtful-seed410500.tif")
        XCTAssertNotNil(again.attention)
        XCTAssertNotEqual(again.fields["change_date"]?.status, .accepted, again.fields["change_date"]?.value ?? "nil")
    }

    /// A 給与支払報告書 faxed so lightly that its strokes broke into dots (seed-930500 set,
    /// page_0046): read as every fax is, with its strokes grown by a pixel, 10 of its 19
    /// required values fail or are in doubt and the page is called faint. It is then read once
    /// more with them grown by two (`FieldCutter.faintPageStrokeGrowth`), and that reading is
    /// its result: more of its values come out right, and none is accepted wrong.
    func testAFaintFaxIsReadAgainWithItsStrokesGrownFurther() throws {
        let name = "kyuyo-fax-faint-seed930500.tif"
        let truth = try PipelineTestSupport.truthOfFixture("kyuyo-fax-faint-seed930500.json")
        func read(again: Bool) throws -> PageResult {
            try PipelineTestSupport.batchResult(ofFixture: name, readsFaintPagesAgain: again)
        }
        func right(_ r: PageResult) -> Int { truth.filter { r.fields[$0.key]?.value == $0.value }.count }
        func acceptedWrong(_ r: PageResult) -> [String] {
            truth.filter { r.fields[$0.key]?.status == .accepted && r.fields[$0.key]?.value != $0.value }.map(\.key)
        }
        let first = try read(again: false)
        XCTAssertEqual(first.form, "kyuyo_shiharai_hokokusho", first.classification ?? "")
        let note = try XCTUnwrap(first.attention, "the premise: the first reading calls the page faint")
        XCTAssertTrue(note.contains("required values on this page failed their checks"), note)

        let result = try read(again: true)
        XCTAssertEqual(result.form, "kyuyo_shiharai_hokokusho")
        XCTAssertGreaterThanOrEqual(right(result), right(first) + 4, "\(right(first)) → \(right(result)) of \(truth.count)")
        XCTAssertEqual(acceptedWrong(result), [])
        XCTAssertEqual(acceptedWrong(first), [])
    }
}
