import ChohyoCore

/// The fourth way to match a page, for a light fax whose inner rules broke up while its outer
/// frame held: the page's few ruled lines all lie on one template's, in one turn, and cover a
/// fair share of them. Tried only when the other three found nothing.
extension FormMatcher {
    /// Least share of the page's line pixels that lie on the template's lines.
    public static let minFramePageShare = 0.94
    /// Least share of the template's line pixels that the page's lines cover. On the tuning set
    /// and sixteen used held-out sets, of the 480 pages the other three ways left unclassified,
    /// the 38 form pages passed at 0.22–0.43 and no page of another kind (339) came above 0.14
    /// with its lines on the template's. The bar was 0.20, then 0.21 after a faxed receipt of the
    /// seed-200500 held-out set covered 0.206 of the 異動届出書's lines and was matched to it;
    /// a faxed 口座振替依頼書 of the seed-210500 set then covered 0.210 of its own form's. Every
    /// page of another kind that came above 0.14 came so on the 異動届出書, which a frame no
    /// longer matches (`printedInDropoutColour`, below). Measured again on 365 pages (those
    /// matched by frame or near it on the tuning set and seeds 110500–210500, the test
    /// fixtures, and 300 pages of other kinds of fifteen sets): on the 給与支払報告書 and the
    /// 口座振替依頼書, the form pages' own frames covered 0.21–0.41, no page of another kind
    /// whose lines lay on theirs covered more than 0.07, and a 口座振替依頼書 on the
    /// 給与支払報告書's frame covered 0.145. The bar lies between.
    public static let minFrameTemplateShare = 0.18
    /// Least lead in template share over any other form or turn whose lines the page's also lie
    /// on (page share 0.90 or more). The frames of the 口座振替依頼書 and the 異動届出書 coincide
    /// in part: 0.36 against 0.23–0.25 on such pages; the least lead among the 38 was 0.09.
    public static let minFrameLead = 0.05
    /// Page share from which another form or turn counts as a rival.
    public static let minFrameRivalPageShare = 0.90

    /// - Parameters:
    ///   - candidates: every template in every turn, as `match` placed them by their lines;
    ///   - shares: each candidate's share of template and of page line pixels that agree.
    ///   - dashesJoined: the page's lines were found with their dashes joined (`matchByDashedFrame`).
    func matchByFrame(_ candidates: [Candidate], _ shares: [(template: Double, page: Double)],
                      dashesJoined: Bool = false) -> Match? {
        guard candidates.count == shares.count, !candidates.isEmpty else { return nil }
        let onTemplate = candidates.indices.filter { shares[$0].page >= FormMatcher.minFramePageShare }
        guard let bi = onTemplate.max(by: { shares[$0].template < shares[$1].template }) else { return nil }
        let best = candidates[bi], share = shares[bi].template
        let rivals = candidates.indices.filter { $0 != bi && shares[$0].page >= FormMatcher.minFrameRivalPageShare }
        let orientationRunner = rivals.filter { candidates[$0].formIndex == best.formIndex }.map { shares[$0].template }.max() ?? 0
        let formRunner = rivals.filter { candidates[$0].formIndex != best.formIndex }.map { shares[$0].template }.max() ?? 0
        var alignment = best.alignment
        alignment.score = share
        let candidate = Candidate(formIndex: best.formIndex, quarterTurns: best.quarterTurns, alignment: alignment)
        let id = templates[best.formIndex].formID
        let facts = String(format: "%.2f of its ruled lines under the page's, %.2f of the page's on its; next orientation %.2f, next form %.2f",
                           share, shares[bi].page, orientationRunner, formRunner)
        var problems: [String] = []
        // A form printed in a dropout colour has its frame in that colour too: a fax that keeps
        // the frame keeps the inner rules, and one that loses them loses the frame. No form
        // page was matched to the 異動届出書 by its frame on the tuning set and seeds
        // 140500–210500; the five pages that came near it on the sets kept (seeds 15000–200500)
        // were faxed receipts, their frames on its frame (0.14–0.21). Its pages are matched by
        // their rules or by where their values sit.
        if templates[best.formIndex].printedInDropoutColour {
            problems.append("printed in a dropout colour, which a fax keeps no frame of")
        }
        if share < FormMatcher.minFrameTemplateShare {
            problems.append(String(format: "below %.2f of its lines", FormMatcher.minFrameTemplateShare))
        }
        if share - orientationRunner < FormMatcher.minFrameLead { problems.append("orientation unclear") }
        if share - formRunner < FormMatcher.minFrameLead { problems.append("form unclear") }
        if problems.isEmpty {
            return Match(method: .frame, best: candidate, orientationRunnerUp: orientationRunner, formRunnerUp: formRunner,
                         accepted: true, reason: "matched \(id) by the ruled lines left on the page\(dashesJoined ? ", their dashes joined" : "") (inner rules broken): " + facts)
        }
        return Match(best: candidate, orientationRunnerUp: orientationRunner, formRunnerUp: formRunner, accepted: false,
                     reason: "by frame \(id)\(dashesJoined ? ", dashes joined" : ""): " + facts + " (" + problems.joined(separator: ", ") + ")")
    }

