import ChohyoCore
import ChohyoImaging
import ChohyoRecognition
import XCTest

/// A rubber stamp pressed over an empty check box: on a fax its red turns black, and its
/// strokes inside the box look like a tick. It is larger than the box, so it leaves marks
/// around the box that the blank form does not have (`BoxSurround`), and the box goes to a
/// person (`CheckboxThresholds.markOutsideBox`).
final class StampOverBoxTests: XCTestCase {
    /// `koza-fax-stamp-ring-seed592001.tif`: the thin ring of a date stamp runs through the
    /// empty 軽自動車税 box of a light fax. It was read ticked at 100 and accepted, the one
    /// escape of the seed-590500 held-out set. The page's other boxes are read and accepted.
    func testAFaxedStampsRingThroughAnEmptyBoxGoesToAPerson() throws {
        let result = try PipelineTestSupport.batchResult(ofFixture: "koza-fax-stamp-ring-seed592001.tif")
        XCTAssertEqual(result.form, "koza_furikae", result.classification ?? "")
        let stamped = try XCTUnwrap(result.fields["tax_vehicle"])
        XCTAssertNotEqual(stamped.status, .accepted)
        XCTAssertTrue(stamped.reason.contains("a stamp over the box?"), stamped.reason)
        let truth = ["tax_resident": "1", "tax_property": "0", "tax_health": "0",
                     "account_type_ordinary": "1", "account_type_current": "0"]
        for (key, value) in truth {
            let field = try XCTUnwrap(result.fields[key])
            XCTAssertEqual(field.value, value, key)
            XCTAssertEqual(field.status, .accepted, "\(key): \(field.reason)")
        }
    }

    /// The rule itself: a box inked for a tick is sure with clean strips around it, unsure with
    /// a strip at the bar; a box that reads empty stays empty and sure whatever lies around it.
    func testOnlyABoxReadTickedIsHeldForMarksAroundIt() throws {
        var grid = ByteGrid(width: 49, height: 49, bytes: [UInt8](repeating: 255, count: 49 * 49))
        // A tick: down from the left to a joint low in the box, then up to the top right.
        for x in 4..<45 {
            let y = x < 16 ? 24 + (x - 4) : 36 - (x - 16) * 32 / 29
            for t in -2...2 where (0..<49).contains(y + t) { grid.bytes[(y + t) * 49 + x] = 0 }
        }
        let image = try grid.image(depth: 8)
        let ink = try image.binary(threshold: 128).inkCount()
        let settings = ReadingSettings(type: .checkbox, lang: "eng", psm: 10, chars: nil, dpi: 300)
        func read(ink: Int, around: [Double]) -> FragmentReading {
            CheckboxThresholds.default.read(FieldFragment(image: image, settings: settings, inkPixels: ink, sealInk: 0,
                                                          surroundInk: around), note: nil)
        }
        let bar = CheckboxThresholds.markOutsideBox
        let clean = read(ink: ink, around: [0, 0.01, 0, bar - 0.005])
        XCTAssertEqual(clean.text, "1"); XCTAssertGreaterThanOrEqual(clean.confidence, 80)
        let marked = read(ink: ink, around: [0, 0, bar, 0])
        XCTAssertEqual(marked.text, "1"); XCTAssertLessThan(marked.confidence, 50)
        XCTAssertTrue(marked.note?.contains("a stamp over the box?") == true, marked.note ?? "no note")
        let empty = read(ink: 0, around: [0.2, 0.2, 0.2, 0.2])
        XCTAssertEqual(empty.text, "0"); XCTAssertGreaterThanOrEqual(empty.confidence, 80)
    }
}
