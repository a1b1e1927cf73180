/// Image container formats Chohyo accepts, recognised by their first bytes,
/// never by the file name alone.
public enum ImageFormat: String, Sendable {
    case png = "PNG"
    case jpeg = "JPEG"
    case tiff = "TIFF"
    case pdf = "PDF"

    /// Sniffs the format from the leading bytes.
    public static func sniff(_ bytes: [UInt8]) -> ImageFormat? {
        func starts(_ magic: [UInt8]) -> Bool { bytes.count >= magic.count && Array(bytes.prefix(magic.count)) == magic }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        return nil
    }

    /// The format a file extension promises, or nil for an extension we do not read.
    public static func forExtension(_ ext: String) -> ImageFormat? {
        switch ext.lowercased() {
        case "png": return .png
        case "jpg", "jpeg", "jpe": return .jpeg
        case "tif", "tiff": return .tiff
        case "pdf": return .pdf
        default: return nil
        }
    }

    /// A human name for what the bytes look like, for error messages.
    public static func describe(_ bytes: [UInt8]) -> String {
        if let f = sniff(bytes) { return f.rawValue }
        if bytes.isEmpty { return "empty" }
        let head = Array(bytes.prefix(256))
        let printable = head.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        if printable { return "text" }
        // UTF-8 text (Japanese notes, CSV): decodes cleanly apart from a character cut at the end.
        if !head.contains(0), String(decoding: head.dropLast(3), as: UTF8.self).unicodeScalars.allSatisfy({ $0 != "\u{FFFD}" }) {
            return "text"
        }
        if bytes.starts(with: [0x42, 0x4D]) { return "BMP" }
        if bytes.starts(with: Array("GIF8".utf8)) { return "GIF" }
        return "unknown binary data"
    }
}
