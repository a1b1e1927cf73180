import ChohyoCore
import ChohyoImaging
import Foundation
import XCTest
@testable import ChohyoRecognition

/// Cuts from bilevel pages (faxes) have their broken strokes joined, and keep the cut as
/// scanned for a second reading of numbers; a text that cannot fill its ink is not trusted.
final class BilevelReadingTests: XCTestCase {
    /// A 1 bpp page with a 40 × 40 px square drawn in 1 px dots 2 px apart, as a light fax
    /// leaves a stroke.
    func dottedSquarePage() throws -> ChohyoImaging.Image {
        var g = ByteGrid(width: 200, height: 120, bytes: [UInt8](repeating: 0, count: 200 * 120))
        for i in stride(from: 0, through: 40, by: 2) {
            for (x, y) in [(80 + i, 40), (80 + i, 80), (80, 40 + i), (120, 40 + i)] { g.bytes[y * 200 + x] = 1 }
        }
        return try g.image(depth: 1)
    }

    func ink(_ image: ChohyoImaging.Image) throws -> Int { try image.binary(threshold: 160).inkCount() }

    func testBrokenStrokesOfABilevelPageAreJoinedAndTheScanKept() throws {
        // The page at 200 dpi, the template at 300: page = 2/3 × template.
        let faxResolution = Alignment(scaleX: 2.0 / 3, offsetX: 0, scaleY: 2.0 / 3, offsetY: 0, score: 1)
        let box = Box(x: 30, y: 15, width: 240, height: 150)
        let bilevel = try FieldCutter.cut(page: try dottedSquarePage(), alignment: faxResolution, box: box)
        let plain = try XCTUnwrap(bilevel.asScanned, "a bilevel page keeps its cut as scanned")
        // Grown, the dots join into a solid outline with well over twice the ink of the dotted one.
        let plainInk = try ink(plain)
        XCTAssertGreaterThan(plainInk, 0)
        XCTAssertGreaterThan(bilevel.inkPixels, 2 * plainInk, "grown \(bilevel.inkPixels), as scanned \(plainInk)")
        // A grey page, and a bilevel page at the template's own resolution, are cut once, as they are.
        let gray = try FieldCutter.cut(page: try dottedSquarePage().gray(), alignment: faxResolution, box: box)
        XCTAssertNil(gray.asScanned)
        let identity = Alignment(scaleX: 1, offsetX: 0, scaleY: 1, offsetY: 0, score: 1)
        let sharp = try FieldCutter.cut(page: try dottedSquarePage(), alignment: identity,
                                        box: Box(x: 20, y: 10, width: 160, height: 100))
        XCTAssertNil(sharp.asScanned)
    }

