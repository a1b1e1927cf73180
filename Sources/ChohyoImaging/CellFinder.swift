import CLeptTess
import ChohyoCore

/// Finds the ruled cells and check boxes of a blank form page (300 dpi, upright), and in
/// each cell the printed label and the value area, for drafting a form definition
/// (`chohyo forms draft`). Geometry only: reading the labels is the caller's job.
///
/// Method: the page is binarised; horizontal and vertical ruled lines are isolated by
/// opening with long bricks (as `LineStructure` does, here at full resolution); the
/// connected components of what is *not* line are the areas the lines enclose, and those
/// that are nearly full rectangles of a reasonable size are cells. Check boxes are small,
/// thin-lined, empty squares of ink (their sides are too short to count as ruled lines).
/// In a cell, the first line of text from the top, if it starts in the upper part, is the
/// label strip; the value area is the rest of the cell below it, kept clear of the lines.
public enum CellFinder {
    /// Tunables, in pixels at 300 dpi.
    public struct Settings: Sendable {
        /// Shortest run that counts as a ruled line (7.6 mm, as `LineStructure.minLineRun`).
        public var minLineRun = 90
        /// Smallest cell interior.
        public var minCellWidth = 60
        public var minCellHeight = 40
        /// Largest cell, as a share of the page.
        public var maxCellShare = 0.3
        /// A cell's area must be filled to at least this share by its component (a rectangle).
        public var minFill = 0.9
        /// Check-box squares (outer size).
        public var checkboxMin = 36
        public var checkboxMax = 96
        /// Distance of the value area from the cell's lines.
        public var inset = 8
        /// Smallest height of a value area under a label.
        public var minValueHeight = 30
        /// Text at least 1.5 times as tall as wide and no wider than this is a vertical label
        /// (one column of characters, a section heading down a band).
        public var maxVerticalTextWidth = 90
        public init() {}
    }

    public struct Cell: Sendable {
        /// The cell inside its ruled lines.
        public let frame: DraftBox
        /// Ink bounds of the printed label strip (first text line at the top-left), or of all
        /// the text of a cell that is only a label.
        public var label: DraftBox?
        /// The label looks vertical (characters stacked top to bottom).
        public var labelVertical: Bool
        /// Where the value is written; nil when the cell is only a label (or holds check boxes).
        public var value: DraftBox?
        /// Indices into `Layout.checkboxes` of the boxes inside this cell.
        public var checkboxes: [Int]
        /// Printed text below the label, inside the value area (a hint, a unit, 年月日…).
        public var textInValue: Bool
        /// For a value cell without its own label: the index of the label-only cell beside
        /// (left of) or above it that names it.
        public var labelCell: Int?
        public var isLabelOnly: Bool { value == nil && checkboxes.isEmpty && label != nil }
    }

    public struct Checkbox: Sendable {
        /// The printed square, outer edges.
        public let box: DraftBox
        /// The cell the box lies in, if any.
        public var cell: Int?
        /// Ink bounds of the text just right of the box (its caption), if any.
        public var caption: DraftBox?
    }

    public struct Layout: Sendable {
        public let width: Int
        public let height: Int
        public var cells: [Cell]
        public var checkboxes: [Checkbox]
        /// Ink bounds of the largest text above the first cell (the form's title), if any.
        public var title: DraftBox?
    }

    /// - Parameter page: the upright page at 300 dpi, any depth (colour: red and pink ink count as ink).
    public static func find(page: Image, settings: Settings = Settings()) throws -> Layout {
        let prepared = try DraftPage.masks(page)
        return try find(binary: prepared.binary, text: prepared.text, settings: settings)
    }

