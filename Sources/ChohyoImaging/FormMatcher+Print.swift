import ChohyoCore

/// The third way to match a page, for forms printed in black whose ruled lines broke up (see
/// `PrintLayout`). Tried only when no template's ruled lines were found.
extension FormMatcher {
    /// Least share of the page's ink blobs on a label, inside a field box or along a rule.
    public static let minPrintLayoutScore = 0.75
    /// Least share of the ink outside the field boxes that lies on the template's print. On the
    /// tuning set and sixteen used held-out sets, 7 faxed form pages left unclassified at 0.75
    /// had 0.70–0.75 (everything else passed); no page of another kind came above 0.64 (319).
    public static let minOnPrint = 0.70
    /// A page that inks this share of the form's printed labels, and that no frame matched
    /// (`FormMatcher.match` tries the frames first), needs only `minOnPrintLabelled` of its ink
    /// outside the boxes on the print. A light fax of a 給与支払報告書 shifted half off the sheet,
    /// a band of fax noise at its foot, put 0.68 there and inked 0.32 of the labels (seed 390500,
    /// unclassified). Pages of other kinds on the tuning set and seeds 310500–390500: those with
    /// 0.60 or more on the print inked at most 0.11 of the labels, those inking 0.20 or more put
    /// at most 0.37 on it. Tried before the frames (aad43e4, reverted), the lower bar took 3 of
    /// 25 frame-matched pages from their frame.
    public static let minLabelsForLowerBar = 0.25
    /// Since the ink touching the sheet's edge is left out (`PrintLayout.sheetEdgeMargin`), that
    /// page passes `minOnPrint` (0.84), and the one below `minPrintLayoutScore` (0.99); the lower
    /// bars stay for pages like them.
    public static let minOnPrintLabelled = 0.60
    /// Such a page needs, likewise, only this share of its ink blobs on the print or in the
    /// boxes, when that is all it falls short of. A light fax of a 給与支払報告書, frame broken,
    /// values legible (seed 750500, unclassified), put 0.69 there, its specks of fax noise off
    /// the print, with 0.86 of its ink outside the boxes on the print and 0.34 of the labels
    /// inked. Form pages matched by print on seeds 740500 and 750500 put 0.87 or more there;
    /// the pages of other kinds inking 0.15 or more of the labels put at most 0.41 of their ink
    /// outside the boxes on the print, far under `minOnPrint`.
    public static let minPrintLayoutScoreLabelled = 0.60
    /// Least share of the template's printed labels (its characters, one mark each) with ink
    /// of the page on them. A page of the form shows its labels; a page of another kind fitted
    /// to a busy form's print puts its ink along the rules, which are print too. A receipt
    /// faxed on its side (seed-100500 held-out set) put 0.76 of its ink outside the boxes on the
    /// 給与支払報告書's print, nearly all along the rules, and inked 0.01 of its labels; it was
    /// sorted as that form. The 88 form pages matched by print on the tuning set and the
    /// 給与支払報告書 and 口座振替依頼書 faxes of three used held-out sets (110500–130500) inked
    /// 0.08–0.97 (the lowest: a 口座振替依頼書 with 92 marks, a 給与支払報告書 with 60).
    public static let minLabelsInked = 0.04
    /// A page under this on both counts, its ink on the print or in the boxes and its ink
    /// outside the boxes on the print, is not matched by print: each bar alone lets through a
    /// faint fax, both at once a page of another kind. A notebook page in colour, its lines of
    /// writing turned sideways onto the 給与支払報告書's print, put 0.80 and 0.74 there and was
    /// sorted as that form (`generate_other_pages.py --hard --seed 920001`). The 58 form pages
    /// matched by print on the used seed-780500, 790500 and 810500 sets (給与支払報告書, and
    /// 口座振替依頼書 of 810500) were under it on one count at most: 0.82 with 0.96, 0.93 with 0.77.
    /// A page inking `minLabelsForLowerBar` of the labels (the notebook: 0.08) is left to the
    /// lower bars below.
    public static let minPrintFitOnEitherCount = 0.85
    /// A page under `minPrintFitOnEitherCount` for its ink outside the boxes on the print needs
    /// at least this share of the labels inked. Another municipality's grid form faxed lightly
    /// on its side put 0.97 of its ink on the 給与支払報告書's print or in 8 of its boxes, but
    /// only 0.77 of the ink outside the boxes on the print, and inked 0.05 of the labels; it
    /// was sorted as that form (`generate_other_pages.py --hard --seed 950001`). Of the form
    /// pages matched by print on the used sets of seeds 780500–820500, the 7 under 0.85 there
    /// (0.77–0.84) inked 0.13–0.42 of the labels (and 3 of a new 給与支払報告書 set, seed
    /// 960002, 0.19–0.84); the faint faxes inking fewer (0.05–0.08) put 0.92 or more of their
    /// ink outside the boxes on the print.
    public static let minLabelsOffPrint = 0.10
    /// Least lead of the best candidate over another orientation or another form.
    public static let minPrintLead = 0.10

