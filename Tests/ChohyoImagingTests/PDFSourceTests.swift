import CLeptTess
import CPoppler
import ChohyoCore
import ChohyoImaging
import ChohyoTestSupport
import Foundation
import XCTest

/// PDF input through `ImageSource`, on real PDFs made here: Leptonica writes image-only PDFs
/// from the committed samples (CCITT G4 from a G4 TIFF, the JPEG's own bytes, Flate from a PNG)
/// at their resolution, and `MiniPDF` writes the few shapes Leptonica does not (a page with
/// /Rotate, a JBIG2 page, a vector page, a PDF without pages). Pages come back at the scan's
/// own pixel size and resolution with the scan's pixels, and every kind of bad PDF is refused
/// with a clear `ImagingError`: the file when the file is bad, only the page when a page is.
final class PDFSourceTests: XCTestCase {
    static let samples = TestForm.root.appendingPathComponent("Samples/kyuyo")
    var tmp: URL!

    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory
            .appendingPathComponent("chohyo-pdf-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let tmp { try? FileManager.default.removeItem(at: tmp) }
    }

    // MARK: helpers

    func sample(_ name: String) -> String { Self.samples.appendingPathComponent(name).path }

    @discardableResult
    func write(_ bytes: [UInt8], as name: String) throws -> String {
        let url = tmp.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// The raw CCITT G4 data of a bilevel image (Leptonica's encoder).
    static func g4Data(_ image: ChohyoImaging.Image) throws -> [UInt8] {
        var cid: UnsafeMutablePointer<L_COMP_DATA>? = nil
        guard pixGenerateCIData(image.raw, Int32(L_G4_ENCODE), 0, 0, &cid) == 0, let c = cid else {
            throw ImagingError.operationFailed("G4 encode")
        }
        defer { l_CIDataDestroy(&cid) }
        return Array(UnsafeBufferPointer(start: c.pointee.datacomp, count: c.pointee.nbytescomp))
    }

    /// Pixels that differ between two 1 bpp images of the same size.
    static func differingBits(_ a: ChohyoImaging.Image, _ b: ChohyoImaging.Image) -> Int {
        guard var x = pixXor(nil, a.raw, b.raw) else { return Int.max }
        defer { var p: UnsafeMutablePointer<PIX>? = x; pixDestroy(&p); x = p ?? x }
        var n: Int32 = 0
        pixCountPixels(x, &n, nil)
        return Int(n)
    }

    /// Largest and mean absolute difference of two 8 bpp images of the same size.
    static func grayDifference(_ a: ChohyoImaging.Image, _ b: ChohyoImaging.Image) -> (max: Int, mean: Double) {
        guard var d = pixAbsDifference(a.raw, b.raw) else { return (255, 255) }
        defer { var p: UnsafeMutablePointer<PIX>? = d; pixDestroy(&p); d = p ?? d }
        var maxValue: Int32 = 0, mean: Float = 0
        pixGetExtremeValue(d, 1, Int32(L_SELECT_MAX), nil, nil, nil, &maxValue)
        pixGetAverageMasked(d, nil, 0, 0, 1, Int32(L_MEAN_ABSVAL), &mean)
        return (Int(maxValue), Double(mean))
    }

    /// The three-page PDF most tests use: a sideways G4 fax page at 200 dpi, a JPEG scan at
    /// 200 dpi and a lossless (Flate) gray scan at 300 dpi.
    static let threePages: [(file: String, encoding: Int, depth: Int)] = [
        ("kyuyo_0015.tif", L_G4_ENCODE, 1),
        ("kyuyo_0004.jpg", L_JPEG_ENCODE, 8),
        ("kyuyo_0005.png", L_FLATE_ENCODE, 8),
    ]

    func threePagePDF() throws -> [UInt8] {
        try LeptonicaPDF.concatenate(Self.threePages.map { try LeptonicaPDF.page(sample($0.file), encoding: $0.encoding) })
    }

    // MARK: scanned pages come back as they were scanned

    func testThreeScannedPagesAtTheirOwnSizeAndResolution() throws {
        let bytes = try threePagePDF()
        let text = String(decoding: bytes, as: UTF8.self)
        for filter in ["/CCITTFaxDecode", "/DCTDecode", "/FlateDecode"] { XCTAssertTrue(text.contains(filter), filter) }
        let path = try write(bytes, as: "three.pdf")

        let source = try ImageSource(path: path)
        XCTAssertEqual(source.format, .pdf)
        XCTAssertEqual(source.pageCount, 3)
        XCTAssertFalse(source.pagesOverLimit)
        for (i, spec) in Self.threePages.enumerated() {
            let original = try ImageSource(path: sample(spec.file)).page(0)
            let page = try source.page(i)
            XCTAssertEqual(page.width, original.width, "page \(i + 1) width")
            XCTAssertEqual(page.height, original.height, "page \(i + 1) height")
            XCTAssertEqual(page.xResolution, original.xResolution, "page \(i + 1) resolution")
            XCTAssertEqual(Int(pixGetYRes(page.raw)), Int(pixGetYRes(original.raw)), "page \(i + 1) vertical resolution")
            XCTAssertEqual(page.depth, spec.depth, "page \(i + 1) depth")
        }

        // G4 is lossless: the fax page is the TIFF's page bit for bit.
        let fax = try source.page(0), faxOriginal = try ImageSource(path: sample("kyuyo_0015.tif")).page(0)
        XCTAssertEqual(Self.differingBits(fax, faxOriginal), 0)
        XCTAssertGreaterThan(fax.inkCount(), 10_000)
        // The JPEG page is the same JPEG data, decoded by poppler instead of Leptonica: the same
        // pixels but for a handful that round differently.
        let jpeg = Self.grayDifference(try source.page(1), try ImageSource(path: sample("kyuyo_0004.jpg")).page(0))
        XCTAssertLessThanOrEqual(jpeg.max, 16, "JPEG page: largest difference \(jpeg.max), mean \(jpeg.mean)")
        XCTAssertLessThan(jpeg.mean, 0.01, "JPEG page: mean difference \(jpeg.mean)")
        // Flate is lossless: the gray page is the PNG's pixels exactly.
        let flate = Self.grayDifference(try source.page(2), try ImageSource(path: sample("kyuyo_0005.png")).page(0))
        XCTAssertEqual(flate.max, 0)
    }

    /// The end-to-end check: each PDF page is recognised as the same form, turned the same way
    /// and aligned the same, as the image it was made from.
    func testPDFPagesMatchTheSameFormAndTurnAsTheirSourceImages() throws {
        let loaded = try TestForm.load()
        let matcher = FormMatcher(templates: [try TemplateModel(definition: loaded.definition, templateURL: loaded.templateURL)])
        let source = try ImageSource(path: try write(try threePagePDF(), as: "three.pdf"))
        for (i, spec) in Self.threePages.enumerated() {
            let fromImage = try matcher.match(try PagePreparer.prepare(try ImageSource(path: sample(spec.file)).page(0)).image)
            let fromPDF = try matcher.match(try PagePreparer.prepare(try source.page(i)).image)
            let a = try XCTUnwrap(fromImage.best), b = try XCTUnwrap(fromPDF.best)
            XCTAssertTrue(fromImage.accepted, "\(spec.file): \(fromImage.reason)")
            XCTAssertTrue(fromPDF.accepted, "PDF page \(i + 1): \(fromPDF.reason)")
            XCTAssertEqual(b.formIndex, a.formIndex, spec.file)
            XCTAssertEqual(b.quarterTurns, a.quarterTurns, spec.file)
            XCTAssertEqual(b.alignment.score, a.alignment.score, accuracy: 0.01, spec.file)
            XCTAssertEqual(b.alignment.offsetX, a.alignment.offsetX, accuracy: 1, spec.file)
            XCTAssertEqual(b.alignment.offsetY, a.alignment.offsetY, accuracy: 1, spec.file)
        }
        // The sideways fax page really is sideways: the check above compares a turn, not just 0 with 0.
        XCTAssertNotEqual(try matcher.match(try PagePreparer.prepare(try source.page(0)).image).best?.quarterTurns, 0)
    }

    /// A page with /Rotate 90 shows the scan turned clockwise: it is rendered upright as shown,
    /// at the scan's resolution.
    func testRotatedPageIsRenderedAsShownAtTheScansResolution() throws {
        let original = try ImageSource(path: sample("kyuyo_0008.tif")).page(0)  // portrait G4, 300 dpi
        let pdf = MiniPDF.imagePage(width: original.width, height: original.height, dpi: 300,
                                    imageDictionary: "/ImageMask true /BitsPerComponent 1 /Filter /CCITTFaxDecode "
                                        + "/DecodeParms << /K -1 /Columns \(original.width) /Rows \(original.height) /BlackIs1 false >>",
                                    imageData: try Self.g4Data(original), pageEntries: "/Rotate 90")
        let source = try ImageSource(path: try write(pdf, as: "rotated.pdf"))
        let page = try source.page(0)
        XCTAssertEqual(page.width, original.height)
        XCTAssertEqual(page.height, original.width)
        XCTAssertEqual(page.xResolution, 300)
        let clockwise = try original.rotatedOrth(quarterTurns: 1), counter = try original.rotatedOrth(quarterTurns: 3)
        let binary = try page.binary(threshold: 128)
        let cw = Self.differingBits(binary, clockwise), ccw = Self.differingBits(binary, counter)
        let ink = original.inkCount()
        XCTAssertLessThan(Double(cw), 0.02 * Double(ink), "rendered page differs from the scan turned clockwise in \(cw) pixels")
        XCTAssertGreaterThan(Double(ccw), 0.5 * Double(ink), "the turn is clockwise, as /Rotate says")
    }

    /// JBIG2 (what many scanners use for bilevel pages): a generic region, MMR-coded, made from
    /// Leptonica's G4 data, in a JBIG2Decode stream. poppler's own JBIG2 decoder reads it.
    func testJBIG2PageDecodesAtItsOwnSize() throws {
        let original = try ImageSource(path: sample("kyuyo_0008.tif")).page(0)
        let stream = MiniPDF.jbig2GenericRegion(width: original.width, height: original.height, mmr: try Self.g4Data(original))
        let pdf = MiniPDF.imagePage(width: original.width, height: original.height, dpi: 300,
                                    imageDictionary: "/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /JBIG2Decode",
                                    imageData: stream)
        let source = try ImageSource(path: try write(pdf, as: "jbig2.pdf"))
        let page = try source.page(0)
        XCTAssertEqual(page.width, original.width)
        XCTAssertEqual(page.height, original.height)
        XCTAssertEqual(page.depth, 1)
        XCTAssertEqual(page.xResolution, 300)
        // poppler 22.12's MMR decoder differs from the G4 original in a 25-pixel sliver of one
        // column (jbig2dec decodes the same stream exactly): nearly all pixels must agree.
        let differing = Self.differingBits(page, original)
        XCTAssertLessThan(differing, 200, "JBIG2 page differs from the scan in \(differing) pixels")
        XCTAssertGreaterThan(page.inkCount(), original.inkCount() / 2)
    }

    /// A page that is not a scan (vector drawing) is rendered at 300 dpi.
    func testVectorPageIsRenderedAt300DPI() throws {
        // A4 in points, a black rectangle 1 inch in from the top left, 2 × 1 inches.
        let pdf = MiniPDF.document(pages: [(width: 595.28, height: 841.89, resources: "<< >>",
                                            content: "0 g 72 697.89 144 72 re f", extra: "")])
        let source = try ImageSource(path: try write(pdf, as: "vector.pdf"))
        let page = try source.page(0)
        XCTAssertEqual(page.width, 2480)
        XCTAssertEqual(page.height, 3508)
        XCTAssertEqual(page.xResolution, 300)
        let bounds = try XCTUnwrap(try page.binary(threshold: 128).inkBounds())
        XCTAssertEqual(Double(bounds.x), 300, accuracy: 2)
        XCTAssertEqual(Double(bounds.y), 300, accuracy: 2)
        XCTAssertEqual(Double(bounds.width), 600, accuracy: 2)
        XCTAssertEqual(Double(bounds.height), 300, accuracy: 2)
    }

    func testPagesOfOneFileDecodeConcurrently() throws {
        let source = try ImageSource(path: try write(try threePagePDF(), as: "three.pdf"))
        let expected = try (0..<3).map { try ImageSource(path: sample(Self.threePages[$0].file)).page(0).width }
        let lock = NSLock()
        var widths: [Int: Int] = [:], failures: [String] = []
        DispatchQueue.concurrentPerform(iterations: 6) { i in
            do {
                let w = try source.page(i % 3).width
                lock.lock(); widths[i] = w; lock.unlock()
            } catch {
                lock.lock(); failures.append("\(error)"); lock.unlock()
            }
        }
        XCTAssertEqual(failures, [])
        for i in 0..<6 { XCTAssertEqual(widths[i], expected[i % 3]) }
    }

    // MARK: bad PDFs

    func testEmptyAndHeaderOnlyPDF() throws {
        XCTAssertEqual(imagingError("0 bytes") { _ = try ImageSource(path: try write([], as: "empty.pdf")) }, .emptyFile)

        let header = try write(Array("%PDF-1.7\n%%EOF\n".utf8), as: "header.pdf")
        let e = imagingError("header only") { _ = try ImageSource(path: header) }
        guard case .unreadable(let why) = e else { return XCTFail("header only: \(String(describing: e))") }
        XCTAssertTrue(why.hasPrefix("PDF cannot be opened"), why)
    }

    func testPDFWithoutPages() throws {
        let path = try write(MiniPDF.document(pages: []), as: "nopages.pdf")
        XCTAssertEqual(imagingError("no pages") { _ = try ImageSource(path: path) }, .unreadable("PDF has no pages"))
    }

    func testTruncatedPDF() throws {
        let bytes = try threePagePDF()
        for keep in [bytes.count / 2, bytes.count - 40, 200] {
            let path = try write(Array(bytes.prefix(keep)), as: "cut\(keep).pdf")
            let e = imagingError("PDF cut to \(keep) bytes") { _ = try ImageSource(path: path) }
            XCTAssertEqual(e, .truncated("PDF has no %%EOF end marker: the file is cut short"), "cut to \(keep)")
            XCTAssertTrue(e?.description.contains("corrupt or truncated") == true, e?.description ?? "")
        }
        // Cut short and given an end marker again: poppler cannot find the cross-reference table.
        let patched = Array(bytes.prefix(bytes.count / 2)) + Array("\n%%EOF\n".utf8)
        let path = try write(patched, as: "cut-eof.pdf")
        let e = imagingError("PDF cut with %%EOF added") { _ = try ImageSource(path: path) }
        guard case .unreadable(let why) = e else { return XCTFail("cut + EOF: \(String(describing: e))") }
        XCTAssertTrue(why.hasPrefix("PDF cannot be opened: PDF document is damaged"), why)
    }

    func testTextAndPNGNamedPDF() throws {
        let text = try write(Array("請求書の控え\r\nこれはPDFではありません。\r\nmemo\r\n".utf8), as: "memo.pdf")
        XCTAssertEqual(imagingError("text named .pdf") { _ = try ImageSource(path: text) }, .unsupportedFormat("content is text"))
        let png = try write([UInt8](try Data(contentsOf: URL(fileURLWithPath: sample("kyuyo_0005.png")))), as: "scan.pdf")
        let e = imagingError("PNG named .pdf") { _ = try ImageSource(path: png) }
        XCTAssertEqual(e, .extensionMismatch(declared: "PDF", actual: "PNG"))
        XCTAssertEqual(e?.description, "file extension says PDF but the content is PNG")
    }

    func testPasswordProtectedPDF() throws {
        let plain = try LeptonicaPDF.page(sample("kyuyo_0004.jpg"), encoding: L_JPEG_ENCODE)
        let encrypted = try QPDFWriter.encrypted(plain, userPassword: "secret", ownerPassword: "owner-secret")
        XCTAssertTrue(String(decoding: encrypted, as: UTF8.self).contains("/Encrypt"))
        let path = try write(encrypted, as: "locked.pdf")
        let e = imagingError("encrypted PDF") { _ = try ImageSource(path: path) }
        XCTAssertEqual(e, .unreadable("PDF cannot be opened: it is encrypted and needs a password"))
        XCTAssertEqual(e?.description, "cannot read file: PDF cannot be opened: it is encrypted and needs a password")
    }

    /// Broken image data on one page: that page is refused with poppler's reason, the other
    /// pages read, and poppler's messages never reach stderr.
    func testCorruptImageDataFailsOnlyThatPage() throws {
        var bytes = try threePagePDF()
        let filter = try XCTUnwrap(MiniPDF.find(Array("/CCITTFaxDecode".utf8), in: bytes))
        let start = try XCTUnwrap(MiniPDF.find(Array("stream\n".utf8), in: bytes, from: filter)) + 7
        for i in (start + 2000)..<(start + 2064) { bytes[i] ^= 0x5A }
        let path = try write(bytes, as: "corrupt.pdf")

        let (e, stderrOutput) = try StderrCapture.run { () -> ImagingError? in
            let source = try ImageSource(path: path)
            XCTAssertEqual(source.pageCount, 3)
            let e = imagingError("page 1 with broken G4 data") { _ = try source.page(0) }
            XCTAssertEqual(try source.page(1).width, 1653)
            XCTAssertEqual(try source.page(2).width, 2480)
            // A broken file too: poppler's complaints about it are not printed either.
            _ = try? ImageSource(path: try write(Array(bytes.prefix(bytes.count / 2)) + Array("\n%%EOF\n".utf8), as: "cut.pdf"))
            return e
        }
        guard case .truncated(let why) = e else { return XCTFail("corrupt page: \(String(describing: e))") }
        XCTAssertTrue(why.hasPrefix("PDF page data is corrupt: "), why)
        XCTAssertTrue(why.contains("CCITTFax"), why)
        XCTAssertFalse(why.contains("position"), why)
        XCTAssertEqual(stderrOutput, "", "nothing on stderr")
    }

    // MARK: limits

    /// A tiny G4 PDF whose image claims 60000 × 60000 pixels is refused from the PDF's objects,
    /// before poppler decodes (and allocates) the image.
    func testDecompressionBombIsRefusedBeforeDecoding() throws {
        let blank = try ChohyoImaging.Image.blank(width: 10_000, height: 10_000, depth: 1)
        pixSetResolution(blank.raw, 300, 300)
        let pdf = MiniPDF.imagePage(width: 60_000, height: 60_000, dpi: 300 * 6,
                                    imageDictionary: "/ImageMask true /BitsPerComponent 1 /Filter /CCITTFaxDecode "
                                        + "/DecodeParms << /K -1 /Columns 60000 /Rows 60000 /BlackIs1 false >>",
                                    imageData: try Self.g4Data(blank))
        XCTAssertLessThan(pdf.count, 20_000, "the bomb file itself is small")
        let path = try write(pdf, as: "bomb.pdf")
        let started = Date()
        let source = try ImageSource(path: path)
        let e = imagingError("PDF bomb") { _ = try source.page(0) }
        XCTAssertLessThan(Date().timeIntervalSince(started), 2, "refused without decoding")
        XCTAssertEqual(e, .tooLarge(width: 60_000, height: 60_000, limit: "20000 px per side and 100 megapixels"))
    }

    func testLimitsApplyPageByPage() throws {
        let path = try write(try threePagePDF(), as: "three.pdf")
        // Pixel limits: each page is refused with its own size.
        let small = try ImageSource(path: path, limits: ImageLimits(maxSide: 1000))
        XCTAssertEqual(imagingError("page 1") { _ = try small.page(0) }, .tooLarge(width: 2339, height: 1653, limit: "1000 px per side and 100 megapixels"))
        XCTAssertEqual(imagingError("page 3") { _ = try small.page(2) }, .tooLarge(width: 2480, height: 3508, limit: "1000 px per side and 100 megapixels"))
        let area = try ImageSource(path: path, limits: ImageLimits(maxPixels: 5_000_000))
        XCTAssertNoThrow(try area.page(0))  // 200 dpi: 3.9 Mpx
        guard case .tooLarge(2480, 3508, _) = imagingError("area", { _ = try area.page(2) }) else { return XCTFail("area limit") }
        // A rendered page is checked at the size it would be rendered.
        let vector = try write(MiniPDF.document(pages: [(width: 595.28, height: 841.89, resources: "<< >>", content: "0 g 72 72 144 72 re f", extra: "")]),
                               as: "vector.pdf")
        XCTAssertEqual(imagingError("vector") { _ = try ImageSource(path: vector, limits: ImageLimits(maxSide: 1000)).page(0) },
                       .tooLarge(width: 2480, height: 3508, limit: "1000 px per side and 100 megapixels"))
        // Page count: the pages past the limit are said, not silent.
        let two = try ImageSource(path: path, limits: ImageLimits(maxPages: 2))
        XCTAssertEqual(two.pageCount, 2)
        XCTAssertTrue(two.pagesOverLimit)
        XCTAssertFalse(try ImageSource(path: path).pagesOverLimit)
    }
}

// MARK: - Writing the PDFs Leptonica does not

/// A minimal PDF writer for test files: objects numbered in order, a correct cross-reference table.
enum MiniPDF {
    typealias Page = (width: Double, height: Double, resources: String, content: String, extra: String)

