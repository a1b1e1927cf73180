import ChohyoCore
import Foundation

/// A form's blank template, prepared once for matching and registration.
public final class TemplateModel: @unchecked Sendable {
    public let formID: String
    public let width: Int
    public let height: Int
    public let dpi: Double
    /// Template pixels → working pixels.
    public let workingScale: Double
    public let structure: LineStructure
    /// The form is printed in a dropout colour (most of its print is red or pink): a bilevel
    /// fax or a dropout scanner loses all of it, and only the values are left to match by.
    public let printedInDropoutColour: Bool
    /// The field boxes at working resolution as a label map, for matching a page by where its
    /// values sit (`ValueLayout`).
    public let boxMap: ValueLayout.BoxMap
    /// The field boxes in template pixels.
    public let fieldBoxes: [Box]
    /// For a form printed in black: the field boxes, the printed labels and the ruled lines at
    /// working resolution, for matching a page whose rules broke up (`PrintLayout`).
    public let printLayout: PrintLayout?
    /// For each check box (by its index in `fieldBoxes`): the template's print around it, to
    /// tell a stamp pressed over the box from a tick (`BoxSurround`).
    public let boxSurrounds: [Int: BoxSurround.Template]

    public init(formID: String, image: Image, dpi: Double, fieldBoxes: [Box] = [], checkBoxes: Set<Int> = []) throws {
        self.formID = formID
        width = image.width
        height = image.height
        self.dpi = dpi
        self.fieldBoxes = fieldBoxes
        workingScale = LineStructure.workingDPI / dpi
        let working = try WorkingImage.binary(image, scale: workingScale)
        structure = try LineStructure(binary: working)
        printedInDropoutColour = try TemplateModel.isDropoutPrint(image)
        boxMap = ValueLayout.BoxMap(boxes: fieldBoxes, scale: workingScale, width: structure.width, height: structure.height)
        printLayout = printedInDropoutColour || fieldBoxes.isEmpty ? nil
            : try PrintLayout(template: working, structure: structure, fieldBoxes: fieldBoxes, scale: workingScale)
        var surrounds: [Int: BoxSurround.Template] = [:]
        for i in checkBoxes where fieldBoxes.indices.contains(i) {
            surrounds[i] = try BoxSurround.template(image: image, box: fieldBoxes[i])
        }
        boxSurrounds = surrounds
    }

    /// More than half of the template's ink is red or pink.
    static func isDropoutPrint(_ image: Image) throws -> Bool {
        guard image.depth == 32 else { return false }
        let split = try Dropout.split(image)
        let black = try split.gray.binary(threshold: 160).inkCount()
        return split.redPixels > black
    }

    /// Loads the template image of a definition and checks its size against the boxes.
    public convenience init(definition: FormDefinition, templateURL: URL) throws {
        let source = try ImageSource(path: templateURL.path)
        let image = try source.page(0)
        // The boxes are in template pixels at the definition's dpi (300 when unset), whatever
        // the image file's own resolution tag says.
        let dpi = Double(definition.dpi ?? 300)
        for f in definition.fields {
            let b = f.box
            if b.x + b.width > image.width || b.y + b.height > image.height {
                throw ImagingError.operationFailed("field \(f.key): box \(b.array) lies outside the \(image.width)x\(image.height) template")
            }
        }
        try self.init(formID: definition.id, image: image, dpi: dpi, fieldBoxes: definition.fields.map(\.box),
                      checkBoxes: Set(definition.fields.indices.filter { definition.fields[$0].type == .checkbox }))
    }
}

/// Reduction of a page or template to the working resolution used for matching.
public enum WorkingImage {
    /// Red/pink ink made black at full resolution, area-averaged reduction (thin lines
    /// survive), then ink = at least `inkDepth` darker than the local background, so that
    /// grey paper and a lid shadow along the spine do not turn into "lines".
    public static func binary(_ image: Image, scale: Double) throws -> Image {
        let small = try Dropout.structureGray(image).scaled(x: scale, y: scale)
        return try small.darkDetails(size: backgroundSize, depth: inkDepth)
    }

    /// Side of the background window in working pixels (~5 mm at 100 dpi).
    static let backgroundSize = 21
    /// Grey levels below the local background that count as ink (the old fixed threshold of
    /// 200 on white paper).
    static let inkDepth = 55
}
