import Foundation

/// Name lists loaded once per process and shared by every definition that names the same file
/// (the bundled list is 126,000 lines, named by several fields of several forms).
final class NameListCache: @unchecked Sendable {
    static let shared = NameListCache()
    private let lock = NSLock()
    private var lists: [String: PersonNameList] = [:]

    func list(at url: URL) throws -> PersonNameList {
        let path = url.standardizedFileURL.path
        lock.lock()
        defer { lock.unlock() }
        if let list = lists[path] { return list }
        let list: PersonNameList
        do {
            list = try PersonNameList(contentsOf: url)
        } catch let error as PersonNameList.ParseError {
            throw error
        } catch {
            throw PersonNameList.ParseError(line: 0, reason: "cannot read the file as UTF-8 text")
        }
        lists[path] = list
        return list
    }
}
