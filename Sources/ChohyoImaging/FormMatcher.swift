import ChohyoCore

/// Decides which form a page is, which way up it is, and where its fields are:
/// every template is tried in all four orientations; for each, the page's ruled
/// lines are aligned to the template's by profile correlation (scale and offset
/// per axis), and the alignment is scored by how many line pixels agree both ways.
public struct FormMatcher: Sendable {
    public let templates: [TemplateModel]
    /// Below this score a page is not said to be any form.
    public var minScore: Double

    public init(templates: [TemplateModel], minScore: Double = 0.45) {
        self.templates = templates
        self.minScore = minScore
    }

    public struct Candidate: Sendable {
        public let formIndex: Int
        /// Clockwise quarter turns that make the page upright.
        public let quarterTurns: Int
        /// Full-resolution alignment in the upright page.
        public let alignment: Alignment
    }

    /// What the page was matched by.
    public enum Method: Sendable {
        /// Its ruled lines.
        case rules
        /// Where its values sit (a dropout-colour form whose print is gone).
        case valueLayout
        /// Its printed labels and values (a black form whose rules broke up).
        case printLayout
        /// The few ruled lines left on the page, its outer frame above all (a light fax whose
        /// inner rules broke up), lying wholly on the template's.
        case frame

        /// The page's own rules were not there to match by: a fax or a dropout scan, on which
        /// fine strokes (voicing marks, short kanji strokes) are as likely lost as the rules.
        public var rulesLost: Bool { self != .rules }
    }

    public struct Match: Sendable {
        public var method: Method = .rules
        /// The best candidate, whether or not it passed `minScore`.
        public let best: Candidate?
        /// Best score among the other orientations of the same form.
        public let orientationRunnerUp: Double
        /// Best score among other forms.
        public let formRunnerUp: Double
        public let accepted: Bool
        public var reason: String
        /// Ink blobs (characters and marks) the layout matchers found on the page, when they ran.
        public var marks: Int? = nil
        /// Field boxes holding more than specks, of a match by the layout of values.
        public var boxesFilled: Int? = nil
        /// A print match short only of `minOnPrint`, on a page inking enough of the form's labels
        /// for `minOnPrintLabelled`: why it is taken when no frame matches the page.
        public var acceptedIfNoFrame: String? = nil
    }

    /// Below this score a match by ruled lines also needs `minWeakRulePageShare`.
    public static let sureRuleScore = 0.60
    /// Least share of the page's own line pixels lying on the template's lines in a match scored
    /// under `sureRuleScore`, or made by the print layout. A faint copy of a form loses lines
    /// but gains none; another municipality's form has a grid of its own. On the tuning set and
    /// eighteen held-out sets (seeds 7000–41000):
    /// - the 88 form pages matched by rules at 0.45–0.59 had 0.73–1.00 of their lines on the
    ///   template's; the 122 pages of other kinds that scored 0.30 or more had at most 0.62, and
    ///   the one that scored 0.46 (a 住民異動届 scanned in colour, seed-41000 held-out set) had
    ///   0.46 and was matched to the 異動届出書;
    /// - the 394 form pages matched by their print with lines of their own had 0.72–1.00 on the
    ///   form's lines, in the form's turn; a faxed 住民異動届 of the seed-41000 set, matched to
    ///   the 給与支払報告書 by its print, had 0.47 (covering 0.20 of the form's lines).
    /// A page left askew has fewer of its lines on the form's: Samples' ido_0002.png matched
    /// without deskewing scores 0.59 with 0.59 (`ValueLayoutTests`), hence 0.55, not 0.65, for
    /// the print layout. A match by rules asks `minWeakRulePageShareByRules`.
    public static let minWeakRulePageShare = 0.55
    /// The same, for a match by rules scored under `sureRuleScore`. A faxed 住民異動届 of the
    /// seed-190500 held-out set scored 0.46 against the 給与支払報告書, its rows falling on the
    /// form's, with 0.60 of its lines on the form's, and was matched to it. On the tuning set,
    /// the held-out sets of seeds 140500–190500 and the 140 pages of other kinds of seven older
    /// ones (15000, 19000, 41000, 47000, 110500–130500), the 47 form pages scoring 0.45–0.65
    /// (deskewed, as the batch reads them) had 0.78–1.00 of their lines on the form's; the three
    /// pages of other kinds that scored 0.45 or more had 0.46–0.60, and none that scored 0.30 or
    /// more had over 0.60. The first measure, on eighteen older sets, gave 0.73–1.00 and at most
    /// 0.62. The bar lies between.
    public static let minWeakRulePageShareByRules = 0.67
    /// Least share of the template's lines a page's own lines must cover to count as a grid of
    /// their own in the print-layout test (fewer are too few to judge by).
    public static let minGridTemplateShare = 0.10

