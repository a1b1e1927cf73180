import ChohyoCore
import ChohyoImaging
import ChohyoPipeline
import CLeptTess
import Foundation
import XCTest
@testable import ChohyoRecognition

/// Digits inside an address or a date are read again by eng, found by their shape in the ink.
final class DigitRunsTests: XCTestCase {
    /// A 60 px line: "kanji" as 52 × 52 squares, "digits" as 26 × 52 bars, 8 px apart.
    func line(_ pattern: String) throws -> ChohyoImaging.Image {
        var marks: [(x: Int, w: Int)] = []
        var x = 10
        for c in pattern {
            let w = c == "K" ? 52 : 26
            if c != " " { marks.append((x, w)) }
            x += w + 8
        }
        var g = ByteGrid(width: x + 10, height: 72, bytes: [UInt8](repeating: 255, count: (x + 10) * 72))
        for m in marks {
            for yy in 10..<62 { for xx in m.x..<(m.x + m.w) { g.bytes[yy * g.width + xx] = 0 } }
        }
        return try g.image(depth: 8)
    }

    func testDigitShapedMarksCloseTogetherAreOneRun() throws {
        // 町 6 丁 目 16 番 24 号
        let runs = try DigitRuns.inkRuns(try line("KDKKDDKDDK"))
        XCTAssertEqual(runs.map(\.count), [1, 2, 2])
        XCTAssertEqual(runs.map(\.x0), [70, 224, 352])
    }

    func testRunsArePairedInOrderByCountAndPlace() {
        let ink = [DigitRuns.InkRun(x0: 168, x1: 194, y0: 0, y1: 39, count: 1),
                   DigitRuns.InkRun(x0: 430, x1: 450, y0: 0, y1: 39, count: 1),
                   DigitRuns.InkRun(x0: 548, x1: 588, y0: 0, y1: 39, count: 2),
                   DigitRuns.InkRun(x0: 637, x1: 681, y0: 0, y1: 39, count: 2)]
        // 桜木町6丁目16番24号 on a held-back page: jpn's runs start at 439, 548 and 641; the
        // first ink run (a narrow kana) has no partner.
        let pairs = DigitRuns.pair([1, 2, 2], starts: [439, 548, 641], with: ink, line: 39)
        XCTAssertEqual(pairs.map { [$0.0, $0.1] }, [[0, 1], [1, 2], [2, 3]])
        // A run jpn read with one digit too few is not paired with a run of two, and the runs
        // after it keep their own partners.
        let short = DigitRuns.pair([1, 1, 2], starts: [439, 548, 641], with: ink, line: 39)
        XCTAssertEqual(short.map { [$0.0, $0.1] }, [[0, 1], [2, 3]])
        // Too far from where jpn saw it: not paired.
        XCTAssertTrue(DigitRuns.pair([2], starts: [100], with: ink, line: 39).isEmpty)
    }
}
