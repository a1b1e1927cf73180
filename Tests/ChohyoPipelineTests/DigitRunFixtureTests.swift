import ChohyoCore
import ChohyoImaging
@testable import ChohyoPipeline
@testable import ChohyoRecognition
import Foundation
import XCTest

/// Digits inside addresses and dates that jpn misread, on cuts as the batch read them
/// (`FieldCutter`'s output, Tests/Fixtures/README.md), read again by `DigitRuns`: a typed 0 of a
/// room number read as two digits (203号 as 2693号, 402号 as 4602号) is shown as the 0 it is when
/// eng reads the ink as one digit fewer (`DigitRuns.splitZero`), and a day that lost a digit as
/// eng reads its ink. The digits are doubted, so the value still goes to a person.
final class DigitRunFixtureTests: XCTestCase {
    func rereadCut(_ file: String, dpi: Int = 300) throws -> (jpn: String, reread: [TesseractEngine.Symbol]) {
        let cut = try ImageSource(path: BilevelReadingTests.fixtureURL(file).path).page(0)
        let jpn = try TesseractEngine(languages: "jpn").read(cut, psm: 7, whitelist: nil, dpi: dpi)
        let eng = try TesseractEngine(languages: "eng")
        let reread = try DigitRuns.reread(jpn, in: cut) { try eng.read($0, psm: 8, whitelist: "0123456789", dpi: dpi) }
        return (jpn.map(\.text).joined(), reread)
    }

    /// 住所 of page_0238 of the seed-280500 held-out set: …ロイヤルレジデンス203号, its 0 read 69.
    func testA0ReadAs69IsShownAs0() throws {
        let (jpn, reread) = try rereadCut("address-cut-split-zero-seed280500.png")
        XCTAssertTrue(jpn.hasSuffix("2693号"), "jpn read the 0 as 69: \(jpn)")
        XCTAssertTrue(reread.map(\.text).joined().hasSuffix("ロイヤルレジデンス203号"), reread.map(\.text).joined())
        XCTAssertEqual(reread.suffix(4).dropLast().map(\.confidence), [50, 50, 50], "held for a person")
    }

    /// 支払者 住所 of page_0170 of the seed-200500 held-out set: …ロイヤルハイツ402号, its 0 read 60,
    /// and the ツ before it joined the number's ink run, so the run paired with jpn's four digits.
    func testA0ReadAs60IsShownAs0WhenTheKanaBeforeItJoinedItsInk() throws {
        let (jpn, reread) = try rereadCut("address-cut-kana-joined-seed200500.png")
        XCTAssertTrue(jpn.hasSuffix("4602号"), "jpn read the 0 as 60: \(jpn)")
        XCTAssertEqual(try DigitRuns.inkRuns(try ImageSource(path: BilevelReadingTests.fixtureURL("address-cut-kana-joined-seed200500.png").path).page(0)).last?.count,
                       4, "ツ402: four marks in one run")
        XCTAssertTrue(reread.map(\.text).joined().hasSuffix("ロイヤルハイツ402号"), reread.map(\.text).joined())
        XCTAssertEqual(reread.suffix(4).dropLast().map(\.confidence), [50, 50, 50], "held for a person")
    }

    /// 受給者 住所 of page_0148 of the seed-690500 held-out set: …メゾンシティ201号, its 0 read
    /// 60. The small ィ is tall and narrow enough to join the number's ink run, and eng read it as
    /// a 4: shown シティ4201号. jpn read the ィ confidently, so its ink is no digit's.
    func testASmallKanaBeforeANumberIsNotReadAsADigit() throws {
        let (jpn, reread) = try rereadCut("address-cut-small-kana-seed690500.png")
        XCTAssertTrue(jpn.hasSuffix("ィ2601号"), "jpn read the 0 as 60: \(jpn)")
        let cut = try ImageSource(path: BilevelReadingTests.fixtureURL("address-cut-small-kana-seed690500.png").path).page(0)
        XCTAssertEqual(try DigitRuns.inkRuns(cut).last?.count, 4, "ィ201: four marks in one run")
        XCTAssertTrue(reread.map(\.text).joined().hasSuffix("メゾンシティ201号"), reread.map(\.text).joined())
        XCTAssertEqual(reread.suffix(4).dropLast().map(\.confidence), [50, 50, 50], "held for a person")
    }

