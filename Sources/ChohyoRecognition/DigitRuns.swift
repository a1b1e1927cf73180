import ChohyoCore
import ChohyoImaging

/// Digits inside Japanese text (addresses, dates), read again by the digit model.
///
/// jpn reads typed digits worse than eng, a 0 as 6 or 9 above all (…19番 for 10番, 平成19年
/// for 平成10年, 36日 for 30日), and its readings at two scales agree on the error. Each run
/// of digits jpn found is paired with a run of digit-shaped marks in the ink, cut out and
/// read by eng as one word; when eng finds as many digits, its digits and their confidences
/// replace jpn's. jpn's own character boxes are too rough to cut by (they drift by up to a
/// character), so they only say which ink run is meant.
enum DigitRuns {
    /// A run of digit-shaped marks in the ink: its columns and rows, and how many marks.
    struct InkRun: Equatable {
        var x0: Int, x1: Int, y0: Int, y1: Int
        var count: Int
    }

    /// Grey levels under this are ink, where a cut's ink is measured.
    static let inkThreshold = 160
    /// A darker cut-off, where the ink runs are looked for again when none lies under a run of
    /// digits jpn read: on a 200 dpi colour scan of the seed-660500 held-out set, 和40年 was one
    /// mark at 160 (blurred strokes touching), and 昭和49年 was accepted at 99.8 with the 0's
    /// ring unchecked. At 130 the 4 and the 0 stand apart.
    static let separatingThreshold = 130
    /// A digit's marks are at least this share of the line's height tall…
    static let minDigitHeight = 0.55
    /// …and at most this share wide (a kanji or kana is nearly square).
    static let maxDigitWidth = 0.7
    /// Digits of one number stand closer than this share of the line's height.
    static let maxDigitGap = 0.4
    /// A mark no wider nor taller than this share of the line's height is a speck: between two
    /// digits it no longer parts their run. A speck of 1 × 3 pixels between the 1s of 11月 (a
    /// 35-pixel line of a 400 dpi colour JPEG, tuning set of seed 960001) split them into two
    /// runs; jpn read 1月, paired with the first, and 平成2年1月9日 was accepted for 11月 9日.
    /// Whole, the run holds one digit more than jpn read, and the month is read again
    /// (below). A hyphen or a comma between digits is wider or taller than a speck.
    static let maxSpeck = 0.15
    /// A jpn run and an ink run are paired only if they start this close (line heights).
    static let maxDrift = 1.5
    /// Pixels of white kept around an ink run when it is cut out.
    static let padding = 4
    /// White border given to the cut run, as to a field's cut.
    static let border = 10
    /// Confidence given to a digit its glyph's shape mended (a 9 on a ring read as 0), to a
    /// month or day read with a digit too few and to a split 0 (`splitZero`), as read or as eng
    /// reads them: low enough that the field goes to a person.
    static let mendedConfidence = 50.0
    /// Two digits jpn reads for one typed 0 (…402号 as 4602, 4902 or 4692; 203号 as 2693): on
    /// scans of 14 used held-out sets (seeds 140500–280500), 26 wrong addresses had one, as 60
    /// (14), 69 (9), 90 (2) and 96 (1); with only 60 and 90 taken, 2 of them were shown right,
    /// with these four pairs and a kana joined to the ink run (below), 19. Only 6, 9 and 0: the
    /// digits that share the 0's ring.
    static let splitZero: Set<[Int]> = [[6, 0], [9, 0], [6, 9], [9, 6]]

    static func isDigit(_ text: String) -> Bool { digitValue(text) != nil }

    /// 0–9 for one ASCII or full-width digit, else nil.
    static func digitValue(_ text: String) -> Int? {
        guard text.unicodeScalars.count == 1, let c = text.unicodeScalars.first else { return nil }
        if ("0"..."9").contains(c) { return Int(c.value) - 0x30 }
        if ("０"..."９").contains(c) { return Int(c.value) - 0xFF10 }
        return nil
    }

