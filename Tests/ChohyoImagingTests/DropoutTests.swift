import CLeptTess
import ChohyoCore
import ChohyoImaging
import XCTest

/// Red and pink ink (dropout-colour print, seals, rubber stamps) is removed before a field
/// is read, and its share of the field is measured so a stamped field can go to a person.
final class DropoutTests: XCTestCase {
    /// A 32 bpp copy of a grey image.
    func colour(_ gray: ChohyoImaging.Image) throws -> ChohyoImaging.Image {
        ChohyoImaging.Image.adopt(try XCTUnwrap(pixConvertTo32(gray.raw)))
    }

    /// Paints a filled disc of colour (r, g, b) into a 32 bpp image, like a seal.
    func paintDisc(_ img: ChohyoImaging.Image, cx: Int, cy: Int, radius: Int, r: UInt32, g: UInt32, b: UInt32) {
        let wpl = Int(pixGetWpl(img.raw)), data = pixGetData(img.raw)!
        for y in max(0, cy - radius)..<min(img.height, cy + radius) {
            for x in max(0, cx - radius)..<min(img.width, cx + radius) where (x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius {
                data[y * wpl + x] = r << 24 | g << 16 | b << 8
            }
        }
    }

    func testRedSealIsDroppedAndMeasured() throws {
        let template = try TestForm.templateImage()
        let loaded = try TestForm.load()
        let page = try colour(template)
        let field = try XCTUnwrap(loaded.definition.field("payee_name"))
        // A vermilion seal (朱肉) over the empty name box, a third of its height across.
        paintDisc(page, cx: field.box.x + 200, cy: field.box.y + 45, radius: 40, r: 220, g: 40, b: 30)
        let identity = Alignment(scaleX: 1, offsetX: 0, scaleY: 1, offsetY: 0, score: 1)
        let cut = try FieldCutter.cut(page: page, alignment: identity, box: field.box)
        XCTAssertGreaterThan(cut.sealInk, 0.02, "the seal's share of the box is measured")
        XCTAssertEqual(cut.inkPixels, 0, "the seal is not ink to read: the box is blank")
        // Pink dropout print is removed the same way; black ink is kept.
        let page2 = try colour(template)
        paintDisc(page2, cx: field.box.x + 200, cy: field.box.y + 45, radius: 30, r: 245, g: 150, b: 180)
        paintDisc(page2, cx: field.box.x + 600, cy: field.box.y + 45, radius: 20, r: 10, g: 10, b: 10)
        let cut2 = try FieldCutter.cut(page: page2, alignment: identity, box: field.box)
        XCTAssertGreaterThan(cut2.sealInk, 0.01)
        XCTAssertGreaterThan(cut2.inkPixels, 900, "the black disc (π·20² ≈ 1257 px) stays")
        XCTAssertLessThan(cut2.inkPixels, 1600, "and the pink one is gone")
    }

    /// A faded rubber stamp's pale pink (212, 164, 164 on a seed-51000 page) is not red enough
    /// for `isRed`, yet darker than the ink threshold: its remnant in an empty box was read
    /// "eg" and accepted. Pale pink is dropped; a neutral grey mark as light is still ink.
    func testAFadedPinkStampIsDroppedButAGreyMarkAsLightStays() throws {
        let identity = Alignment(scaleX: 1, offsetX: 0, scaleY: 1, offsetY: 0, score: 1)
        func ring(r: UInt32, g: UInt32, b: UInt32) throws -> FieldCutter.Cut {
            let page = try colour(try Image.blank(width: 400, height: 120, depth: 8))
            paintDisc(page, cx: 200, cy: 60, radius: 40, r: r, g: g, b: b)
            paintDisc(page, cx: 200, cy: 60, radius: 36, r: 255, g: 255, b: 255)
            return try FieldCutter.cut(page: page, alignment: identity, box: Box(x: 0, y: 0, width: 400, height: 120))
        }
        XCTAssertEqual(try ring(r: 212, g: 164, b: 164).inkPixels, 0, "the pale pink ring is dropped out")
        XCTAssertGreaterThan(try ring(r: 178, g: 178, b: 178).inkPixels, 500, "a grey ring as dark is ink")
    }

    func testThinRedRulesOfADropoutFormAreNotASeal() throws {
        // A cut that caught the red cell border of a form printed in a dropout colour.
        let page = try colour(try Image.blank(width: 600, height: 120, depth: 8))
        for x in 0..<600 { for y in 3..<6 { paintDisc(page, cx: x, cy: y, radius: 1, r: 230, g: 80, b: 100) } }
        let identity = Alignment(scaleX: 1, offsetX: 0, scaleY: 1, offsetY: 0, score: 1)
        let cut = try FieldCutter.cut(page: page, alignment: identity, box: Box(x: 0, y: 0, width: 600, height: 120))
        XCTAssertEqual(cut.sealInk, 0, "a 3 px rule is print, not a seal")
        XCTAssertEqual(cut.inkPixels, 0, "and it is dropped out before reading")
    }

    /// Pink rules washed out by grey paper (as on `ido-grey-paper-seed960500.jpg`) are ink for
    /// registration, and still not for reading. A grey rule of the same lightness is not: it
    /// is only 47 levels under the paper (`WorkingImage.inkDepth`).
    func testWashedOutRedRulesOnGreyPaperAreKeptForRegistration() throws {
        let page = try colour(try Image.blank(width: 400, height: 100, depth: 8))
        paintDisc(page, cx: 200, cy: 50, radius: 400, r: 201, g: 201, b: 201)
        for x in 20..<380 { for y in 30..<33 { paintDisc(page, cx: x, cy: y, radius: 1, r: 188, g: 138, b: 145) } }
        for x in 20..<380 { for y in 70..<73 { paintDisc(page, cx: x, cy: y, radius: 1, r: 154, g: 154, b: 154) } }
        let structure = try WorkingImage.binary(page, scale: 1)
        XCTAssertGreaterThan(try structure.cropped(x: 0, y: 0, width: 400, height: 50).inkCount(), 300 * 3,
                             "the washed-out rule registers")
        XCTAssertEqual(try structure.cropped(x: 0, y: 50, width: 400, height: 50).inkCount(), 0,
                       "a grey rule as light does not")
        let split = try Dropout.split(page)
        XCTAssertEqual(try split.gray.cropped(x: 0, y: 0, width: 400, height: 50).binary(threshold: 160).inkCount(), 0,
                       "the washed-out rule is dropped before reading")
    }

    func testStructureKeepsRedLinesForRegistration() throws {
        // A red rule is ink for registration (dropout-colour forms still align) but not for reading.
        let white = try colour(try Image.blank(width: 400, height: 100, depth: 8))
        for x in 20..<380 { for y in 50..<53 { paintDisc(white, cx: x, cy: y, radius: 1, r: 230, g: 30, b: 40) } }
        XCTAssertGreaterThan(try Dropout.structure(white).inkCount(), 300 * 3)
        let split = try Dropout.split(white)
        XCTAssertEqual(try split.gray.binary(threshold: 160).inkCount(), 0)
        XCTAssertGreaterThan(split.redPixels, 300 * 3)
    }
}