    /// Fewer marks than this on a page left unclassified: blank, or too faint to read. The
    /// layout matchers match no page with fewer (`minValueBlobs`).
    public static let nearlyBlankMarks = minValueBlobs

    /// Fewer marks than this on a page no test matched: the page is looked at again with its
    /// dots joined (`dotJoiningWindow`), to tell whether its ink broke into dots. A faxed pink
    /// 異動届出書 of the seed-470500 held-out set kept 47 marks as scanned and 151 with its dots
    /// joined, and was left unclassified without a word on why: a person sorting it saw "no form
    /// matched", not "a light copy: ask for a clearer one". Its two fellows (2 and 10 marks)
    /// were called nearly blank.
    public static let dotsLookedAtBelowMarks = 3 * nearlyBlankMarks

    /// At least this many times the marks as scanned, with the dots joined, make a page whose
    /// ink broke into dots (and at least `nearlyBlankMarks`). Joining dots merges the strokes of
    /// a page printed or typed whole into fewer marks, never more; the three pink faxes of the
    /// seed-470500 set went from 2, 10 and 47 marks to 45, 129 and 151.
    public static let brokenIntoDotsGrowth = 2.0

    /// And at least this many field boxes holding more than specks with the dots joined. The
    /// specks of a blank page scanned grey or faxed grow as many marks (of the 150 pages of other
    /// kinds of the tuning set, seed 909001, four blank ones went from 0–1 to 22–78), but they
    /// are specks still: they filled 0 or 1 box. The three pink faxes filled 3, 7 and 12, and
    /// faxed notebook pages and grids, their lines broken into dots, 3 to 9.
    public static let brokenIntoDotsBoxes = 3

    /// Least share of the ink inside the boxes, with the dots joined, of a page of
    /// `nearlyBlankMarks` to `dotsLookedAtBelowMarks` marks as scanned whose ink broke into
    /// dots (`brokenIntoDotsNote`), for its match by values to be taken. A faxed pink 異動届出書
    /// of the seed-810500 held-out set (38 marks as scanned, 146 joined) put 1.00 there, in 18
    /// boxes, 14 holding more than specks, and was left unclassified; so was one of seed
    /// 470500 (47 marks, levelled and matched since). Of 600 pages of other kinds (seeds
    /// 909001, 920001, 930001 and 940001, `generate_other_pages.py --hard --count 150`), the 14
    /// in that band passed no test with the dots joined but this one: those at 0.97–1.00 had
    /// their ink in 3, 4 and 8 boxes, or marks that did not grow so.
    public static let minJoinedDotsScore = 0.97

    /// Said first in the reason of a page left unclassified whose ink broke into dots; nil for a
    /// page whose marks did not grow so with the dots joined (`joined`: the match by values with
    /// them joined). Which form it is the reason does not guess: the values' layout of a faxed
    /// notebook page fits the 異動届出書's boxes about as well as a faxed 異動届出書's does.
    static func brokenIntoDotsNote(marks: Int, joined: Match) -> String? {
        guard let joinedMarks = joined.marks, joinedMarks >= nearlyBlankMarks,
              Double(joinedMarks) >= brokenIntoDotsGrowth * Double(max(1, marks)),
              (joined.boxesFilled ?? 0) >= brokenIntoDotsBoxes else { return nil }
        return "ink broken into dots, as on a light fax (\(marks) mark\(marks == 1 ? "" : "s") as scanned, \(joinedMarks) with the dots joined): "
            + "if it is a form, it needs a clearer copy; "
    }

