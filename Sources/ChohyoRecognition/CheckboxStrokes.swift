import ChohyoImaging

extension CheckboxThresholds {
    /// A tick has two arms, and the rows between its joint and the top of its short arm cross
    /// both; a cross or a circle crosses two strokes on most rows. One stroke through the box,
    /// curved or straight, crosses one only: a rubber stamp's ring running corner to corner. On
    /// a light fax of the seed-780500 held-out set, the ring of a red stamp, black once faxed,
    /// ran through an empty 固定資産税 box from its lower left corner to its upper right one
    /// (0.06 of its inked rows crossed two strokes), with only a thin dotted line outside the
    /// box, too little for `markOutsideBox`; it was read ticked at 100 and accepted. Of the
    /// 2,485 boxes inked for a tick on seeds 740500–780500, the median had 0.32, and 8 had
    /// 0.11–0.18 (the one looked at, a tick whose short arm lay mostly outside the interior);
    /// 5 besides the stamp's had under 0.1, all right ticks on light faxes that broke them to
    /// one arm or to specks (the ring of the seed-590500 escape, `markOutsideBox`'s, has none).
    /// Ink enough for a tick with under this share of its inked rows crossing two strokes is
    /// unsure, shown ticked as its ink reads: for such a broken tick, a look, not a wrong value.
    static let minTwoArmRows = 0.1

    /// The least gap between two strokes in a row, as a share of the box's side (a light fax
    /// breaks a stroke into dots a pixel or two apart).
    static let minArmGap = 0.1

    /// The share of the cut's inked rows (grey under `inkLevel`) that cross two strokes or
    /// more, `minArmGap` apart; nil when it holds no ink.
    static func twoArmRows(_ image: Image) -> Double? {
        guard let bin = try? image.binary(threshold: inkLevel), bin.width > 0, bin.height > 0 else { return nil }
        let g = ByteGrid(bin)
        let gap = max(2, Int((Double(g.width) * minArmGap).rounded()))
        var inked = 0, two = 0
        for y in 0..<g.height {
            var strokes = 0, blank = gap
            for x in 0..<g.width {
                if g.at(x, y) != 0 {
                    if blank >= gap { strokes += 1 }
                    blank = 0
                } else {
                    blank += 1
                }
            }
            if strokes > 0 { inked += 1 }
            if strokes >= 2 { two += 1 }
        }
        return inked > 0 ? Double(two) / Double(inked) : nil
    }
}
