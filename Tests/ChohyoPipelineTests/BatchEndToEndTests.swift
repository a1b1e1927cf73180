import ChohyoCore
import ChohyoExport
import ChohyoImaging
import ChohyoPipeline
import Foundation
import XCTest

/// The whole batch on a folder that mixes three committed sample scans (one upright JPEG,
/// one upside-down PNG, one sideways G4 TIFF) with bad files, run with two workers.
/// The batch runs once for all checks (and once more for the re-run check) to keep it quick.
final class BatchEndToEndTests: XCTestCase {
    enum Kind: Equatable {
        /// A committed sample: its ground-truth base name and the rotation that turns it upright.
        case good(truth: String, orientation: Int)
        /// A bad file: words its error must contain.
        case bad([String])
    }

    struct Entry {
        let name: String
        let kind: Kind
    }

    /// The input folder, in the order a sorted walk gives.
    static let entries: [Entry] = [
        Entry(name: "01_empty.png", kind: .bad(["file is empty", "0 bytes"])),
        Entry(name: "02_kyuyo_0001.jpg", kind: .good(truth: "kyuyo_0001", orientation: 0)),
        Entry(name: "03_truncated.jpg", kind: .bad(["corrupt or truncated", "cut short"])),
        Entry(name: "04_kyuyo_0007.png", kind: .good(truth: "kyuyo_0007", orientation: 180)),
        Entry(name: "05_jpeg_named.png", kind: .bad(["extension says PNG but the content is JPEG"])),
        Entry(name: "06_notes.png", kind: .bad(["unsupported or unrecognised image format", "text"])),
        Entry(name: "07_folder.png", kind: .bad(["not a regular file", "directory"])),
        Entry(name: "08_kyuyo_0028.tif", kind: .good(truth: "kyuyo_0028", orientation: 90)),
    ]

    /// A valid My Number that sits in the text file named .png.
    static let numberInTextFile = "123456789018"

    struct Run {
        let out: URL
        let summary: BatchSummary
        let progress: [BatchProgress]
        let lines: [String]
        let results: [PageResult]
    }

    struct Fixture {
        let base: URL
        let input: URL
        let loaded: LoadedDefinition
        let first: Run
    }

    nonisolated(unsafe) static var fixture: Result<Fixture, Error>?

    override class func tearDown() {
        if case .success(let f)? = fixture { try? FileManager.default.removeItem(at: f.base) }
        fixture = nil
        super.tearDown()
    }

    /// Builds the input folder and runs the batch (UTF-8 BOM CSV) the first time it is asked for.
    func shared() throws -> Fixture {
        if Self.fixture == nil { Self.fixture = Result { try Self.makeFixture() } }
        return try Self.fixture!.get()
    }

    static func makeFixture() throws -> Fixture {
        let fm = FileManager.default
        let base = try PipelineTestSupport.temporaryDirectory("batch")
        let input = base.appendingPathComponent("in", isDirectory: true)
        try fm.createDirectory(at: input, withIntermediateDirectories: true)
        func put(_ name: String, _ bytes: Data) throws { try bytes.write(to: input.appendingPathComponent(name)) }

        for entry in entries {
            switch entry.kind {
            case .good(let truth, _):
                let ext = (entry.name as NSString).pathExtension
                try fm.copyItem(at: PipelineTestSupport.sample(truth + "." + ext), to: input.appendingPathComponent(entry.name))
                // The ground truth beside the scan must be passed over, not read as a page.
                let json = (entry.name as NSString).deletingPathExtension + ".json"
                try fm.copyItem(at: PipelineTestSupport.sample(truth + ".json"), to: input.appendingPathComponent(json))
            case .bad:
                break
            }
        }
        let jpeg = try Data(contentsOf: PipelineTestSupport.sample("kyuyo_0003.jpg"))
        try put("01_empty.png", Data())
        try put("03_truncated.jpg", jpeg.prefix(jpeg.count / 2))
        try put("05_jpeg_named.png", jpeg)
        try put("06_notes.png", Data("payee,my_number\r\nKondo,\(numberInTextFile)\r\n".utf8))
        // A folder named like an image, with a real image inside that must not be read.
        let folder = input.appendingPathComponent("07_folder.png", isDirectory: true)
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        try fm.copyItem(at: PipelineTestSupport.sample("kyuyo_0005.png"), to: folder.appendingPathComponent("inner.png"))
        try put("notes.md", Data("# batch notes\n".utf8))

        let loaded = try PipelineTestSupport.loadForm()
        let first = try runBatch(input: input, out: base.appendingPathComponent("out", isDirectory: true),
                                 loaded: loaded, encoding: .utf8bom)
        return Fixture(base: base, input: input, loaded: loaded, first: first)
    }

