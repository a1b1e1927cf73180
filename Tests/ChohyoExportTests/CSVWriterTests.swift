import ChohyoCore
import ChohyoExport
#if canImport(Glibc)
import Glibc
#endif
import XCTest

final class CSVWriterTests: XCTestCase {
    private func fullPage(_ source: String, _ page: Int = 1, name: String = "山田太郎",
                          status: FieldStatus = .accepted) -> PageResult {
        Fixtures.page(source, page, fields: [
            "name": Fixtures.field(name, status),
            "kana": Fixtures.field("ヤマダタロウ"),
            "my_number": Fixtures.field("123456789018"),
            "birth": Fixtures.field("1980-04-01", extras: ["era_code": "3550401"]),
            "amount": Fixtures.field("5000000"),
        ])
    }

    func testHeaderOrderAndEraColumn() {
        XCTAssertEqual(CSVWriter.header(for: Fixtures.form),
                       ["source", "page", "row_status", "name", "kana", "my_number", "birth", "birth_era_code", "amount"])
        var form = Fixtures.form
        form.fields[3].eraCode = false
        XCTAssertFalse(CSVWriter.header(for: form).contains("birth_era_code"))
    }

    func testUTF8BOMRowsCRLFAndStatus() throws {
        let results = [
            fullPage("b.png", name: "佐藤", status: .review),
            fullPage("a.png"),
            Fixtures.page("c.png", form: nil, status: .unclassified),
            Fixtures.page("d.png", form: "idou", fields: ["reason": Fixtures.field("退職")]),
            Fixtures.page("e.png", status: .error, error: "cannot read"),
        ]
        let export = try CSVWriter(encoding: .utf8bom).render(form: Fixtures.form, results: results)
        XCTAssertEqual(Array(export.data.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertEqual(export.rowCount, 2)
        let text = String(decoding: export.data.dropFirst(3), as: UTF8.self)
        XCTAssertEqual(text,
            "source,page,row_status,name,kana,my_number,birth,birth_era_code,amount\r\n"
            + "a.png,1,accepted,山田太郎,ヤマダタロウ,123456789018,1980-04-01,3550401,5000000\r\n"
            + "b.png,1,review,佐藤,ヤマダタロウ,123456789018,1980-04-01,3550401,5000000\r\n")
    }

    func testMissingFieldMeansEmptyCellAndReview() throws {
        let results = [Fixtures.page("a.png", fields: ["name": Fixtures.field("山田"), "amount": Fixtures.field(nil, .invalid)])]
        let export = try CSVWriter(encoding: .utf8bom).render(form: Fixtures.form, results: results)
        let lines = String(decoding: export.data.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        XCTAssertEqual(lines[1], "a.png,1,review,山田,,,,,")
    }

    /// The CSV of `Fixtures.form` for `results`, as text (the BOM of UTF-8 left out).
    func renderedText(_ results: [PageResult], _ encoding: CSVEncoding) throws -> String {
        var body = try CSVWriter(encoding: encoding).render(form: Fixtures.form, results: results).data
        if encoding == .utf8bom { body = body.dropFirst(3) }
        return encoding == .cp932 ? cp932Decode(body) : String(decoding: body, as: UTF8.self)
    }

    func testCellsStartingWithAFormulaSignAreDefused() throws {
        XCTAssertEqual(CSVWriter.defused("=1+1"), "'=1+1")
        XCTAssertEqual(CSVWriter.defused("+81"), "'+81")
        XCTAssertEqual(CSVWriter.defused("-5"), "'-5")
        XCTAssertEqual(CSVWriter.defused("@SUM(A1)"), "'@SUM(A1)")
        XCTAssertEqual(CSVWriter.defused("\tx"), "'\tx")
        XCTAssertEqual(CSVWriter.defused("山田=太郎"), "山田=太郎")
        XCTAssertEqual(CSVWriter.defused(""), "")

        let results = [Fixtures.page("=cmd.png", fields: ["name": Fixtures.field("=HYPERLINK(\"http://x\",\"y\")")])]
        for encoding in CSVEncoding.allCases {
            let decoded = try renderedText(results, encoding)
            XCTAssertTrue(decoded.hasSuffix("'=cmd.png,1,review,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",,,,,\r\n"), "\(encoding): \(decoded)")
            XCTAssertTrue(decoded.hasPrefix("source,page,row_status,"), "the header is left alone")
        }
    }

    func testRFC4180Quoting() throws {
        XCTAssertEqual(CSVWriter.quote("plain"), "plain")
        XCTAssertEqual(CSVWriter.quote("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVWriter.quote("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSVWriter.quote("line1\nline2"), "\"line1\nline2\"")
        XCTAssertEqual(CSVWriter.quote("cr\r"), "\"cr\r\"")

        let results = [Fixtures.page("x,y.png", fields: ["name": Fixtures.field("株式会社\"髙\",東京")])]
        for encoding in CSVEncoding.allCases {
            let expectedRow = "\"x,y.png\",1,review,\"株式会社\"\"髙\"\",東京\",,,,,\r\n"
            let decoded = try renderedText(results, encoding)
            XCTAssertTrue(decoded.hasSuffix(expectedRow), "\(encoding): \(decoded)")
        }
    }

    func testCP932BytesAndUnmappableReport() throws {
        let results = [fullPage("a.png", name: "𠮷田")]
        let export = try CSVWriter(encoding: .cp932).render(form: Fixtures.form, results: results)
        XCTAssertNotEqual(Array(export.data.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertTrue(export.data.bytes.starts(with: Array("source,page".utf8)))
        // the row: a.png,1,accepted,〓田,…
        let row = Array("a.png,1,accepted,".utf8) + [0x81, 0xAC, 0x93, 0x63, 0x2C]
        XCTAssertNotNil(export.data.bytes.firstRange(of: row))
        XCTAssertEqual(export.unmappable, [UnmappableCharacterReport(
            form: "kyuyo", source: "a.png", page: 1, column: "name", character: "𠮷",
            codePoints: "U+20BB7", position: 1, replacement: "〓")])
        XCTAssertEqual(export.data.suffix(2).bytes, [0x0D, 0x0A])
    }

    func testFailPolicyThrowsWithRowAndColumnOnly() throws {
        let results = [fullPage("a.png", name: "𠮷田")]
        XCTAssertThrowsError(try CSVWriter(encoding: .cp932, unmappablePolicy: .fail).render(form: Fixtures.form, results: results)) { error in
            guard case CSVExportError.unmappableCharacters(let reports)? = error as? CSVExportError else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertEqual(reports.count, 1)
            XCTAssertEqual(reports[0].column, "name")
            XCTAssertNil(reports[0].replacement)
            XCTAssertTrue("\(error)".contains("a.png p.1 column name"), "\(error)")
        }
        // UTF-8 holds everything: no failure.
        XCTAssertNoThrow(try CSVWriter(encoding: .utf8bom, unmappablePolicy: .fail).render(form: Fixtures.form, results: results))
    }

    func testSensitiveColumnReportWithholdsEverythingButPlace() throws {
        var page = fullPage("a.png")
        page.fields["my_number"] = Fixtures.field("12345678901😀")
        let export = try CSVWriter(encoding: .cp932).render(form: Fixtures.form, results: [page])
        XCTAssertEqual(export.unmappable.count, 1)
        let report = export.unmappable[0]
        XCTAssertEqual(report.column, "my_number")
        XCTAssertNil(report.character)
        XCTAssertNil(report.codePoints)
        XCTAssertNil(report.position)
        XCTAssertFalse(report.description.contains("12345678901"))
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        XCTAssertFalse(json.contains("12345678901"))
        // The designated export itself carries the value.
        XCTAssertNotNil(export.data.bytes.firstRange(of: Array("12345678901".utf8) + [0x81, 0xAC]))
    }

    func testWriteAllWritesOneFilePerFormWithRows() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let exports = try CSVWriter(encoding: .utf8bom).writeAll(
            forms: [Fixtures.form, Fixtures.otherForm], results: [fullPage("a.png")], to: dir)
        XCTAssertEqual(exports.map(\.form), ["kyuyo"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("kyuyo.csv").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("idou.csv").path))
    }

    /// Decodes CP932 with iconv (Foundation's Shift_JIS lacks the IBM extensions such as 髙).
    private func cp932Decode(_ data: Data) -> String {
        let cd = iconv_open("UTF-8", "CP932")
        defer { iconv_close(cd) }
        var input = [UInt8](data)
        var output = [UInt8](repeating: 0, count: input.count * 3 + 4)
        var inLeft = input.count, outLeft = output.count
        input.withUnsafeMutableBytes { i in
            output.withUnsafeMutableBytes { o in
                var ip: UnsafeMutablePointer<CChar>? = i.baseAddress?.assumingMemoryBound(to: CChar.self)
                var op: UnsafeMutablePointer<CChar>? = o.baseAddress?.assumingMemoryBound(to: CChar.self)
                _ = iconv(cd, &ip, &inLeft, &op, &outLeft)
            }
        }
        return String(decoding: output[0..<(output.count - outLeft)], as: UTF8.self)
    }
}
