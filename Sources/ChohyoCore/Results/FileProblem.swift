import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Plain words for a failed file operation: the system's reason ("No such file or directory",
/// "Permission denied"), not Foundation's error dump (`Error Domain=NSCocoaErrorDomain Code=4 …`).
public enum FileProblem {
    public static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? Error, case let u = underlying as NSError, u.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(u.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        return "\(error)"
    }

    /// Why `url` cannot be made the output folder, or nil once it exists as a folder.
    public static func prepareFolder(_ url: URL) -> String? {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) {
            return isDir.boolValue ? nil : "it is a file, not a folder"
        }
        do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) } catch { return reason(error) }
        return nil
    }
}