    static func runBatch(input: URL, out: URL, loaded: LoadedDefinition, encoding: CSVEncoding) throws -> Run {
        var options = BatchOptions(inputs: [input.path], outputDirectory: out)
        options.workers = 2
        options.encoding = encoding
        let runner = try BatchRunner(options: options, forms: [loaded])
        var progress: [BatchProgress] = []
        let summary = try runner.run { progress.append($0) }
        let text = try String(contentsOf: out.appendingPathComponent("results.jsonl"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines.last, "", "results.jsonl ends with a line end")
        let body = Array(lines.dropLast())
        let results = try body.map { try JSONDecoder().decode(PageResult.self, from: Data($0.utf8)) }
        return Run(out: out, summary: summary, progress: progress, lines: body, results: results)
    }

    // MARK: helpers

    func path(_ f: Fixture, _ entry: Entry) -> String { f.input.appendingPathComponent(entry.name).path }

    /// The CSV column names the definition fixes: the fixed three, then each field key in
    /// definition order (a date with era_code is followed by its `_era_code` column).
    func expectedHeader(_ form: FormDefinition) -> [String] {
        ["source", "page", "row_status"] + form.fields.flatMap { field in
            field.type == .date && field.eraCode == true ? [field.key, field.key + "_era_code"] : [field.key]
        }
    }

    /// RFC 4180 parse of CRLF-separated rows.
    func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { cell.append("\""); chars.removeFirst() } else { quoted = false }
                } else { cell.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(cell); cell = ""
            } else if c == "\r\n" || c == "\n" || c == "\r" {
                row.append(cell); cell = ""; rows.append(row); row = []
            } else {
                cell.append(c)
            }
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows
    }

    /// Every line of `bytes` ends with CR LF, including the last.
    func assertCRLF(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(Array(bytes.suffix(2)), [0x0D, 0x0A], "last line ends with CRLF", file: file, line: line)
        for (i, b) in bytes.enumerated() where b == 0x0A {
            XCTAssertTrue(i > 0 && bytes[i - 1] == 0x0D, "bare LF at byte \(i)", file: file, line: line)
        }
        for (i, b) in bytes.enumerated() where b == 0x0D {
            XCTAssertTrue(i + 1 < bytes.count && bytes[i + 1] == 0x0A, "bare CR at byte \(i)", file: file, line: line)
        }
    }

    func myNumbers() throws -> [String] {
        let truths = try Self.entries.compactMap { entry -> String? in
            guard case .good(let truth, _) = entry.kind else { return nil }
            return try PipelineTestSupport.truth(truth)["payee_my_number"]
        }
        XCTAssertEqual(truths.count, 3)
        XCTAssertTrue(truths.allSatisfy { $0.count == 12 })
        return truths + [Self.numberInTextFile]
    }

    // MARK: results.jsonl

    func testResultsHaveOneLinePerPageInInputOrder() throws {
        let f = try shared()
        XCTAssertEqual(f.first.lines.count, Self.entries.count, f.first.lines.joined(separator: "\n"))
        XCTAssertEqual(f.first.results.map(\.source), Self.entries.map { path(f, $0) })
        XCTAssertTrue(f.first.results.allSatisfy { $0.page == 1 })
        XCTAssertFalse(f.first.results.contains { $0.source.hasSuffix(".json") || $0.source.hasSuffix(".md") })
        XCTAssertFalse(f.first.results.contains { $0.source.hasSuffix("inner.png") }, "the folder named .png was walked")
        // Every line is a JSON object with the same top-level keys (form and error written as null).
        for line in f.first.lines {
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for key in ["source", "page", "form", "status", "error", "fields"] {
                XCTAssertNotNil(object[key], "line lacks \(key): \(line.prefix(120))")
            }
        }
    }

    func testGoodPagesAreReadUprightAndMatchTheGroundTruth() throws {
        let f = try shared()
        let form = f.loaded.definition
        var compared = 0, equal = 0
        var acceptedWrong: [String] = []
        for (entry, result) in zip(Self.entries, f.first.results) {
            guard case .good(let truthName, let orientation) = entry.kind else { continue }
            XCTAssertEqual(result.status, .ok, "\(entry.name): \(result.error ?? result.classification ?? "")")
            XCTAssertEqual(result.form, PipelineTestSupport.formID, entry.name)
            XCTAssertNil(result.error, entry.name)
            XCTAssertEqual(result.orientation, orientation, "\(entry.name) is turned upright")
            if orientation != 0 { XCTAssertNotEqual(result.orientation, 0, entry.name) }
            XCTAssertNotNil(result.deskewAngle, entry.name)
            XCTAssertGreaterThan(result.matchScore ?? 0, 0.8, entry.name)
            XCTAssertTrue(result.classification?.contains(PipelineTestSupport.formID) == true, entry.name)

            // Every field of the definition, each with a status and a reason.
            XCTAssertEqual(Set(result.fields.keys), Set(form.fields.map(\.key)), entry.name)
            let raw = try XCTUnwrap(try JSONSerialization.jsonObject(
                with: Data(f.first.lines[Self.entries.firstIndex { $0.name == entry.name }!].utf8)) as? [String: Any])
            let rawFields = try XCTUnwrap(raw["fields"] as? [String: [String: Any]])
            for field in form.fields {
                let r = try XCTUnwrap(result.fields[field.key], "\(entry.name) \(field.key)")
                XCTAssertFalse(r.reason.isEmpty, "\(entry.name) \(field.key) has no reason")
                let rawStatus = rawFields[field.key]?["status"] as? String
                XCTAssertTrue(["accepted", "review", "invalid"].contains(rawStatus ?? ""), "\(entry.name) \(field.key)")
                XCTAssertEqual((rawFields[field.key]?["reason"] as? String)?.isEmpty, false, "\(entry.name) \(field.key)")
                XCTAssertTrue((0...100).contains(r.confidence), "\(entry.name) \(field.key) confidence \(r.confidence)")
            }

            // Against the ground truth, normalised the way the validator normalises.
            let truth = try PipelineTestSupport.truth(truthName)
            for field in form.fields {
                let raw = truth[field.key] ?? ""
                let expected = FieldValidator.validate(raw, field: field).value ?? raw
                let got = result.fields[field.key]?.value ?? ""
                compared += 1
                if got == expected { equal += 1 } else if result.fields[field.key]?.status == .accepted {
                    acceptedWrong.append("\(entry.name) \(field.key): accepted \(got) but truth is \(expected)")
                }
            }
        }
        XCTAssertEqual(compared, 3 * form.fields.count)
        XCTAssertGreaterThanOrEqual(Double(equal) / Double(compared), 0.9, "\(equal) of \(compared) fields equal the truth")
        XCTAssertEqual(acceptedWrong, [], "a wrong value was accepted")
    }

    func testBadFilesAreErrorsWithReasonsAndTheBatchGoesOn() throws {
        let f = try shared()
        for (entry, result) in zip(Self.entries, f.first.results) {
            guard case .bad(let words) = entry.kind else {
                XCTAssertEqual(result.status, .ok, entry.name)
                continue
            }
            XCTAssertEqual(result.status, .error, entry.name)
            XCTAssertNil(result.form, entry.name)
            XCTAssertEqual(result.fields, [:], entry.name)
            let error = try XCTUnwrap(result.error, entry.name)
            for word in words { XCTAssertTrue(error.contains(word), "\(entry.name): \(error)") }
        }
        // Each failure was also reported as it happened, with its source.
        let reported = f.first.progress.flatMap(\.newErrors)
        XCTAssertEqual(reported.count, 5, reported.joined(separator: "\n"))
        for entry in Self.entries {
            guard case .bad = entry.kind else { continue }
            XCTAssertTrue(reported.contains { $0.hasPrefix(path(f, entry) + " page 1: ") }, "\(entry.name) in \(reported)")
        }
        let last = try XCTUnwrap(f.first.progress.last)
        XCTAssertEqual(last.pagesDone, 8)
        XCTAssertEqual(last.filesDone, 8)
        XCTAssertEqual(last.filesTotal, 8)
    }

    // MARK: CSV

    func testCSVWithBOMHasTheDefinitionsColumnsAndOneRowPerOkPage() throws {
        let f = try shared()
        let form = f.loaded.definition
        let url = f.first.out.appendingPathComponent(PipelineTestSupport.formID + ".csv")
        XCTAssertTrue(FileManager.default.fileExists(atPath: url.path))
        let bytes = [UInt8](try Data(contentsOf: url))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 BOM")
        assertCRLF(bytes)
        let text = try XCTUnwrap(String(bytes: bytes.dropFirst(3), encoding: .utf8))
        let rows = parseCSV(text)
        XCTAssertEqual(rows.first, expectedHeader(form))
        XCTAssertEqual(text.prefix(while: { $0 != "\r\n" }), Substring(expectedHeader(form).joined(separator: ",")))

        let ok = f.first.results.filter { $0.status == .ok }
        XCTAssertEqual(ok.count, 3)
        XCTAssertEqual(rows.count, 1 + ok.count, "one row per ok page")
        let header = expectedHeader(form)
        for (row, page) in zip(rows.dropFirst(), ok) {
            XCTAssertEqual(row.count, header.count)
            XCTAssertEqual(row[0], page.source)
            XCTAssertEqual(row[1], "1")
            let allAccepted = form.fields.allSatisfy { page.fields[$0.key]?.status == .accepted }
            XCTAssertEqual(row[2], allAccepted ? "accepted" : "review")
            for (i, column) in header.enumerated().dropFirst(3) {
                let expected = column.hasSuffix("_era_code")
                    ? page.fields[String(column.dropLast("_era_code".count))]?.extras?["era_code"] ?? ""
                    : page.fields[column]?.value ?? ""
                XCTAssertEqual(row[i], expected, "\(page.source) \(column)")
            }
        }
        // No other CSV (one form only) and nothing for the bad files.
        let csvs = try FileManager.default.contentsOfDirectory(atPath: f.first.out.path).filter { $0.hasSuffix(".csv") }
        XCTAssertEqual(csvs, [PipelineTestSupport.formID + ".csv"])
    }

    // MARK: summary.json

    func testSummaryCountsMatchTheResults() throws {
        let f = try shared()
        let url = f.first.out.appendingPathComponent("summary.json")
        let summary = try JSONDecoder().decode(BatchSummary.self, from: Data(contentsOf: url))
        XCTAssertEqual(summary.pagesTotal, 8)
        XCTAssertEqual(summary.pagesByStatus, PageCounts(ok: 3, unclassified: 0, error: 5))
        XCTAssertEqual(summary.pagesByForm, [PipelineTestSupport.formID: 3])
        var counts = FieldCounts()
        for r in f.first.results {
            for field in r.fields.values {
                switch field.status {
                case .accepted: counts.accepted += 1
                case .review: counts.review += 1
                case .invalid: counts.invalid += 1
                }
            }
        }
        XCTAssertEqual(counts.total, 3 * f.loaded.definition.fields.count)
        XCTAssertEqual(summary.fields, counts)
        XCTAssertEqual(summary.fieldsByForm, [PipelineTestSupport.formID: counts])
        XCTAssertEqual(summary.unclassified, [])
        XCTAssertEqual(summary.attention, [], "the good samples read well: no page is called faint")
        XCTAssertTrue(f.first.results.allSatisfy { $0.attention == nil })
        let errors = f.first.results.filter { $0.status == .error }
        XCTAssertEqual(summary.errors.map(\.source), errors.map(\.source).sorted())
        XCTAssertEqual(Set(summary.errors.map(\.message)), Set(errors.compactMap(\.error)))
        XCTAssertEqual(summary.unmappableCharacters, [], "UTF-8 export replaces nothing")
        // What run() returned is what was written.
        XCTAssertEqual(summary.pagesTotal, f.first.summary.pagesTotal)
        XCTAssertEqual(summary.fields, f.first.summary.fields)
        XCTAssertEqual(summary.errors, f.first.summary.errors)
        XCTAssertGreaterThan(summary.pagesPerMinute, 0)
    }

    // MARK: privacy

    func testNoMyNumberInErrorsClassificationsReasonsOrSummary() throws {
        let f = try shared()
        let numbers = try myNumbers()
        let summaryText = try String(contentsOf: f.first.out.appendingPathComponent("summary.json"), encoding: .utf8)
        var texts: [(String, String)] = [("summary.json", summaryText)]
        for r in f.first.results {
            texts.append(("error of \(r.source)", r.error ?? ""))
            texts.append(("classification of \(r.source)", r.classification ?? ""))
            for (key, field) in r.fields { texts.append(("reason of \(key) in \(r.source)", field.reason)) }
        }
        for e in f.first.progress.flatMap(\.newErrors) { texts.append(("progress error", e)) }
        texts.append(("summary text", f.first.summary.renderText(maxListed: 10)))
        for number in numbers {
            let spaced = String(number.prefix(4)) + " " + String(number.dropFirst(4).prefix(4)) + " " + String(number.suffix(4))
            for (what, text) in texts {
                XCTAssertFalse(text.contains(number) || text.contains(spaced), "a My Number appears in \(what)")
            }
        }
        // The numbers were read (they are in the designated export), so the check above is not vacuous.
        let read = f.first.results.compactMap { $0.fields["payee_my_number"]?.value }
        XCTAssertEqual(read.filter { numbers.contains($0) }.count, 3)
    }

    // MARK: re-run

    func testRerunIntoTheSameFolderReplacesResultsAndWritesCP932() throws {
        let f = try shared()
        let fm = FileManager.default
        // A copy of the first run's output folder, so the other tests keep theirs.
        let out = f.base.appendingPathComponent("rerun", isDirectory: true)
        try? fm.removeItem(at: out)
        try fm.copyItem(at: f.first.out, to: out)
        let resultsURL = out.appendingPathComponent("results.jsonl")
        let marker = #"{"marker":"from an earlier batch"}"#
        let handle = try FileHandle(forWritingTo: resultsURL)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((marker + "\n").utf8))
        try handle.close()

        let second = try Self.runBatch(input: f.input, out: out, loaded: f.loaded, encoding: .cp932)
        XCTAssertEqual(second.lines.count, Self.entries.count, "replaced, not appended")
        XCTAssertFalse(second.lines.contains(marker))
        XCTAssertEqual(second.results.map(\.source), f.first.results.map(\.source))
        XCTAssertEqual(second.results.map(\.status), f.first.results.map(\.status))
        let summary = try JSONDecoder().decode(BatchSummary.self, from: Data(contentsOf: out.appendingPathComponent("summary.json")))
        XCTAssertEqual(summary.pagesTotal, 8, "summary of this batch only")

        // The CSV is now CP932 (the default): no BOM, CRLF, not UTF-8, and decodes as CP932
        // to the same table the results give.
        let csvURL = out.appendingPathComponent(PipelineTestSupport.formID + ".csv")
        let bytes = [UInt8](try Data(contentsOf: csvURL))
        XCTAssertNotEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "no BOM in CP932")
        assertCRLF(bytes)
        XCTAssertNil(String(bytes: bytes, encoding: .utf8), "Japanese text in CP932 is not valid UTF-8")
        let decoded = try iconvCP932(csvURL)
        let expected = try CSVWriter(encoding: .utf8bom).render(form: f.loaded.definition, results: second.results)
        XCTAssertEqual(decoded, String(decoding: expected.data.dropFirst(3), as: UTF8.self))
        let rows = parseCSV(decoded)
        XCTAssertEqual(rows.first, expectedHeader(f.loaded.definition))
        XCTAssertEqual(rows.count, 4)
    }

    /// Decodes a file with the system's iconv (CP932 → UTF-8); fails the test if iconv refuses it.
    func iconvCP932(_ url: URL) throws -> String {
        let iconv = "/usr/bin/iconv"
        guard FileManager.default.isExecutableFile(atPath: iconv) else { throw XCTSkip("no iconv") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: iconv)
        process.arguments = ["-f", "CP932", "-t", "UTF-8", url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "iconv -f CP932 accepts the CSV")
        return try XCTUnwrap(String(data: data, encoding: .utf8))
    }
}
