import CLeptTess
import ChohyoCore
import ChohyoImaging
@testable import ChohyoPipeline
import ChohyoRecognition
import Foundation
import XCTest

/// What leaves the trusted zone: the fragments a page is cut into carry one field's image,
/// how to read it and a random id, and nothing that leads back to the page, the file or the form.
final class FragmentPrivacyTests: XCTestCase {
    /// `asScanned` is a second image of the same field (from a 200 dpi bilevel page, before its
    /// strokes were grown): no more of the page than `image` shows.
    static let expectedFragmentLabels = ["id", "image", "settings", "inkPixels", "sealInk", "rawInkShare", "asScanned",
                                                "surroundInk"]
    /// Words that would name where a fragment came from.
    static let revealing = ["page", "file", "path", "source", "form", "key", "box", "coord", "x", "y",
                            "slot", "neighbour", "neighbor", "index", "name", "label"]

    var tmp: URL!

    override func setUpWithError() throws { tmp = try PipelineTestSupport.temporaryDirectory("fragments") }
    override func tearDownWithError() throws { if let tmp { try? FileManager.default.removeItem(at: tmp) } }

    /// The template, prepared once for all tests.
    nonisolated(unsafe) static var model: TemplateModel?

    /// Runs stage 2–5 (decode … cut) on one page of `path`.
    func cut(_ path: String, loaded: LoadedDefinition) throws -> PageStage.Output {
        if Self.model == nil { Self.model = try TemplateModel(definition: loaded.definition, templateURL: loaded.templateURL) }
        let model = Self.model!
        let task = PageTask(source: try ImageSource(path: path), displayPath: path, pageIndex: 0)
        return PageStage.run(task, forms: [loaded], matcher: FormMatcher(templates: [model]))
    }

    static func isRandomHex128(_ s: String) -> Bool {
        s.count == 32 && s.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }

    func testFragmentsCarryOnlyIdImageAndReadingSettings() throws {
        let loaded = try PipelineTestSupport.loadForm()
        let path = PipelineTestSupport.sample("kyuyo_0007.png").path
        let out = try cut(path, loaded: loaded)
        XCTAssertEqual(out.result.status, .ok, out.result.error ?? out.result.classification ?? "")
        XCTAssertEqual(out.fragments.count, loaded.definition.fields.count, "one fragment per field")
        XCTAssertEqual(out.fragments.map(\.key), loaded.definition.fields.map(\.key))

        for (key, fragment) in out.fragments {
            // Exactly these stored properties, nothing else.
            let labels = Mirror(reflecting: fragment).children.map { $0.label ?? "?" }
            XCTAssertEqual(labels, Self.expectedFragmentLabels, "fragment of \(key)")
            XCTAssertNil(fragment.asScanned, "a grey page's field is cut once")
            // Around a check box only four shares of ink go with it (`BoxSurround`), no position.
            if fragment.settings.type == .checkbox {
                XCTAssertEqual(fragment.surroundInk.count, 4, key)
                XCTAssertTrue(fragment.surroundInk.allSatisfy { (0...1).contains($0) }, "\(fragment.surroundInk)")
            } else {
                XCTAssertTrue(fragment.surroundInk.isEmpty, key)
            }
            for label in labels {
                let l = label.lowercased()
                XCTAssertFalse(["page", "file", "form", "source", "path"].contains { l.contains($0) }, label)
            }
            // The id is only 128 random bits, as hex.
            XCTAssertEqual(Mirror(reflecting: fragment.id).children.map { $0.label ?? "?" }, ["hex"])
            XCTAssertTrue(Self.isRandomHex128(fragment.id.hex), fragment.id.hex)
            XCTAssertEqual(fragment.id.description, fragment.id.hex)
            // The reading settings say how to read, not where the field came from.
            let settingLabels = Mirror(reflecting: fragment.settings).children.compactMap(\.label)
            XCTAssertTrue(Set(settingLabels).isSuperset(of: ["type", "lang", "psm", "chars"]), "\(settingLabels)")
            for label in settingLabels {
                XCTAssertFalse(Self.revealing.contains(label.lowercased()), "ReadingSettings.\(label)")
            }
            let field = try XCTUnwrap(loaded.definition.fields.first { $0.key == key })
            XCTAssertEqual(fragment.settings.type, field.type)
            // Nothing in the id or settings spells the file, the field key or the form.
            let visible = "\(fragment.id) \(fragment.settings)"
            for secret in [path, "kyuyo_0007", key, loaded.definition.id] {
                XCTAssertFalse(visible.contains(secret), "fragment of \(key) shows \(secret): \(visible)")
            }
            // The image is the field's box at template resolution (plus a white margin), no more of the page.
            XCTAssertLessThanOrEqual(fragment.image.width, field.box.width + 26, key)
            XCTAssertLessThanOrEqual(fragment.image.height, field.box.height + 26, key)
        }
    }

