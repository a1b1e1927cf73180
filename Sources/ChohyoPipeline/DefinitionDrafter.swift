import ChohyoCore
import ChohyoImaging
import ChohyoRecognition
import Foundation

/// `chohyo forms draft`: proposes a form definition from a scan of the blank form.
///
/// The page is deskewed and brought to 300 dpi (that image becomes the template); the ruled
/// cells and check boxes are found (`CellFinder`); each cell's printed label is read with
/// Tesseract (jpn); the label is looked up in the label dictionary (`LabelKeys`) for a
/// standard key and type. The result is a definition for a person to review, never one to
/// use as is: boxes are where the blank form has room for a value, keys and types are
/// guesses from the wording, and nothing is marked required.
public enum DefinitionDrafter {
    public struct Options {
        public var id: String
        public var title: String?
        /// File name of the template image, written next to the YAML (`<id>.png` by default).
        public var templateName: String
        public var tessdata: String?
        public var sourceName: String
        public init(id: String, title: String? = nil, templateName: String? = nil, tessdata: String? = nil, sourceName: String = "") {
            self.id = id; self.title = title; self.templateName = templateName ?? "\(id).png"
            self.tessdata = tessdata; self.sourceName = sourceName
        }
    }

    /// One proposed field and how it came about.
    public struct DraftedField {
        public var field: FieldDefinition
        /// The label as the recogniser read it ("" when the cell has none); `field.label` is
        /// this text cleaned (one line, no spaces between Japanese characters).
        public var ocrText: String
        public var ocrConfidence: Double?
        /// What the other reading (other scale) said, when it differs.
        public var otherReadings: [String]
        public var match: LabelKeys.Match?
        /// The label came from a label cell beside or above the value cell.
        public var labelFromNeighbour: Bool
        /// Printed text lies inside the proposed value box (hint, unit, 年月日): check it.
        public var textInValue: Bool
    }

    public struct Draft {
        public var definition: FormDefinition
        public var fields: [DraftedField]
        /// The cleaned, deskewed 300 dpi page: the template.
        public var template: Image
        public var cellsFound: Int
        public var checkboxesFound: Int
        /// Cells that hold only a label or heading (not fields themselves).
        public var labelCells: Int
        public var labelled: Int { fields.filter { !$0.ocrText.isEmpty }.count }
        public var matched: Int { fields.filter { $0.match != nil }.count }
        public var sourceDPI: Double
        public var dpiSource: String
        public var deskewAngle: Double
        public var titleSource: String
    }

    /// Drafts from the first page of an image file.
    public static func draft(imageAt path: String, options: Options, dictionary: LabelKeys) throws -> Draft {
        let source = try ImageSource(path: path)
        return try draft(page: try source.page(0), options: options, dictionary: dictionary)
    }