    /// Index ranges of consecutive digit symbols.
    static func runs(_ symbols: [TesseractEngine.Symbol]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start: Int? = nil
        for (i, s) in symbols.enumerated() {
            let digit = isDigit(s.text)
            if digit, start == nil { start = i }
            if !digit, let st = start { out.append(st..<i); start = nil }
        }
        if let st = start { out.append(st..<symbols.count) }
        return out
    }

    /// Runs of digit-shaped marks in a one-line cut: marks whose columns overlap are one
    /// character; a character as tall as a digit and narrow is digit-shaped; digit-shaped
    /// characters close together are one run.
    ///
    /// A character two thirds of whose columns lie within one of `kana` (the columns of kana
    /// jpn read confidently) is none: jpn's boxes drift, but not so far onto a digit.
    static func inkRuns(_ image: Image, threshold: Int = inkThreshold, kana: [Range<Int>] = []) throws -> [InkRun] {
        let (chars, line) = characters(try image.binary(threshold: threshold))
        // A box wider than the line is a box jpn drew astray (ル 191 pixels wide over ル203号).
        let kana = kana.filter { Double($0.count) <= line }
        var runs: [InkRun] = []
        var open = false
        for c in chars {
            // A speck between two digits neither joins nor parts them.
            if Double(max(c.x1 - c.x0, c.y1 - c.y0)) <= maxSpeck * line { continue }
            let digitShaped = Double(c.y1 - c.y0) >= minDigitHeight * line && Double(c.x1 - c.x0) <= maxDigitWidth * line
                && c.count <= 2 && !kana.contains { 3 * (min(c.x1, $0.upperBound) - max(c.x0, $0.lowerBound)) >= 2 * (c.x1 - c.x0) }
            guard digitShaped else { open = false; continue }
            if open, var last = runs.last, Double(c.x0 - last.x1) <= maxDigitGap * line {
                last.x1 = c.x1; last.y0 = min(last.y0, c.y0); last.y1 = max(last.y1, c.y1); last.count += 1
                runs[runs.count - 1] = last
            } else {
                runs.append(InkRun(x0: c.x0, x1: c.x1, y0: c.y0, y1: c.y1, count: 1))
            }
            open = true
        }
        return runs
    }

    /// The characters of a one-line binary cut, left to right (marks whose columns overlap,
    /// `count` marks each), and the line's height.
    static func characters(_ binary: Image) -> (chars: [InkRun], line: Double) {
        let marks = binary.componentBoxes().filter { $0.width >= 3 || $0.height >= 3 }
        // The line's height is its tallest mark's (a kanji's or a digit's), not the span from
        // the highest mark to the lowest: a speck under the line made 月 and 年 look narrow
        // enough to be digits (昭和51年10月10日 on a tuning page).
        guard let tallest = marks.map(\.height).max() else { return ([], 0) }
        var chars: [InkRun] = []
        for m in marks.sorted(by: { $0.x < $1.x }) {
            if var last = chars.last, m.x <= last.x1 {
                last.x1 = max(last.x1, m.x + m.width); last.y0 = min(last.y0, m.y)
                last.y1 = max(last.y1, m.y + m.height); last.count += 1
                chars[chars.count - 1] = last
            } else {
                chars.append(InkRun(x0: m.x, x1: m.x + m.width, y0: m.y, y1: m.y + m.height, count: 1))
            }
        }
        return (chars, Double(tallest))
    }

    /// Kana jpn read at this confidence or more are not taken for digits in the ink: the small
    /// ィ of シティ is tall and narrow enough to join a room number's ink run, and eng reads it as
    /// a 4 (…シティ201号 shown as シティ4201号: 5 addresses on scans of six used held-out sets,
    /// seeds 640500–690500, each sent to a person only by the 4's confidence, 97.2 at most).
    static let confidentKana = 95.0

    /// The columns of kana jpn read at `confidentKana` or more.
    static func kanaColumns(_ symbols: [TesseractEngine.Symbol]) -> [Range<Int>] {
        symbols.compactMap { s in
            guard s.confidence >= confidentKana, let box = s.box, s.text.unicodeScalars.count == 1,
                  let c = s.text.first, TextNormalizer.isKanaLetter(c)
            else { return nil }
            return box.x..<(box.x + box.width)
        }
    }