    /// 生年月日 of page_0081 of the seed-280500 held-out set: 昭和52年2月18日, its day read 8日.
    /// The day's ink run holds two marks and ends before jpn's 日, and eng reads it as 18.
    func testADayReadWithADigitTooFewIsShownAsEngReadsIt() throws {
        let (jpn, reread) = try rereadCut("date-cut-day-digit-lost-seed280500.png")
        XCTAssertEqual(jpn, "昭和52年2月8日", "jpn lost the day's 1")
        XCTAssertEqual(reread.map(\.text).joined(), "昭和52年2月18日")
        XCTAssertEqual(reread.suffix(3).dropLast().map(\.confidence), [50, 50], "held for a person")
    }

    /// 生年月日 of ido960_0029 of the seed-960001 tuning set (a 400 dpi colour JPEG): 平成2年11月9日.
    /// A speck between the 1s of 11 split their ink in two runs of one mark; jpn read 1月, paired
    /// with the first, and the date was accepted as 1990-01-09. A speck no longer parts a run:
    /// the month's run holds two marks, one more than jpn read, and the month is doubted.
    func testASpeckBetweenTwoDigitsDoesNotPartTheirRun() throws {
        let file = "date-cut-speck-between-ones-seed960001.png"
        let cut = try ImageSource(path: BilevelReadingTests.fixtureURL(file).path).page(0)
        let (chars, _) = DigitRuns.characters(try cut.binary(threshold: DigitRuns.inkThreshold))
        XCTAssertTrue(chars.contains { $0.x1 - $0.x0 <= 2 && $0.y1 - $0.y0 <= 3 }, "the speck: \(chars)")
        XCTAssertEqual(try DigitRuns.inkRuns(cut).map(\.count), [1, 2, 1], "2, 11 and 9")
        let (jpn, reread) = try rereadCut(file)
        XCTAssertEqual(jpn, "平成2年1月9日", "jpn lost a 1 of the month")
        let month = try XCTUnwrap(reread.firstIndex { $0.text == "月" })
        XCTAssertEqual(reread[month - 1].confidence, DigitRuns.mendedConfidence, "the month is doubted")

        let loaded = try DefinitionLoader.load(file: PipelineTestSupport.root.appendingPathComponent("FormDefinitions/tokubetsu_choshu_ido.yaml"))
        let field = try XCTUnwrap(loaded.definition.field("employee_birth_date"))
        let result = JudgeStage.judge(field: field, form: loaded.definition, reading: try FixtureReading.read(cut.gray(), as: field))
        XCTAssertEqual(result.status, .review)
    }

    /// 生年月日 of page_0212 of the seed-610500 held-out set (a 200 dpi colour JPEG):
    /// 昭和40年11月16日, read 昭和49年 by jpn at 98.8 and accepted, that set's one escape of a
    /// digit on a scan. The last column of 和 stood in the padding of the year's ink run, so eng
    /// read the run as 140 and its glyphs were three for two digits: neither could check the 9.
    /// With the padding beside the run made white, the glyphs are two, the 9 stands on a ring,
    /// and the year is shown as 40, doubted.
    func testTheEdgeOfAKanjiBesideADigitRunDoesNotKeepItsDigitsUnchecked() throws {
        let file = "date-cut-kanji-edge-seed610500.png"
        let (jpn, reread) = try rereadCut(file)
        XCTAssertEqual(jpn, "昭和49年11月16日", "jpn read the 0 as 9")
        let cut = try ImageSource(path: BilevelReadingTests.fixtureURL(file).path).page(0)
        let year = try XCTUnwrap(try DigitRuns.inkRuns(cut).first)
        XCTAssertEqual(year.count, 2)
        XCTAssertEqual(try DigitShapes.glyphs(in: try DigitRuns.glyphCut(year, of: cut)).map(\.shape), [.lowerHole, .ring],
                       "the 4 and the 0, nothing of 和")
        XCTAssertEqual(reread.map(\.text).joined(), "昭和40年11月16日")
        XCTAssertEqual(reread[3].confidence, DigitRuns.mendedConfidence, "held for a person")
    }

