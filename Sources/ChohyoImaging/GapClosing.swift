/// A wide blank gap inside a line of Japanese text, narrowed for a reading that breaks a tie.
///
/// Names are typed with a wide space between family and given name (近藤　浩), departments
/// before a contact's name (総務課　村上). Tesseract's jpn model misreads the first character
/// after such a gap, and differently at each scale: 浩 as 洗, 隆 as 降, 勇 as 男, 智 as 留, on
/// clean 300 dpi scans, and a gap as "・" or "ー". With the gap narrowed to an ordinary space
/// between characters, the cuts of 5 of 7 such names of the seed-260500 set read right.
///
/// Narrowing is no cure on its own: reading every name that way (all three readings) turned 21
/// values of that set right and 17 others wrong, and held back 41 right ones. So it is one more
/// opinion, asked only when the first two readings disagree (`FragmentReader`).
///
/// Only columns are taken out, never ink: the text keeps every stroke, and a line without a
/// wide gap comes back unchanged (the same image).
public enum GapClosing {
    /// A blank run of columns between ink is a wide gap when it is wider than this share of
    /// the line's ink height (a character is about as wide as the line is high; the space
    /// between two characters of a typed line is under a third of that).
    public static let wideGap = 0.5
    /// What is left of a wide gap, as a share of the line's ink height.
    public static let keptGap = 0.15
    /// Lines lower than this (pixels) are left as they are: too little to measure a gap by.
    static let leastHeight = 8

    /// The cut with each wide gap between its inked columns narrowed to `keptGap` of the ink's
    /// height; the cut itself when it has none. An 8 bpp grey image is expected; ink is what
    /// lies under 160, as everywhere a cut's ink is measured.
    public static func narrowed(_ gray: Image) throws -> Image {
        guard gray.depth == 8 else { return gray }
        let ink = try gray.binary(threshold: 160)
        guard let bounds = ink.inkBounds(), bounds.height >= leastHeight else { return gray }
        let inkedColumn = ink.columnProfile().map { $0 > 0 }
        let w = gray.width, h = gray.height
        let wide = Int((wideGap * Double(bounds.height)).rounded(.up)), kept = Int((keptGap * Double(bounds.height)).rounded())
        var keep = [Bool](repeating: true, count: w)
        var lastInk: Int? = nil
        for x in 0..<w where inkedColumn[x] {
            if let last = lastInk, x - last - 1 > wide {
                for gap in (last + 1 + kept)..<x { keep[gap] = false }
            }
            lastInk = x
        }
        let columns = (0..<w).filter { keep[$0] }
        guard columns.count < w else { return gray }
        let grid = ByteGrid(gray)
        var bytes = [UInt8]()
        bytes.reserveCapacity(columns.count * h)
        for y in 0..<h { for x in columns { bytes.append(grid.bytes[y * w + x]) } }
        return try ByteGrid(width: columns.count, height: h, bytes: bytes).image(depth: 8)
    }
}
