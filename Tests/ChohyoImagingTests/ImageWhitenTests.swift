@testable import ChohyoImaging
import XCTest

/// `Image.whiten` makes a rectangle blank paper whatever the depth: white on grey and colour,
/// no ink on 1 bpp.
final class ImageWhitenTests: XCTestCase {
    func testGreyInkInTheRectangleTurnsWhiteAndTheRestIsKept() throws {
        let image = try ByteGrid(width: 20, height: 10, bytes: [UInt8](repeating: 40, count: 200)).image(depth: 8)
        image.whiten(x: 0, y: 0, width: 5, height: 10)
        let g = ByteGrid(image)
        XCTAssertEqual((0..<10).map { g.at(4, $0) }, [UInt8](repeating: 255, count: 10))
        XCTAssertEqual((0..<10).map { g.at(5, $0) }, [UInt8](repeating: 40, count: 10))
    }

    func testBilevelInkInTheRectangleIsCleared() throws {
        let image = try ByteGrid(width: 20, height: 10, bytes: [UInt8](repeating: 1, count: 200)).image(depth: 1)
        image.whiten(x: 15, y: 0, width: 5, height: 10)
        XCTAssertEqual(image.inkCount(), 150)
    }

    func testAnEmptyRectangleChangesNothing() throws {
        let image = try ByteGrid(width: 20, height: 10, bytes: [UInt8](repeating: 1, count: 200)).image(depth: 1)
        image.whiten(x: 3, y: 0, width: 0, height: 10)
        image.whiten(x: 3, y: 0, width: -2, height: 10)
        XCTAssertEqual(image.inkCount(), 200)
    }
}