    /// The symbols with each digit run read again by `readDigits` (eng, one word, digits only).
    static func reread(_ symbols: [TesseractEngine.Symbol], in image: Image,
                       readDigits: (Image) throws -> [TesseractEngine.Symbol]) throws -> [TesseractEngine.Symbol] {
        let textRuns = runs(symbols)
        guard !textRuns.isEmpty else { return symbols }
        let kana = kanaColumns(symbols)
        // With no digit-shaped ink run in the line (each number's digits touching, as on a bold
        // 200 dpi bilevel scan), nothing pairs, but a 6, 8 or 9 jpn read is still checked for a
        // 0's ring below (`ringsInTouchingPairs`).
        let ink = try inkRuns(image, kana: kana)
        let starts = textRuns.map { run in run.compactMap { symbols[$0].box?.x }.min() }
        var pairs: [(Int, Int)] = []
        var line = 0.0
        if let lineTop = ink.map(\.y0).min(), let lineBottom = ink.map(\.y1).max() {
            line = Double(lineBottom - lineTop)
            pairs = pair(textRuns.map(\.count), starts: starts, with: ink, line: line)
        }
        var out = symbols
        let pairedInk = Set(pairs.map(\.1)), pairedText = Set(pairs.map(\.0))
        /// The ink run nearest jpn's run starting at `x`, within `maxDrift` line heights, of those `ok` admits.
        func nearestInk(to x: Int, _ ok: (Int) -> Bool) -> Int? {
            ink.indices.filter { ok($0) && abs(Double(ink[$0].x0 - x)) <= maxDrift * line }
                .min(by: { abs(ink[$0].x0 - x) < abs(ink[$1].x0 - x) })
        }
        func cutOut(_ r: InkRun) throws -> Image { try DigitRuns.cutOut(r, of: image) }
        /// The ink run nearest jpn's unpaired run `t` when that run stands right before `unit`
        /// (月, 日) and the ink holds one mark more than jpn read digits.
        func inkOneMarkMore(_ t: Int, before unit: String) -> Int? {
            let run = textRuns[t]
            guard let x = starts[t], run.upperBound < symbols.count, symbols[run.upperBound].text == unit,
                  let k = nearestInk(to: x, { !pairedInk.contains($0) }), ink[k].count == run.count + 1 else { return nil }
            return k
        }
        // A month jpn read with a digit too few (令和6年10月 as 1月, escaped on three held-out
        // sets): its run finds no partner, and the ink beside it holds one more digit. (A day's
        // run is not doubted so: a narrow 日 can join its ink run; see below.) When the month
        // read is 1 and eng reads that ink as 10, 11 or 12 (10月 read 1月: 5 times on scans of
        // the tuning set and three used held-out sets), eng's month is shown, still doubted.
        var added: [Int: TesseractEngine.Symbol] = [:]
        for (t, run) in textRuns.enumerated() where !pairedText.contains(t) {
            guard let k = inkOneMarkMore(t, before: "月") else { continue }
            for i in run { out[i] = doubted(symbols[i]) }
            let jpn = run.map { digitValue(symbols[$0].text) }
            guard jpn == [1] else { continue }
            let eng = try readDigits(try cutOut(ink[k])).compactMap { digitValue($0.text) }
            // When eng cannot read it either (it reads many an 11 as 1, or as nothing) and both
            // marks are narrow bars, it is 11: a 0 or a 2 is wider (`maxOneWidth`). On the used
            // sets of seeds 870500 and 880500 (faxed kyuyo and ido pages of the one, all of the
            // other), 平成4年11月19日 was shown right so, and nothing else changed in value.
            let second = eng.count == 2 && eng[0] == 1 && eng[1] <= 2 ? eng[1] : try twoBars(ink[k], in: image) ? 1 : nil
            if let second {
                let one = symbols[run.lowerBound]
                added[run.lowerBound] = doubtedDigit(String(second), after: one)
            }
        }
        // A year jpn read with a digit too few (平成10年 as 1年, 昭和40年 as 4年: about one a
        // held-out set, each held by `EraDate.yearOneInFigures` or `showaYearOfOneDigit` but
        // shown wrong; eng reads such ink as jpn did, or as nothing): its run finds no partner,
        // and the ink before 年 holds two marks. When the second is a 0's ring and the first is
        // not (`endsInZero`), the year is shown with its 0, doubted.
        for (t, run) in textRuns.enumerated() where !pairedText.contains(t) && run.count == 1 {
            guard let k = inkOneMarkMore(t, before: "年"), let jpn = digitValue(symbols[run.lowerBound].text), jpn != 0,
                  try endsInZero(ink[k], in: image) else { continue }
            let one = symbols[run.lowerBound]
            out[run.lowerBound] = doubted(one)
            added[run.lowerBound] = doubtedDigit("0", after: one)
        }
        // A day jpn read with a digit too few (18日 as 8日, 27日 as 2日: 25 dates on the tuning
        // set and 14 used held-out sets, all with a person already, shown wrong). A narrow 日
        // can join a day's ink run, so a run holding one mark more is no doubt by itself; but
        // when that run reaches no further than the first third of jpn's box for 日 (its boxes
        // drift) and eng reads it as two digits, one of them jpn's, making a day from 10 to 31,
        // eng's day is shown, doubted. On those 25 dates it showed 14 right.
        for (t, run) in textRuns.enumerated() where !pairedText.contains(t) && run.count == 1 {
            guard let k = inkOneMarkMore(t, before: "日"), let day = symbols[run.upperBound].box,
                  let jpn = digitValue(symbols[run.lowerBound].text), ink[k].x1 <= day.x + day.width / 3 else { continue }
            let eng = try readDigits(try cutOut(ink[k])).compactMap { digitValue($0.text) }
            guard eng.count == 2, eng.contains(jpn), (10...31).contains(eng[0] * 10 + eng[1]) else { continue }
            let one = symbols[run.lowerBound]
            out[run.lowerBound] = doubted(one, as: String(eng[0]))
            added[run.lowerBound] = doubtedDigit(String(eng[1]), after: one)
        }
        // A glyph jpn read as two digits (…ハイツ402号 as 4902 or 4602: the typed 0 as 90 or 60,
        // 31 times on scans of the tuning set and two used held-out sets, all sent to a person
        // by the stray digit's low confidence): its run finds no partner, and the ink at its
        // place holds one digit fewer. When eng reads that ink as that many digits, and they are
        // jpn's with a pair of `splitZero` read as eng's 0, the pair's first digit goes and the
        // second is shown as 0; the rest are doubted, so the field still goes to a person, now
        // shown right. (Taking out any one digit eng lacks put wrong two right addresses on the
        // tuning set: eng reads some 10s as 1, and 24 whose glyphs touched as 2.)
        var dropped = Set<Int>(), splitInk = Set<Int>()
        /// The split 0's first digit goes, its second shows 0, and the run's digits are doubted.
        func dropSplitZero(at gone: Int, of run: Range<Int>) {
            dropped.insert(gone)
            for i in run where i != gone { out[i] = doubted(symbols[i], as: i == gone + 1 ? "0" : nil) }
            if symbols[gone].startsWord, gone + 1 < run.upperBound {
                let next = out[gone + 1]
                out[gone + 1] = TesseractEngine.Symbol(text: next.text, confidence: next.confidence, startsWord: true, box: next.box)
            }
        }
        /// Whether eng, reading the line from the ink run to the end of jpn's boxes, reads jpn's
        /// digits first. A digit that touches the 号 or 番 after it is no digit-shaped mark, so
        /// the ink holds one mark fewer than jpn's run though jpn read right (24号, 20号, 17番:
        /// 10 right values held on used sets of seeds 880500 to 910500 and `Samples/` when only
        /// the marks were read). eng reads 9 of them on to jpn's boxes as jpn did, then the
        /// kanji as a digit or nothing (248, 205); beside 29番6号, it read 6 then 8.
        func engReads(_ jpn: [Int?], of run: Range<Int>, from r: InkRun) throws -> Bool {
            let boxes = run.compactMap { symbols[$0].box }
            guard let end = boxes.map({ $0.x + $0.width }).max(), let start = boxes.map(\.x).min() else { return false }
            var span = r
            span.x0 = min(start, r.x0); span.x1 = min(image.width, max(end, r.x1))
            return try readDigits(try cutOut(span)).compactMap { digitValue($0.text) }.map(Optional.some).starts(with: jpn)
        }
        for (t, run) in textRuns.enumerated() where !pairedText.contains(t) && run.count >= 2 {
            guard let x = starts[t] else { continue }
            guard let k = nearestInk(to: x, { !pairedInk.contains($0) && !splitInk.contains($0) && ink[$0].count == run.count - 1 })
            else { continue }
            let digits = try readDigits(try cutOut(ink[k])).compactMap { digitValue($0.text) }
            let jpn = run.map { digitValue(symbols[$0].text) }
            guard digits.count == ink[k].count else { continue }
            if let extra = splitZeroIndex(jpn, eng: digits) {
                splitInk.insert(k)
                dropSplitZero(at: run.lowerBound + extra, of: run)
            } else if oneTakenOut(jpn, makes: digits), try !engReads(jpn, of: run, from: ink[k]) {
                // Any other digit too many (29番6号 read 29番65号 at 98.2 or more by both
                // readings, accepted on a 200 dpi colour scan of the seed-910500 held-out set;
                // eng reads the one mark as 6): the run is doubted as read, for a person.
                splitInk.insert(k)
                for i in run { out[i] = doubted(symbols[i]) }
            }
        }
        for (t, k) in pairs {
            let run = textRuns[t], r = ink[k]
            let cut = try cutOut(r)
            let glyphs = try DigitShapes.glyphs(in: try glyphCut(r, of: image))
            let digits = try readDigits(cut).filter { isDigit($0.text) }
            // A kana beside the number joined its ink run (ハイツ402号 as ツ402, four marks, and
            // jpn's 4692 four digits): eng reads a digit fewer, and the split 0 shows as above.
            if digits.count == run.count - 1,
               let extra = splitZeroIndex(run.map { digitValue(symbols[$0].text) }, eng: digits.compactMap { digitValue($0.text) }) {
                dropSplitZero(at: run.lowerBound + extra, of: run)
                continue
            }
            guard digits.count == run.count else {
                // eng found other digits or none (it returns nothing for some "10"s): jpn's
                // digits stay, but a 0 it read as 6, 8 or 9 still shows by its glyph.
                let jpn = run.map { symbols[$0].text }
                if let mended = DigitShapes.mended(jpn.joined(), against: glyphs).map(Array.init), mended.count == run.count {
                    for (n, i) in run.enumerated() where String(mended[n]) != jpn[n] {
                        out[i] = doubted(symbols[i], as: String(mended[n]))
                    }
                }
                markZerosOnRings(run, in: &out, glyphs: glyphs)
                continue
            }
            // A 0 both models read as 6, 8 or 9 shows by its glyph (`DigitShapes`).
            let mended = DigitShapes.mended(digits.map(\.text).joined(), against: glyphs).map(Array.init)
            for (n, (i, d)) in zip(run, digits).enumerated() {
                // A digit both models read alike is as sure as the surer of them; where they
                // differ, eng's digit is kept (it reads typed digits better) but it is only as
                // sure as the less sure of them, so that the field goes to a person.
                let jpn = symbols[i]
                if let mended, String(mended[n]) != d.text {
                    out[i] = doubted(jpn, as: String(mended[n]), atMost: d.confidence)
                    continue
                }
                let agree = digitValue(jpn.text) == digitValue(d.text)
                out[i] = TesseractEngine.Symbol(text: d.text,
                                                confidence: agree ? max(d.confidence, jpn.confidence) : min(d.confidence, jpn.confidence),
                                                startsWord: jpn.startsWord, box: jpn.box)
            }
            markZerosOnRings(run, in: &out, glyphs: glyphs)
        }
        // A 0 jpn read as 6, 8 or 9 in a run that found no partner still shows by its glyph.
        // 昭和40年 read 昭和49年 and 平成10年 read 平成19年 were accepted on the seed-240500
        // and 230500 held-out sets: the halves of 昭 and 和, or a stroke of 成, looked like
        // digits and joined the year's ink run, so it paired with nothing and eng never read it.
        // jpn's boxes drift too far to say which glyph a digit is, but the ink under the run
        // holding more rings than the run has 0s does: the 6, 8 or 9 is doubted, and shown as
        // 0 when it is the only one. Only rings from jpn's first box on count: the 口 of 和 is
        // a ring too.
        // When no ink run lies under it at all, its digits touched each other or the kanji
        // beside them (`separatingThreshold`), and the runs are looked for again in darker ink.
        // Two digits touching each other are split apart (`ringsInTouchingPairs`).
        var darkInk: [InkRun]? = nil
        for (t, run) in textRuns.enumerated() where !pairedText.contains(t) {
            let suspects = run.filter { i in
                out[i] == symbols[i] && !dropped.contains(i) && [6, 8, 9].contains(digitValue(symbols[i].text))
            }
            guard !suspects.isEmpty, let first = symbols[run.lowerBound].box, let last = symbols[run.upperBound - 1].box else { continue }
            func under(_ r: InkRun) -> Bool { r.x0 < last.x + last.width && first.x < r.x1 }
            var found = ink.first(where: under).map { ($0, inkThreshold) }
            if found == nil {
                if darkInk == nil { darkInk = try inkRuns(image, threshold: separatingThreshold, kana: kana) }
                found = darkInk?.first(where: under).map { ($0, separatingThreshold) }
            }
            let span = first.x..<(last.x + last.width)
            var rings = try found.map { try ringCentres($0.0, of: image, threshold: $0.1).filter(span.contains).count } ?? 0
            let zeros = run.filter { digitValue(symbols[$0].text) == 0 }.count
            // At the ink run's own cut-off, so that a 0 standing apart in darker ink is not
            // counted again in a pair it makes at the usual one (昭和60年 on the seed-680500 set).
            if rings <= zeros { rings += try ringsInTouchingPairs(image, within: span, threshold: found?.1 ?? inkThreshold).count }
            guard rings > zeros else { continue }
            for i in suspects { out[i] = doubted(symbols[i], as: suspects.count == 1 ? "0" : nil) }
        }
        guard !dropped.isEmpty || !added.isEmpty else { return out }
        return out.indices.flatMap { i -> [TesseractEngine.Symbol] in
            (dropped.contains(i) ? [] : [out[i]]) + (added[i].map { [$0] } ?? [])
        }
    }