    /// - Parameters:
    ///   - binary: 1 bpp, ink = 1, upright, 300 dpi: where the ruled lines and check boxes are looked for.
    ///   - text: a more sensitive ink mask of the same page for the printed text (pale or
    ///     dropout-colour labels); `binary` when nil.
    public static func find(binary: Image, text textMask: Image? = nil, settings s: Settings = Settings()) throws -> Layout {
        let W = binary.width, H = binary.height
        let lines = try ruledLines(binary, run: s.minLineRun)

        // Check boxes first: their squares must not be read as text.
        var boxes = checkboxCandidates(binary, settings: s)

        // Cells: enclosed, nearly rectangular areas that are not line.
        let inverted = try Image.wrap(pixInvert(nil, lines.raw), "invert")
        var frames: [DraftBox] = []
        for c in components(inverted, connectivity: 4) {
            let b = c.box
            if b.x <= 0 || b.y <= 0 || b.x + b.width >= W || b.y + b.height >= H { continue } // the paper around the form
            if b.width < s.minCellWidth || b.height < s.minCellHeight { continue }
            if Double(b.width * b.height) > s.maxCellShare * Double(W * H) { continue }
            if Double(c.pixels) < s.minFill * Double(b.width * b.height) { continue }
            // A square big enough that its sides count as lines is a check box, not a cell.
            let outer = DraftBox(x: b.x - 3, y: b.y - 3, width: b.width + 6, height: b.height + 6)
            if isSquarish(outer, s) && emptyInside(binary, b, margin: 4) {
                if !boxes.contains(where: { DraftGeometry.iou($0, outer) > 0.5 }) { boxes.append(outer) }
                continue
            }
            if boxes.contains(where: { DraftGeometry.contains($0, b, share: 0.9) }) { continue }
            frames.append(b)
        }

        // Text ink: everything that is neither ruled line nor check box, without specks.
        let lineGuard = try lines.dilated(width: 5, height: 5)
        let text = try Image.wrap(pixSubtract(nil, (textMask ?? binary).raw, lineGuard.raw), "subtract")
            .keepingComponents(minSize: 4)
        for b in boxes { text.clear(x: b.x - 3, y: b.y - 3, width: b.width + 6, height: b.height + 6) }
        let ink = ByteGrid(text)

        var checkboxes = boxes.map { Checkbox(box: $0, cell: nil, caption: nil) }
        var cells: [Cell] = []
        for frame in frames {
            var cell = Cell(frame: frame, label: nil, labelVertical: false, value: nil, checkboxes: [],
                            textInValue: false, labelCell: nil)
            for (i, cb) in checkboxes.enumerated() where DraftGeometry.contains(frame, cb.box, share: 0.9) {
                cell.checkboxes.append(i)
                checkboxes[i].cell = cells.count
            }
            analyse(&cell, ink: ink, settings: s)
            cells.append(cell)
        }
        for i in checkboxes.indices {
            let frame = checkboxes[i].cell.map { cells[$0].frame }
            checkboxes[i].caption = caption(of: checkboxes[i].box, among: checkboxes.map(\.box), in: frame, ink: ink)
        }
        pairLabels(&cells, settings: s)
        mergeCombs(&cells)
        let title = titleText(ink: ink, above: cells.map(\.frame.y).min() ?? 0)
        return Layout(width: W, height: H, cells: cells, checkboxes: checkboxes, title: title)
    }

    // MARK: - Lines and components

    /// Horizontal and vertical ruled lines, 1 bpp. Gaps of a pixel or two (scanner dropouts)
    /// are closed first; the mask is thickened by a pixel so that corners meet.
    static func ruledLines(_ binary: Image, run: Int) throws -> Image {
        let hClosed = try Image.wrap(pixCloseBrick(nil, binary.raw, 3, 1), "close")
        let vClosed = try Image.wrap(pixCloseBrick(nil, binary.raw, 1, 3), "close")
        let h = try hClosed.opened(width: run, height: 1)
        let v = try vClosed.opened(width: 1, height: run)
        return try h.or(v).dilated(width: 3, height: 3)
    }

    struct Component { let box: DraftBox; let pixels: Int }

    /// Connected components with their pixel counts.
    static func components(_ image: Image, connectivity: Int) -> [Component] {
        var pixa: UnsafeMutablePointer<PIXA>? = nil
        var boxa = pixConnComp(image.raw, &pixa, Int32(connectivity))
        defer { boxaDestroy(&boxa); pixaDestroy(&pixa) }
        guard let pixa, let boxa else { return [] }
        let counts = Image.numaArray(pixaCountPixels(pixa))
        var out: [Component] = []
        for i in 0..<Int(boxaGetCount(boxa)) {
            var x: Int32 = 0, y: Int32 = 0, w: Int32 = 0, h: Int32 = 0
            boxaGetBoxGeometry(boxa, Int32(i), &x, &y, &w, &h)
            out.append(Component(box: DraftBox(x: Int(x), y: Int(y), width: Int(w), height: Int(h)),
                                 pixels: i < counts.count ? Int(counts[i]) : 0))
        }
        return out
    }

    // MARK: - Check boxes

    static func isSquarish(_ b: DraftBox, _ s: Settings) -> Bool {
        let lo = s.checkboxMin, hi = s.checkboxMax
        guard (lo...hi).contains(b.width), (lo...hi).contains(b.height) else { return false }
        let r = Double(b.width) / Double(b.height)
        return r >= 0.8 && r <= 1.25
    }

