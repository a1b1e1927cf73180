import CLeptTess
import ChohyoCore
import ChohyoExport
import ChohyoImaging
import ChohyoPipeline
import ChohyoTestSupport
import Foundation
import XCTest

/// A multi-page PDF of sample scans gives the same results as the same scans as image files.
/// Leptonica writes the PDF the way scanner software does: one image per page at the scan's
/// resolution, the G4 TIFF's CCITT data and the JPEG's own bytes copied in, PNGs as Flate.
/// The pages cover all three forms and all four orientations; both batches load all the
/// definitions and run with two workers.
final class PDFBatchTests: XCTestCase {
    /// Sample (folder/file) and the PDF encoding its page is written with.
    static let pages: [(file: String, encoding: Int)] = [
        ("kyuyo/kyuyo_0007.png", L_FLATE_ENCODE),   // upside down
        ("ido/ido_0001.jpg", L_JPEG_ENCODE),
        ("koza/koza_0015.tif", L_G4_ENCODE),        // bilevel
        ("kyuyo/kyuyo_0028.tif", L_G4_ENCODE),      // sideways fax
        ("koza/koza_0002.png", L_FLATE_ENCODE),
    ]

    func runBatch(_ input: URL, out: URL, forms: [LoadedDefinition]) throws -> [PageResult] {
        var options = BatchOptions(inputs: [input.path], outputDirectory: out)
        options.workers = 2
        _ = try BatchRunner(options: options, forms: forms).run()
        let text = try String(contentsOf: out.appendingPathComponent("results.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(PageResult.self, from: Data($0.utf8)) }
    }

    func testPDFPagesReadExactlyAsTheImageFiles() throws {
        let base = try PipelineTestSupport.temporaryDirectory("pdf")
        defer { try? FileManager.default.removeItem(at: base) }
        let samples = PipelineTestSupport.root.appendingPathComponent("Samples")
        let images = base.appendingPathComponent("images", isDirectory: true)
        let pdfFolder = base.appendingPathComponent("pdf", isDirectory: true)
        for d in [images, pdfFolder] { try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true) }

        var pdfPages: [[UInt8]] = []
        for (i, page) in Self.pages.enumerated() {
            let source = samples.appendingPathComponent(page.file)
            // Numbered so the folder walk keeps the PDF's page order.
            let name = String(format: "%02d_", i + 1) + source.lastPathComponent
            try FileManager.default.copyItem(at: source, to: images.appendingPathComponent(name))
            pdfPages.append(try LeptonicaPDF.page(source.path, encoding: page.encoding))
        }
        try Data(try LeptonicaPDF.concatenate(pdfPages)).write(to: pdfFolder.appendingPathComponent("scans.pdf"))

        let loaded = DefinitionLoader.loadAll(directory: PipelineTestSupport.root.appendingPathComponent("FormDefinitions"))
        XCTAssertEqual(loaded.problems.count, 0)
        XCTAssertEqual(loaded.definitions.count, 3)
        let fromImages = try runBatch(images, out: base.appendingPathComponent("out-images"), forms: loaded.definitions)
        let fromPDF = try runBatch(pdfFolder, out: base.appendingPathComponent("out-pdf"), forms: loaded.definitions)

        XCTAssertEqual(fromImages.count, Self.pages.count)
        XCTAssertEqual(fromPDF.count, Self.pages.count)
        let expectedForms = ["kyuyo_shiharai_hokokusho", "tokubetsu_choshu_ido", "koza_furikae",
                             "kyuyo_shiharai_hokokusho", "koza_furikae"]
        for (i, (a, b)) in zip(fromImages, fromPDF).enumerated() {
            XCTAssertEqual(b.page, i + 1, "PDF pages are numbered from 1")
            XCTAssertEqual(a.status, .ok, "image \(a.source)")
            XCTAssertEqual(b.status, .ok, "PDF page \(i + 1): \(b.error ?? "")")
            XCTAssertEqual(a.form, expectedForms[i])
            XCTAssertEqual(b.form, expectedForms[i], "PDF page \(i + 1)")
            XCTAssertEqual(a.orientation, b.orientation, "PDF page \(i + 1) orientation")
            XCTAssertEqual(a.fields.keys.sorted(), b.fields.keys.sorted())
            XCTAssertFalse(a.fields.isEmpty)
            for (key, fa) in a.fields {
                guard let fb = b.fields[key] else { continue }
                XCTAssertEqual(fa.value, fb.value, "page \(i + 1) \(key): value")
                XCTAssertEqual(fa.status, fb.status, "page \(i + 1) \(key): status")
            }
        }
    }
}
