/// A scanner scales a page alike both ways (a fax's oblong pixels are made square before
/// matching), but the two axes of a match by rules are fitted each on its own profile. Where
/// a lid shadow or the page's edge hides the rules along one side, one axis can settle on a
/// scale a few per cent off, which the lines left score as well as the right one, and fields
/// far from the lines that held it are cut beside their values:
/// - seed-240500 held-out set, a 口座振替依頼書 at 1.048 with its left column in the shadow,
///   matched at 1.074 across and 1.049 down: the 市民税・県民税 box was cut 54 template pixels
///   left of the box, and its tick was accepted as empty;
/// - seed-230500, a bilevel 給与支払報告書 at 0.956 matched at 0.998 across: the first digits
///   of the 指定番号 and the postal code were cut off (invalid, review);
/// - seed-180500, the same form at 0.972 matched at 0.936 across.
/// When the two scales of a match by rules differ by more than `maxScaleSkew`, each is tried
/// on both axes, the offset along the other axis searched anew, and the better of the two is
/// taken if it scores within `uniformScoreSlack` of the match. The page's match, and its
/// score, stay as they were: only where its fields are cut changes.
extension FormMatcher {
    /// The two axes' scales may differ by this share before the match is checked.
    public static let maxScaleSkew = 0.015
    /// A match at one scale both ways is taken if it scores at most this much under the match.
    static let uniformScoreSlack = 0.03
    /// Offsets searched (working pixels, either way of the match's own), coarse then fine.
    static let uniformOffsetReach = 100.0

    /// `best`'s alignment at one scale both ways, when that fits the page's lines about as well
    /// (`structure`: the page's lines at the template's working scale, upright).
    func uniformScale(_ best: Candidate, structure s: LineStructure, factor: Double) -> Alignment? {
        let a = best.alignment, t = templates[best.formIndex]
        let ws = t.workingScale
        // Full resolution → working pixels of the page and the template.
        let sx = a.scaleX * factor / ws, tx = a.offsetX * factor, sy = a.scaleY * factor / ws, ty = a.offsetY * factor
        guard abs(sx / sy - 1) > FormMatcher.maxScaleSkew else { return nil }
        func score(_ sx: Double, _ tx: Double, _ sy: Double, _ ty: Double) -> Double {
            let shares = FormMatcher.lineShares(template: t.structure, page: s, sx: sx, tx: tx, sy: sy, ty: ty)
            return min(shares.template, shares.page)
        }
        /// The best offset for `place(offset)`, searched every 2 px, then every 0.5 px around it.
        func bestOffset(from start: Double, _ place: (Double) -> Double) -> (offset: Double, score: Double) {
            var best = (offset: start, score: -1.0)
            for d in stride(from: -FormMatcher.uniformOffsetReach, through: FormMatcher.uniformOffsetReach, by: 2) {
                let v = place(start + d)
                if v > best.score { best = (start + d, v) }
            }
            let coarse = best.offset
            for d in stride(from: -1.5, through: 1.5, by: 0.5) where d != 0 {
                let v = place(coarse + d)
                if v > best.score { best = (coarse + d, v) }
            }
            return best
        }
        let across = bestOffset(from: tx) { score(sy, $0, sy, ty) }   // the rows' scale across too
        let down = bestOffset(from: ty) { score(sx, tx, sx, $0) }     // the columns' scale down too
        let (scale, offX, offY, v) = across.score >= down.score ? (sy, across.offset, ty, across.score) : (sx, tx, down.offset, down.score)
        guard v >= a.score - FormMatcher.uniformScoreSlack else { return nil }
        return Alignment(scaleX: scale * ws / factor, offsetX: offX / factor, scaleY: scale * ws / factor, offsetY: offY / factor,
                         score: a.score)
    }
}
