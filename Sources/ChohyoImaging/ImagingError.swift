/// Why an image could not be used. Messages name the reason only; the caller
/// adds the file and page.
public enum ImagingError: Error, CustomStringConvertible, Equatable {
    case emptyFile
    case unreadable(String)
    case unsupportedFormat(String)
    case extensionMismatch(declared: String, actual: String)
    case tooLarge(width: Int, height: Int, limit: String)
    case fileTooLarge(bytes: Int, limit: Int)
    case tooManyPages(limit: Int)
    case truncated(String)
    case notAFile(String)
    case operationFailed(String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .emptyFile: return "file is empty (0 bytes)"
        case .unreadable(let why): return "cannot read file: \(why)"
        case .unsupportedFormat(let what): return "unsupported or unrecognised image format (\(what))"
        case .extensionMismatch(let declared, let actual):
            return "file extension says \(declared) but the content is \(actual)"
        case .tooLarge(let w, let h, let limit):
            return "image is \(w)x\(h) pixels, over the limit of \(limit) (possible decompression bomb)"
        case .fileTooLarge(let bytes, let limit):
            return "file is \(bytes) bytes, over the limit of \(limit) bytes per file"
        case .tooManyPages(let limit):
            return "file has more than \(limit) pages; pages after \(limit) were not read"
        case .truncated(let why): return "image data is corrupt or truncated (\(why))"
        case .notAFile(let what): return "not a regular file (\(what))"
        case .operationFailed(let what): return "image operation failed: \(what)"
        case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
        }
    }
}
