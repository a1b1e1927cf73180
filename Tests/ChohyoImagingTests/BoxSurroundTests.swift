import CLeptTess
import ChohyoCore
import ChohyoImaging
import Foundation
import XCTest

/// Marks around a check box that the blank form does not have (`BoxSurround`): a tick inside
/// the box leaves none, nor does the form's own print beside the box when the page is a few
/// pixels off; a stamp's ring running through the box does, unless it is red on a colour scan
/// (dropped out like the stamp itself).
final class BoxSurroundTests: XCTestCase {
    static let side = 240
    static let box = Box(x: 85, y: 85, width: 70, height: 70)

    /// A blank form: the box's 3 px frame and, right of it, a label of short strokes.
    func template() -> ByteGrid {
        var g = ByteGrid(width: Self.side, height: Self.side, bytes: [UInt8](repeating: 255, count: Self.side * Self.side))
        let b = Self.box
        for i in 0..<b.width { for t in 0..<3 {
            g.bytes[(b.y + t) * Self.side + b.x + i] = 20; g.bytes[(b.y + b.height - 1 - t) * Self.side + b.x + i] = 20
            g.bytes[(b.y + i) * Self.side + b.x + t] = 20; g.bytes[(b.y + i) * Self.side + b.x + b.width - 1 - t] = 20
        } }
        for k in 0..<4 { for y in 100..<140 { for x in (172 + 16 * k)..<(175 + 16 * k) { g.bytes[y * Self.side + x] = 20 } } }
        return g
    }

    /// Ink `level` along the segments of `points`, 5 px wide (grid coordinates).
    func draw(_ g: inout ByteGrid, _ points: [(Double, Double)], width: Int = 5, level: UInt8 = 20) {
        for (a, b) in zip(points, points.dropFirst()) {
            let steps = Int(max(abs(b.0 - a.0), abs(b.1 - a.1))) * 2 + 1
            for s in 0...steps {
                let f = Double(s) / Double(steps)
                let (x, y) = (Int((a.0 + (b.0 - a.0) * f).rounded()), Int((a.1 + (b.1 - a.1) * f).rounded()))
                for dy in -(width / 2)...(width / 2) { for dx in -(width / 2)...(width / 2) {
                    let (px, py) = (x + dx, y + dy)
                    if (0..<g.width).contains(px), (0..<g.height).contains(py) { g.bytes[py * g.width + px] = level }
                } }
            }
        }
    }

    /// A circle's points: a date stamp's ring, 3 px wide, through the box.
    func ring(centre: (Double, Double), radius: Double) -> [(Double, Double)] {
        (0...360).map { d in (centre.0 + radius * cos(Double(d) * .pi / 180), centre.1 + radius * sin(Double(d) * .pi / 180)) }
    }

    func shares(_ page: Image, template: ByteGrid) throws -> [Double] {
        let t = try BoxSurround.template(image: try template.image(depth: 8), box: Self.box)
        let identity = Alignment(scaleX: 1, offsetX: 0, scaleY: 1, offsetY: 0, score: 1)
        return try XCTUnwrap(try BoxSurround.foreignInk(page: page, alignment: identity, template: t))
    }

    func testATickInsideItsBoxLeavesNoMarksAround() throws {
        let blank = template()
        XCTAssertEqual(try shares(try blank.image(depth: 8), template: blank), [0, 0, 0, 0])
        var ticked = blank
        draw(&ticked, [(96, 120), (113, 143), (145, 96)])
        XCTAssertLessThan(try shares(try ticked.image(depth: 8), template: blank).max()!, 0.005)
    }

    /// The page lies off where the alignment puts it: 4 px right and 3 px up, which the
    /// template's grown print covers, and 18 px right and 14 px up, as on a scan scaled or
    /// bent a little, where the print is looked for (`BoxSurround.localShift`).
    func testTheFormsOwnPrintAFewPixelsOffIsNotAMark() throws {
        let blank = template()
        var ticked = blank
        draw(&ticked, [(96, 120), (113, 143), (145, 96)])
        for (dx, dy) in [(4, -3), (18, -14), (-20, 0)] {
            let shifted = try ticked.image(depth: 8).translated(dx: dx, dy: dy)
            XCTAssertLessThan(try shares(shifted, template: blank).max()!, 0.005, "shifted \(dx), \(dy)")
        }
        // A print's column at 5 of 9, found on the page 2 to the left of where it is mapped.
        let m = BoxSurround.maxShift
        var page = [Double](repeating: 0, count: 9 + 2 * m)
        (page[m + 2], page[m + 3], page[m + 4]) = (1, 5, 1)
        XCTAssertEqual(BoxSurround.localShift(page: page, template: [0, 0, 0, 0, 0, 5, 0, 0, 0]), -2)
    }

    /// A light fax that lost the box's frame and label keeps only the tick: the print is not
    /// looked for in the tick's strokes, and the tick stays in the box.
    func testATickWhoseFrameFadedStaysInItsBox() throws {
        var tickOnly = ByteGrid(width: Self.side, height: Self.side, bytes: [UInt8](repeating: 255, count: Self.side * Self.side))
        draw(&tickOnly, [(96, 120), (113, 143), (145, 96)])
        XCTAssertLessThan(try shares(try tickOnly.image(depth: 8), template: template()).max()!, 0.005)
    }

    func testAStampsRingThroughTheBoxLeavesMarksOutsideIt() throws {
        let blank = template()
        var stamped = blank
        draw(&stamped, ring(centre: (40, 200), radius: 110), width: 3)
        let around = try shares(try stamped.image(depth: 8), template: blank)
        XCTAssertGreaterThanOrEqual(around.max()!, 0.03, "\(around)")
        // The same page on a fax: bilevel at 200 dpi, mapped back to the template's 300.
        let fax = try stamped.image(depth: 8).scaled(x: 2.0 / 3, y: 2.0 / 3).binary(threshold: 128)
        let t = try BoxSurround.template(image: try blank.image(depth: 8), box: Self.box)
        let faxed = try XCTUnwrap(try BoxSurround.foreignInk(page: fax, alignment: Alignment(scaleX: 2.0 / 3, offsetX: 0, scaleY: 2.0 / 3, offsetY: 0, score: 1), template: t))
        XCTAssertGreaterThanOrEqual(faxed.max()!, 0.03, "\(faxed)")
    }

    /// On a colour scan the stamp is red and dropped out, as it is from the box itself.
    func testARedStampOnAColourScanIsNoMark() throws {
        let blank = template()
        var mask = ByteGrid(width: Self.side, height: Self.side, bytes: [UInt8](repeating: 255, count: Self.side * Self.side))
        draw(&mask, ring(centre: (40, 200), radius: 110), width: 3, level: 0)
        let grey = try blank.image(depth: 8)
        let page = ChohyoImaging.Image.adopt(try XCTUnwrap(withExtendedLifetime(grey) { pixConvertTo32(grey.raw) }))
        let wpl = Int(pixGetWpl(page.raw)), data = pixGetData(page.raw)!
        for y in 0..<Self.side { for x in 0..<Self.side where mask.at(x, y) == 0 { data[y * wpl + x] = 205 << 24 | 40 << 16 | 45 << 8 } }
        XCTAssertLessThan(try shares(page, template: blank).max()!, 0.005)
    }
}