    static func emptyInside(_ binary: Image, _ b: DraftBox, margin: Int) -> Bool {
        guard b.width > 2 * margin, b.height > 2 * margin,
              let crop = try? binary.cropped(x: b.x + margin, y: b.y + margin, width: b.width - 2 * margin, height: b.height - 2 * margin)
        else { return false }
        return Double(crop.inkCount()) <= 0.02 * Double(crop.width * crop.height)
    }

    /// Ink components that are hollow squares with thin, straight, complete sides.
    static func checkboxCandidates(_ binary: Image, settings s: Settings) -> [DraftBox] {
        var out: [DraftBox] = []
        for (x, y, w, h) in binary.componentBoxes() {
            let b = DraftBox(x: x, y: y, width: w, height: h)
            guard isSquarish(b, s), let crop = try? binary.cropped(x: x, y: y, width: w, height: h) else { continue }
            let g = ByteGrid(crop)
            let band = max(2, min(w, h) / 8)
            // Each side: one of its outer rows/columns is at least 90 % ink.
            func rowInk(_ r: Int) -> Double { Double((0..<w).reduce(0) { $0 + Int(g.at($1, r)) }) / Double(w) }
            func colInk(_ c: Int) -> Double { Double((0..<h).reduce(0) { $0 + Int(g.at(c, $1)) }) / Double(h) }
            let top = (0..<band).contains { rowInk($0) >= 0.9 }
            let bottom = ((h - band)..<h).contains { rowInk($0) >= 0.9 }
            let left = (0..<band).contains { colInk($0) >= 0.9 }
            let right = ((w - band)..<w).contains { colInk($0) >= 0.9 }
            guard top, bottom, left, right else { continue }
            // Thin sides: the ring of ink is narrow, the inside empty.
            let inner = DraftBox(x: x + band + 2, y: y + band + 2, width: w - 2 * band - 4, height: h - 2 * band - 4)
            guard inner.width > 4, inner.height > 4 else { continue }
            var innerInk = 0
            for yy in (inner.y - y)..<(inner.y - y + inner.height) {
                for xx in (inner.x - x)..<(inner.x - x + inner.width) { innerInk += Int(g.at(xx, yy)) }
            }
            guard Double(innerInk) <= 0.02 * Double(inner.width * inner.height) else { continue }
            out.append(b)
        }
        return out
    }

    // MARK: - Text in a cell

    /// Rows of text: runs of inked rows in `area`, joined across gaps shorter than `gap`; a
    /// run lower than `minHeight` or with fewer than `minInk` ink pixels is a speck or a
    /// remnant of a line, not text (printed labels are 20 px and more at 300 dpi).
    static func textBands(_ ink: ByteGrid, _ area: DraftBox, gap: Int = 10, minHeight: Int = 12, minInk: Int = 40) -> [(top: Int, bottom: Int)] {
        var rows: [Int] = []
        for y in area.y..<(area.y + area.height) {
            var n = 0
            for x in area.x..<(area.x + area.width) where ink.bytes[y * ink.width + x] != 0 { n += 1 }
            rows.append(n)
        }
        var bands: [(Int, Int)] = []
        var start: Int? = nil, lastInk = -1_000
        for (i, n) in rows.enumerated() where n > 0 {
            if let s = start, i - lastInk > gap { bands.append((s, lastInk)); start = i }
            if start == nil { start = i }
            lastInk = i
        }
        if let s = start { bands.append((s, lastInk)) }
        return bands.filter { $0.1 - $0.0 + 1 >= minHeight && rows[$0.0...$0.1].reduce(0, +) >= minInk }
            .map { (area.y + $0.0, area.y + $0.1) }
    }

    /// Horizontal runs of inked columns between `top` and `bottom`, split at gaps wider than `gap`.
    static func columnGroups(_ ink: ByteGrid, x0: Int, x1: Int, top: Int, bottom: Int, gap: Int) -> [(left: Int, right: Int)] {
        var groups: [(Int, Int)] = []
        var start: Int? = nil, lastInk = -1_000_000
        for x in x0..<x1 {
            var any = false
            for y in top...bottom where ink.bytes[y * ink.width + x] != 0 { any = true; break }
            guard any else { continue }
            if let s = start, x - lastInk > gap { groups.append((s, lastInk)); start = x }
            if start == nil { start = x }
            lastInk = x
        }
        if let s = start { groups.append((s, lastInk)) }
        return groups
    }

