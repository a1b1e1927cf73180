import ChohyoCore

/// The second way to match a page, for forms printed in a dropout colour whose print is gone
/// (see `ValueLayout`). Tried only when no template's ruled lines were found, only against
/// dropout-colour templates, and only on pages with hardly any ruled lines of their own.
extension FormMatcher {
    /// Least share of the page's ink that must lie inside the field boxes.
    public static let minValueLayoutScore = 0.95
    /// Least number of distinct field boxes with a value in them…
    public static let minValueBoxes = 6
    /// …and least share of the form's field boxes. A filled form has values in most of its
    /// boxes (異動届出書 pages matched this way: 12–22 of 27 boxes on the tuning and held-out
    /// sets); a notebook page whose lines of writing fell into 8 of them was matched on the
    /// seed-19000 held-out set.
    public static let minValueBoxShare = 1.0 / 3

    /// The boxes a page must fill to be matched by its values, for a form with `boxCount` boxes.
    public static func minValueBoxes(outOf boxCount: Int) -> Int {
        max(minValueBoxes, boxes(minValueBoxShare, of: boxCount))
    }

    /// A share of a form's boxes, rounded up.
    static func boxes(_ share: Double, of boxCount: Int) -> Int {
        Int((Double(boxCount) * share).rounded(.up))
    }
    /// A page with less ink inside the boxes (a light fax whose values partly broke into specks
    /// around them) is matched when at least half the boxes hold more than specks
    /// (`ValueLayout.BoxMarks`) and its lines of marks
    /// stay in their boxes (`ValueLayout.spill`). On the tuning set and four used held-out
    /// sets, faxed 異動届出書 pages at 0.85–0.94 with 18–22 boxes had at most 0.20 of their
    /// marks in lines that ran across boxes; the letters that came as near (0.92 with 15 and 17
    /// boxes) had 0.78 and 0.81, and the one page of another kind with its lines in boxes
    /// (spill 0) had 0.80 of its ink inside them.
    public static let minSpilledLayoutScore = 0.85
    public static let minSpilledLayoutBoxShare = 0.5
    public static let maxValueLayoutSpill = 0.25

    /// Whatever its ink inside the boxes, a page with more than this share of its marks in
    /// lines running across boxes holds lines of writing, not values. A letter faxed sideways
    /// had 0.96 of its ink inside 13 boxes with 0.90 in such lines and was matched on the
    /// seed-47000 held-out set. Run again over the tuning set's and sixteen used held-out sets'
    /// pages that were matched by layout or left unclassified, the 325 pages rightly matched by
    /// their values had at most 0.35; the pages of other kinds with 0.85 or more of their ink
    /// inside boxes and lines running across them (letters, notebooks) had 0.68–0.97. A set of
    /// 150 more pages of other kinds (`generate_other_pages.py --hard --seed 909001`) held a
    /// notebook page scanned in colour whose four lines of writing, turned sideways, fell into
    /// 11 boxes with 0.49 in such lines: matched at 0.5. Hence midway between 0.35 and 0.49.
    public static let maxValueLayoutLines = 0.42

    /// A page whose values fall into fewer than half the form's boxes is matched only when at
    /// least this many of them hold more than specks, and with no more than
    /// `maxFewBoxesSpill` of its marks in lines across boxes. 150 more pages of other kinds
    /// (`generate_other_pages.py --hard --seed 920001`) held two matched so: a letter faxed
    /// lightly, 0.97 of its ink inside 9 boxes but only 1 holding more than specks, and a
    /// notebook page in colour whose lines of writing lay in 9 boxes with 0.22 in lines across
    /// them. Of the 66 異動届出書 pages of the used seed-780500, 790500 and 810500 sets matched by
    /// their values, the 6 in fewer than half the boxes (10–13) had 4–7 holding more than specks
    /// and 0.00 in such lines; none of the 66 in fewer than 17 boxes had more than 0.00.
    public static let minFewBoxesFilled = 3
    public static let maxFewBoxesSpill = 0.10
    /// …and with at least this share of its ink inside them. A page of a light fax whose values
    /// fall into few boxes is a faint one, its print gone and its specks dropped: the 異動届出書
    /// pages so matched on the used sets of seeds 780500–820500 had all their ink inside the
    /// boxes (1.00). Another municipality's grid form faxed lightly, upside down, put 0.96 of
    /// its ink inside 10 boxes, 9 holding more than specks, with 0.01 in lines across them,
    /// and was matched (`generate_other_pages.py --hard --seed 950001`).
    public static let minFewBoxesScore = 0.98