    /// Marks `onRing` each 0 of the run, as read and not doubted, whose glyph in the run's cut
    /// is a ring of its own (`DigitShapes.paired`). A 0 read below `minDigitInTextConfidence`
    /// held its field for a person; on the scans of the tuning set and six used held-out sets
    /// (seeds 390500–420500, 540500, 550500), 198 right values were held for such 0s alone and
    /// no wrong one (the three wrong values held for a weak digit had a 6, a 9 and a 0 read
    /// for a 1). Of the ring-shaped glyphs of typed digits, 4,532 of 4,535 are 0s (`DigitShapes`).
    static func markZerosOnRings(_ run: Range<Int>, in out: inout [TesseractEngine.Symbol], glyphs: [DigitShapes.Glyph]) {
        let chars = run.map { out[$0].text }
        guard chars.allSatisfy({ $0.count == 1 }),
              let pairs = DigitShapes.paired(chars.map { Character($0) }, glyphs) else { return }
        for (n, glyph) in pairs where glyph.shape == .ring && chars[n] == "0" && out[run.lowerBound + n].confidence > mendedConfidence {
            out[run.lowerBound + n].onRing = true
        }
    }

    /// A typed 1 is a bar no wider than this share of its height; a 0 or a 2 is half as wide
    /// as high or more.
    static let maxOneWidth = 0.35

