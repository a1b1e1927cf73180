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

    public init(formID: String, image: Image, dpi: Double) throws {
        self.formID = formID
        width = image.width
        height = image.height
        self.dpi = dpi
        workingScale = LineStructure.workingDPI / dpi
        structure = try LineStructure(binary: try WorkingImage.binary(image, scale: workingScale))
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
        try self.init(formID: definition.id, image: image, dpi: dpi)
    }
}

/// Reduction of a page or template to the working resolution used for matching.
public enum WorkingImage {
    /// Red/pink ink made black at full resolution, area-averaged reduction (thin lines
    /// survive), then threshold.
    public static func binary(_ image: Image, scale: Double) throws -> Image {
        let small = try Dropout.structureGray(image).scaled(x: scale, y: scale)
        return try small.binary(threshold: 200)
    }
}
