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

    func pickLayout(_ fits: [LayoutFit]) -> LayoutPick? {
        guard let index = fits.indices.max(by: { fits[$0].value < fits[$1].value }) else { return nil }
        let best = fits[index]
        let runnerUp = fits.filter { $0.formIndex == best.formIndex && $0.quarterTurns != best.quarterTurns }
            .map(\.value).max() ?? 0
        let formRunner = fits.filter { $0.formIndex != best.formIndex }.map(\.value).max() ?? 0
        return LayoutPick(index: index,
                          candidate: Candidate(formIndex: best.formIndex, quarterTurns: best.quarterTurns,
                                               alignment: WorkingPlacement(best.fit).alignment(
                                                   factor: best.factor, workingScale: templates[best.formIndex].workingScale,
                                                   score: best.value)),
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