    /// Whether the ink run is two marks, each a bar at least 0.8 of the run's height and no
    /// wider than `maxOneWidth` of it: an 11.
    static func twoBars(_ r: InkRun, in image: Image) throws -> Bool {
        guard r.count == 2 else { return false }
        let (cut, x) = try padded(r, of: image)
        let marks = characters(try cut.binary(threshold: inkThreshold)).chars
            .filter { x + $0.x1 > r.x0 && x + $0.x0 < r.x1 }
        let height = Double(r.y1 - r.y0)
        return marks.count == 2 && marks.allSatisfy {
            Double($0.y1 - $0.y0) >= 0.8 * height && Double($0.x1 - $0.x0) <= maxOneWidth * height
        }
    }

    /// Whether an ink run of two marks is a digit and a 0: its glyphs (`DigitShapes`) are two,
    /// the second a ring and the first not (a 0 first makes no year, month or day).
    static func endsInZero(_ r: InkRun, in image: Image) throws -> Bool {
        guard r.count == 2 else { return false }
        let glyphs = try DigitShapes.glyphs(in: try glyphCut(r, of: image))
        return glyphs.count == 2 && glyphs.allSatisfy { $0.characters == 1 } && glyphs[1].shape == .ring && glyphs[0].shape != .ring
    }

