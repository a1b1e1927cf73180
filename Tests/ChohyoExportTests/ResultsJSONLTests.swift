import ChohyoCore
import ChohyoExport
import XCTest

final class ResultsJSONLTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws { dir = try Fixtures.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private let first = PageResult(source: "scans/a.png", page: 1, form: "kyuyo", status: .ok, deskewAngle: 0.5,
                                   matchScore: 0.9, fields: ["name": Fixtures.field("山田"), "amount": Fixtures.field("100", .review)])
    private let second = PageResult(source: "scans/b.tif", page: 2, status: .error, error: "cannot read image")

    func testRoundTripAndFlushBeforeClose() throws {
        let url = dir.appendingPathComponent("out/results.jsonl")
        let writer = try ResultsWriter(url: url)
        try writer.append(first)
        try writer.append(second)
        // Read while the writer is still open: both lines are already on disk.
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 3)  // two lines and the empty rest after the final LF
        XCTAssertEqual(lines[2], "")
        XCTAssertTrue(lines[0].hasPrefix("{\"deskew_angle\":0.5,\"error\":null,\"fields\":{"), String(lines[0]))
        XCTAssertTrue(lines[0].contains("\"source\":\"scans/a.png\""), "slashes not escaped")
        XCTAssertTrue(lines[0].contains("山田"), "UTF-8, not \\u escapes")
        XCTAssertEqual(try ResultsReader.read(url: url), [first, second])
        XCTAssertEqual(writer.linesWritten, 2)
        try writer.close()
    }

    func testAppendsToExistingFileAndRepairsCutLine() throws {
        let url = dir.appendingPathComponent("results.jsonl")
        do {
            let writer = try ResultsWriter(url: url, syncEachLine: false)
            try writer.append(first)
            try writer.close()
        }
        // Simulate a batch that died mid-line.
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"source\":\"cut".utf8))
        try handle.close()

        let writer = try ResultsWriter(url: url)
        try writer.append(second)
        try writer.close()
        XCTAssertThrowsError(try ResultsReader.read(url: url)) { error in
            XCTAssertEqual(error as? ResultsReaderError, .badLine(line: 2, reason: "not valid JSON"))
        }
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(try ResultsReader.read(data: Data((lines[0] + "\n" + lines[2] + "\n").utf8)), [first, second])
    }

    func testBadLineIsNamedWithoutItsContent() throws {
        let good = String(decoding: try JSONEncoder().encode(first), as: UTF8.self)
        let data = Data((good + "\r\n\n" + "{\"page\":1,\"status\":\"ok\",\"fields\":{},\"secret\":\"123456789018\"}\n").utf8)
        XCTAssertThrowsError(try ResultsReader.read(data: data)) { error in
            XCTAssertEqual(error as? ResultsReaderError, .badLine(line: 3, reason: "missing key \"source\""))
            XCTAssertFalse("\(error)".contains("123456789018"))
        }
        XCTAssertEqual(try ResultsReader.read(data: Data((good + "\r\n\n").utf8)), [first])
    }

    func testNonFiniteConfidenceDoesNotLoseThePage() throws {
        let url = dir.appendingPathComponent("results.jsonl")
        var page = first
        page.fields["name"]?.confidence = .nan
        let writer = try ResultsWriter(url: url)
        try writer.append(page)
        try writer.close()
        let read = try ResultsReader.read(url: url)
        XCTAssertEqual(read.count, 1)
        XCTAssertTrue(read[0].fields["name"]!.confidence.isNaN)
    }

    func testAppendAfterCloseThrows() throws {
        let writer = try ResultsWriter(url: dir.appendingPathComponent("r.jsonl"))
        try writer.close()
        XCTAssertThrowsError(try writer.append(first))
    }
}