    static func inkBounds(_ ink: ByteGrid, _ area: DraftBox) -> DraftBox? {
        var x0 = Int.max, y0 = Int.max, x1 = -1, y1 = -1
        for y in area.y..<(area.y + area.height) {
            for x in area.x..<(area.x + area.width) where ink.bytes[y * ink.width + x] != 0 {
                x0 = min(x0, x); x1 = max(x1, x); y0 = min(y0, y); y1 = max(y1, y)
            }
        }
        return x1 < 0 ? nil : DraftBox(x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1)
    }

    static func analyse(_ cell: inout Cell, ink: ByteGrid, settings s: Settings) {
        let f = cell.frame
        let area = DraftBox(x: f.x + 2, y: f.y + 2, width: max(1, f.width - 4), height: max(1, f.height - 4))
        let bands = textBands(ink, area)
        let valueArea: (Int) -> DraftBox = { top in
            let x = f.x + s.inset, bottom = f.y + f.height - s.inset
            return DraftBox(x: x, y: top, width: f.width - 2 * s.inset, height: bottom - top)
        }
        guard let first = bands.first else {
            // No printed text: all of it is for the value (or for its check boxes).
            if cell.checkboxes.isEmpty {
                cell.value = valueArea(f.y + s.inset)
            }
            return
        }
        let bandHeight = first.bottom - first.top + 1
        // Characters stacked down a narrow band (a section heading such as 提出先): a label.
        if let all = inkBounds(ink, area), 2 * all.height >= 3 * all.width, all.width <= s.maxVerticalTextWidth,
           f.height >= 2 * f.width / 3 {
            cell.label = all
            cell.labelVertical = true
            return
        }
        let groups = columnGroups(ink, x0: area.x, x1: area.x + area.width, top: first.top, bottom: first.bottom,
                                  gap: max(20, bandHeight * 3 / 2))
        let atTop = first.top - f.y <= max(24, f.height * 2 / 5)
        if atTop, let g = groups.first {
            let label = DraftBox(x: g.left, y: first.top, width: g.right - g.left + 1, height: bandHeight)
            let top = first.bottom + max(10, bandHeight * 2 / 5)
            let value = valueArea(top)
            // A label with room for a value under it; otherwise the cell is only a label.
            if value.height >= max(s.minValueHeight, bandHeight * 4 / 5) || !cell.checkboxes.isEmpty {
                cell.label = label
                if cell.checkboxes.isEmpty {
                    cell.value = value
                    cell.textInValue = bands.count > 1 || groups.count > 1
                }
                return
            }
        }
        // Text that is not a label strip over a value: the cell is a label (or a heading).
        cell.label = inkBounds(ink, area)
    }

    /// The text right of a check box, on its line: up to the next box or a wide gap.
    static func caption(of box: DraftBox, among boxes: [DraftBox], in frame: DraftBox?, ink: ByteGrid) -> DraftBox? {
        let top = max(0, box.y - box.height / 4), bottom = min(ink.height - 1, box.y + box.height + box.height / 4)
        let x0 = min(ink.width - 1, box.x + box.width + 4)
        var x1 = frame.map { $0.x + $0.width } ?? min(ink.width, x0 + 12 * box.width)
        for other in boxes where other.x > box.x + box.width && other.y < bottom && other.y + other.height > top {
            x1 = min(x1, other.x - 4)
        }
        guard x1 > x0 else { return nil }
        let groups = columnGroups(ink, x0: x0, x1: x1, top: top, bottom: bottom, gap: box.height)
        guard let g = groups.first, g.left - x0 <= box.width else { return nil }
        return inkBounds(ink, DraftBox(x: g.left, y: top, width: g.right - g.left + 1, height: bottom - top + 1))
    }

    // MARK: - Layout rules between cells

    /// A value cell without a label takes the label of the label-only cell just left of it
    /// (same row) or, failing that, just above it (same column).
    static func pairLabels(_ cells: inout [Cell], settings s: Settings) {
        let labels = cells.indices.filter { cells[$0].isLabelOnly }
        for i in cells.indices where cells[i].label == nil && cells[i].value != nil {
            let v = cells[i].frame
            var best: (index: Int, distance: Int)? = nil
            for j in labels {
                let l = cells[j].frame
                let dxLeft = v.x - (l.x + l.width)
                let dyAbove = v.y - (l.y + l.height)
                let vOverlap = DraftGeometry.overlap(v.y, v.height, l.y, l.height)
                let hOverlap = DraftGeometry.overlap(v.x, v.width, l.x, l.width)
                var d: Int? = nil
                if (0...24).contains(dxLeft), vOverlap >= Int(0.6 * Double(min(v.height, l.height))) { d = dxLeft }
                else if (0...24).contains(dyAbove), hOverlap >= Int(0.6 * Double(min(v.width, l.width))) { d = dyAbove + 1 }
                if let d, best == nil || d < best!.distance { best = (j, d) }
            }
            if let best { cells[i].labelCell = best.index }
        }
    }

