import ChohyoCore
import ChohyoImaging
@testable import ChohyoPipeline
@testable import ChohyoRecognition
import Foundation
import XCTest

/// A name typed with a wide gap between family and given name: jpn misreads the given name's
/// first character, differently at each scale, and the reading that breaks the tie between the
/// first two now narrows the gap (`GapClosing`) instead of enlarging the cut.
final class NameGapTests: XCTestCase {
    func plain(_ text: String?) -> String { (text ?? "").replacingOccurrences(of: " ", with: "") }

    func jpnAt125(_ cut: FieldCutter.Cut) throws -> String {
        let symbols = try TesseractEngine(languages: "jpn").read(try cut.image.scaled(x: 1.25, y: 1.25), psm: 7, whitelist: nil, dpi: 300)
        return symbols.map(\.text).joined()
    }

    /// 氏名 of page_0021 of the seed-260500 held-out set (`name-gap-seed260500.png`, a colour
    /// scan at 200 dpi): 近藤　浩. The first reading had 浩, the second (at 0.75) 洗, and the
    /// tie-break at 1.25 洗 again, so 近藤洗 was shown to the person who checks it.
    func testTheTieBreakReadsTheGivenNameRightWithTheGapNarrowed() throws {
        let cut = try FixtureReading.cut("name-gap-seed260500.png", x: 19, width: 698, height: 57,
                                         template: Box(x: 0, y: 0, width: 1100, height: 90))
        XCTAssertEqual(try jpnAt125(cut), "近藤洗", "the old tie-break, at 1.25, misreads 浩")
        let reading = try FixtureReading.read(cut, type: .text)
        XCTAssertEqual(plain(reading.text), "近藤浩")
        XCTAssertNotEqual(plain(reading.verification), "近藤浩", "the first two readings disagree")
        XCTAssertEqual(plain(reading.tieBreak), "近藤浩")
        let loaded = try PipelineTestSupport.loadForm()
        let field = try XCTUnwrap(loaded.definition.field("payee_name"))
        let result = JudgeStage.judge(field: field, form: loaded.definition, reading: reading)
        XCTAssertEqual(result.value, "近藤浩")
        XCTAssertEqual(result.status, .review, "readings that disagree still go to a person")
    }
}
