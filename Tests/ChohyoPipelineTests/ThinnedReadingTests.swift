import ChohyoCore
import ChohyoImaging
@testable import ChohyoPipeline
import XCTest
@testable import ChohyoRecognition

/// On a bilevel page at fax resolution, a number read from the cut as scanned may differ from
/// the one read from the grown cut only because its thin strokes broke: then it casts no doubt.
final class ThinnedReadingTests: XCTestCase {
    /// Glyphs drawn by `DigitShapesTests.glyphs`, all as wide: "l=" has no hole (1, 2, 3, 5, 7),
    /// "b" a hole below (6), "u" a hole above (9), "O=" two stacked holes (8), "O" a ring (0).
    func shapes(_ parts: [String]) throws -> [DigitShapes.Glyph] {
        try DigitShapes.glyphs(in: try DigitShapesTests.glyphs(parts))
    }

    func testDigitsMissingFromTheSecondReadingAreExplainedWhenTheInkHoldsThem() throws {
        let five = try shapes(["l=", "l=", "l=", "l=", "l="])
        XCTAssertTrue(ThinnedReading.explained(first: "57,117", again: "7,117", glyphs: five))
        XCTAssertTrue(ThinnedReading.explained(first: "57117", again: "5117", glyphs: five))
        // Most of the number must be left as scanned: nothing, or two digits of five, is no
        // thin stroke but a page too faint to read (a lone "4" for 682,800, seed 27000).
        XCTAssertFalse(ThinnedReading.explained(first: "57117", again: "", glyphs: five))
        XCTAssertFalse(ThinnedReading.explained(first: "57117", again: "17", glyphs: five))
        XCTAssertFalse(ThinnedReading.explained(first: "4", again: "", glyphs: try shapes(["l="])))
        // The ink holds one character more or fewer than the first reading: no explanation.
        XCTAssertFalse(ThinnedReading.explained(first: "5711", again: "711", glyphs: five))
        XCTAssertFalse(ThinnedReading.explained(first: "571177", again: "57117", glyphs: five))
    }

    func testADigitWithFewerHolesIsExplainedOnlyWhenTheGlyphKeepsTheHoles() throws {
        // 76,200 read 75,200 from the cut as scanned: its 6 has the hole below.
        let withHole = try shapes(["l=", "b", "O", "O", "O"])
        XCTAssertTrue(ThinnedReading.explained(first: "76,200", again: "75,200", glyphs: withHole))
        // 9 read as 3, 8 read as 6, with the first reading's holes in the glyph.
        XCTAssertTrue(ThinnedReading.explained(first: "9900", again: "3900", glyphs: try shapes(["u", "u", "O", "O"])))
        XCTAssertTrue(ThinnedReading.explained(first: "186", again: "166", glyphs: try shapes(["l=", "O=", "b"])))
        // The glyph as scanned has no hole: the grown strokes may have closed a 5 into a 6.
        let noHole = try shapes(["l=", "l=", "O", "O", "O"])
        XCTAssertFalse(ThinnedReading.explained(first: "76,200", again: "75,200", glyphs: noHole))
        // The glyph as scanned is a ring: an 8 read from the grown cut may be a closed 0.
        XCTAssertFalse(ThinnedReading.explained(first: "1800", again: "1000", glyphs: try shapes(["l=", "O", "O", "O"])))
    }

    func testAnExtraDigitOrAnUnlikeDigitIsNotExplained() throws {
        let five = try shapes(["l=", "b", "O", "O", "O"])
        XCTAssertFalse(ThinnedReading.explained(first: "76,200", again: "762,200", glyphs: five))
        // 2 and 3 have no hole alike: the glyph sides with neither.
        XCTAssertFalse(ThinnedReading.explained(first: "76,200", again: "76,300", glyphs: five))
        XCTAssertFalse(ThinnedReading.explained(first: "(6,200", again: "6,200", glyphs: five))
    }

    func testAPostalMarkReadAsADigitIsNoDifference() throws {
        let glyphs = try shapes(["l=", "l=", "O", "l=", "l=", "l=", "b", "l="])
        XCTAssertTrue(ThinnedReading.explained(first: "〒102-5665", again: "7102-5665", glyphs: glyphs))
        // The mark is two digits wide in most fonts: it is still one glyph.
        var wide = glyphs
        wide[0].characters = 2
        XCTAssertTrue(ThinnedReading.explained(first: "〒102-5665", again: "〒102-5655", glyphs: wide))
        XCTAssertFalse(ThinnedReading.explained(first: "〒102-5665", again: "〒102-5565", glyphs: wide),
                       "the first 6 stands on a glyph without a hole: it may be a 5")
    }

    /// Two amounts of a light fax of the tuning hard set (`page_0194`, `page_0242`), cut as the
    /// batch cut them: with their strokes grown, and as scanned. Read as scanned, 76,200 lost
    /// its 6's stem (75,200) and 7,107,142 its leading 7; the glyphs as scanned still show the
    /// 6's hole and seven characters, so the values are not held back for it.
    func testAmountsOfALightFaxAreNotHeldBackForTheirThinStrokes() throws {
        let settings = FixtureReading.settings(.amount)
        let reader = try FragmentReader()
        for (page, value, asScannedAlone) in [("0194", "76,200", "75,200"), ("0242", "7,107,142", "107,142")] {
            let grown = try DigitShapesTests.fixture("amount-fax-grown-tuning\(page).png")
            let scanned = try DigitShapesTests.fixture("amount-fax-scanned-tuning\(page).png")
            var second = settings
            second.lang = settings.verifyLang ?? settings.lang
            let alone = try reader.read(FieldFragment(image: scanned, settings: second,
                                                      inkPixels: try scanned.binary().inkCount(), sealInk: 0))
            XCTAssertEqual(alone.text, asScannedAlone, "page \(page) as scanned")
            let reading = try reader.read(FieldFragment(image: grown, settings: settings, inkPixels: try grown.binary().inkCount(),
                                                        sealInk: 0, asScanned: scanned))
            XCTAssertEqual(reading.text, value, "page \(page)")
            XCTAssertNil(reading.note, "page \(page)")
        }
    }
}