    /// - Parameter deskewAngle: degrees the page was deskewed by (`PagePreparer`): the edge of
    ///   the sheet as scanned then slants across the image (`ValueLayout.sheetEdgeBand`).
    public func match(_ page: Image, deskewAngle: Double = 0) throws -> Match {
        var cache: [Int: (Image, LineStructure)] = [:]
        let (all, lineShares) = try placeByLines(page) { key, factor, q in
            if let c = cache[key] { return c.1 }
            let small = try WorkingImage.binary(page, scale: factor).rotatedOrth(quarterTurns: q)
            let structure = try LineStructure(binary: small)
            cache[key] = (small, structure)
            return structure
        }
        guard let best = all.max(by: { $0.alignment.score < $1.alignment.score }) else {
            return Match(best: nil, orientationRunnerUp: 0, formRunnerUp: 0, accepted: false, reason: "no form definitions loaded")
        }
        let orientRunner = all.filter { $0.formIndex == best.formIndex && $0.quarterTurns != best.quarterTurns }
            .map(\.alignment.score).max() ?? 0
        let formRunner = all.filter { $0.formIndex != best.formIndex }.map(\.alignment.score).max() ?? 0
        let s = best.alignment.score
        let id = templates[best.formIndex].formID
        // The two line shares of the candidate for a form in a turn (`all` and `lineShares` run in step).
        func shares(of c: Candidate) -> (template: Double, page: Double) {
            all.firstIndex { $0.formIndex == c.formIndex && $0.quarterTurns == c.quarterTurns }.map { lineShares[$0] } ?? (0, 0)
        }
        let pageShare = shares(of: best).page
        // A weak match whose page has ruled lines of its own off the template's is another
        // form's grid, not a faint copy of this one.
        let otherGrid = s >= minScore && s < FormMatcher.sureRuleScore && pageShare < FormMatcher.minWeakRulePageShareByRules
        if s < minScore || otherGrid {
            // Lines of the page at the scale of each template (orientation does not change the count).
            let pageLines = cache.filter { $0.key % 4 == 0 }.map { $0.value.1.linePixels }.max() ?? 0
            let byValues = try matchByValues(page, pageLinePixels: pageLines, deskewAngle: deskewAngle)
            if let m = byValues, m.accepted { return m }
            // Nearly blank: perhaps a light fax of a dropout-colour form, its values broken into
            // dots that the reduction to working resolution fades out. Looked at again with the
            // dots joined (`FormMatcher.dotJoiningWindow`), it must pass the same tests.
            // A page with a few more marks is looked at so too, but only to tell the person who
            // sorts it why it matched nothing (`brokenIntoDots`): the tests were set on the pages
            // of other kinds with fewer marks, so a match is taken below `nearlyBlankMarks`, and
            // above only from a page broken into dots whose values lie wholly in the boxes
            // (`minJoinedDotsScore`).
            var byJoinedDots: Match? = nil
            var brokenIntoDots: String? = nil
            if let m = byValues, let marks = m.marks, marks < FormMatcher.dotsLookedAtBelowMarks,
               var joined = try matchByValues(page, pageLinePixels: pageLines, deskewAngle: deskewAngle, joiningDots: true) {
                brokenIntoDots = FormMatcher.brokenIntoDotsNote(marks: marks, joined: joined)
                if joined.accepted, marks < FormMatcher.nearlyBlankMarks
                    || brokenIntoDots != nil && (joined.best?.alignment.score ?? 0) >= FormMatcher.minJoinedDotsScore {
                    joined.reason += "; seen with its dots joined: a light fax breaks values into dots (\(marks) marks as scanned)"
                    return joined
                }
                joined.reason = "with dots joined, " + joined.reason
                byJoinedDots = joined
            }
            // The page's own ruled lines, in the form and turn the print layout picks, must lie
            // on the form's (`minWeakRulePageShare`).
            let byPrint = try matchByPrint(page, cache, deskewAngle: deskewAngle) { pick in
                let own = shares(of: pick)
                guard own.template >= FormMatcher.minGridTemplateShare, own.page < FormMatcher.minWeakRulePageShare else { return nil }
                return String(format: "only %.2f of the page's own ruled lines on its lines: another form's grid", own.page)
            }
            if let m = byPrint, m.accepted {
                guard let frame = try frameOfAnotherForm(than: m, page, all, lineShares, cache) else { return m }
                var taken = try placedOnPrint(frame, page, cache, deskewAngle: deskewAngle)
                taken.reason = "by its print \(templates[m.best!.formIndex].formID), but " + frame.reason
                    + "; the frame is taken: the print of a busy form catches the specks of a faint page"
                return taken
            }
            let byFrame = matchByFrame(all, lineShares)
            if let m = byFrame, m.accepted { return try placedOnPrint(m, page, cache, printPick: byPrint?.best, deskewAngle: deskewAngle) }
            let byDashedFrame = try matchByDashedFrame(page, cache)
            if let m = byDashedFrame, m.accepted { return try placedOnPrint(m, page, cache, printPick: byPrint?.best, deskewAngle: deskewAngle) }
            if let m = byPrint, let why = m.acceptedIfNoFrame {
                return Match(method: .printLayout, best: m.best, orientationRunnerUp: m.orientationRunnerUp,
                             formRunnerUp: m.formRunnerUp, accepted: true, reason: why, marks: m.marks)
            }
            var reason = otherGrid
                ? String(format: "no form matched: best candidate %@ scored %.2f, but only %.2f of the page's ruled lines lie on its lines (%.2f asked below a score of %.2f: another form's grid)",
                         id, s, pageShare, FormMatcher.minWeakRulePageShareByRules, FormMatcher.sureRuleScore)
                : String(format: "no form matched: best candidate %@ scored %.2f, below %.2f", id, s, minScore)
            // Said first, for the person who sorts the page: there is nothing on it to match.
            if let note = brokenIntoDots {
                reason = note + reason
            } else if let marks = [byValues?.marks, byPrint?.marks].compactMap({ $0 }).max(), marks < FormMatcher.nearlyBlankMarks {
                reason = "blank or nearly blank page (\(marks) mark\(marks == 1 ? "" : "s")): if it is a form, it needs a clearer copy; " + reason
            }
            if let m = byValues { reason += "; " + m.reason }
            if let m = byJoinedDots { reason += "; " + m.reason }
            if let m = byPrint { reason += "; " + m.reason }
            if let m = byFrame { reason += "; " + m.reason }
            if let m = byDashedFrame { reason += "; " + m.reason }
            return Match(best: best, orientationRunnerUp: orientRunner, formRunnerUp: formRunner, accepted: false,
                         reason: reason)
        }
        var placed = best
        let factor = FormMatcher.workingFactor(page, templates[best.formIndex], quarterTurns: best.quarterTurns)
        if let structure = cache[FormMatcher.factorKey(factor) * 4 + best.quarterTurns]?.1,
           let uniform = uniformScale(best, structure: structure, factor: factor) {
            placed = Candidate(formIndex: best.formIndex, quarterTurns: best.quarterTurns, alignment: uniform)
        }
        return Match(best: placed, orientationRunnerUp: orientRunner, formRunnerUp: formRunner, accepted: true,
                     reason: String(format: "matched %@ with score %.2f (next form %.2f)", id, s, formRunner))
    }