    /// A document of `pages`, plus `streams` (object bodies with binary data) referenced as
    /// objects 3 + 2 × pages.count onwards.
    static func document(pages: [Page], streams: [(dictionary: String, data: [UInt8])] = []) -> [UInt8] {
        var objects: [[UInt8]] = []
        let kids = (0..<pages.count).map { "\(3 + 2 * $0) 0 R" }.joined(separator: " ")
        objects.append(Array("<< /Type /Catalog /Pages 2 0 R >>".utf8))
        objects.append(Array("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>".utf8))
        for (i, p) in pages.enumerated() {
            objects.append(Array(("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(p.width) \(p.height)] "
                + "/Resources \(p.resources) /Contents \(4 + 2 * i) 0 R \(p.extra) >>").utf8))
            objects.append(stream("", Array(p.content.utf8)))
        }
        for s in streams { objects.append(stream(s.dictionary, s.data)) }
        var out = Array("%PDF-1.5\n%\u{E2}\u{E3}\n".utf8)
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(i + 1) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
        }
        let xref = out.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { table += String(format: "%010d 00000 n \n", o) }
        table += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return out + Array(table.utf8)
    }

    static func stream(_ dictionary: String, _ data: [UInt8]) -> [UInt8] {
        Array("<< \(dictionary) /Length \(data.count) >>\nstream\n".utf8) + data + Array("\nendstream".utf8)
    }

