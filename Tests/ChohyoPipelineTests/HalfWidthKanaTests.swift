import ChohyoCore
@testable import ChohyoImaging
@testable import ChohyoPipeline
@testable import ChohyoRecognition
import Foundation
import XCTest

/// フリガナ and 口座名義 printed in half-width katakana (ﾔﾏﾀﾞ ﾀﾛｳ), as payroll and banking systems
/// print them: jpn alone reads them as noise; they are read widened, their voicing marks found
/// on the print and put back (`HalfWidthKana`, `HalfWidthKanaMarks`).
final class HalfWidthKanaTests: XCTestCase {
    func image(_ name: String) throws -> Image {
        try ImageSource(path: BilevelReadingTests.fixtureURL(name).path).page(0)
    }

    func kanaField() -> FieldDefinition {
        FieldDefinition(key: "account_holder_kana", label: "口座名義", type: .kana, box: Box(x: 0, y: 0, width: 1450, height: 100))
    }

    /// The 口座名義 cut of `koza_0021` (a 400 dpi PNG scan) of a set typed half-width
    /// (`generate_samples.py --definition FormDefinitions/koza_furikae.yaml --seed 602001 --hard
    /// --format mix --half-width-kana 1`): ｴﾝﾄﾞｳ ｼｽﾞｶ, two ﾞ each a character of its own.
    func testHalfWidthKanaAreReadWithTheirVoicingMarks() throws {
        let cut = try image("kana-half-width-koza0021-seed602001.png")
        let found = try XCTUnwrap(try HalfWidthKana.detect(cut), "narrow glyphs: half-width print")
        // The first ﾞ's strokes run together into one blot (unclear), the second's stay apart.
        XCTAssertEqual(found.marks.map(\.mark), [.unclear, .voiced])
        XCTAssertEqual(found.bare.width, Int((Double(cut.width) * HalfWidthKana.widening).rounded()), accuracy: 1)
        let plain = try TesseractEngine(languages: "jpn").read(cut, psm: 7, whitelist: nil, dpi: 300).map(\.text).joined()
        XCTAssertNotEqual(KanaNormalizer.normalize(plain), "エンドウシズカ", "jpn alone misreads the half-width print")
        let reading = try FixtureReading.read(cut, as: kanaField())
        // jpn reads a stray ェ before the widened line; the other readings have none, and the
        // marks still go on ト and ス in each.
        XCTAssertEqual(KanaNormalizer.normalize(reading.text), "ェエンドウシズカ")
        XCTAssertEqual(KanaNormalizer.normalize(reading.verification ?? ""), "エンドウシズカ")
        XCTAssertNil(reading.note)
    }

    /// ハラ ユミ typed full-width (`ido_0002` of the seed-310500 held-out set, a PNG scan): ハ is
    /// two narrow strokes, the narrowest full-width line of 86 measured. It is read as it is.
    func testFullWidthKanaWithNarrowStrokesAreNotTakenForHalfWidth() throws {
        let cut = try image("kana-full-width-ido0002-seed311501.png")
        XCTAssertNil(try HalfWidthKana.detect(cut))
        let reading = try FixtureReading.read(cut, as: kanaField())
        XCTAssertEqual(KanaNormalizer.normalize(reading.text), "ハラユミ")
    }

    /// Full-width kana typed in 明朝 and scanned at 200 dpi (`VALUE_FONTS=ipa-mincho
    /// EVAL_SEED=500500 scripts/make-eval-set.sh`): their thin horizontals fade and the glyphs
    /// fall apart into narrow strokes. フクダ マコト (`ido_0021`) is told from half-width print by
    /// its pitch: no two of its narrow runs follow each other as half-width glyphs do.
    func testMinchoKanaFallenApartAreNotTakenForHalfWidth() throws {
        let fukuda = try image("kana-full-width-mincho-ido0021-seed501501.png")
        XCTAssertNil(try HalfWidthKana.detect(fukuda))
        XCTAssertEqual(KanaNormalizer.normalize(try FixtureReading.read(fukuda, as: kanaField()).text), "フクダマコト")
    }

