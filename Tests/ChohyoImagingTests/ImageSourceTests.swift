import ChohyoImaging
import Foundation
import XCTest

/// `ImageSource` on the committed sample scans and on files made here through
/// Leptonica: every format Chohyo accepts decodes to the right size and depth, and
/// every kind of bad input is refused with the matching `ImagingError` and a
/// description that names the reason.
final class ImageSourceTests: XCTestCase {
    static let samples = TestForm.root.appendingPathComponent("Samples/kyuyo")
    var tmp: URL!

    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory
            .appendingPathComponent("chohyo-imagesource-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let tmp { try? FileManager.default.removeItem(at: tmp) }
    }

    // MARK: helpers

    func sample(_ name: String) -> String { Self.samples.appendingPathComponent(name).path }

    func sampleBytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: sample(name))))
    }

    /// Writes `bytes` to a file in the temp folder and returns its path.
    @discardableResult
    func write(_ bytes: [UInt8], as name: String) throws -> String {
        let url = tmp.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Opens the file and decodes every page (the way the batch does).
    func openAndDecode(_ path: String, limits: ImageLimits = .default) throws {
        let source = try ImageSource(path: path, limits: limits)
        for i in 0..<source.pageCount { _ = try source.page(i) }
    }

    // MARK: formats that must read

    func testReadsPNGSample() throws {
        let source = try ImageSource(path: sample("kyuyo_0005.png"))
        XCTAssertEqual(source.format, .png)
        XCTAssertEqual(source.pageCount, 1)
        let page = try source.page(0)
        XCTAssertEqual(page.width, 2480)
        XCTAssertEqual(page.height, 3508)
        XCTAssertEqual(page.depth, 8)
        // PNG stores pixels per metre (11811 ppm for 300 dpi); it must read back as 300 dpi.
        XCTAssertEqual(page.xResolution, 300)

        // A sideways scan (landscape image) at 400 dpi.
        let turned = try ImageSource(path: sample("kyuyo_0002.png")).page(0)
        XCTAssertEqual(turned.width, 4677)
        XCTAssertEqual(turned.height, 3307)
        XCTAssertEqual(turned.xResolution, 400)
    }

    func testReadsJPEGSample() throws {
        let source = try ImageSource(path: sample("kyuyo_0001.jpg"))
        XCTAssertEqual(source.format, .jpeg)
        XCTAssertEqual(source.pageCount, 1)
        let page = try source.page(0)
        XCTAssertEqual(page.width, 2480)
        XCTAssertEqual(page.height, 3508)
        XCTAssertEqual(page.depth, 8, "the sample JPEG is single-channel gray")
        XCTAssertEqual(page.xResolution, 300)
    }

    func testReadsSinglePageBilevelG4TIFFSample() throws {
        // The committed .tif samples are CCITT Group 4 bilevel pages.
        XCTAssertEqual(try TIFFFile.compressions(try sampleBytes("kyuyo_0008.tif")), [TIFFFile.g4])
        let source = try ImageSource(path: sample("kyuyo_0008.tif"))
        XCTAssertEqual(source.format, .tiff)
        XCTAssertEqual(source.pageCount, 1)
        let page = try source.page(0)
        XCTAssertEqual(page.depth, 1)
        XCTAssertEqual(page.width, 2480)
        XCTAssertEqual(page.height, 3508)
        // A scanned form has ink, but far less than half the page.
        let ink = Double(page.inkCount()) / Double(page.width * page.height)
        XCTAssertGreaterThan(ink, 0.005)
        XCTAssertLessThan(ink, 0.5)

        // Sideways G4 page.
        let sideways = try ImageSource(path: sample("kyuyo_0028.tif")).page(0)
        XCTAssertEqual(sideways.depth, 1)
        XCTAssertEqual(sideways.width, 3508)
        XCTAssertEqual(sideways.height, 2480)
    }

    func testWritesAndReadsBackG4TIFF() throws {
        let gray = try ImageSource(path: sample("kyuyo_0005.png")).page(0).scaled(x: 0.5, y: 0.5)
        let path = tmp.appendingPathComponent("fax.tif").path
        try gray.writeTIFF(to: path, g4: true)
        XCTAssertEqual(try TIFFFile.compressions([UInt8](Data(contentsOf: URL(fileURLWithPath: path)))), [TIFFFile.g4])
        let source = try ImageSource(path: path)
        XCTAssertEqual(source.format, .tiff)
        XCTAssertEqual(source.pageCount, 1)
        let page = try source.page(0)
        XCTAssertEqual(page.depth, 1, "a G4 page is bilevel")
        XCTAssertEqual(page.width, gray.width)
        XCTAssertEqual(page.height, gray.height)
        // Same ink as binarising the gray page directly (G4 is lossless on 1 bpp).
        XCTAssertEqual(page.inkCount(), try gray.binary().inkCount())
    }

    /// A fax sent in standard mode is 204 × 98 dpi, Group 3 coded: its pixels are twice as tall
    /// as they are wide. Read as it is, the page is squashed to half its height and matches no
    /// form.
    func testAStandardModeFaxIsStretchedToSquarePixelsAndMatched() throws {
        let scan = try ImageSource(path: sample("kyuyo_0008.tif")).page(0)
        XCTAssertEqual(scan.xResolution, 300)
        let fax = try scan.scaled(x: 204.0 / 300, y: 98.0 / 300).binary()
        fax.setResolution(x: 204, y: 98)
        let path = tmp.appendingPathComponent("standard-mode.tif").path
        try fax.writeTIFF(to: path, g3: true)
        XCTAssertEqual(try TIFFFile.compressions([UInt8](Data(contentsOf: URL(fileURLWithPath: path)))), [TIFFFile.g3])

        let page = try ImageSource(path: path).page(0)
        XCTAssertEqual(page.depth, 1, "still bilevel")
        XCTAssertEqual(page.xResolution, 204)
        XCTAssertEqual(page.yResolution, 204)
        XCTAssertEqual(page.width, fax.width)
        XCTAssertEqual(Double(page.height), Double(fax.height) * 204 / 98, accuracy: 1)
        XCTAssertEqual(Double(page.height) / Double(page.width), Double(scan.height) / Double(scan.width), accuracy: 0.01,
                       "the page's proportions are the scan's")

        let match = try FormMatcher(templates: try TestForm.allTemplates()).match(try PagePreparer.prepare(page).image)
        XCTAssertTrue(match.accepted, match.reason)
        XCTAssertEqual(try TestForm.allTemplates()[try XCTUnwrap(match.best).formIndex].formID, "kyuyo_shiharai_hokokusho")
        XCTAssertGreaterThan(try XCTUnwrap(match.best).alignment.score, FormMatcher.sureRuleScore)

        // Resolutions that agree within 2 % are left alone.
        fax.setResolution(x: 200, y: 203)
        try fax.writeTIFF(to: path, g4: true)
        let near = try ImageSource(path: path).page(0)
        XCTAssertEqual(near.height, fax.height)
    }

    func testReadsMultiPageTIFFWrittenPageByPage() throws {
        let original = try ImageSource(path: sample("kyuyo_0005.png")).page(0)
        let pages = try [0.10, 0.15, 0.20].map { try original.scaled(x: $0, y: $0) }
        let path = tmp.appendingPathComponent("three.tiff").path
        // Page 1 as bilevel G4 (fax), pages 2 and 3 as lossless ZIP gray, appended.
        try pages[0].writeTIFF(to: path, g4: true, append: false)
        try pages[1].writeTIFF(to: path, g4: false, append: true)
        try pages[2].writeTIFF(to: path, g4: false, append: true)

        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        XCTAssertEqual(try TIFFFile.compressions(bytes), [TIFFFile.g4, TIFFFile.deflate, TIFFFile.deflate],
                       "three directories: G4, then two ZIP")

        let source = try ImageSource(path: path)
        XCTAssertEqual(source.format, .tiff)
        XCTAssertEqual(source.pageCount, 3)
        let depths = [1, 8, 8]
        for i in 0..<3 {
            let page = try source.page(i)
            XCTAssertEqual(page.width, pages[i].width, "page \(i + 1) width")
            XCTAssertEqual(page.height, pages[i].height, "page \(i + 1) height")
            XCTAssertEqual(page.depth, depths[i], "page \(i + 1) depth")
        }
        // ZIP is lossless: the third page comes back pixel for pixel.
        let third = try source.page(2)
        XCTAssertEqual(try third.binary(threshold: 128).inkCount(), try pages[2].binary(threshold: 128).inkCount())
        XCTAssertEqual(try third.binary(threshold: 200).inkCount(), try pages[2].binary(threshold: 200).inkCount())

        // Writing without append starts the file again.
        try pages[0].writeTIFF(to: path, g4: true, append: false)
        XCTAssertEqual(try ImageSource(path: path).pageCount, 1)
    }

    // MARK: bad input

    func testEmptyFile() throws {
        let path = try write([], as: "empty.png")
        let e = imagingError("empty file") { try openAndDecode(path) }
        XCTAssertEqual(e, .emptyFile)
        XCTAssertTrue(e?.description.contains("empty") == true, e?.description ?? "")
        XCTAssertTrue(e?.description.contains("0 bytes") == true, e?.description ?? "")
    }

    func testTruncatedPNG() throws {
        let bytes = try sampleBytes("kyuyo_0005.png")
        for keep in [bytes.count / 2, bytes.count - 20, 100] {
            let path = try write(Array(bytes.prefix(keep)), as: "cut\(keep).png")
            let e = imagingError("PNG cut to \(keep) bytes") { try openAndDecode(path) }
            guard case .truncated = e else { XCTFail("PNG cut to \(keep) bytes: \(String(describing: e))"); continue }
            XCTAssertTrue(e!.description.contains("truncated"), e!.description)
            XCTAssertTrue(e!.description.contains("cut short"), e!.description)
        }
    }

    func testTruncatedJPEG() throws {
        let bytes = try sampleBytes("kyuyo_0001.jpg")
        for keep in [bytes.count / 2, bytes.count - 2, 1000] {
            let path = try write(Array(bytes.prefix(keep)), as: "cut\(keep).jpg")
            let e = imagingError("JPEG cut to \(keep) bytes") { try openAndDecode(path) }
            guard case .truncated = e else { XCTFail("JPEG cut to \(keep) bytes: \(String(describing: e))"); continue }
            XCTAssertTrue(e!.description.contains("truncated"), e!.description)
            XCTAssertTrue(e!.description.contains("end-of-image"), e!.description)
        }
    }

    func testTruncatedSinglePageTIFF() throws {
        // The sample's directory sits at the end of the file: a file cut short has none.
        let bytes = try sampleBytes("kyuyo_0008.tif")
        for keep in [bytes.count / 2, 8] {
            let path = try write(Array(bytes.prefix(keep)), as: "cut\(keep).tif")
            let e = imagingError("TIFF cut to \(keep) bytes") { try openAndDecode(path) }
            guard case .truncated = e else { XCTFail("TIFF cut to \(keep) bytes: \(String(describing: e))"); continue }
            XCTAssertTrue(e!.description.contains("no readable TIFF directory"), e!.description)
        }
    }

    func testCorruptPNGData() throws {
        var bytes = try sampleBytes("kyuyo_0005.png")
        let idats = PNGFile.chunks(bytes).filter { $0.type == "IDAT" }
        XCTAssertGreaterThan(idats.count, 0)
        let chunk = idats[idats.count / 2]
        let middle = chunk.dataStart + chunk.length / 2
        for i in middle..<(middle + 64) { bytes[i] ^= 0xFF }

        // As stored: the chunk's CRC no longer matches.
        let path = try write(bytes, as: "flipped.png")
        let source = try ImageSource(path: path)  // header and IEND are intact
        let e = imagingError("PNG with flipped IDAT bytes") { _ = try source.page(0) }
        guard case .truncated = e else { return XCTFail("flipped IDAT: \(String(describing: e))") }
        XCTAssertTrue(e!.description.contains("corrupt"), e!.description)

        // With the CRC fixed up, so that only the compressed stream is wrong.
        PNGFile.fixCRC(&bytes, chunk)
        let path2 = try write(bytes, as: "flipped-crc-ok.png")
        let e2 = imagingError("PNG with flipped IDAT bytes and a good CRC") { try openAndDecode(path2) }
        guard case .truncated = e2 else { return XCTFail("flipped IDAT, CRC ok: \(String(describing: e2))") }
        XCTAssertTrue(e2!.description.contains("corrupt"), e2!.description)
    }

    func testTextNamedPNG() throws {
        let path = try write(Array("source,page\r\nthis is not an image\r\n".utf8), as: "notes.png")
        let e = imagingError("text named .png") { try openAndDecode(path) }
        guard case .unsupportedFormat(let what) = e else { return XCTFail("text: \(String(describing: e))") }
        XCTAssertEqual(what, "content is text")
        XCTAssertTrue(e!.description.contains("unsupported or unrecognised image format"), e!.description)
        XCTAssertTrue(e!.description.contains("text"), e!.description)
        // The text itself is never echoed.
        XCTAssertFalse(e!.description.contains("not an image"), e!.description)
    }

    func testJPEGNamedPNG() throws {
        let path = try write(try sampleBytes("kyuyo_0001.jpg"), as: "scan.png")
        let e = imagingError("JPEG named .png") { try openAndDecode(path) }
        XCTAssertEqual(e, .extensionMismatch(declared: "PNG", actual: "JPEG"))
        XCTAssertEqual(e?.description, "file extension says PNG but the content is JPEG")

        // And a TIFF named .jpg.
        let path2 = try write(try sampleBytes("kyuyo_0008.tif"), as: "scan.jpg")
        XCTAssertEqual(imagingError("TIFF named .jpg") { try openAndDecode(path2) },
                       .extensionMismatch(declared: "JPEG", actual: "TIFF"))
    }

    func testDirectoryNamedLikeAnImage() throws {
        let dir = tmp.appendingPathComponent("x.png", isDirectory: true)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let e = imagingError("directory x.png") { try openAndDecode(dir.path) }
        guard case .notAFile = e else { return XCTFail("directory: \(String(describing: e))") }
        XCTAssertTrue(e!.description.contains("not a regular file"), e!.description)
        XCTAssertTrue(e!.description.contains("directory"), e!.description)
    }

    func testSymbolicLinkToAScanIsRead() throws {
        let scan = try write(try sampleBytes("kyuyo_0001.jpg"), as: "scan.jpg")
        let link = tmp.appendingPathComponent("link.jpg").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: scan)
        let viaLink = try ImageSource(path: link).page(0), direct = try ImageSource(path: scan).page(0)
        XCTAssertEqual(viaLink.width, direct.width)
        XCTAssertEqual(viaLink.height, direct.height)
    }

    func testSymbolicLinkToADeviceIsRefused() throws {
        let link = tmp.appendingPathComponent("zero.png").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/zero")
        let e = imagingError("link to /dev/zero") { try openAndDecode(link) }
        XCTAssertEqual(e?.description, "not a regular file (it is a device)")
    }

    func testWritingAPNGIntoAMissingFolderNamesPathAndReason() throws {
        let path = tmp.appendingPathComponent("missing/overlay.png").path
        let e = imagingError("write into missing folder") { try Image.blank(width: 4, height: 4, depth: 8).writePNG(to: path) }
        XCTAssertEqual(e?.description, "cannot write \(path): No such file or directory")
        let ok = tmp.appendingPathComponent("overlay.png").path
        try Image.blank(width: 4, height: 4, depth: 8).writePNG(to: ok)
        XCTAssertEqual(try ImageSource(path: ok).page(0).width, 4)
    }

    func testMissingFile() {
        let e = imagingError("missing file") { try openAndDecode(tmp.appendingPathComponent("nope.png").path) }
        guard case .unreadable = e else { return XCTFail("missing: \(String(describing: e))") }
        XCTAssertTrue(e!.description.contains("no such file"), e!.description)
    }

    /// A tiny, otherwise valid PNG whose header claims 100000 x 100000 pixels (10 gigapixels):
    /// it must be refused from the header, before anything is decoded.
    func testPNGDecompressionBombIsRefusedFromTheHeader() throws {
        let tiny = try Image.blank(width: 1, height: 1, depth: 8).pngData()
        XCTAssertEqual(ImageFormat.sniff(tiny), .png)
        var bytes = tiny
        let ihdr = try XCTUnwrap(PNGFile.chunks(bytes).first)
        XCTAssertEqual(ihdr.type, "IHDR")
        XCTAssertEqual(PNGFile.readUInt32(bytes, ihdr.dataStart), 1)
        PNGFile.writeUInt32(&bytes, ihdr.dataStart, 100_000)
        PNGFile.writeUInt32(&bytes, ihdr.dataStart + 4, 100_000)
        PNGFile.fixCRC(&bytes, ihdr)
        XCTAssertLessThan(bytes.count, 200, "the bomb file itself is tiny")
        let path = try write(bytes, as: "bomb.png")

        let started = Date()
        let e = imagingError("PNG bomb") { try openAndDecode(path) }
        XCTAssertLessThan(Date().timeIntervalSince(started), 2, "refused without decoding")
        guard case .tooLarge(let w, let h, _) = e else { return XCTFail("bomb: \(String(describing: e))") }
        XCTAssertEqual(w, 100_000)
        XCTAssertEqual(h, 100_000)
        XCTAssertTrue(e!.description.contains("100000x100000"), e!.description)
        XCTAssertTrue(e!.description.contains("decompression bomb"), e!.description)
        XCTAssertTrue(e!.description.contains("20000 px per side"), e!.description)

        // The unpatched file is fine.
        let ok = try write(tiny, as: "tiny.png")
        XCTAssertNoThrow(try openAndDecode(ok))
    }

    /// A G4 TIFF whose directory claims 60000 x 60000 pixels is refused before its page is decoded.
    func testTIFFDecompressionBombIsRefusedBeforeDecoding() throws {
        let small = try Image.blank(width: 64, height: 64, depth: 1)
        let path = tmp.appendingPathComponent("bomb.tif").path
        try small.writeTIFF(to: path, g4: true)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        try TIFFFile.patchSize(&bytes, width: 60_000, height: 60_000)
        try write(bytes, as: "bomb.tif")

        let e = imagingError("TIFF bomb") { try openAndDecode(path) }
        guard case .tooLarge(let w, let h, _) = e else { return XCTFail("TIFF bomb: \(String(describing: e))") }
        XCTAssertEqual(w, 60_000)
        XCTAssertEqual(h, 60_000)
        XCTAssertTrue(e!.description.contains("decompression bomb"), e!.description)
    }

    func testLowerLimitsRejectNormalSamples() throws {
        let limits = ImageLimits(maxSide: 1000)
        // PNG and JPEG are refused when the file is opened (from the header).
        for name in ["kyuyo_0005.png", "kyuyo_0001.jpg"] {
            let e = imagingError(name) { _ = try ImageSource(path: sample(name), limits: limits) }
            XCTAssertEqual(e, .tooLarge(width: 2480, height: 3508, limit: "1000 px per side and 100 megapixels"), name)
            XCTAssertTrue(e?.description.contains("2480x3508") == true, e?.description ?? "")
            XCTAssertTrue(e?.description.contains("1000 px per side") == true, e?.description ?? "")
        }
        // A TIFF is refused page by page.
        let e = imagingError("kyuyo_0008.tif") { try openAndDecode(sample("kyuyo_0008.tif"), limits: limits) }
        XCTAssertEqual(e, .tooLarge(width: 2480, height: 3508, limit: "1000 px per side and 100 megapixels"))

        // The pixel-count limit alone (sides allowed, area not).
        let area = ImageLimits(maxPixels: 5_000_000)
        let e2 = imagingError("area") { try openAndDecode(sample("kyuyo_0005.png"), limits: area) }
        guard case .tooLarge(2480, 3508, _) = e2 else { return XCTFail("area: \(String(describing: e2))") }
        XCTAssertTrue(e2!.description.contains("5 megapixels"), e2!.description)

        // The same samples pass the default limits.
        XCTAssertNoThrow(try openAndDecode(sample("kyuyo_0005.png")))
        XCTAssertNoThrow(try openAndDecode(sample("kyuyo_0008.tif")))
    }

    func testJapaneseTextNamedPNGIsCalledText() throws {
        let path = try write(Array("給与支払報告書のメモです。画像ではありません。".utf8), as: "memo.png")
        let e = imagingError("japanese text") { _ = try ImageSource(path: path) }
        XCTAssertEqual(e, .unsupportedFormat("content is text"))
    }

    func testTruncatedMultiPageTIFFReportsTheLostPage() throws {
        let page = try ImageSource(path: sample("kyuyo_0008.tif")).page(0)
        let path = tmp.appendingPathComponent("three.tif").path
        for i in 0..<3 { try page.writeTIFF(to: path, g4: true, append: i > 0) }
        let full = try ImageSource(path: path)
        XCTAssertEqual(full.pageCount, 3)
        XCTAssertNil(full.chainProblem)
        // Cut inside the third page: its directory (written after its data) is lost.
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let cut = try write(Array(bytes.prefix(bytes.count - 200)), as: "cut.tif")
        let source = try ImageSource(path: cut)
        XCTAssertEqual(source.pageCount, 2)
        XCTAssertEqual(source.chainProblem, "TIFF directory 3 lies past the end of the file: cut short")
        // A page limit below the page count is said, not silent.
        let limited = try ImageSource(path: path, limits: ImageLimits(maxPages: 2))
        XCTAssertEqual(limited.pageCount, 2)
        XCTAssertTrue(limited.pagesOverLimit)
    }

    func testFileSizeLimit() throws {
        let limits = ImageLimits(maxFileBytes: 1024 * 1024)
        // kyuyo_0002.png is 430 KiB: allowed. A 2 MiB file is refused before it is read.
        XCTAssertNoThrow(try ImageSource(path: sample("kyuyo_0002.png"), limits: limits))
        var big = try sampleBytes("kyuyo_0001.jpg")
        while big.count < 2 * 1024 * 1024 { big += [UInt8](repeating: 0, count: 512 * 1024) }
        let path = try write(big, as: "padded.jpg")
        let e = imagingError("2 MiB file") { _ = try ImageSource(path: path, limits: limits) }
        guard case .fileTooLarge(let bytes, let limit) = e else { return XCTFail("big file: \(String(describing: e))") }
        XCTAssertEqual(limit, 1024 * 1024)
        XCTAssertGreaterThanOrEqual(bytes, 2 * 1024 * 1024)
        XCTAssertTrue(e!.description.contains("over the limit of 1048576 bytes per file"), e!.description)
    }
}

