import ChohyoCore
@testable import ChohyoImaging
import XCTest

/// A lid shadow along a cut's edge is lifted before line removal, which took it for a rule
/// and the characters in it with it.
final class ShadowFlatteningTests: XCTestCase {
    /// A 600 × 90 cut of paper at 235: two "characters" (口-like squares, 40 px, 4 px strokes,
    /// ink at 40) at x 14 and 70; with `shadow`, the paper darkens to 100 over x < 50, under the
    /// first character.
    func cut(shadow: Bool) throws -> Image {
        var g = ByteGrid(width: 600, height: 90, bytes: [UInt8](repeating: 235, count: 600 * 90))
        for y in 0..<90 { for x in 0..<600 {
            let paper = shadow && x < 50 ? 100 : 235
            let inSquare = [14, 70].contains { x0 in
                x >= x0 && x < x0 + 40 && y >= 25 && y < 65 && (x < x0 + 4 || x >= x0 + 36 || y < 29 || y >= 61)
            }
            g.bytes[y * 600 + x] = UInt8(inSquare ? paper * 40 / 235 : paper)
        } }
        return try g.image(depth: 8)
    }

    func testACutWithoutShadowIsLeftAsItIs() throws {
        let plain = try cut(shadow: false)
        XCTAssertEqual(ByteGrid(try ShadowFlattening.flattened(plain)).bytes, ByteGrid(plain).bytes)
    }

    func testTheCharacterInTheShadowIsKept() throws {
        let shaded = try cut(shadow: true)
        let flat = ByteGrid(try ShadowFlattening.flattened(shaded))
        XCTAssertGreaterThan(flat.at(5, 45), 220, "the shadow is lifted to the paper's level")
        XCTAssertLessThan(flat.at(15, 45), 60, "the stroke in it stays dark")
        let identity = Alignment(scaleX: 1, offsetX: 0, scaleY: 1, offsetY: 0, score: 1)
        let c = try FieldCutter.cut(page: shaded, alignment: identity, box: ChohyoCore.Box(x: 0, y: 0, width: 600, height: 90), margin: 0)
        let ink = try c.image.binary(threshold: 160)
        XCTAssertEqual(ink.componentBoxes().filter { $0.width >= 30 }.count, 2, "both characters are left")
        // The old way, without lifting the shadow first, loses the first.
        let unlifted = try FieldCutter.removeLines(shaded).binary(threshold: 160)
        XCTAssertEqual(unlifted.componentBoxes().filter { $0.width >= 30 && $0.x < 50 }.count, 0)
    }

    /// The closing is made only for cuts that could hold a shadow: a plain cut is not, a cut
    /// with the band along its edge is, and so is one shaded only in its corner.
    func testOnlyACutWithADarkSquareIsLookedAtCloser() throws {
        XCTAssertFalse(try ShadowFlattening.mayBeShaded(try cut(shadow: false)))
        XCTAssertTrue(try ShadowFlattening.mayBeShaded(try cut(shadow: true)))
        var g = ByteGrid(width: 600, height: 90, bytes: [UInt8](repeating: 235, count: 600 * 90))
        for y in 70..<90 { for x in 580..<600 { g.bytes[y * 600 + x] = 90 } }
        let corner = try g.image(depth: 8)
        XCTAssertTrue(try ShadowFlattening.mayBeShaded(corner), "a square cut by the edges counts")
    }
}
