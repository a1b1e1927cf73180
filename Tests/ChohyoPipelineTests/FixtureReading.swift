import ChohyoCore
import ChohyoImaging
@testable import ChohyoPipeline
@testable import ChohyoRecognition
import Foundation

/// Cutting and reading one field from a fixture that holds a page region around its box.
enum FixtureReading {
    /// The field whose template box `template` (at 0, 0) lies at (`x`, 30) on the fixture,
    /// `width` × `height` page pixels, cut as the batch cuts it.
    static func cut(_ file: String, x: Int, width: Int, height: Int, template: Box) throws -> FieldCutter.Cut {
        let page = try ImageSource(path: BilevelReadingTests.fixtureURL(file).path).page(0)
        let onto = Alignment(scaleX: Double(width) / Double(template.width), offsetX: Double(x),
                             scaleY: Double(height) / Double(template.height), offsetY: 30, score: 1)
        return try FieldCutter.cut(page: page, alignment: onto, box: template)
    }

    /// The reading settings a field of `type` gets by default, at 300 dpi.
    static func settings(_ type: FieldType) -> ReadingSettings {
        ReadingSettings(field: FieldDefinition(key: "f", label: "f", type: type, box: Box(x: 0, y: 0, width: 1, height: 1)), dpi: 300)
    }

    /// A cut as the batch cut it (an image of the field alone), read as `field` is read, by a
    /// new reader.
    static func read(_ image: Image, as field: FieldDefinition) throws -> FragmentReading {
        try FragmentReader().read(FieldFragment(image: image, settings: ReadingSettings(field: field, dpi: 300),
                                                inkPixels: try image.binary().inkCount(), sealInk: 0))
    }

    /// A cut read with the recognition a field of `type` gets by default.
    static func read(_ cut: FieldCutter.Cut, type: FieldType, reader: FragmentReader? = nil) throws -> FragmentReading {
        try (reader ?? FragmentReader()).read(FieldFragment(image: cut.image, settings: settings(type), inkPixels: cut.inkPixels,
                                                                   sealInk: cut.sealInk, asScanned: cut.asScanned))
    }
}
