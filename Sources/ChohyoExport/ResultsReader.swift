import ChohyoCore
import Foundation

public enum ResultsReaderError: Error, Equatable, CustomStringConvertible {
    /// Line `line` (1-based) is not a valid `PageResult`. `reason` names the problem, not the content.
    case badLine(line: Int, reason: String)

    public var description: String {
        switch self {
        case .badLine(let line, let reason): return "results.jsonl line \(line): \(reason)"
        }
    }
}

/// Reads `results.jsonl` as written by `ResultsWriter`.
public enum ResultsReader {
    /// All results in file order. Blank lines are skipped; CRLF line ends are accepted.
    /// Throws `ResultsReaderError.badLine` naming the first bad line.
    public static func read(url: URL) throws -> [PageResult] {
        try read(data: Data(contentsOf: url))
    }

    public static func read(data: Data) throws -> [PageResult] {
        let decoder = ResultsCoding.decoder()
        var results: [PageResult] = []
        var lineNumber = 0
        for var line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.last == 0x0D { line = line.dropLast() }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            do {
                results.append(try decoder.decode(PageResult.self, from: Data(line)))
            } catch {
                throw ResultsReaderError.badLine(line: lineNumber, reason: reason(for: error))
            }
        }
        return results
    }

    /// A description of a decoding error that names keys and types but never quotes values.
    static func reason(for error: Error) -> String {
        guard let error = error as? DecodingError else { return "not valid JSON" }
        func path(_ context: DecodingError.Context) -> String {
            let p = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            return p.isEmpty ? "" : " at \(p)"
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing key \"\(key.stringValue)\"\(path(context))"
        case .typeMismatch(let type, let context):
            return "wrong type (expected \(type))\(path(context))"
        case .valueNotFound(let type, let context):
            return "null where \(type) is required\(path(context))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "invalid value\(path(context))"
        @unknown default:
            return "cannot be decoded"
        }
    }
}