    /// Every template in every quarter turn placed over the page by its ruled lines: a few
    /// scale-and-offset candidates per axis from the line profiles, decided by the two-way line
    /// agreement in 2-D. `structure(key, factor, turns)` gives the page's lines at a template's
    /// working scale, turned (`key` as in `factorKey`, for caching). Also returns each
    /// candidate's two shares (`lineShares`).
    func placeByLines(_ page: Image, structure: (Int, Double, Int) throws -> LineStructure) rethrows
        -> ([Candidate], [(template: Double, page: Double)]) {
        var all: [Candidate] = []
        var lineShares: [(template: Double, page: Double)] = []
        for (fi, t) in templates.enumerated() {
            for q in 0..<4 {
                let factor = FormMatcher.workingFactor(page, t, quarterTurns: q)
                let s = try structure(FormMatcher.factorKey(factor) * 4 + q, factor, q)
                let ys = ProfileMatcher.fits(template: t.structure.rowProfile, page: s.rowProfile, count: 3)
                let xs = ProfileMatcher.fits(template: t.structure.columnProfile, page: s.columnProfile, count: 3)
                // A scan is scaled alike both ways, so each axis is also fitted at the other's best
                // scale, and those fits are tried with that other axis's best. On a 異動届出書
                // scanned upside down with a lid shadow (seed-170500 set, scale 1.05) no column
                // peak was near 1.05; the best lay one column off (2-D score 0.66), and the page
                // was registered there. At its rows' scale, 1.051, the right offset is the
                // column profile's second peak (0.88).
                let pairs = ys.flatMap { fy in xs.map { ($0, fy) } }
                    + ProfileMatcher.fits(template: t.structure.columnProfile, page: s.columnProfile,
                                          count: 2, scales: ys[0].scale...ys[0].scale).map { ($0, ys[0]) }
                    + ProfileMatcher.fits(template: t.structure.rowProfile, page: s.rowProfile,
                                          count: 2, scales: xs[0].scale...xs[0].scale).map { (xs[0], $0) }
                var best = (fx: xs[0], fy: ys[0], score: -1.0, shares: (template: 0.0, page: 0.0))
                for (fx, fy) in pairs {
                    let shares = FormMatcher.lineShares(template: t.structure, page: s,
                                                        sx: fx.scale, tx: fx.offset, sy: fy.scale, ty: fy.offset)
                    let score = min(shares.template, shares.page)
                    if score > best.score { best = (fx, fy, score, shares) }
                }
                let (fx, fy, score, shares) = best
                lineShares.append(shares)
                // Working → full resolution of the upright page.
                let ws = t.workingScale
                let a = Alignment(scaleX: fx.scale * ws / factor, offsetX: fx.offset / factor,
                                  scaleY: fy.scale * ws / factor, offsetY: fy.offset / factor, score: score)
                all.append(Candidate(formIndex: fi, quarterTurns: q, alignment: a))
            }
        }
        return (all, lineShares)
    }

