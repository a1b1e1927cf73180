import ChohyoCore
import ChohyoImaging
import Foundation
import XCTest
@testable import ChohyoRecognition

/// Cuts from bilevel pages (faxes) have their broken strokes joined, and keep the cut as
/// scanned for a second reading of numbers; a text that cannot fill its ink is not trusted.
final class BilevelReadingTests: XCTestCase {
    /// A 1 bpp page with a 40 × 40 px square drawn in 1 px dots 3 px apart, as a light fax
    /// leaves a stroke.
    func dottedSquarePage() throws -> ChohyoImaging.Image {
        var g = ByteGrid(width: 200, height: 120, bytes: [UInt8](repeating: 0, count: 200 * 120))
        for i in stride(from: 0, through: 40, by: 3) {
            for (x, y) in [(80 + i, 40), (80 + i, 80), (80, 40 + i), (120, 40 + i)] { g.bytes[y * 200 + x] = 1 }
        }
        return try g.image(depth: 1)
    }

    func ink(_ image: ChohyoImaging.Image) throws -> Int { try image.binary(threshold: 160).inkCount() }

    func testBrokenStrokesOfABilevelPageAreJoinedAndTheScanKept() throws {
        let identity = Alignment(scaleX: 1, offsetX: 0, scaleY: 1, offsetY: 0, score: 1)
        let box = Box(x: 20, y: 10, width: 160, height: 100)
        let bilevel = try FieldCutter.cut(page: try dottedSquarePage(), alignment: identity, box: box)
        let plain = try XCTUnwrap(bilevel.asScanned, "a bilevel page keeps its cut as scanned")
        // As scanned, 1 px dots are specks and go; grown, they join into the square's outline.
        XCTAssertGreaterThan(bilevel.inkPixels, 300)
        XCTAssertLessThan(try ink(plain), 20)
        // A grey page is cut once, as it is.
        let gray = try FieldCutter.cut(page: try dottedSquarePage().gray(), alignment: identity, box: box)
        XCTAssertNil(gray.asScanned)
    }

    func testATextThatCannotFillItsInkIsNotTrusted() {
        // 107,928 faxed, read as "1": the ink is six heights wide.
        XCTAssertFalse(FragmentReader.textSpans("1", inkWidth: 600, inkHeight: 100))
        XCTAssertTrue(FragmentReader.textSpans("107,928", inkWidth: 450, inkHeight: 100))
        // A name with the wide gap between family and given names still fits.
        XCTAssertTrue(FragmentReader.textSpans("山田 太郎", inkWidth: 700, inkHeight: 100))
        XCTAssertFalse(FragmentReader.textSpans("山田", inkWidth: 500, inkHeight: 100))
    }
}
