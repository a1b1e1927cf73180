@testable import ChohyoImaging
import XCTest

/// Voicing marks counted on the components of a line of full-width kana (`VoicingMarks`),
/// 40 px high: a mark high on a glyph's right counts, a glyph's own small strokes do not.
final class VoicingMarksTests: XCTestCase {
    typealias Rect = VoicingMarks.Rect

    func rect(_ x: Int, _ y: Int, _ w: Int, _ h: Int) -> Rect { Rect(x: x, y: y, width: w, height: h) }

    /// ギ: キ's body and the two strokes of ゛ beside its top right, apart or run together.
    func testAMarkHighOnTheRightOfAGlyphCounts() {
        let ki = rect(0, 2, 34, 38)
        XCTAssertEqual(VoicingMarks.count([ki, rect(32, 0, 3, 8), rect(38, 1, 3, 8)]), 1)
        XCTAssertEqual(VoicingMarks.count([ki, rect(32, 0, 9, 9)]), 1, "run together")
        XCTAssertEqual(VoicingMarks.count([ki, rect(32, 0, 4, 5)]), 1, "one stroke left after cleaning")
        // Two voiced kana: ギ and ダ.
        XCTAssertEqual(VoicingMarks.count([ki, rect(32, 0, 3, 8), rect(38, 1, 3, 8),
                                          rect(48, 1, 32, 39), rect(78, 0, 3, 9), rect(84, 0, 3, 8)]), 2)
    }

    /// キ alone, a speck beside it, シ's dots and ン's tick (over the left part of their
    /// glyph), ト's short stroke (halfway down) and a next glyph's top left.
    func testAGlyphsOwnStrokesAndSpecksAreNoMarks() {
        let ki = rect(0, 2, 34, 38)
        XCTAssertEqual(VoicingMarks.count([ki]), 0)
        XCTAssertEqual(VoicingMarks.count([ki, rect(34, 1, 2, 2)]), 0, "a speck")
        XCTAssertEqual(VoicingMarks.count([ki, rect(34, 1, 2, 2), rect(36, 2, 2, 2)]), 0, "two specks, too small together")
        let shi = [rect(48, 4, 28, 36), rect(46, 1, 7, 6), rect(47, 11, 7, 6)]
        XCTAssertEqual(VoicingMarks.count([ki] + shi), 0)
        let to = [rect(54, 0, 6, 40), rect(60, 14, 12, 7)]
        XCTAssertEqual(VoicingMarks.count([ki] + to), 0)
        // Two specks above the line, over タ's top right (seed-620500 set).
        let ta = rect(0, 20, 24, 31)
        XCTAssertEqual(VoicingMarks.count([ta, rect(18, 5, 3, 2), rect(18, 12, 1, 2)]), 0)
        XCTAssertEqual(VoicingMarks.count([ta, rect(20, 15, 3, 7), rect(25, 16, 3, 7)]), 1, "a mark reaching into the line")
        // A mark too far right of キ's ink to be its own (the next glyph's stroke, 8 px off).
        XCTAssertEqual(VoicingMarks.count([ki, rect(42, 0, 8, 8)]), 0)
    }
}