    /// One page that is one image covering it, as a scanner writes it.
    static func imagePage(width: Int, height: Int, dpi: Double, imageDictionary: String, imageData: [UInt8],
                          pageEntries: String = "") -> [UInt8] {
        let w = Double(width) * 72 / dpi, h = Double(height) * 72 / dpi
        let page: Page = (w, h, "<< /XObject << /Im1 5 0 R >> >>", "q \(w) 0 0 \(h) 0 0 cm /Im1 Do Q", pageEntries)
        return document(pages: [page], streams: [("/Type /XObject /Subtype /Image /Width \(width) /Height \(height) \(imageDictionary)", imageData)])
    }

    /// A JBIG2 stream as PDF embeds it (no file header, end-of-page or end-of-file segment):
    /// page information, then one immediate lossless generic region whose data is MMR-coded
    /// (T.6, the coding of CCITT G4).
    static func jbig2GenericRegion(width: Int, height: Int, mmr: [UInt8]) -> [UInt8] {
        func be32(_ v: Int) -> [UInt8] { [UInt8((v >> 24) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }
        func segment(_ number: Int, type: UInt8, _ data: [UInt8]) -> [UInt8] {
            be32(number) + [type, 0x00, 0x01] + be32(data.count) + data  // no referred-to segments, page 1
        }
        let pageInfo = be32(width) + be32(height) + be32(0) + be32(0) + [0x00] + [0x00, 0x00]
        let regionInfo = be32(width) + be32(height) + be32(0) + be32(0) + [0x00]
        return segment(0, type: 48, pageInfo)
            + segment(1, type: 39, regionInfo + [0x01] + mmr)  // generic region flags: MMR = 1
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int = 0) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var i = from
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0] && Array(haystack[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }
}

/// Encrypts a PDF with qpdf (AES-256, a user password needed to open it).
enum QPDFWriter {
    static func encrypted(_ pdf: [UInt8], userPassword: String, ownerPassword: String) throws -> [UInt8] {
        guard var q = qpdf_init() else { throw ImagingError.operationFailed("qpdf_init") }
        defer { var p: qpdf_data? = q; qpdf_cleanup(&p); q = p ?? q }
        qpdf_silence_errors(q)
        qpdf_set_suppress_warnings(q, 1)
        let read = pdf.withUnsafeBufferPointer { b in
            b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) {
                qpdf_read_memory(q, "plain.pdf", $0, UInt64(b.count), nil)
            }
        }
        guard read & 2 == 0, qpdf_init_write_memory(q) & 2 == 0 else { throw ImagingError.operationFailed("qpdf read") }
        qpdf_set_r6_encryption_parameters2(q, userPassword, ownerPassword, 1, 1, 1, 1, 1, 1, qpdf_r3p_full, 1)
        guard qpdf_write(q) & 2 == 0, let buffer = qpdf_get_buffer(q) else { throw ImagingError.operationFailed("qpdf write") }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(qpdf_get_buffer_length(q))))
    }
}

/// Runs `body` with file descriptor 2 sent to a temporary file, and returns what was written there.
enum StderrCapture {
    static func run<T>(_ body: () throws -> T) throws -> (T, String) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chohyo-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try FileHandle(forWritingTo: url)
        fflush(stderr)
        let saved = dup(2)
        dup2(handle.fileDescriptor, 2)
        let value: T
        do {
            value = try body()
        } catch {
            fflush(stderr); dup2(saved, 2); close(saved); try? handle.close()
            throw error
        }
        fflush(stderr); dup2(saved, 2); close(saved); try? handle.close()
        return (value, (try? String(contentsOf: url, encoding: .utf8)) ?? "")
    }
}
