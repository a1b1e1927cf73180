import ChohyoCore
import ChohyoImaging
import ChohyoRecognition
import Foundation

/// One scan read against one definition, kept with its geometry so a person can see
/// where every box landed and what was read there (`chohyo forms preview`).
public struct FormPreview {
    public struct Field {
        public let number: Int
        public let definition: FieldDefinition
        /// Where the box lies on the upright page, in its pixels.
        public let box: (x: Int, y: Int, width: Int, height: Int)
        public let result: FieldResult
    }

    public let result: PageResult
    /// The deskewed, upright page the boxes refer to.
    public let page: Image
    public let fields: [Field]

    /// Reads page `pageIndex` of `scan` as `form`, whatever the match score (a preview is
    /// for seeing where a definition is off, so it is drawn even when it fits badly).
    public static func run(scan: String, pageIndex: Int = 0, form: LoadedDefinition, tessdata: String? = nil) throws -> FormPreview {
        let source: ImageSource
        do { source = try ImageSource(path: scan) } catch { throw BatchError.input("\(scan): \(error)") }
        guard pageIndex < source.pageCount else {
            throw BatchError.input("\(scan) has \(source.pageCount) page(s); page \(pageIndex + 1) asked for")
        }
        let template = try TemplateModel(definition: form.definition, templateURL: form.templateURL)
        let task = PageTask(source: source, displayPath: scan, pageIndex: pageIndex)
        // As the batch would match it (ruled lines, or the layout of the values on a page
        // whose dropout print is gone); failing that, the best fit of the lines, however poor.
        var out = PageStage.run(task, forms: [form], matcher: FormMatcher(templates: [template]))
        if out.result.status == .unclassified {
            out = PageStage.run(task, forms: [form], matcher: FormMatcher(templates: [template], minScore: 0))
        }
        var result = out.result
        guard let alignment = out.alignment, result.status == .ok else {
            throw BatchError.input("\(scan) page \(pageIndex + 1): \(result.error ?? result.classification ?? "not read")")
        }
        let reader = try FragmentReader(preload: ["jpn", "eng"], dataPath: tessdata)
        var readings: [String: FragmentReading] = [:]
        for (key, fragment) in out.fragments { readings[key] = try reader.read(fragment) }
        JudgeStage.judgePage(&result, form: form, readings: readings, matchedBy: out.matchedBy)
        let prepared = try PagePreparer.prepare(try source.page(pageIndex))
        let upright = try prepared.image.rotatedOrth(quarterTurns: (result.orientation ?? 0) / 90)
        let fields = form.definition.fields.enumerated().compactMap { i, f -> Field? in
            guard let r = result.fields[f.key] else { return nil }
            return Field(number: i + 1, definition: f, box: alignment.map(f.box), result: r)
        }
        return FormPreview(result: result, page: upright, fields: fields)
    }

    /// The overlay: boxes green (accepted), orange (review) or red (invalid), captioned with
    /// number, key, confidence, status and — when it is ASCII — the value (a My Number masked).
    public func overlay() throws -> Image {
        let marks = fields.map { f -> Overlay.Mark in
            let rgb: (UInt8, UInt8, UInt8)
            switch f.result.status {
            case .accepted: rgb = (0, 150, 0)
            case .review: rgb = (230, 130, 0)
            case .invalid: rgb = (215, 0, 0)
            }
            var caption = "\(f.number) \(f.result.status.rawValue) \(Int(f.result.confidence))"
            let value = FormPreview.displayValue(f.result.value, type: f.definition.type)
            if value.unicodeScalars.allSatisfy(\.isASCII) && !value.isEmpty { caption += " [\(value)]" }
            return Overlay.Mark(x: f.box.x, y: f.box.y, width: f.box.width, height: f.box.height, rgb: rgb, caption: caption)
        }
        return try Overlay.draw(marks, on: page)
    }

    /// A value as a preview may show it: a My Number is never shown outside verification.
    public static func displayValue(_ value: String?, type: FieldType) -> String {
        guard let value else { return "" }
        return type == .myNumber ? MyNumber.masked(value) : value
    }
}
