import Foundation

/// The expected reading of one page, from a ground-truth file.
///
/// Files sit beside the scans: `NAME.json` is page 1 of the scan `NAME.png` (or .jpg/.tif/…),
/// `NAME-pN.json` is page N of a multi-page scan `NAME.*` (`NAME-p1.json` is also page 1).
/// When a scan named exactly `NAME-pN.*` lies in the same folder, `NAME-pN.json` is page 1 of it.
/// Content: `{"form": "<form id>", "fields": {"<key>": "<normalised value>", …}}`; `"form": null`
/// says the page belongs to no defined form (it should come out unclassified). A field left out
/// is not evaluated; `""` (or null) means the field is blank on paper.
public struct GroundTruthPage: Equatable, Sendable {
    /// Base name of the scan, without extension.
    public var name: String
    /// 1-based page within the scan.
    public var page: Int
    /// Truth file name, for messages.
    public var file: String
    public var form: String?
    public var fields: [String: String]

    public init(name: String, page: Int, file: String, form: String?, fields: [String: String]) {
        self.name = name; self.page = page; self.file = file; self.form = form; self.fields = fields
    }
}

/// A ground-truth folder that cannot be used at all (single bad files are warnings instead).
public enum GroundTruthError: Error, Equatable, CustomStringConvertible {
    case folder(String, String)
    public var description: String {
        switch self { case .folder(let path, let why): return "ground truth \(path): \(why)" }
    }
}

public enum GroundTruth {
    public static let scanExtensions: Set<String> = ["png", "jpg", "jpeg", "tif", "tiff", "pdf", "bmp", "gif", "webp"]

    /// `form` must be present (null allowed); `fields` may be left out.
    private struct File: Decodable {
        var form: String?
        var fields: [String: String?]?

        enum CodingKeys: String, CodingKey { case form, fields }

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            guard c.contains(.form) else {
                throw DecodingError.keyNotFound(CodingKeys.form, .init(codingPath: [], debugDescription: "no form"))
            }
            form = try c.decodeIfPresent(String.self, forKey: .form)
            fields = try c.decodeIfPresent([String: String?].self, forKey: .fields)
        }
    }

    /// Loads every `*.json` in `directory` (not its sub-folders), sorted by file name.
    /// Files that are not ground truth, or a second file for the same page, are skipped with a warning.
    public static func load(directory: URL) throws -> (pages: [GroundTruthPage], warnings: [String]) {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDir) else {
            throw GroundTruthError.folder(directory.path, "no such folder")
        }
        guard isDir.boolValue else { throw GroundTruthError.folder(directory.path, "not a folder (give the folder that holds the NAME.json files)") }
        guard let listed = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else {
            throw GroundTruthError.folder(directory.path, "folder cannot be read")
        }
        let names = listed.sorted()
        let scans = Set(names.compactMap { name -> String? in
            let url = URL(fileURLWithPath: name)
            return scanExtensions.contains(url.pathExtension.lowercased()) ? url.deletingPathExtension().lastPathComponent : nil
        })
        var pages: [GroundTruthPage] = []
        var seen: [String: String] = [:]  // "name\u{0}page" → file
        var warnings: [String] = []
        for file in names where file.lowercased().hasSuffix(".json") {
            let base = String(file.dropLast(5))
            let (name, page) = place(of: base, scans: scans)
            let decoded: File
            do {
                decoded = try JSONDecoder().decode(File.self, from: Data(contentsOf: directory.appendingPathComponent(file)))
            } catch {
                warnings.append("\(file): not a ground-truth file ({\"form\": …, \"fields\": {…}}), skipped")
                continue
            }
            let key = name + "\u{0}" + String(page)
            if let earlier = seen[key] {
                warnings.append("\(file): page \(page) of \(name) already given by \(earlier), skipped")
                continue
            }
            seen[key] = file
            let fields = (decoded.fields ?? [:]).mapValues { $0 ?? "" }
            pages.append(GroundTruthPage(name: name, page: page, file: file, form: decoded.form, fields: fields))
        }
        return (pages, warnings)
    }

    /// Splits a truth file's base name into (scan base name, page). See `GroundTruthPage`.
    public static func place(of base: String, scans: Set<String> = []) -> (name: String, page: Int) {
        if scans.contains(base) { return (base, 1) }
        guard let range = base.range(of: "-p", options: .backwards) else { return (base, 1) }
        let digits = base[range.upperBound...]
        let prefix = String(base[..<range.lowerBound])
        guard !prefix.isEmpty, !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let page = Int(digits), page >= 1 else { return (base, 1) }
        return (prefix, page)
    }

    /// Base name of a result's source: file name without folder and extension.
    public static func baseName(ofSource source: String) -> String {
        URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent
    }
}