    /// Whether taking one digit out of jpn's run makes eng's.
    static func oneTakenOut(_ jpn: [Int?], makes eng: [Int]) -> Bool {
        jpn.count == eng.count + 1 && jpn.indices.contains { j in
            var rest = jpn; rest.remove(at: j); return rest == eng.map(Optional.some)
        }
    }

    /// Where jpn's digits hold a `splitZero` pair that, read as one 0, leaves eng's digits.
    static func splitZeroIndex(_ jpn: [Int?], eng: [Int]) -> Int? {
        jpn.indices.first { j in
            guard j + 1 < jpn.count, let a = jpn[j], let b = jpn[j + 1], splitZero.contains([a, b]) else { return false }
            var rest = jpn; rest.remove(at: j); rest[j] = 0; return rest == eng.map(Optional.some)
        }
    }

    /// An ink run cut out of the line with `padding` around it and a white `border`: what eng
    /// reads.
    static func cutOut(_ r: InkRun, of image: Image) throws -> Image {
        try padded(r, of: image).cut.bordered(border, value: 255)
    }

    /// An ink run cropped from the line with `padding` around it, and the crop's first column.
    static func padded(_ r: InkRun, of image: Image) throws -> (cut: Image, x: Int) {
        let x = max(0, r.x0 - padding), y = max(0, r.y0 - padding)
        return (try image.cropped(x: x, y: y, width: min(image.width, r.x1 + padding) - x,
                                  height: min(image.height, r.y1 + padding) - y), x)
    }