    func testFragmentIdsAreUniqueAndRandom() throws {
        let loaded = try PipelineTestSupport.loadForm()
        let path = PipelineTestSupport.sample("kyuyo_0001.jpg").path
        let first = try cut(path, loaded: loaded).fragments.map(\.fragment.id)
        let second = try cut(path, loaded: loaded).fragments.map(\.fragment.id)
        XCTAssertEqual(first.count, loaded.definition.fields.count)
        XCTAssertEqual(Set(first).count, first.count, "ids unique within a page")
        // The same page cut twice gets entirely new ids: they are not derived from the content.
        XCTAssertTrue(Set(first).isDisjoint(with: second))
        XCTAssertTrue((first + second).allSatisfy { Self.isRandomHex128($0.hex) })

        // Many ids: no repeats, and every hex digit position takes many values (random, not a counter).
        let ids = (0..<2000).map { _ in FragmentID.random().hex }
        XCTAssertEqual(Set(ids).count, ids.count)
        XCTAssertTrue(ids.allSatisfy(Self.isRandomHex128))
        for position in [0, 1, 15, 16, 30, 31] {
            let digits = Set(ids.map { Array($0)[position] })
            XCTAssertEqual(digits.count, 16, "position \(position) uses all 16 hex digits")
        }
        // Roughly half the bits are set (a random 128-bit value, not a small number padded with zeros).
        let ones = ids.reduce(0) { sum, hex in
            sum + hex.compactMap { $0.hexDigitValue }.reduce(0) { $0 + $1.nonzeroBitCount }
        }
        let share = Double(ones) / Double(ids.count * 128)
        XCTAssertEqual(share, 0.5, accuracy: 0.02)
    }

    /// A scan can carry text metadata (a PNG comment naming the person or the file). None of it
    /// may travel with the fragments.
    func testScanMetadataDoesNotTravelWithFragments() throws {
        let loaded = try PipelineTestSupport.loadForm()
        let secret = "kyuyo-0005 payee 近藤隆 123456789018"
        let page = try ImageSource(path: PipelineTestSupport.sample("kyuyo_0005.png").path).page(0)
        XCTAssertEqual(pixSetText(page.raw, secret), 0)
        let path = tmp.appendingPathComponent("with-comment.png").path
        try page.writePNG(to: path)
        // The comment is really in the file and is read back with the page.
        let reread = try ImageSource(path: path).page(0)
        XCTAssertEqual(pixGetText(reread.raw).map { String(cString: $0) }, secret)

        let out = try cut(path, loaded: loaded)
        XCTAssertEqual(out.result.status, .ok, out.result.error ?? "")
        for (key, fragment) in out.fragments {
            let text = pixGetText(fragment.image.raw).map { String(cString: $0) }
            XCTAssertNil(text, "fragment of \(key) carries the scan's text metadata")
            let png = try fragment.image.pngData()
            XCTAssertNil(png.firstRange(of: Array("123456789018".utf8)), "fragment PNG of \(key) holds the secret")
        }
    }
}