    /// Reduction of the page that brings it, turned by `quarterTurns`, to the template's
    /// working width (the page's size fixes the starting scale).
    static func workingFactor(_ page: Image, _ template: TemplateModel, quarterTurns q: Int) -> Double {
        Double(template.structure.width) / Double(q % 2 == 0 ? page.width : page.height)
    }

    /// Reductions that round alike are made once per page.
    static func factorKey(_ factor: Double) -> Int { Int((factor * 10_000).rounded()) }

    /// Two-way agreement of ruled lines: the share of template line pixels that land
    /// near a page line, and of page line pixels that land near a template line. A
    /// candidate's score is the smaller of the two, so that neither a bare page nor a busier
    /// page scores high.
    static func lineShares(template: LineStructure, page: LineStructure,
                           sx: Double, tx: Double, sy: Double, ty: Double) -> (template: Double, page: Double) {
        var total = 0, hit = 0
        let tl = template.lines
        for y in stride(from: 0, to: tl.height, by: 1) {
            let py = Int((sy * Double(y) + ty).rounded())
            for x in 0..<tl.width where tl.bytes[y * tl.width + x] != 0 {
                total += 1
                let px = Int((sx * Double(x) + tx).rounded())
                if px >= 0, py >= 0, px < page.width, py < page.height, page.linesNear.at(px, py) != 0 { hit += 1 }
            }
        }
        var ptotal = 0, phit = 0
        let pl = page.lines
        for y in 0..<pl.height {
            let ty2 = Int(((Double(y) - ty) / sy).rounded())
            for x in 0..<pl.width where pl.bytes[y * pl.width + x] != 0 {
                ptotal += 1
                let tx2 = Int(((Double(x) - tx) / sx).rounded())
                if tx2 >= 0, ty2 >= 0, tx2 < template.width, ty2 < template.height, template.linesNear.at(tx2, ty2) != 0 { phit += 1 }
            }
        }
        guard total > 0, ptotal > 0 else { return (0, 0) }
        return (Double(hit) / Double(total), Double(phit) / Double(ptotal))
    }
}
