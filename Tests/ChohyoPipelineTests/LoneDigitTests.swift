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

        // A field that may hold more digits is read so only when its one glyph is a 0's ring
        // (`FragmentReader.isLoneRing`), as this oval's is: one mark left of a faint faxed
        // amount is no lone digit (`testAMarkWithoutARingInAnAmountIsNoLoneDigit`).
        let amount = try FragmentReader().read(FieldFragment(image: image, settings: FixtureReading.settings(.amount),
                                                             inkPixels: try image.binary().inkCount(), sealInk: 0))
        XCTAssertEqual(amount.rescue, "0")
    }

    /// The 生命保険料の控除額 of page_0183 of the seed-700500 held-out set (`kyuyo_0025.png`, a
    /// scan), cut as the batch cut it: an amount of 0, typed in a slashed-0 font. eng read
    /// nothing in it as a line, at 1.25 and as a word, and the optional field was shown empty,
    /// as if nothing were owed. Its glyph is a 0's ring, so it is read enlarged too and the 0
    /// is shown to a person.
    func testALoneZeroOfAnAmountIsShownToAPersonNotLeftEmpty() throws {
        let image = try DigitShapesTests.fixture("amount-lone-zero-slashed-seed700500.png")
        let loaded = try PipelineTestSupport.loadForm()
        let field = try XCTUnwrap(loaded.definition.field("life_insurance_deduction"))
        XCTAssertFalse(field.required)
        XCTAssertTrue(FragmentReader.isLoneRing(try DigitShapes.glyphs(in: image)))
        let reading = try FixtureReading.read(image, as: field)
        XCTAssertEqual(reading.text, "")
        XCTAssertEqual(reading.note, FragmentReader.nothingReadNote)
        XCTAssertEqual(reading.rescue, "0")
        let result = JudgeStage.judge(field: field, form: loaded.definition, reading: reading)
        XCTAssertEqual(result.value, "0")
        XCTAssertTrue(result.reason.hasSuffix(FragmentReader.loneDigitNote), result.reason)
        XCTAssertEqual(result.status, .review, "a digit no reading of the line made out is never accepted")
    }

    /// One mark left of an amount faxed too faintly (seed 260500: shown as 4 when any mark as
    /// wide as one character was read so) has no ring, so it is not read as a lone digit in a
    /// field meant for more digits.
    func testAMarkWithoutARingInAnAmountIsNoLoneDigit() throws {
        let width = 300, height = 70
        var grid = ByteGrid(width: width, height: height, bytes: [UInt8](repeating: 255, count: width * height))
        for y in 15..<55 { for x in 140..<148 { grid.bytes[y * width + x] = 0 } }
        let stem = try grid.image(depth: 8)
        XCTAssertTrue(try FragmentReader.inkIsOneCharacter(stem))
        XCTAssertFalse(FragmentReader.isLoneRing(try DigitShapes.glyphs(in: stem)))
        XCTAssertTrue(FragmentReader.isLoneRing(try DigitShapes.glyphs(in: try DigitShapesTests.fixture("amount-lone-zero-slashed-seed700500.png"))))
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
