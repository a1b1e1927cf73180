import Foundation

/// Stage 1: command-line inputs → the files to read, in a stable order.
/// Folders are walked (sorted, recursively); ground-truth and notes files that sit
/// beside scans are passed over; anything else named is tried and fails loudly if
/// it is not an image.
public enum InputScanner {
    /// Extensions that are never scans (ground truth, notes, definitions).
    public static let ignoredExtensions: Set<String> = ["json", "txt", "md", "yaml", "yml", "csv", "jsonl", "log"]

    public struct Item: Equatable, Sendable {
        public let path: String
        /// A problem found before the file was opened (e.g. named input does not exist).
        public let problem: String?
    }

    public static func scan(_ inputs: [String]) -> [Item] {
        var items: [Item] = []
        let fm = FileManager.default
        for input in inputs {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: input, isDirectory: &isDir) else {
                items.append(Item(path: input, problem: "no such file or folder"))
                continue
            }
            // A folder named like an image (`x.png/`) is bad input, reported rather than walked.
            if !isDir.boolValue || looksLikeImageName(input) {
                items.append(Item(path: input, problem: nil))
                continue
            }
            var visited = Set<String>()
            items.append(contentsOf: walk(input, visited: &visited))
        }
        return items
    }

    static func looksLikeImageName(_ path: String) -> Bool {
        ["png", "jpg", "jpeg", "tif", "tiff", "pdf"].contains((path as NSString).pathExtension.lowercased())
    }

    /// Walks a folder; `visited` holds the real paths of folders already walked, so a
    /// symbolic link back up the tree does not read the same scans again.
    static func walk(_ dir: String, visited: inout Set<String>) -> [Item] {
        let fm = FileManager.default
        let real = URL(fileURLWithPath: dir).resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else { return [] }
        guard let names = try? fm.contentsOfDirectory(atPath: dir) else {
            return [Item(path: dir, problem: "folder cannot be read")]
        }
        var out: [Item] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = (dir as NSString).appendingPathComponent(name)
            var isDir: ObjCBool = false
            _ = fm.fileExists(atPath: path, isDirectory: &isDir)
            if isDir.boolValue {
                // A folder named like an image is bad input: report it rather than guess.
                if looksLikeImageName(name) { out.append(Item(path: path, problem: nil)) } else { out.append(contentsOf: walk(path, visited: &visited)) }
                continue
            }
            if ignoredExtensions.contains((name as NSString).pathExtension.lowercased()) { continue }
            out.append(Item(path: path, problem: nil))
        }
        return out
    }
}