    /// 生年月日 of page_0259 of the seed-660500 held-out set (a 200 dpi colour JPEG, upside
    /// down): 昭和40年9月17日, read 昭和49年 by jpn at 98.7 and accepted, that set's one escape.
    /// Blurred, 和, 4, 0 and 年 touch at the usual cut-off, so no ink run lay under the year and
    /// its 9 went unchecked. In darker ink the 4 and the 0 stand apart, the 0 is a ring, and the
    /// year is shown as 40, doubted.
    func testDigitsTouchingTheKanjiBesideThemAreCheckedInDarkerInk() throws {
        let file = "date-cut-digits-touching-seed660500.png"
        let (jpn, reread) = try rereadCut(file)
        XCTAssertEqual(jpn, "昭和49年9月17日", "jpn read the 0 as 9")
        let cut = try ImageSource(path: BilevelReadingTests.fixtureURL(file).path).page(0)
        XCTAssertEqual(try DigitRuns.inkRuns(cut).map(\.count), [1, 2], "only 9月 and 17日 at the usual cut-off: no run under the year")
        let dark = try DigitRuns.inkRuns(cut, threshold: DigitRuns.separatingThreshold)
        let year = try XCTUnwrap(dark.first { $0.x1 < 150 }, "the year's digits in darker ink")
        XCTAssertEqual(year.count, 4, "the halves of 和, the 4 and the 0 stand apart")
        // The 口 of 和 is a ring too; only rings right of jpn's first box of the year count.
        let rings = try DigitRuns.ringCentres(year, of: cut, threshold: DigitRuns.separatingThreshold)
        XCTAssertEqual(rings.count, 2, "the 口 of 和 and the 0: \(rings)")
        XCTAssertEqual(rings.filter { $0 >= 94 }.count, 1, "the 0 alone under jpn's boxes of 4 and 9 (from x 94)")
        XCTAssertEqual(reread.map(\.text).joined(), "昭和40年9月17日")
        XCTAssertEqual(reread[3].confidence, DigitRuns.mendedConfidence, "held for a person")
        XCTAssertEqual(reread.map(\.text).joined().filter { $0 == "9" }.count, 1, "the month's 9 is left as read")
    }

    /// 支払者 住所 of page_0219 of the seed-680500 held-out set (a 200 dpi colour JPEG of a
    /// 異動届出書): …メゾンシティ402号, read 492号 by jpn at 98.3 and accepted at 100, that set's
    /// escape. The 4's bar runs into the 0, so 40 is one mark too wide for a digit and stands in
    /// no ink run: only the 2's run lies under jpn's digits. Split at its neck, the 0's half is
    /// a ring, and the 9 is shown as 0, doubted.
    func testTwoDigitsTouchingEachOtherAreSplitAndTheZerosRingFound() throws {
        let file = "address-cut-digits-touching-seed680500.png"
        let (jpn, reread) = try rereadCut(file)
        XCTAssertTrue(jpn.hasSuffix("492号"), "jpn read the 0 as 9: \(jpn)")
        let cut = try ImageSource(path: BilevelReadingTests.fixtureURL(file).path).page(0)
        let runs = try DigitRuns.inkRuns(cut)
        XCTAssertFalse(runs.contains { $0.x0 < 1000 && $0.x1 > 960 }, "no ink run holds the 4 and the 0: \(runs)")
        let rings = try DigitRuns.ringsInTouchingPairs(cut, within: 900..<1100)
        XCTAssertEqual(rings.count, 1, "the 0's half of the mark 40: \(rings)")
        XCTAssertTrue((975..<1005).contains(rings[0]), "right of the neck: \(rings)")
        XCTAssertEqual(try DigitRuns.ringsInTouchingPairs(cut, within: 0..<900), [], "no ring in the kanji and kana before it")
        XCTAssertTrue(reread.map(\.text).joined().hasSuffix("メゾンシティ402号"), reread.map(\.text).joined())
        XCTAssertEqual(reread.suffix(3).first?.confidence, DigitRuns.mendedConfidence, "held for a person")
    }