    /// Least number of ink blobs (characters and marks) on the page.
    public static let minValueBlobs = 20
    /// A page with more line pixels than this share of a template's has print of its own.
    public static let maxLineShareForValues = 0.2
    /// Least lead of the best orientation over the next best of the same form.
    public static let minValueOrientationLead = 0.05

    /// Window (full-resolution pixels) over which `matchByValues(joiningDots: true)` darkens the
    /// page before reducing it, for a light fax whose values broke into dots.
    public static let dotJoiningWindow = 3

    /// - Parameter joiningDots: darken the page over `dotJoiningWindow` first, so that the dots
    ///   a light fax breaks a value into stay marks at working resolution instead of fading out
    ///   with the reduction (`FormMatcher.match` matches by it on nearly blank pages only, and
    ///   looks by it at pages with a few more marks to tell whether their ink broke into dots).
    func matchByValues(_ page: Image, pageLinePixels: Int, deskewAngle: Double = 0, joiningDots: Bool = false) throws -> Match? {
        let candidates = templates.indices.filter {
            templates[$0].printedInDropoutColour && templates[$0].boxMap.boxCount > 0
                && Double(pageLinePixels) < FormMatcher.maxLineShareForValues * Double(max(1, templates[$0].structure.linePixels))
        }
        guard !candidates.isEmpty else { return nil }
        // The values alone: red and pink (stamps, seals, any print left) removed.
        let gray = try Dropout.split(page).gray
        let values = joiningDots ? try gray.darkened(size: FormMatcher.dotJoiningWindow) : gray
        var scaled: [Int: Image] = [:]
        var fits: [LayoutFit] = []
        var fitBlobs: [[ValueLayout.Blob]] = []
        // Each fit's coarse grid, kept for the placement again by the boxes filled (below).
        var fitCoarse: [[ValueLayout.Placement]] = []
        for fi in candidates {
            let t = templates[fi]
            for q in 0..<4 {
                let factor = FormMatcher.workingFactor(page, t, quarterTurns: q)
                let key = FormMatcher.factorKey(factor)
                let small: Image
                if let c = scaled[key] { small = c } else {
                    let ink = try values.scaled(x: factor, y: factor)
                        .darkDetails(size: WorkingImage.backgroundSize, depth: WorkingImage.inkDepth)
                    // The edge of the sheet as scanned, slanting across a deskewed page, is kept
                    // clear like the image's own edge (`ValueLayout.blobs`).
                    small = deskewAngle == 0 ? ink : try ink.subtracting(try ValueLayout.sheetEdgeBand(
                        width: ink.width, height: ink.height, margin: ValueLayout.valueEdgeMargin, degrees: deskewAngle))
                    scaled[key] = small
                }
                let blobs = ValueLayout.blobs(try small.rotatedOrth(quarterTurns: q), edgeMargin: ValueLayout.valueEdgeMargin)
                let coarse = ValueLayout.coarseSearch(blobs: blobs, map: t.boxMap)
                let fit = ValueLayout.fit(blobs: blobs, map: t.boxMap, coarse: coarse)
                fits.append(LayoutFit(formIndex: fi, quarterTurns: q, fit: fit, factor: factor, value: fit.score))
                fitBlobs.append(blobs)
                fitCoarse.append(coarse)
            }
        }
        // A turn that puts one of the form's field boxes off the sheet is no turn for the page,
        // however much of the page's ink falls inside its boxes. A faint faxed 異動届出書 turned
        // sideways (seed-410500 held-out set, 34 marks) was left unclassified for its turn: its
        // values fitted other turns nearly as well (0.95 against 1.00), with boxes off the page.
        let onPage = { keepsBoxesOnPage(candidate(fits, $0), page) }
        guard let pick = pickLayout(fits, turnAdmitted: onPage) else { return nil }
        let t = templates[pick.candidate.formIndex]
        let f = fits[pick.index].fit
        let runnerUp = pick.orientationRunnerUp
        let offPage = otherTurns(of: pick.index, in: fits).filter { !onPage($0) }.map { fits[$0].value }.max()
        var spill = ValueLayout.spill(fitBlobs[pick.index], t.boxMap, fit: f)
        var score = f.score, marks = f.blobs
        var facts = String(format: "%.2f of the ink inside %d field boxes (%d holding more than specks), %d marks, next orientation %.2f, %.2f in lines across boxes",
                           f.score, f.boxesHit, f.boxesFilled, f.blobs, runnerUp, spill)
        if let offPage, offPage > runnerUp { facts += String(format: " (a turn scoring %.2f puts field boxes off the page)", offPage) }
        let half = FormMatcher.boxes(FormMatcher.minSpilledLayoutBoxShare, of: t.boxMap.boxCount)
        // A stamp beside the values, black on a fax, is left out when it is what fails the page
        // (`ValueLayout.stampPatch`); the page must then pass the same tests without it.
        if score < FormMatcher.minValueLayoutScore, score < FormMatcher.minSpilledLayoutScore || spill > FormMatcher.maxValueLayoutSpill,
           let patch = ValueLayout.stampPatch(fitBlobs[pick.index], t.boxMap, fit: f) {
            let left = Set(patch)
            let kept = fitBlobs[pick.index].indices.filter { !left.contains($0) }.map { fitBlobs[pick.index][$0] }
            var unused: [UInt16: ValueLayout.BoxMarks] = [:]
            score = ValueLayout.evaluate(kept, t.boxMap, s: f.scale, tx: f.offsetX, ty: f.offsetY, hits: &unused, collect: false)
            spill = ValueLayout.spill(kept, t.boxMap, fit: f)
            marks = kept.count
            facts += String(format: "; a stamp-sized patch of %d marks outside the boxes left out: %.2f of the ink inside the boxes, %d marks, %.2f in lines across boxes",
                            patch.count, score, marks, spill)
        }
        var problems: [String] = []
        let needed = FormMatcher.minValueBoxes(outOf: t.boxMap.boxCount)
        if score < FormMatcher.minValueLayoutScore {
            // Less ink inside the boxes will do for a page that fills half of them with its
            // lines kept in their boxes.
            if score < FormMatcher.minSpilledLayoutScore || f.boxesFilled < half || spill > FormMatcher.maxValueLayoutSpill {
                problems.append(String(format: "ink inside boxes below %.2f, or below %.2f with fewer than %d boxes holding more than specks or more than %.2f in lines across boxes",
                                       FormMatcher.minValueLayoutScore, FormMatcher.minSpilledLayoutScore, half, FormMatcher.maxValueLayoutSpill))
            }
        }
        if spill > FormMatcher.maxValueLayoutLines {
            problems.append(String(format: "more than %.2f in lines across boxes: lines of writing, not values", FormMatcher.maxValueLayoutLines))
        }
        if f.boxesHit < needed { problems.append("fewer than \(needed) of its \(t.boxMap.boxCount) boxes filled") }
        if f.boxesHit < half {
            if f.boxesFilled < FormMatcher.minFewBoxesFilled {
                problems.append("values in fewer than \(half) boxes, and fewer than \(FormMatcher.minFewBoxesFilled) of them holding more than specks")
            }
            if spill > FormMatcher.maxFewBoxesSpill {
                problems.append(String(format: "values in fewer than %d boxes, and more than %.2f in lines across them", half, FormMatcher.maxFewBoxesSpill))
            }
            if score < FormMatcher.minFewBoxesScore {
                problems.append(String(format: "values in fewer than %d boxes, and less than %.2f of the ink inside them", half, FormMatcher.minFewBoxesScore))
            }
        }
        if marks < FormMatcher.minValueBlobs { problems.append("fewer than \(FormMatcher.minValueBlobs) marks") }
        if f.score - runnerUp < FormMatcher.minValueOrientationLead { problems.append("orientation unclear") }
        // Matched: placed again by the boxes a placement fills as well as by the ink it holds
        // (`ValueLayout.fit(fillingMostBoxes:)`), and cut so when that fills more boxes. Whether
        // the page is the form was judged by the placement above, so sorting is as before; a
        // placement filling no more boxes is kept, as a shift of a pixel changes how faint
        // values read.
        var placement = pick
        if problems.isEmpty {
            let refit = ValueLayout.fit(blobs: fitBlobs[pick.index], map: t.boxMap, fillingMostBoxes: true,
                                        coarse: fitCoarse[pick.index])
            if refit.boxesFilled > f.boxesFilled {
                var placed = fits
                let old = fits[pick.index]
                placed[pick.index] = LayoutFit(formIndex: old.formIndex, quarterTurns: old.quarterTurns, fit: refit,
                                               factor: old.factor, value: old.value)
                placement.candidate = candidate(placed, pick.index)
            }
        }
        var verdict = layoutVerdict(.valueLayout, placement, marks: f.blobs, problems: problems,
                                    accepted: "matched \(t.formID) by the layout of its values (no ruled lines: dropout print lost): " + facts,
                                    rejected: "by value layout \(t.formID): " + facts)
        verdict.boxesFilled = f.boxesFilled
        return verdict
    }
}
