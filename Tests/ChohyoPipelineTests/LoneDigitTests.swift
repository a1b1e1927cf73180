import ChohyoCore
import ChohyoImaging
@testable import ChohyoPipeline
import XCTest
@testable import ChohyoRecognition

/// A lone digit that no reading of a line made out is read once more, enlarged, as one
/// character, and shown to a person.
final class LoneDigitTests: XCTestCase {
    /// The 扶養親族の数 of page_0165 of the seed-260500 held-out set (`kyuyo_0076.jpg`, a colour
    /// scan at 200 dpi under a lid shadow), cut as the batch cut it: a lone 0 blurred into an
    /// oval. eng and jpn, reading it as a line, as a word and raw, found no text in it, and the
    /// required field was invalid, empty.
    func testABlurredLoneZeroIsReadEnlargedAndShownToAPerson() throws {
        let image = try DigitShapesTests.fixture("dependents-blurred-zero-seed260500.png")
        let loaded = try PipelineTestSupport.loadForm()
        let field = try XCTUnwrap(loaded.definition.field("dependents"))
        let reading = try FixtureReading.read(image, as: field)
        XCTAssertEqual(reading.text, "")
        XCTAssertEqual(reading.rescue, "0")
        XCTAssertEqual(reading.note, FragmentReader.nothingReadNote)
        XCTAssertNil(reading.tieBreak)
        let result = JudgeStage.judge(field: field, form: loaded.definition, reading: reading)
        XCTAssertEqual(result.value, "0")
        XCTAssertTrue(result.reason.contains(FragmentReader.loneDigitNote), result.reason)
        XCTAssertEqual(result.status, .review, "a digit no reading of the line made out is never accepted")

        // A field that may hold more digits is not read so: one mark left of a faint faxed
        // amount is no lone digit.
        let amount = try FragmentReader().read(FieldFragment(image: image, settings: FixtureReading.settings(.amount),
                                                             inkPixels: try image.binary().inkCount(), sealInk: 0))
        XCTAssertNil(amount.rescue)
    }

    /// A digit read enlarged that does not pass the field's check (one digit of a phone number on
    /// a faint fax) is not shown, nor said to be.
    func testADigitThatFailsItsCheckIsNotShown() throws {
        let loaded = try PipelineTestSupport.loadForm()
        let field = try XCTUnwrap(loaded.definition.field("payer_phone"))
        let reading = FragmentReading(id: FragmentID.random(), text: "", characterConfidences: [], confidence: 0,
                                      note: FragmentReader.nothingReadNote, verification: "", verificationConfidence: 0,
                                      tieBreak: nil, rescue: "7")
        let result = JudgeStage.judge(field: field, form: loaded.definition, reading: reading)
        XCTAssertNil(result.value)
        XCTAssertEqual(result.status, .invalid)
        XCTAssertTrue(result.reason.contains(FragmentReader.nothingReadNote), result.reason)
        XCTAssertFalse(result.reason.contains(FragmentReader.loneDigitNote), result.reason)
    }

    /// Only ink as wide as one character is read so: a stem with specks beside it is, a row of
    /// specks across the box (a number faxed too faintly) is not.
    func testOnlyInkAsWideAsOneCharacterIsReadEnlarged() throws {
        func cut(_ marks: [(x: Int, y: Int, width: Int, height: Int)]) throws -> ChohyoImaging.Image {
            let width = 300, height = 70
            var grid = ByteGrid(width: width, height: height, bytes: [UInt8](repeating: 255, count: width * height))
            for m in marks { for y in m.y..<(m.y + m.height) { for x in m.x..<(m.x + m.width) { grid.bytes[y * width + x] = 0 } } }
            return try grid.image(depth: 8)
        }
        XCTAssertTrue(try FragmentReader.inkIsOneCharacter(try cut([(140, 15, 8, 40), (100, 30, 4, 4), (190, 25, 4, 4)])))
        XCTAssertFalse(try FragmentReader.inkIsOneCharacter(try cut((0..<7).map { (20 + 38 * $0, 30, 6, 8) })))
        XCTAssertFalse(try FragmentReader.inkIsOneCharacter(try cut([])))
    }

    /// A blank box is never read enlarged: nothing is made out of nothing.
    func testABlankCutGivesNoDigit() throws {
        let blank = try ChohyoImaging.Image.blank(width: 60, height: 66, depth: 8)
        let reader = try FragmentReader()
        let settings = FixtureReading.settings(.digits)
        XCTAssertNil(try reader.readLoneDigit(blank, lang: "eng", settings: settings))
    }
}