    /// 支払を受ける者 住所 of page_0260 of the seed-770500 held-out set (a 200 dpi bilevel scan of
    /// a 給与支払報告書): …朝日町4丁目20番5号, read 26番 by jpn at 98.2 and accepted at 100, that
    /// set's escape. Every number of the line touches a neighbour (町4, 20, 5号), so the line
    /// holds no digit-shaped ink run at all, and the digits went unchecked. The 20 is split at
    /// its neck, its 0's half is a ring, and the 6 is shown as 0, doubted.
    func testA0IsFoundInALineWithNoDigitStandingAlone() throws {
        let file = "address-cut-digits-all-touching-seed770500.png"
        let (jpn, reread) = try rereadCut(file, dpi: 200)
        XCTAssertTrue(jpn.hasSuffix("4丁目26番5号"), "jpn read the 0 as 6: \(jpn)")
        let cut = try ImageSource(path: BilevelReadingTests.fixtureURL(file).path).page(0)
        XCTAssertEqual(try DigitRuns.inkRuns(cut), [], "no digit stands alone in the line")
        XCTAssertTrue(reread.map(\.text).joined().hasSuffix("朝日町4丁目20番5号"), reread.map(\.text).joined())
        XCTAssertEqual(reread.suffix(4).first?.confidence, DigitRuns.mendedConfidence, "held for a person")
    }

    /// 生年月日 of page_0046 of the seed-420500 held-out set (a 400 dpi colour PNG scan):
    /// 昭和59年9月20日, its 0 read at 93.8, under `minDigitInTextConfidence`, which held the right
    /// date for a person. Its glyph is a ring of its own, so the 0 is confirmed and the date
    /// accepted.
    func testA0ReadWeaklyOnARingIsConfirmedAndTheDateAccepted() throws {
        let image = try ImageSource(path: BilevelReadingTests.fixtureURL("date-cut-ring-zero-seed420500.png").path).page(0)
        let loaded = try PipelineTestSupport.loadForm()
        let field = try XCTUnwrap(loaded.definition.field("birth_date"))
        let reading = try FixtureReading.read(image, as: field)
        let chars = Array(reading.text.filter { !$0.isWhitespace })
        XCTAssertEqual(String(chars), "昭和59年9月20日")
        let zero = try XCTUnwrap(chars.firstIndex(of: "0"))
        XCTAssertLessThan(reading.characterConfidences[zero], JudgeStage.minDigitInTextConfidence, "the 0 is read weakly")
        XCTAssertEqual(reading.zerosOnRings, [zero])
        let judged = JudgeStage.judge(field: field, form: loaded.definition, reading: reading)
        XCTAssertEqual(judged.value, "1984-09-20")
        XCTAssertEqual(judged.status, .accepted, judged.reason)
        // Without its glyph's word, the weak 0 holds the date as before.
        var unconfirmed = reading
        unconfirmed.zerosOnRings = []
        XCTAssertEqual(JudgeStage.judge(field: field, form: loaded.definition, reading: unconfirmed).status, .review)
    }
}