    /// The pitch of a line's glyph runs, in glyph heights, over the runs that follow closely.
    func testThePitchOfGlyphRuns() {
        typealias Run = HalfWidthKana.Run
        // Half-width: 12 px wide glyphs every 14 px, 20 px high.
        let half = (0..<6).map { Run(x: 14 * $0, width: 12, top: 0, height: 20) }
        XCTAssertEqual(HalfWidthKana.pitch(of: half, height: 20) ?? 0, 0.7, accuracy: 1e-9)
        XCTAssertTrue(HalfWidthKana.pitchRange.contains(0.7))
        // Full-width glyphs split in two strokes: the strokes stand close, the glyphs far apart.
        let split = (0..<4).flatMap { [Run(x: 24 * $0, width: 4, top: 0, height: 20), Run(x: 24 * $0 + 8, width: 4, top: 0, height: 20)] }
        XCTAssertEqual(HalfWidthKana.pitch(of: split, height: 20) ?? 0, 0.4, accuracy: 1e-9)
        XCTAssertFalse(HalfWidthKana.pitchRange.contains(0.4))
        // Runs far apart follow no one closely: no pitch.
        XCTAssertNil(HalfWidthKana.pitch(of: (0..<4).map { Run(x: 40 * $0, width: 4, top: 0, height: 20) }, height: 20))
    }

    /// On a bilevel page at fax resolution (a cut with `asScanned`) broken full-width kana look as
    /// narrow as half-width ones, so a kana is read widened only when read as it is it gives no
    /// katakana, and then it goes to a person whatever its confidence.
    func testACutFromAFaxIsReadWidenedOnlyWhenItReadsAsNoKatakanaAndGoesToAPerson() throws {
        let cut = try image("kana-half-width-koza0021-seed602001.png")
        let fragment = FieldFragment(image: cut, settings: ReadingSettings(field: kanaField(), dpi: 300),
                                     inkPixels: try cut.binary().inkCount(), sealInk: 0, asScanned: cut)
        let plain = try TesseractEngine(languages: "jpn").read(cut, psm: 7, whitelist: nil, dpi: 300).map(\.text).joined()
        XCTAssertFalse(FragmentReader.readsAsKatakana(plain), plain)
        let reading = try FragmentReader().read(fragment)
        XCTAssertTrue(KanaNormalizer.normalize(reading.text).hasSuffix("エンドウシズカ"), reading.text)
        XCTAssertEqual(reading.note, FragmentReader.faxHalfWidthNote)
        let result = JudgeStage.judge(field: kanaField(), form: FormDefinition(id: "f", version: 1, title: "f", template: "f.png", fields: [kanaField()]),
                                      reading: reading)
        XCTAssertEqual(result.status, .review)
    }

    /// A 口座振替依頼書 faxed at 200 dpi with its 口座名義 printed half-width (`koza_0005` of the
    /// half-width tuning set, seed 602001): ﾅｶﾔﾏ ﾁﾋﾛ read as it is gives no katakana; read
    /// widened it is right, and goes to a person as every kana so read on a fax does.
    func testAFaxedHalfWidthKanaIsReadWidenedAndShownToAPerson() throws {
        let page = try PipelineTestSupport.batchResult(ofFixture: "koza-fax-half-width-kana-seed602001.tif")
        XCTAssertEqual(page.form, "koza_furikae", page.classification ?? "")
        let kana = try XCTUnwrap(page.fields["account_holder_kana"])
        XCTAssertEqual(kana.value, "ナカヤマチヒロ", kana.reason)
        XCTAssertEqual(kana.status, .review)
        XCTAssertTrue(kana.reason.contains(FragmentReader.faxHalfWidthNote), kana.reason)
    }