    public static func draft(page: Image, options: Options, dictionary: LabelKeys) throws -> Draft {
        let prepared = try DraftPage.prepare(page)
        let layout = try CellFinder.find(binary: prepared.binary, text: prepared.text)
        if layout.cells.isEmpty && layout.checkboxes.isEmpty {
            throw DraftError.noCells("the page has no ruled boxes or check boxes (a blank or unruled page?)")
        }
        let engine = try TesseractEngine(languages: "jpn", dataPath: options.tessdata)
        let gray = prepared.gray
        var cache: [String: LabelText] = [:]
        /// Reads the label at `box`, never looking outside `frame` (the cell inside its lines).
        func read(_ box: Box?, in frame: Box?, vertical: Bool = false) -> LabelText {
            guard let box else { return LabelText() }
            let k = "\(box.array)"
            if let hit = cache[k] { return hit }
            let readings = (try? LabelReader.read(gray: gray, box: box, within: frame, vertical: vertical, engine: engine)) ?? []
            var r = LabelText()
            if let best = LabelReader.choose(readings, dictionary: dictionary) {
                r = LabelText(text: best.text, raw: best.raw, confidence: best.confidence,
                              others: Array(Set(readings.map(\.text)).subtracting([best.text])).sorted())
            }
            cache[k] = r
            return r
        }

        struct Pending {
            var anchorY: Int
            var x: Int
            var y: Int
            var type: FieldType?
            var box: Box
            var label: LabelText
            var fromNeighbour: Bool
            var textInValue: Bool
        }
        var pending: [Pending] = []
        for cell in layout.cells {
            guard let value = cell.value else { continue }
            var label = LabelText(), neighbour = false
            if cell.label != nil {
                label = read(cell.label, in: cell.frame)
            } else if let j = cell.labelCell {
                label = read(layout.cells[j].label, in: layout.cells[j].frame, vertical: layout.cells[j].labelVertical)
                neighbour = true
            }
            pending.append(Pending(anchorY: cell.frame.y, x: value.x, y: value.y, type: nil, box: value, label: label,
                                   fromNeighbour: neighbour, textInValue: cell.textInValue))
        }
        for cb in layout.checkboxes {
            var label = LabelText()
            var anchor = cb.box.y
            if let ci = cb.cell {
                let cell = layout.cells[ci]
                let siblings = cell.checkboxes.map { layout.checkboxes[$0].box }
                anchor = cell.frame.y + (cb.box.y - (siblings.map(\.y).min() ?? cb.box.y))
                if siblings.count == 1, cell.label != nil {
                    label = read(cell.label, in: cell.frame)            // 中途退職 [□ 退職した場合に印]
                } else {
                    label = read(cb.caption, in: cell.frame)            // 異動事由 □退職 □転勤 …
                    if label.text.isEmpty { label = read(cell.label, in: cell.frame) }
                }
            } else {
                label = read(cb.caption, in: nil)
            }
            pending.append(Pending(anchorY: anchor, x: cb.box.x, y: cb.box.y, type: .checkbox, box: cb.box, label: label,
                                   fromNeighbour: false, textInValue: false))
        }

        // Reading order: rows (anchors within 12 px), then left to right.
        pending.sort { ($0.anchorY, $0.x) < ($1.anchorY, $1.x) }
        var ordered: [Pending] = []
        var row: [Pending] = []
        for p in pending {
            if let first = row.first, p.anchorY - first.anchorY > 12 {
                ordered += row.sorted { ($0.x, $0.y) < ($1.x, $1.y) }
                row = []
            }
            row.append(p)
        }
        ordered += row.sorted { ($0.x, $0.y) < ($1.x, $1.y) }

        var used = Set<String>()
        func unique(_ key: String) -> String {
            if used.insert(key).inserted { return key }
            var n = 2
            while !used.insert("\(key)_\(n)").inserted { n += 1 }
            return "\(key)_\(n)"
        }
        var fields: [DraftedField] = []
        for (i, p) in ordered.enumerated() {
            let label = p.label.text
            let match = dictionary.match(label)
            let entry = match?.entry
            let type: FieldType = p.type ?? entry?.type ?? .text
            // A check box keeps its dictionary key only when the entry is a check box too.
            let baseKey: String
            if let entry, p.type == nil || entry.type == .checkbox { baseKey = entry.key }
            else if let entry { baseKey = entry.key + "_checked" }
            else { baseKey = "field_\(i + 1)" }
            var f = FieldDefinition(key: unique(baseKey), label: label, type: type, box: p.box, required: false)
            if type == entry?.type, let entry {
                f.length = entry.length; f.minLength = entry.minLength; f.maxLength = entry.maxLength
                f.eraCode = entry.eraCode
                let variants = entry.labels.filter { LabelKeys.normalise($0) != LabelKeys.normalise(label) }
                f.labelVariants = variants.isEmpty ? nil : variants
            }
            fields.append(DraftedField(field: f, ocrText: p.label.raw, ocrConfidence: p.label.confidence, otherReadings: p.label.others,
                                       match: match, labelFromNeighbour: p.fromNeighbour, textInValue: p.textInValue))
        }

        var title = options.title ?? ""
        var titleSource = "--title"
        if title.isEmpty {
            title = read(layout.title, in: nil).text
            titleSource = "read from the page"
        }
        if title.isEmpty { title = options.id; titleSource = "the id (no title found on the page)" }

        let definition = FormDefinition(id: options.id, version: 1, title: title, template: options.templateName,
                                        dpi: DraftPage.dpi, fields: fields.map(\.field))
        let labelCells = layout.cells.filter { $0.isLabelOnly }.count
        return Draft(definition: definition, fields: fields, template: gray, cellsFound: layout.cells.count,
                     checkboxesFound: layout.checkboxes.count, labelCells: labelCells,
                     sourceDPI: prepared.sourceDPI, dpiSource: prepared.dpiSource,
                     deskewAngle: prepared.deskewAngle, titleSource: titleSource)
    }

    /// Writes the YAML and, next to it, the template image named by `template:`.
    /// Refuses to replace existing files unless `overwrite`.
    /// `nameList`, `municipalityList`: the list files, if any; the YAML names them relative to
    /// its own folder.
    public static func write(_ draft: Draft, to yamlURL: URL, sourceName: String, overwrite: Bool = false,
                             nameList: URL? = nil, municipalityList: URL? = nil) throws {
        let folder = yamlURL.deletingLastPathComponent()
        let pngURL = folder.appendingPathComponent(draft.definition.template)
        if !overwrite {
            for url in [yamlURL, pngURL] where FileManager.default.fileExists(atPath: url.path) {
                throw DraftError.output("\(DefinitionProblem.displayPath(url)) already exists (use --force to replace it)")
            }
        }
        if let problem = FileProblem.prepareFolder(folder) {
            throw DraftError.output("cannot write into \(DefinitionProblem.displayPath(folder)): \(problem)")
        }
        try draft.template.writePNG(to: pngURL.path)
        let yaml = DraftYAML.render(draft, sourceName: sourceName, nameList: nameList.map { relativePath(to: $0, from: folder) },
                                    municipalityList: municipalityList.map { relativePath(to: $0, from: folder) })
        do { try yaml.write(to: yamlURL, atomically: true, encoding: .utf8) } catch {
            throw DraftError.output("cannot write \(DefinitionProblem.displayPath(yamlURL)): \(FileProblem.reason(error))")
        }
    }
}

