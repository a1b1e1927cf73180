/// The ruled lines of a page at working resolution: horizontal and vertical
/// line masks and their projection profiles. Values written into fields do not
/// produce runs this long, so the structure is the same for a blank template and
/// a filled-in scan of it.
public struct LineStructure: Sendable {
    public let width: Int
    public let height: Int
    /// Ink of horizontal lines per row.
    public let rowProfile: [Double]
    /// Ink of vertical lines per column.
    public let columnProfile: [Double]
    /// Horizontal and vertical line pixels, 0/1.
    public let lines: ByteGrid
    /// `lines` dilated, for tolerant overlap scoring.
    public let linesNear: ByteGrid
    /// Number of line pixels.
    public let linePixels: Int

    /// Working resolution in dots per inch.
    public static let workingDPI = 100.0
    /// Shortest run (working pixels, ~7.6 mm) that counts as a ruled line.
    public static let minLineRun = 30

    /// - Parameter binary: 1 bpp image already at working resolution.
    public init(binary: Image) throws {
        let run = LineStructure.minLineRun
        let h = try binary.opened(width: run, height: 1)
        let v = try binary.opened(width: 1, height: run)
        rowProfile = h.rowProfile()
        columnProfile = v.columnProfile()
        let hg = ByteGrid(h), vg = ByteGrid(v)
        var both = hg
        for i in 0..<both.bytes.count where vg.bytes[i] != 0 { both.bytes[i] = 1 }
        lines = both
        linePixels = both.bytes.reduce(0) { $0 + Int($1) }
        linesNear = ByteGrid(try both.image(depth: 1).dilated(width: 5, height: 5))
        width = binary.width
        height = binary.height
    }
}