    func testSpecksInABlankBoxAreFaintMarksOnABilevelPageAndNoiseOnAGreyOne() throws {
        // A blank 400 × 80 box with 1 px specks about 12 px apart (0.7 % of the box): the
        // heavy-noise grey scans of the tuning hard set look like this.
        var g = ByteGrid(width: 400, height: 80, bytes: [UInt8](repeating: 0, count: 400 * 80))
        var seed: UInt64 = 7
        for _ in 0..<220 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            g.bytes[Int((seed >> 33) % UInt64(g.bytes.count))] = 1
        }
        let identity = Alignment(scaleX: 1, offsetX: 0, scaleY: 1, offsetY: 0, score: 1)
        let box = Box(x: 0, y: 0, width: 400, height: 80)
        let bilevel = try FieldCutter.cut(page: try g.image(depth: 1), alignment: identity, box: box)
        let gray = try FieldCutter.cut(page: try g.image(depth: 1).gray(), alignment: identity, box: box)
        // Speck removal empties both…
        XCTAssertLessThan(bilevel.inkPixels, FragmentReader.blankInkPixels)
        XCTAssertLessThan(gray.inkPixels, FragmentReader.blankInkPixels)
        // …but only the bilevel cut may hide a value broken into specks.
        XCTAssertGreaterThanOrEqual(bilevel.rawInkShare, FragmentReader.faintInkShare)
        XCTAssertEqual(gray.rawInkShare, 0)
    }

    /// Two values of light 200 dpi faxes, cropped from the page as the cutter crops them
    /// (`phone-fax-page-seed29000.png`, `amount-fax-page-seed31000.png`). Read from strokes
    /// grown and left with their bilevel staircase, a 9 came out as 8 in both (075-202-2802,
    /// 496,800), and the reading as scanned sent them to a person; smoothed, both read right
    /// and agree with the reading as scanned.
    func testGrownStrokesAreSmoothedBeforeTheyAreRead() throws {
        let reader = try FragmentReader()
        for (file, key, type, box, value) in [
            ("phone-fax-page-seed29000.png", "payer_phone", FieldType.phone, Box(x: 0, y: 0, width: 600, height: 90), "075-202-2902"),
            ("amount-fax-page-seed31000.png", "annual_tax", FieldType.amount, Box(x: 0, y: 0, width: 470, height: 100), "496,900"),
        ] {
            let page = try ImageSource(path: Self.fixtureURL(file).path).page(0)
            XCTAssertEqual(page.depth, 1, file)
            let scale = Alignment(scaleX: Double(page.width) / Double(box.width), offsetX: 0,
                                  scaleY: Double(page.height) / Double(box.height), offsetY: 0, score: 1)
            let settings = ReadingSettings(field: FieldDefinition(key: key, label: key, type: type, box: box), dpi: 300)
            func read(smoothing: Int) throws -> FragmentReading {
                let cut = try FieldCutter.cut(page: page, alignment: scale, box: box, smoothing: smoothing)
                return try reader.read(FieldFragment(image: cut.image, settings: settings, inkPixels: cut.inkPixels,
                                                     sealInk: cut.sealInk, asScanned: cut.asScanned))
            }
            let smoothed = try read(smoothing: FieldCutter.bilevelSmoothing)
            XCTAssertEqual(smoothed.text, value, file)
            XCTAssertNil(smoothed.note, file)
            let staircase = try read(smoothing: 0)
            XCTAssertNotEqual(staircase.text, value, "\(file): read right without smoothing too")
        }
    }

    /// 766,000 on a light fax of the tuning hard set (`amount-fax-page-tuning0028.png`, the
    /// 源泉徴収税額 of page_0028 as the cutter crops it): read as scanned, its broken 6 gives
    /// 756,000, and the glyphs as scanned are too broken to side with either reading. The
    /// cut as scanned, smoothed, reads 766,000 again, so the value is not held back.
    func testADifferenceTheSmoothedScanReadsAwayCastsNoDoubt() throws {
        let page = try ImageSource(path: Self.fixtureURL("amount-fax-page-tuning0028.png").path).page(0)
        let box = Box(x: 0, y: 0, width: 500, height: 90)
        let scale = Alignment(scaleX: Double(page.width) / 500, offsetX: 0, scaleY: Double(page.height) / 90, offsetY: 0, score: 1)
        let cut = try FieldCutter.cut(page: page, alignment: scale, box: box)
        let plain = try XCTUnwrap(cut.asScanned)
        let settings = ReadingSettings(field: FieldDefinition(key: "withholding_tax", label: "源泉徴収税額", type: .amount, box: box), dpi: 300)
        var asScanned = settings
        asScanned.lang = settings.verifyLang ?? settings.lang
        let reader = try FragmentReader()
        let alone = try reader.read(FieldFragment(image: plain, settings: asScanned, inkPixels: try plain.binary().inkCount(), sealInk: 0))
        XCTAssertNotEqual(alone.text, "766,000", "the reading as scanned differs")
        let smoothed = try plain.blurred(half: FragmentReader.asScannedSmoothing)
        let settled = try reader.read(FieldFragment(image: smoothed, settings: asScanned, inkPixels: try smoothed.binary().inkCount(), sealInk: 0))
        XCTAssertEqual(settled.text, "766,000")
        let reading = try reader.read(FieldFragment(image: cut.image, settings: settings, inkPixels: cut.inkPixels,
                                                    sealInk: cut.sealInk, asScanned: plain))
        XCTAssertEqual(reading.text, "766,000")
        XCTAssertNil(reading.note, reading.note ?? "")
    }

    static func fixtureURL(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
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