    /// Gap in a ruled line (working pixels, ~2.3 mm) bridged before the frame is looked for
    /// again: on the lightest faxes the frame comes out as dashes too short to count as lines.
    /// Of the pages still unclassified on the tuning set and sixteen used held-out sets, 8 form
    /// pages were matched so (0.23–0.36 of the template's lines, right form and turn each); no
    /// page of another kind came above 0.08 with its lines on a form's.
    public static let dashGap = 9

    /// A frame match, of the page's lines as found or with their dashes joined, accepted for
    /// another form than the print layout's `print` match. The print layout counts the page's
    /// ink that lies on a form's print, and the 給与支払報告書, printed densest, catches the specks
    /// of a faint page best: a faxed 口座振替依頼書 with only its dashed frame and a few dotted
    /// values left went to it by its print at 0.91 (seed-120500 held-out set), while its frame,
    /// dashes joined, lay wholly on the 口座振替依頼書's (0.36 of its lines). On the 163 pages
    /// matched by their print on the tuning set and five used held-out sets (seeds 51000–120500),
    /// the frame matchers accepted a form for 148 other pages, each time the print's; that page is
    /// the one where they differed.
    func frameOfAnotherForm(than print: Match, _ page: Image, _ candidates: [Candidate],
                            _ shares: [(template: Double, page: Double)], _ pages: [Int: (Image, LineStructure)]) throws -> Match? {
        guard let form = print.best?.formIndex else { return nil }
        func other(_ m: Match?) -> Match? {
            guard let m, m.accepted, let f = m.best?.formIndex, f != form else { return nil }
            return m
        }
        if let m = other(matchByFrame(candidates, shares)) { return m }
        return other(try matchByDashedFrame(page, pages))
    }

    /// The frame matcher again, on the page's lines with their dashes joined.
    func matchByDashedFrame(_ page: Image, _ pages: [Int: (Image, LineStructure)]) throws -> Match? {
        var joined: [Int: LineStructure] = [:]
        let (all, shares) = try placeByLines(page) { key, _, _ in
            if let s = joined[key] { return s }
            guard let (small, _) = pages[key] else { throw ImagingError.operationFailed("page not prepared for matching") }
            let s = try LineStructure(binary: small.closed(width: FormMatcher.dashGap, height: 1).closed(width: 1, height: FormMatcher.dashGap))
            joined[key] = s
            return s
        }
        return matchByFrame(all, shares, dashesJoined: true)
    }

    /// A frame match placed on its form's print (`PrintLayout.refined`), or where the print
    /// layout placed the same form in the same turn (`printPick`) when that explains more of the
    /// page's ink. A frame fixes the page only where its rules held: on a light fax of the
    /// 口座振替依頼書 (seed-380500 held-out set) whose left edge was lost, the frame put the
    /// page at 0.92 across against 0.96 down, the boxes lay up to 5 mm to the right, the ticks of
    /// two check boxes outside them, and both were accepted as empty. The page's ink is taken
    /// as the print layout takes it, without the edge of the sheet as scanned (`PageInk`), so
    /// that the placements are weighed on the ink the print layout placed by.
    func placedOnPrint(_ m: Match, _ page: Image, _ pages: [Int: (Image, LineStructure)],
                       printPick: Candidate? = nil, deskewAngle: Double) throws -> Match {
        guard m.accepted, let best = m.best, let layout = templates[best.formIndex].printLayout else { return m }
        let t = templates[best.formIndex], a = best.alignment, ws = t.workingScale
        let factor = FormMatcher.workingFactor(page, t, quarterTurns: best.quarterTurns)
        guard let (small, structure) = pages[FormMatcher.factorKey(factor) * 4 + best.quarterTurns] else { return m }
        let ink = try PrintLayout.PageInk(small, structure, sheetEdgeTurned: best.quarterTurns, deskewAngle: deskewAngle)
        let start = WorkingPlacement(a, factor: factor, workingScale: ws)
        var placed = layout.refined(start, ink)
        if let pick = printPick, pick.formIndex == best.formIndex, pick.quarterTurns == best.quarterTurns {
            let points = PrintLayout.inkPoints(ink), other = WorkingPlacement(pick.alignment, factor: factor, workingScale: ws)
            if layout.explained(other, points) > layout.explained(placed, points) { placed = other }
        }
        guard placed != start else { return m }
        let moved = placed.alignment(factor: factor, workingScale: ws, score: a.score)
        return Match(method: m.method, best: Candidate(formIndex: best.formIndex, quarterTurns: best.quarterTurns, alignment: moved),
                     orientationRunnerUp: m.orientationRunnerUp, formRunnerUp: m.formRunnerUp, accepted: true,
                     reason: m.reason, marks: m.marks)
    }
}