extension DefinitionDrafter {
    /// `file` as seen from `folder`: "../Models/person-names.tsv" when they share a folder below
    /// the root, else the absolute path.
    static func relativePath(to file: URL, from folder: URL) -> String {
        let target = file.standardizedFileURL.pathComponents, base = folder.standardizedFileURL.pathComponents
        var common = 0
        while common < min(target.count, base.count), target[common] == base[common] { common += 1 }
        if common <= 1 { return file.standardizedFileURL.path }
        return (Array(repeating: "..", count: base.count - common) + target[common...]).joined(separator: "/")
    }
}

/// A label as read: the chosen reading and what the others said.
struct LabelText {
    var text = ""
    var raw = ""
    var confidence: Double?
    var others: [String] = []
}

/// Reads one printed label with Tesseract.
enum LabelReader {
    struct Reading {
        /// Cleaned: one line, no spaces between CJK characters.
        var text: String
        /// As the recogniser gave it.
        var raw: String
        var confidence: Double
        var scale: Double
    }

    /// Reads the label at 1×, 1.5× and 2× (the recogniser misreads small print, 24–28 px, at
    /// one scale or another: 普通徴収 → 普通人 at 1×, 一括徴収 → ー括徴収 at 2×); the caller picks.
    /// - Parameter vertical: characters stacked top to bottom; they are cut apart and laid
    ///   side by side first, so the line reader can take them.
    static func read(gray: Image, box: Box, within frame: Box?, vertical: Bool, engine: TesseractEngine) throws -> [Reading] {
        let pad = 4
        var x0 = box.x - pad, y0 = box.y - pad, x1 = box.x + box.width + pad, y1 = box.y + box.height + pad
        if let f = frame {
            x0 = max(x0, f.x); y0 = max(y0, f.y); x1 = min(x1, f.x + f.width); y1 = min(y1, f.y + f.height)
        }
        var crop = try stretched(try gray.cropped(x: x0, y: y0, width: x1 - x0, height: y1 - y0))
        var psm = 7
        if vertical {
            crop = try DraftVerticalText.horizontal(crop)
        } else if box.height > 60 {
            psm = 6   // more than one printed line
        }
        let image = try crop.bordered(16, value: 255)
        var readings: [Reading] = []
        for scale in [1.0, 1.5, 2.0] {
            let img = scale == 1 ? image : try DraftPage.upscaled(image, by: scale)
            var symbols = engine.read(img, psm: psm, whitelist: nil, dpi: DraftPage.dpi)
            // Short labels (電話, 〒) sometimes come back empty from the line reader.
            if symbols.isEmpty { symbols = engine.read(img, psm: 8, whitelist: nil, dpi: DraftPage.dpi) }
            if symbols.isEmpty { symbols = engine.read(img, psm: 13, whitelist: nil, dpi: DraftPage.dpi) }
            guard !symbols.isEmpty else { continue }
            let conf = symbols.map(\.confidence).reduce(0, +) / Double(symbols.count)
            let raw = symbols.enumerated().map { $0.offset > 0 && $0.element.startsWord ? " " + $0.element.text : $0.element.text }.joined()
            let text = clean(raw)
            if !text.isEmpty { readings.append(Reading(text: text, raw: raw, confidence: (conf * 10).rounded() / 10, scale: scale)) }
        }
        return readings
    }

    /// The reading that matches the dictionary best (exact, then containing a variant, then
    /// part of one, then by edit distance), then the more confident one.
    static func choose(_ readings: [Reading], dictionary: LabelKeys?) -> Reading? {
        func rank(_ r: Reading) -> Int {
            guard let dictionary, let m = dictionary.match(r.text) else { return 1_000 }
            switch m.kind {
            case .exact: return 0
            case .contains: return 1
            case .partOf: return 2
            case .edit: return 3 + m.distance
            }
        }
        return readings.min { (rank($0), -$0.confidence) < (rank($1), -$1.confidence) }
    }

    /// Contrast stretched so the darkest ink is black: labels printed in a dropout colour
    /// (pink, light red) are pale grey, which the recogniser reads worse.
    static func stretched(_ gray: Image) throws -> Image {
        var g = ByteGrid(gray.depth == 8 ? gray : try gray.gray())
        guard let darkest = g.bytes.min(), darkest < 230 else { return gray }
        let lo = Int(darkest), span = 255 - lo
        for i in g.bytes.indices {
            let v = (Int(g.bytes[i]) - lo) * 255 / span
            g.bytes[i] = v >= 215 ? 255 : UInt8(max(0, v))     // shading behind the text goes too
        }
        return try g.image(depth: 8)
    }

    /// A label for the definition: one line, no spaces between CJK characters, no control characters.
    static func clean(_ s: String) -> String {
        let oneLine = s.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : String($0) }.joined()
        return TextNormalizer.normalizeText(oneLine)
    }
}
