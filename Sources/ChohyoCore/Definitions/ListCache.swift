import Foundation

/// Values made once per process for each key and shared by the batch's workers: a list file
/// loaded, a pattern compiled. The first caller makes the value under the lock.
final class OnceCache<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Value] = [:]

    func value(_ key: String, make: () throws -> Value) rethrows -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let value = values[key] { return value }
        let value = try make()
        values[key] = value
        return value
    }
}

/// Lists loaded once per process and shared by every definition that names the same file (the
/// bundled name list is 126,000 lines, named by several fields of several forms).
final class ListCache<List: Sendable>: Sendable {
    private let cache = OnceCache<List>()
    private let load: @Sendable (URL) throws -> List

    init(load: @escaping @Sendable (URL) throws -> List) { self.load = load }

    func list(at url: URL) throws -> List {
        try cache.value(url.standardizedFileURL.path) { try load(url) }
    }
}

/// The lists a definition can name, each file loaded once. A file that is not UTF-8 text is
/// said to be so, as its line-by-line parser says what is wrong with one that is.
enum ListCaches {
    /// `name_list` files.
    static let names = ListCache<PersonNameList> { url in
        do { return try PersonNameList(contentsOf: url) } catch let error as PersonNameList.ParseError { throw error } catch {
            throw PersonNameList.ParseError(line: 0, reason: "cannot read the file as UTF-8 text")
        }
    }

    /// `municipality_list` files.
    static let municipalities = ListCache<MunicipalityList> { url in
        do { return try MunicipalityList(contentsOf: url) } catch let error as MunicipalityList.ParseError { throw error } catch {
            throw MunicipalityList.ParseError(line: 0, reason: "cannot read the file as UTF-8 text")
        }
    }
}