    /// - Parameters:
    ///   - pages: `page` at working resolution, 1 bpp, and its ruled lines, by
    ///     `factorKey(factor) * 4 + quarterTurns`, as `match` made them.
    ///   - ownLines: what is wrong with the page's own ruled lines for the candidate picked, if
    ///     anything (another form's grid).
    ///   - deskewAngle: degrees the page was deskewed by: the edge of the sheet as scanned is
    ///     kept clear (`PrintLayout.sheetEdgeMargin`).
    func matchByPrint(_ page: Image, _ pages: [Int: (Image, LineStructure)], deskewAngle: Double = 0,
                      ownLines: (Candidate) -> String? = { _ in nil }) throws -> Match? {
        var inks: [Int: PrintLayout.PageInk] = [:]
        var fits: [LayoutFit] = []
        var prints: [PrintLayout.Fit] = []
        for (fi, t) in templates.enumerated() {
            guard let layout = t.printLayout else { continue }
            for q in 0..<4 {
                let factor = FormMatcher.workingFactor(page, t, quarterTurns: q)
                let key = FormMatcher.factorKey(factor) * 4 + q
                guard let (small, structure) = pages[key] else { continue }
                let ink: PrintLayout.PageInk
                if let c = inks[key] { ink = c } else {
                    ink = try PrintLayout.PageInk(small, structure, sheetEdgeTurned: q, deskewAngle: deskewAngle)
                    inks[key] = ink
                }
                let fit = layout.fit(ink)
                fits.append(LayoutFit(formIndex: fi, quarterTurns: q, fit: fit.layout, factor: factor, value: fit.value))
                prints.append(fit)
            }
        }
        guard var pick = pickLayout(fits) else { return nil }
        let t = templates[pick.candidate.formIndex]
        // The pick placed closer by its print (`PrintLayout.refined`); its scores stay the fit's.
        let picked = fits[pick.index]
        if let layout = t.printLayout, let ink = inks[FormMatcher.factorKey(picked.factor) * 4 + pick.candidate.quarterTurns] {
            let closer = layout.refined(WorkingPlacement(picked.fit), ink)
            pick.candidate = Candidate(formIndex: pick.candidate.formIndex, quarterTurns: pick.candidate.quarterTurns,
                                       alignment: closer.alignment(factor: picked.factor, workingScale: t.workingScale, score: picked.value))
        }
        let best = fits[pick.index], f = best.fit, printShare = prints[pick.index].onPrint, labelsHit = prints[pick.index].labelsHit
        let (runnerUp, formRunner) = (pick.orientationRunnerUp, pick.formRunnerUp)
        let facts = String(format: "%.2f of the ink on its print, in %d field boxes or along rules; %.2f of the ink outside the boxes on its print; ink on %.2f of its printed labels; %d marks; next orientation %.2f, next form %.2f",
                           f.score, f.boxesHit, printShare, labelsHit, f.blobs, runnerUp, formRunner)
        var problems: [String] = []
        let lowScore = f.score < FormMatcher.minPrintLayoutScore
        if lowScore { problems.append(String(format: "ink on print or in boxes below %.2f", FormMatcher.minPrintLayoutScore)) }
        let shortOnPrint = printShare < FormMatcher.minOnPrint
        if shortOnPrint { problems.append(String(format: "ink outside boxes on print below %.2f", FormMatcher.minOnPrint)) }
        if !lowScore, !shortOnPrint, labelsHit < FormMatcher.minLabelsForLowerBar,
           f.score < FormMatcher.minPrintFitOnEitherCount, printShare < FormMatcher.minPrintFitOnEitherCount {
            problems.append(String(format: "under %.2f both on print or in boxes and outside boxes on print", FormMatcher.minPrintFitOnEitherCount))
        }
        if !shortOnPrint, printShare < FormMatcher.minPrintFitOnEitherCount, labelsHit < FormMatcher.minLabelsOffPrint {
            problems.append(String(format: "ink outside boxes on print under %.2f, and on fewer than %.2f of its printed labels",
                                   FormMatcher.minPrintFitOnEitherCount, FormMatcher.minLabelsOffPrint))
        }
        if labelsHit < FormMatcher.minLabelsInked { problems.append(String(format: "ink on fewer than %.2f of its printed labels", FormMatcher.minLabelsInked)) }
        if f.boxesHit < FormMatcher.minValueBoxes { problems.append("fewer than \(FormMatcher.minValueBoxes) boxes filled") }
        if f.blobs < FormMatcher.minValueBlobs { problems.append("fewer than \(FormMatcher.minValueBlobs) marks") }
        if best.value - runnerUp < FormMatcher.minPrintLead { problems.append("orientation unclear") }
        if best.value - formRunner < FormMatcher.minPrintLead { problems.append("form unclear") }
        if let problem = ownLines(pick.candidate) { problems.append(problem) }
        var verdict = layoutVerdict(.printLayout, pick, marks: f.blobs, problems: problems,
                                    accepted: "matched \(t.formID) by the layout of its print (ruled lines broken): " + facts,
                                    rejected: "by print layout \(t.formID): " + facts)
        if problems.count == 1, labelsHit >= FormMatcher.minLabelsForLowerBar {
            let why = "matched %@ by the layout of its print (ruled lines broken), no frame matching it: %@ (%.2f %@ asked of a page inking %.2f of its labels)"
            if shortOnPrint, printShare >= FormMatcher.minOnPrintLabelled {
                verdict.acceptedIfNoFrame = String(format: why, t.formID, facts, FormMatcher.minOnPrintLabelled,
                                                   "outside the boxes", FormMatcher.minLabelsForLowerBar)
            } else if lowScore, f.score >= FormMatcher.minPrintLayoutScoreLabelled {
                verdict.acceptedIfNoFrame = String(format: why, t.formID, facts, FormMatcher.minPrintLayoutScoreLabelled,
                                                   "on print or in boxes", FormMatcher.minLabelsForLowerBar)
            }
        }
        return verdict
    }
}