    func testMarksJoinTheKanaTheyFollow() {
        XCTAssertEqual(HalfWidthKanaMarks.marked("カトウ", marks: [.voiced], after: [2]), "カドウ")
        XCTAssertEqual(HalfWidthKanaMarks.marked("ハク ホンタ", marks: [.semiVoiced, .semiVoiced], after: [1, 3]), "パク ポンタ")
        // An unclear mark is ﾞ where only ﾞ fits; after ハ–ホ it could be ﾟ as well.
        XCTAssertEqual(HalfWidthKanaMarks.marked("ヤマタ", marks: [.unclear], after: [3]), "ヤマダ")
        XCTAssertNil(HalfWidthKanaMarks.marked("ワタナヘ", marks: [.unclear], after: [4]))
        XCTAssertEqual(HalfWidthKanaMarks.marked("ワタナヘ", marks: [.voiced], after: [4]), "ワタナベ")
        // A mark on a kana that takes none, or before any kana, is not placed.
        XCTAssertNil(HalfWidthKanaMarks.marked("アイ", marks: [.voiced], after: [1]))
        XCTAssertNil(HalfWidthKanaMarks.marked("アイ", marks: [.voiced], after: [0]))
        XCTAssertNil(HalfWidthKanaMarks.marked("カイ", marks: [.semiVoiced], after: [1]))
        // A ﾞ left on the print and read by jpn joins the kana before it, across a space.
        XCTAssertEqual(HalfWidthKanaMarks.marked("アン ト ~ ウ", marks: [], after: []), "アン ド ウ")
        XCTAssertEqual(HalfWidthKanaMarks.marked("タカ キ ” カオリ", marks: [], after: []), "タカ ギ カオリ")
        XCTAssertNil(HalfWidthKanaMarks.marked("ナ へ ~ テイ", marks: [], after: []), "after へ a read mark could be ﾟ")
    }

    /// A ﾞ read by jpn as "~" is joined into its kana, and its confidence with it: the checks of
    /// each character's confidence line up with the text again.
    func testAReadMarksConfidenceGoesToItsKana() {
        XCTAssertEqual(HalfWidthKanaMarks.joinedConfidences([99, 98, 99, 60, 97], of: "アン ト ~ ウ"), [99, 98, 60, 97])
        XCTAssertEqual(HalfWidthKanaMarks.joinedConfidences([99, 98, 99, 97], of: "アン トウ"), [99, 98, 99, 97])
        XCTAssertEqual(HalfWidthKanaMarks.joinedConfidences([99, 98], of: "アン ト"), [99, 98], "not lined up: as it was")
    }

    func testMarksAreCarriedToAReadingWithACharacterMoreOrLess() {
        XCTAssertEqual(HalfWidthKanaMarks.carried([4, 7], from: "ェエン トウ シスカ", to: "エン トウ シスカ"), [3, 6])
        XCTAssertEqual(HalfWidthKanaMarks.carried([3], from: "カトウ", to: "カトトウ"), [4])
        XCTAssertNil(HalfWidthKanaMarks.carried([2], from: "カトウ", to: "カウ"), "the marked ト is missing")
    }

    /// ﾞ is two strokes, ﾟ a ring; one blot enclosing nothing is unclear.
    func testTheShapeOfAMarkTellsVoicedFromSemiVoiced() {
        func grid(_ rows: [String]) -> ByteGrid {
            ByteGrid(width: rows[0].count, height: rows.count,
                     bytes: rows.flatMap { $0.map { $0 == "#" ? UInt8(0) : 255 } })
        }
        let strokes = grid(["#..#", "#..#", "#..#", "....", "...."])
        let ring = grid([".##.", "#..#", "#..#", ".##."])
        let blot = grid(["###", "###", "###"])
        func shape(_ g: ByteGrid) -> HalfWidthKana.Mark {
            HalfWidthKana.shape(of: .init(x: 0, width: g.width, top: 0, height: g.height), in: g)
        }
        XCTAssertEqual(shape(strokes), .voiced)
        XCTAssertEqual(shape(ring), .semiVoiced)
        XCTAssertEqual(shape(blot), .unclear)
    }
}
