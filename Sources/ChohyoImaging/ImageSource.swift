import CLeptTess
import Foundation

/// One input file, read into memory and checked, that yields its pages one at a time.
/// Nothing about the file is trusted: the content must match the extension, the
/// header must be sane and within `ImageLimits`, and every page is decoded on demand.
public final class ImageSource: @unchecked Sendable {
    public let path: String
    public let format: ImageFormat
    public let pageCount: Int
    /// The file has more pages than `ImageLimits.maxPages`; those were not read.
    public private(set) var pagesOverLimit = false
    /// The directory chain ends in a broken link (the file is cut short after the last page counted).
    public private(set) var chainProblem: String?
    private let bytes: [UInt8]
    private let limits: ImageLimits
    /// The poppler document of a PDF, alive as long as the source.
    private let pdf: PDFDocument?

    public init(path: String, limits: ImageLimits = .default) throws {
        Leptonica.silence()
        self.path = path
        self.limits = limits
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw ImagingError.unreadable("no such file")
        }
        if isDir.boolValue { throw ImagingError.notAFile("it is a directory") }
        // A symbolic link is judged by what it points to (a clerk's folder of links to the
        // scanner's share is read), so a link to a device or a pipe is refused like the thing itself.
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let attrs = try? FileManager.default.attributesOfItem(atPath: target)
        if let type = attrs?[.type] as? FileAttributeType, type != .typeRegular {
            throw ImagingError.notAFile(Self.describe(type))
        }
        if let size = attrs?[.size] as? Int, size == 0 { throw ImagingError.emptyFile }
        if let size = attrs?[.size] as? Int, size > limits.maxFileBytes {
            throw ImagingError.fileTooLarge(bytes: size, limit: limits.maxFileBytes)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImagingError.unreadable("permission denied or I/O error")
        }
        if data.isEmpty { throw ImagingError.emptyFile }
        let bytes = [UInt8](data)
        guard let actual = ImageFormat.sniff(bytes) else {
            throw ImagingError.unsupportedFormat("content is \(ImageFormat.describe(bytes))")
        }
        let ext = (path as NSString).pathExtension
        if let declared = ImageFormat.forExtension(ext), declared != actual {
            throw ImagingError.extensionMismatch(declared: declared.rawValue, actual: actual.rawValue)
        }
        self.format = actual
        // A PDF's bytes are held by its poppler document; the others are decoded from `bytes`.
        self.bytes = actual == .pdf ? [] : bytes
        self.pdf = actual == .pdf ? try PDFDocument(bytes: bytes, limits: limits) : nil
        switch actual {
        case .png, .jpeg:
            try ImageSource.checkComplete(bytes, format: actual)
            var fmt: Int32 = 0, w: Int32 = 0, h: Int32 = 0, bps: Int32 = 0, spp: Int32 = 0, cmap: Int32 = 0
            guard pixReadHeaderMem(bytes, bytes.count, &fmt, &w, &h, &bps, &spp, &cmap) == 0 else {
                throw ImagingError.truncated("unreadable \(actual.rawValue) header")
            }
            try limits.check(width: Int(w), height: Int(h))
            pageCount = 1
        case .tiff:
            // Pages are counted from the TIFF's own directory chain, so a page whose data is
            // cut short is reported as a bad page, not silently left out.
            let chain = TIFFDirectories.count(bytes, limit: limits.maxPages + 1)
            if chain.count == 0 { throw ImagingError.truncated("no readable TIFF directory") }
            pageCount = min(chain.count, limits.maxPages)
            pagesOverLimit = chain.count > limits.maxPages
            chainProblem = chain.problem
        case .pdf:
            // Pages are counted by poppler; each is decoded (or rendered) on demand.
            let count = pdf?.pageCount ?? 0
            pageCount = min(count, limits.maxPages)
            pagesOverLimit = count > limits.maxPages
        }
    }

    /// Decodes page `index` (0-based), with square pixels (`Image.squarePixels`: a fax in
    /// standard mode, 204 × 98 dpi, is stretched to 204 × 204). Throws with the reason when that
    /// page is bad.
    public func page(_ index: Int) throws -> Image {
        let decoded = try decode(index)
        let square = decoded.squareSize
        guard square != (decoded.width, decoded.height) else { return decoded }
        try limits.check(width: square.width, height: square.height)
        return try decoded.squarePixels()
    }

    func decode(_ index: Int) throws -> Image {
        precondition(index >= 0 && index < pageCount)
        switch format {
        case .png, .jpeg:
            guard let p = pixReadMem(bytes, bytes.count) else {
                throw ImagingError.truncated("\(format.rawValue) decoder failed")
            }
            return Image(owning: p)
        case .tiff:
            var w: Int32 = 0, h: Int32 = 0, bps: Int32 = 0, spp: Int32 = 0, res: Int32 = 0, cmap: Int32 = 0, fmt: Int32 = 0
            guard readHeaderMemTiff(bytes, bytes.count, Int32(index), &w, &h, &bps, &spp, &res, &cmap, &fmt) == 0 else {
                throw ImagingError.truncated("TIFF page header unreadable")
            }
            try limits.check(width: Int(w), height: Int(h))
            guard let p = pixReadMemTiff(bytes, bytes.count, Int32(index)) else {
                throw ImagingError.truncated("TIFF page data unreadable")
            }
            let pix = Image(owning: p)
            if pix.width != Int(w) || pix.height != Int(h) {
                throw ImagingError.truncated("TIFF page decoded to an unexpected size")
            }
            return pix
        case .pdf:
            guard let pdf else { throw ImagingError.operationFailed("PDF document missing") }
            return try pdf.page(index)
        }
    }

    /// What a file that is not a regular file is, in words.
    static func describe(_ type: FileAttributeType) -> String {
        switch type {
        case .typeCharacterSpecial, .typeBlockSpecial: return "it is a device"
        case .typeSocket: return "it is a socket"
        case .typeDirectory: return "it is a directory"
        default: return "it is a pipe or other special file"
        }
    }

    /// PNG must end with an IEND chunk and JPEG with an EOI marker; decoders
    /// otherwise hand back a partly grey page from a truncated file.
    static func checkComplete(_ bytes: [UInt8], format: ImageFormat) throws {
        switch format {
        case .png:
            let iend: [UInt8] = Array("IEND".utf8)
            let tail = bytes.suffix(64)
            let found = tail.count >= 4 && (0...(tail.count - 4)).contains { i in
                Array(tail[(tail.startIndex + i)..<(tail.startIndex + i + 4)]) == iend
            }
            if !found { throw ImagingError.truncated("PNG has no IEND chunk: the file is cut short") }
        case .jpeg:
            var end = bytes.count
            while end > 2 && bytes[end - 1] == 0 { end -= 1 }
            let tail = bytes[max(0, end - 32)..<end]
            let found = zip(tail, tail.dropFirst()).contains { $0 == 0xFF && $1 == 0xD9 }
            if !found { throw ImagingError.truncated("JPEG has no end-of-image marker: the file is cut short") }
        default: break
        }
    }
}

/// Process-wide Leptonica settings.
public enum Leptonica {
    private static let once: Void = { _ = setMsgSeverity(Int32(L_SEVERITY_NONE)) }()
    /// Leptonica's own messages go to stderr and could name file content; Chohyo reports errors itself.
    public static func silence() { _ = once }
}