// MARK: - Minimal PNG and TIFF byte helpers (no zlib, no image library)

enum PNGFile {
    struct Chunk { let type: String; let lengthOffset: Int; let length: Int; var dataStart: Int { lengthOffset + 8 } }

    static func readUInt32(_ b: [UInt8], _ i: Int) -> Int {
        Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
    }

    static func writeUInt32(_ b: inout [UInt8], _ i: Int, _ v: Int) {
        b[i] = UInt8((v >> 24) & 0xFF); b[i + 1] = UInt8((v >> 16) & 0xFF)
        b[i + 2] = UInt8((v >> 8) & 0xFF); b[i + 3] = UInt8(v & 0xFF)
    }

    /// The chunks after the 8-byte signature, in file order.
    static func chunks(_ b: [UInt8]) -> [Chunk] {
        var out: [Chunk] = []
        var i = 8
        while i + 12 <= b.count {
            let length = readUInt32(b, i)
            let type = String(decoding: b[(i + 4)..<(i + 8)], as: UTF8.self)
            out.append(Chunk(type: type, lengthOffset: i, length: length))
            i += 12 + length
        }
        return out
    }

    /// Recomputes the CRC of `chunk` (over type and data).
    static func fixCRC(_ b: inout [UInt8], _ chunk: Chunk) {
        let crc = CRC32.checksum(b[(chunk.lengthOffset + 4)..<(chunk.dataStart + chunk.length)])
        writeUInt32(&b, chunk.dataStart + chunk.length, Int(crc))
    }
}

enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}

enum TIFFFile {
    struct Malformed: Error {}
    static let g4 = 4        // CCITT T.6
    static let g3 = 3        // CCITT T.4, as fax machines send
    static let deflate = 8   // Adobe deflate (ZIP)

    struct Entry { let offset: Int; let tag: Int; let type: Int; let count: Int }

    static func read(_ b: [UInt8], _ i: Int, _ n: Int, little: Bool) -> Int {
        var v = 0
        for k in 0..<n { v |= Int(b[i + k]) << (8 * (little ? k : n - 1 - k)) }
        return v
    }

    static func write(_ b: inout [UInt8], _ i: Int, _ n: Int, _ v: Int, little: Bool) {
        for k in 0..<n { b[i + (little ? k : n - 1 - k)] = UInt8((v >> (8 * k)) & 0xFF) }
    }

    /// Every image file directory's entries, in file order.
    static func directories(_ b: [UInt8]) throws -> (little: Bool, ifds: [[Entry]]) {
        guard b.count >= 8 else { throw Malformed() }
        let little = b[0] == 0x49
        var offset = read(b, 4, 4, little: little)
        var ifds: [[Entry]] = []
        while offset != 0 {
            guard offset + 2 <= b.count, ifds.count < 100 else { throw Malformed() }
            let n = read(b, offset, 2, little: little)
            var entries: [Entry] = []
            for k in 0..<n {
                let e = offset + 2 + 12 * k
                guard e + 12 <= b.count else { throw Malformed() }
                entries.append(Entry(offset: e, tag: read(b, e, 2, little: little), type: read(b, e + 2, 2, little: little),
                                     count: read(b, e + 4, 4, little: little)))
            }
            ifds.append(entries)
            offset = read(b, offset + 2 + 12 * n, 4, little: little)
        }
        return (little, ifds)
    }

    static func value(_ b: [UInt8], _ e: Entry, little: Bool) -> Int {
        read(b, e.offset + 8, e.type == 3 ? 2 : 4, little: little)
    }

    /// The Compression tag (259) of every page.
    static func compressions(_ b: [UInt8]) throws -> [Int] {
        let (little, ifds) = try directories(b)
        return try ifds.map { ifd in
            guard let e = ifd.first(where: { $0.tag == 259 }) else { throw Malformed() }
            return value(b, e, little: little)
        }
    }

    /// Rewrites ImageWidth (256) and ImageLength (257) of the first page, and RowsPerStrip (278)
    /// so that the one strip still covers the page.
    static func patchSize(_ b: inout [UInt8], width: Int, height: Int) throws {
        let (little, ifds) = try directories(b)
        guard let ifd = ifds.first else { throw Malformed() }
        for (tag, v) in [(256, width), (257, height), (278, height)] {
            guard let e = ifd.first(where: { $0.tag == tag }) else {
                if tag == 278 { continue }
                throw Malformed()
            }
            write(&b, e.offset + 8, e.type == 3 ? 2 : 4, v, little: little)
        }
    }
}
