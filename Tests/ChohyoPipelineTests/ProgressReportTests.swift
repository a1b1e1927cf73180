import ChohyoPipeline
import XCTest

/// What a running batch says about itself: the counts, the pace, the time left, and, in a log,
/// how often it says so.
final class ProgressReportTests: XCTestCase {
    func progress(done: Int, known: Int, files: Int, of total: Int, after seconds: Double) -> BatchProgress {
        BatchProgress(pagesDone: done, pagesKnown: known, filesDone: files, filesTotal: total, elapsed: seconds, newErrors: [])
    }

    func testAFolderOfScansCountsTheFilesNotYetOpened() {
        // 300 single-page scans; the first chunk of 16 opened and read in 12 s. Before, the
        // bar counted only the pages of files opened so far and stood at 16/16.
        let p = progress(done: 16, known: 16, files: 16, of: 300, after: 12)
        XCTAssertEqual(ProgressReport.pagesExpected(p), 300)
        XCTAssertEqual(ProgressReport.describe(p), "16/300 pages (files 16/300 opened), 80 pages/min, about 4 min left")
    }

    func testAMultiPagePDFCountsItsPagesOnceOpened() {
        // One 120-page PDF and 10 scans: the PDF opened first.
        let p = progress(done: 32, known: 120, files: 1, of: 11, after: 30)
        XCTAssertEqual(ProgressReport.pagesExpected(p), 130)
        XCTAssertEqual(ProgressReport.describe(p), "32/130 pages (files 1/11 opened), 64 pages/min, about 2 min left")
        let long = progress(done: 100, known: 20_000, files: 1, of: 1, after: 60)
        XCTAssertEqual(ProgressReport.describe(long), "100/20000 pages (files 1/1 opened), 100 pages/min, about 3.3 h left")
        let nearly = progress(done: 120, known: 130, files: 11, of: 11, after: 110)
        XCTAssertEqual(ProgressReport.describe(nearly), "120/130 pages (files 11/11 opened), 65 pages/min, under 1 min left")
        let last = progress(done: 130, known: 130, files: 11, of: 11, after: 120)
        XCTAssertEqual(ProgressReport.describe(last), "130/130 pages (files 11/11 opened), 65 pages/min")
    }

    func testALogGetsALineAfterTenSecondsThenEveryThirty() {
        var report = ProgressReport()
        XCTAssertNil(report.line(for: progress(done: 16, known: 16, files: 16, of: 300, after: 9)), "a short batch says nothing")
        XCTAssertEqual(report.line(for: progress(done: 16, known: 16, files: 16, of: 300, after: 12)),
                       "progress: 16/300 pages (files 16/300 opened), 80 pages/min, about 4 min left")
        XCTAssertNil(report.line(for: progress(done: 32, known: 32, files: 32, of: 300, after: 30)))
        XCTAssertNotNil(report.line(for: progress(done: 64, known: 64, files: 64, of: 300, after: 42)))
        XCTAssertNil(report.line(for: progress(done: 80, known: 80, files: 80, of: 300, after: 60)))
    }
}
