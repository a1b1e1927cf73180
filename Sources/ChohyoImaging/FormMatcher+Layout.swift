/// What the two layout matchers (`FormMatcher+Values`, `FormMatcher+Print`) share: picking the
/// best placement among forms and turns, and turning it into a candidate at full resolution.
extension FormMatcher {
    /// One template in one quarter turn, placed over the page's ink.
    struct LayoutFit {
        let formIndex: Int
        let quarterTurns: Int
        let fit: ValueLayout.Fit
        /// Reduction of the page to the template's working resolution.
        let factor: Double
        /// What the candidates are ranked by.
        let value: Double
    }

    struct LayoutPick {
        /// Index of the best fit in the list given.
        let index: Int
        var candidate: Candidate
        /// Best value among the other turns of the same form, and among the other forms.
        let orientationRunnerUp: Double
        let formRunnerUp: Double
    }

    /// Indices of the fits of the same form as the one at `index`, in its other turns.
    func otherTurns(of index: Int, in fits: [LayoutFit]) -> [Int] {
        fits.indices.filter { fits[$0].formIndex == fits[index].formIndex && fits[$0].quarterTurns != fits[index].quarterTurns }
    }

    /// The fit at `index` as a candidate at full resolution.
    func candidate(_ fits: [LayoutFit], _ index: Int) -> Candidate {
        let f = fits[index]
        return Candidate(formIndex: f.formIndex, quarterTurns: f.quarterTurns,
                         alignment: WorkingPlacement(f.fit).alignment(
                             factor: f.factor, workingScale: templates[f.formIndex].workingScale, score: f.value))
    }

    /// The candidate leaves every one of its form's field boxes on the page, as `FieldCutter`
    /// cuts them.
    func keepsBoxesOnPage(_ c: Candidate, _ page: Image) -> Bool {
        let (w, h) = c.quarterTurns % 2 == 0 ? (page.width, page.height) : (page.height, page.width)
        return templates[c.formIndex].fieldBoxes.allSatisfy { FieldCutter.onPage(c.alignment.map($0), width: w, height: h) != nil }
    }

    /// - Parameter turnAdmitted: whether the fit at an index, another turn of the best fit's
    ///   form, may be the orientation runner-up.
    func pickLayout(_ fits: [LayoutFit], turnAdmitted: (Int) -> Bool = { _ in true }) -> LayoutPick? {
        guard let index = fits.indices.max(by: { fits[$0].value < fits[$1].value }) else { return nil }
        let best = fits[index]
        let runnerUp = otherTurns(of: index, in: fits).filter(turnAdmitted).map { fits[$0].value }.max() ?? 0
        let formRunner = fits.filter { $0.formIndex != best.formIndex }.map(\.value).max() ?? 0
        return LayoutPick(index: index, candidate: candidate(fits, index),
                          orientationRunnerUp: runnerUp, formRunnerUp: formRunner)
    }

    /// The match a layout matcher returns for its pick: accepted when nothing is wrong with it,
    /// else not, with what is wrong after the reason.
    func layoutVerdict(_ method: Method, _ pick: LayoutPick, marks: Int, problems: [String],
                       accepted: String, rejected: String) -> Match {
        if problems.isEmpty {
            return Match(method: method, best: pick.candidate, orientationRunnerUp: pick.orientationRunnerUp,
                         formRunnerUp: pick.formRunnerUp, accepted: true, reason: accepted, marks: marks)
        }
        return Match(best: pick.candidate, orientationRunnerUp: pick.orientationRunnerUp, formRunnerUp: pick.formRunnerUp,
                     accepted: false, reason: rejected + " (" + problems.joined(separator: ", ") + ")", marks: marks)
    }
}
