import CLeptTess
import ChohyoCore

/// Vertical printed text (a section heading 提出先 down a band) laid out as one horizontal
/// line, so that a single-line recogniser can read it.
public enum DraftVerticalText {
    /// - Parameter gray: 8 bpp crop around the vertical text, black on white.
    public static func horizontal(_ gray: Image, threshold: Int = 160) throws -> Image {
        let g = gray.depth == 8 ? gray : try gray.gray()
        let ink = ByteGrid(try g.binary(threshold: threshold))
        let full = DraftBox(x: 0, y: 0, width: ink.width, height: ink.height)
        // Characters: bands of inked rows (gaps of 3 px and more separate them).
        let bands = CellFinder.textBands(ink, full, gap: 3)
        guard bands.count >= 2 else { return g }
        let charHeight = bands.map { $0.bottom - $0.top + 1 }.max() ?? 1
        let gap = max(4, charHeight / 4)
        let width = bands.count * (g.width + gap)
        let out = try Image.blank(width: width, height: charHeight + 8, depth: 8)
        var x = 0
        for b in bands {
            let h = b.bottom - b.top + 1
            pixRasterop(out.raw, Int32(x), Int32(4 + (charHeight - h) / 2), Int32(g.width), Int32(h), PIX_SRC,
                        g.raw, 0, Int32(b.top))
            x += g.width + gap
        }
        return out
    }
}