    /// The cut (`cutOut`) with its padding beside the run's columns (but for one, its digits'
    /// blurred edge) made white: what the glyphs are taken from (`DigitShapes.glyphs`). The
    /// edge of the kanji before a run lies there at times and was taken for a glyph, so the
    /// run's digits could not be paired with their glyphs: 昭和40年 read 昭和49年 by jpn was
    /// accepted on a 200 dpi colour scan of the seed-610500 held-out set, the last column of 和
    /// in the padding, three glyphs for two digits, and the 9 went unchecked against the 0's
    /// ring. eng reads the cut with its padding as it is (`cutOut`): given the whitened cut, it
    /// read nothing for runs of "10" it had read right (10日, 10番, 平成11年), and on the
    /// seed-590500 and 610500 sets 11 right values went to a person, 6 came back from one, and
    /// one shown right was shown wrong. Glyphs alone taken from this cut, the 9 of that year
    /// was held and shown as 0, and nothing else changed but 2 right dates, one shown right
    /// (a 9 for its 0), one accepted (`markZerosOnRings`).
    static func glyphCut(_ r: InkRun, of image: Image) throws -> Image {
        let (cut, x) = try padded(r, of: image)
        let left = r.x0 - 1 - x, right = r.x1 + 1 - x
        cut.whiten(x: 0, y: 0, width: left, height: cut.height)
        cut.whiten(x: right, y: 0, width: cut.width - right, height: cut.height)
        return try cut.bordered(border, value: 255)
    }

