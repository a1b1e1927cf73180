import ChohyoPipeline
import Foundation
import XCTest

/// Stage 1: which files a batch reads, in which order, and what it reports before opening any.
final class InputScannerTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = try PipelineTestSupport.temporaryDirectory("scanner")
    }

    override func tearDownWithError() throws {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    func touch(_ relative: String, _ content: String = "x") throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(content.utf8).write(to: url)
    }

    func mkdir(_ relative: String) throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent(relative), withIntermediateDirectories: true)
    }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    func testFoldersAreWalkedSortedAndRecursivelySkippingNotes() throws {
        // Created out of order on purpose.
        try touch("sub/deeper/d.png")
        try touch("b.png")
        try touch("sub/c.tif")
        try touch("sub/c.json", "{}")
        try touch("a.jpg")
        try touch("a.json", "{}")
        try touch("notes.md", "# notes")
        try touch("NOTES.MD", "# shouting notes")
        try touch("truth.yaml", "id: x")
        try touch("list.txt")
        try touch("data.bin")            // unknown extension: tried, and fails loudly later
        try touch(".hidden.png")         // dot files are passed over
        try touch("aa/e.jpeg")
        try touch("sub/deeper/readme.md")

        let items = InputScanner.scan([root.path])
        XCTAssertEqual(items.map(\.path), [
            path("a.jpg"),
            path("aa/e.jpeg"),
            path("b.png"),
            path("data.bin"),
            path("sub/c.tif"),
            path("sub/deeper/d.png"),
        ])
        XCTAssertTrue(items.allSatisfy { $0.problem == nil }, "\(items)")
        XCTAssertFalse(items.contains { $0.path.hasSuffix(".json") || $0.path.lowercased().hasSuffix(".md") })

        // The same folder scanned again gives the same order (stable across runs).
        XCTAssertEqual(InputScanner.scan([root.path]), items)
    }

    func testInputsKeepTheirGivenOrderAndNamedFilesAreAlwaysTried() throws {
        try touch("z.png")
        try touch("a.png")
        try touch("given.json", "{}")
        try touch("dir/m.png")
        let items = InputScanner.scan([path("z.png"), path("dir"), path("a.png"), path("given.json")])
        // Each input in the order given; a file named explicitly is tried even with a skipped extension.
        XCTAssertEqual(items.map(\.path), [path("z.png"), path("dir/m.png"), path("a.png"), path("given.json")])
        XCTAssertTrue(items.allSatisfy { $0.problem == nil })
    }

    func testMissingInputIsReportedWithAProblem() throws {
        try touch("a.png")
        let missing = path("nowhere/scan.png")
        let items = InputScanner.scan([path("a.png"), missing, root.appendingPathComponent("gone").path])
        XCTAssertEqual(items.count, 3)
        XCTAssertEqual(items[0].path, path("a.png"))
        XCTAssertNil(items[0].problem)
        XCTAssertEqual(items[1].path, missing)
        XCTAssertEqual(items[1].problem, "no such file or folder")
        XCTAssertEqual(items[2].problem, "no such file or folder")
    }

    func testDirectoryNamedLikeAnImageIsReportedAsAnItemNotWalked() throws {
        try touch("a.png")
        try touch("x.png/inner.png")     // inside a folder named like an image
        try mkdir("y.TIFF")
        try touch("z.png")
        let items = InputScanner.scan([root.path])
        XCTAssertEqual(items.map(\.path), [path("a.png"), path("x.png"), path("y.TIFF"), path("z.png")])
        XCTAssertFalse(items.contains { $0.path.hasSuffix("inner.png") }, "a folder named x.png is not walked")
        // Reported as an item, so that opening it fails with a reason (not silently skipped).
        XCTAssertTrue(items.allSatisfy { $0.problem == nil })
    }

    func testDirectoryNamedLikeAnImageGivenDirectlyIsAnItem() throws {
        try mkdir("scan.png")
        try touch("full.png/inner.png")
        let items = InputScanner.scan([path("scan.png"), path("full.png")])
        XCTAssertEqual(items.map(\.path), [path("scan.png"), path("full.png")], "named directly or found inside: the same")
        XCTAssertTrue(items.allSatisfy { $0.problem == nil })
        // An ordinary empty folder yields nothing.
        try mkdir("empty")
        XCTAssertEqual(InputScanner.scan([path("empty")]), [])
    }

    func testSymbolicLinkLoopDoesNotRepeatScans() throws {
        try touch("scans/a.png")
        try FileManager.default.createSymbolicLink(atPath: path("scans/loop"), withDestinationPath: path("scans"))
        XCTAssertEqual(InputScanner.scan([path("scans")]).map(\.path), [path("scans/a.png")])
    }

    func testIgnoredExtensions() {
        for ext in ["json", "md", "txt", "yaml", "yml", "csv", "jsonl", "log"] {
            XCTAssertTrue(InputScanner.ignoredExtensions.contains(ext), ext)
        }
        for ext in ["png", "jpg", "jpeg", "tif", "tiff", "pdf"] {
            XCTAssertFalse(InputScanner.ignoredExtensions.contains(ext), ext)
        }
    }
}
