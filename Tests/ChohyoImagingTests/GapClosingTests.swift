@testable import ChohyoImaging
import XCTest

/// A wide gap inside a line (the space between family and given name) is narrowed before the
/// line is read; the ink itself is left alone.
final class GapClosingTests: XCTestCase {
    /// A 400 × 80 cut of paper at 240 holding 40-px squares (口-like, 4 px strokes, ink at 30)
    /// at the given left edges, rows 20–59.
    func cut(squaresAt lefts: [Int]) throws -> Image {
        var g = ByteGrid(width: 400, height: 80, bytes: [UInt8](repeating: 240, count: 400 * 80))
        for y in 20..<60 { for x0 in lefts { for x in x0..<(x0 + 40) where x < x0 + 4 || x >= x0 + 36 || y < 24 || y >= 56 {
            g.bytes[y * 400 + x] = 30
        } } }
        return try g.image(depth: 8)
    }

    func inkColumns(_ image: Image) -> [Int] {
        let g = ByteGrid(image)
        return (0..<g.width).filter { x in (0..<g.height).contains { g.at(x, $0) < 160 } }
    }

    func testAWideGapIsNarrowedAndEveryInkedColumnKept() throws {
        // Two characters 6 px apart, a 60 px gap (1.5 × the ink's height), a third character.
        let original = try cut(squaresAt: [10, 56, 156])
        let narrowed = try GapClosing.narrowed(original)
        XCTAssertEqual(narrowed.height, 80)
        // The gap keeps 0.15 × 40 = 6 px: 60 − 6 columns go.
        XCTAssertEqual(narrowed.width, 400 - 54)
        let before = inkColumns(original), after = inkColumns(narrowed)
        XCTAssertEqual(after.count, before.count, "no inked column is lost")
        XCTAssertEqual(after.first, 10)
        XCTAssertEqual(after.last, 195 - 54 + 0, "the third character moved 54 px to the left")
        // Its strokes are unchanged: the column of its left side is as dark as before.
        XCTAssertEqual(ByteGrid(narrowed).at(156 - 54, 40), 30)
    }

    func testALineWithoutAWideGapIsTheSameImage() throws {
        // Gaps of 6 and 19 px: under half the ink's height (20 px).
        let original = try cut(squaresAt: [10, 56, 115])
        let narrowed = try GapClosing.narrowed(original)
        XCTAssertTrue(narrowed === original)
    }

    func testABlankCutIsLeftAlone() throws {
        let blank = try cut(squaresAt: [])
        XCTAssertTrue(try GapClosing.narrowed(blank) === blank)
    }
}