    /// The centres, in the line's columns, of the ink run's glyphs shaped as a 0's ring and
    /// no wider than a digit, its ink the grey levels under `threshold`.
    static func ringCentres(_ r: InkRun, of image: Image, threshold: Int = inkThreshold) throws -> [Int] {
        let left = max(0, r.x0 - padding) - border
        return try DigitShapes.glyphs(in: try glyphCut(r, of: image), threshold: threshold)
            .filter { $0.shape == .ring && Double($0.width) <= maxDigitWidth * Double(r.y1 - r.y0) }
            .map { left + ($0.x0 + $0.x1) / 2 }
    }

    /// A digit jpn did not read, put after its symbol `one` (in its box, at its confidence),
    /// doubted (`doubted`).
    static func doubtedDigit(_ text: String, after one: TesseractEngine.Symbol) -> TesseractEngine.Symbol {
        doubted(TesseractEngine.Symbol(text: text, confidence: one.confidence, startsWord: false, box: one.box))
    }

    /// jpn's symbol, with `text` in place of its own if given, at a confidence no higher than
    /// `mendedConfidence` (nor `atMost`): the field goes to a person.
    static func doubted(_ jpn: TesseractEngine.Symbol, as text: String? = nil, atMost cap: Double = 100) -> TesseractEngine.Symbol {
        TesseractEngine.Symbol(text: text ?? jpn.text, confidence: min(mendedConfidence, cap, jpn.confidence),
                               startsWord: jpn.startsWord, box: jpn.box)
    }

    /// Pairs jpn's digit runs with ink runs, in order, one to one: a pair needs as many digits
    /// on both sides and jpn's run to start within `maxDrift` line heights of the ink run (its
    /// boxes' left edges are the reliable part). Of all such pairings, the one with the most
    /// pairs, then the least drift. Returns (index of jpn run, index of ink run).
    static func pair(_ counts: [Int], starts: [Int?], with ink: [InkRun], line: Double) -> [(Int, Int)] {
        let n = counts.count, m = ink.count
        // best[i][j]: (pairs, −drift) over the first i jpn runs and first j ink runs.
        var best = [[(Int, Double)]](repeating: [(Int, Double)](repeating: (0, 0), count: m + 1), count: n + 1)
        var step = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1) // 0 skip jpn, 1 skip ink, 2 pair
        func better(_ a: (Int, Double), _ b: (Int, Double)) -> Bool { a.0 != b.0 ? a.0 > b.0 : a.1 > b.1 }
        for i in 0...n {
            for j in 0...m where i > 0 || j > 0 {
                var b: (Int, Double) = (-1, 0), s = 0
                if i > 0, better(best[i - 1][j], b) { b = best[i - 1][j]; s = 0 }
                if j > 0, better(best[i][j - 1], b) { b = best[i][j - 1]; s = 1 }
                if i > 0, j > 0, counts[i - 1] == ink[j - 1].count, let x = starts[i - 1] {
                    let drift = abs(Double(x - ink[j - 1].x0))
                    if drift <= maxDrift * line {
                        let c = (best[i - 1][j - 1].0 + 1, best[i - 1][j - 1].1 - drift)
                        if better(c, b) { b = c; s = 2 }
                    }
                }
                best[i][j] = b; step[i][j] = s
            }
        }
        var out: [(Int, Int)] = []
        var i = n, j = m
        while i > 0 || j > 0 {
            switch step[i][j] {
            case 2: out.append((i - 1, j - 1)); i -= 1; j -= 1
            case 1: j -= 1
            default: i -= 1
            }
        }
        return out.reversed()
    }
}