    /// Rows of three or more small, empty, unlabelled cells side by side (a comb of digit
    /// boxes, e.g. 12 boxes for 個人番号) become one value area: the first cell's.
    static func mergeCombs(_ cells: inout [Cell]) {
        let small = cells.indices.filter {
            let c = cells[$0]
            return c.label == nil && c.labelCell == nil && c.value != nil && c.checkboxes.isEmpty
                && c.frame.width <= max(150, c.frame.height * 3 / 2)
        }.sorted { cells[$0].frame.x < cells[$1].frame.x }
        var used = Set<Int>()
        for i in small where !used.contains(i) {
            var run = [i]
            var last = cells[i].frame
            for j in small where j != i && !used.contains(j) && !run.contains(j) {
                let f = cells[j].frame
                if abs(f.y - last.y) <= 4, abs(f.height - last.height) <= 6, (0...16).contains(f.x - (last.x + last.width)) {
                    run.append(j); last = f
                }
            }
            guard run.count >= 3 else { continue }
            let firstFrame = cells[run[0]].frame
            let merged = DraftBox(x: firstFrame.x, y: firstFrame.y, width: last.x + last.width - firstFrame.x, height: firstFrame.height)
            cells[run[0]] = Cell(frame: merged, label: nil, labelVertical: false,
                                 value: DraftBox(x: merged.x + 2, y: merged.y + 2, width: merged.width - 4, height: merged.height - 4),
                                 checkboxes: [], textInValue: false, labelCell: nil)
            for j in run.dropFirst() { cells[j].value = nil; used.insert(j) }
            used.insert(run[0])
        }
        // Drop the cells merged away (they have nothing left), keeping indices of the others valid.
        var remap: [Int: Int] = [:]
        var kept: [Cell] = []
        for (i, c) in cells.enumerated() where !(used.contains(i) && c.value == nil) {
            remap[i] = kept.count
            kept.append(c)
        }
        guard kept.count != cells.count else { return }
        for k in kept.indices { kept[k].labelCell = kept[k].labelCell.flatMap { remap[$0] } }
        cells = kept
    }

    /// The tallest printed line above the first cell.
    static func titleText(ink: ByteGrid, above limit: Int) -> DraftBox? {
        guard limit > 20 else { return nil }
        let area = DraftBox(x: 0, y: 0, width: ink.width, height: limit)
        var best: DraftBox? = nil
        for band in textBands(ink, area, gap: 6) {
            let h = band.bottom - band.top + 1
            guard h >= 36 else { continue }
            let groups = columnGroups(ink, x0: 0, x1: ink.width, top: band.top, bottom: band.bottom, gap: h)
            // The widest group of the band: the title, not the small header beside it.
            guard let g = groups.max(by: { ($0.right - $0.left) < ($1.right - $1.left) }) else { continue }
            guard let b = inkBounds(ink, DraftBox(x: g.left, y: band.top, width: g.right - g.left + 1, height: h)) else { continue }
            if best == nil || b.height > best!.height { best = b }
        }
        return best
    }
}

/// Rectangle arithmetic for drafting and coverage.
public enum DraftGeometry {
    public static func intersection(_ a: DraftBox, _ b: DraftBox) -> Int {
        let w = min(a.x + a.width, b.x + b.width) - max(a.x, b.x)
        let h = min(a.y + a.height, b.y + b.height) - max(a.y, b.y)
        return w > 0 && h > 0 ? w * h : 0
    }

    public static func iou(_ a: DraftBox, _ b: DraftBox) -> Double {
        let i = intersection(a, b)
        let u = a.width * a.height + b.width * b.height - i
        return u > 0 ? Double(i) / Double(u) : 0
    }

    /// At least `share` of `inner` lies inside `outer`.
    public static func contains(_ outer: DraftBox, _ inner: DraftBox, share: Double) -> Bool {
        Double(intersection(outer, inner)) >= share * Double(max(1, inner.width * inner.height))
    }

    /// Length of the overlap of two 1-D spans.
    static func overlap(_ a: Int, _ aLength: Int, _ b: Int, _ bLength: Int) -> Int {
        max(0, min(a + aLength, b + bLength) - max(a, b))
    }
}
