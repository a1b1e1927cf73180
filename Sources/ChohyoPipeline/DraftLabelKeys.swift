import ChohyoCore
import Foundation
import Yams

/// The label dictionary (`Models/label-keys.yaml`): printed labels → standard key and type.
public struct LabelKeys: Sendable {
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var type: FieldType
        public var labels: [String]
        public var length: Int?
        public var minLength: Int?
        public var maxLength: Int?
        public var eraCode: Bool?
        /// A person's name (or its kana): the draft names the name list for it.
        public var personName = false
        /// The kana of a name printed beside it (フリガナ): the draft links it to the nearest
        /// person's name (`reading_of`). A kana that names its own person (口座名義) is not linked.
        public var readsName = false
        /// A contact (担当者), who may be written after a department: the draft marks the field
        /// `name_after_department`.
        public var afterDepartment = false
    }

    public enum MatchKind: String, Sendable {
        case exact
        case contains = "label contains the variant"
        case partOf = "label is part of the variant"
        case edit = "edit distance"
    }

    public struct Match: Sendable {
        public let entry: Entry
        /// The dictionary wording that matched.
        public let variant: String
        public let kind: MatchKind
        public let distance: Int
    }

    public let entries: [Entry]

    public static let allowedKeys: Set<String> = ["key", "type", "labels", "length", "min_length", "max_length", "era_code", "person_name",
                                                   "reading_of_name", "name_after_department"]

    public init(entries: [Entry]) { self.entries = entries }

    /// Loads and checks the file: every entry needs a valid key, a known type and at least
    /// one label; unknown keys, duplicate keys and lengths on non-digits types are errors.
    public init(contentsOf url: URL) throws {
        let name = DefinitionProblem.displayPath(url)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw DraftError.dictionary("\(name): cannot read file as UTF-8 text")
        }
        let root: Any?
        do { root = try Yams.load(yaml: text) } catch {
            throw DraftError.dictionary("\(name): invalid YAML: \(String(describing: error).split(separator: "\n").first ?? "")")
        }
        guard let list = root as? [Any] else {
            throw DraftError.dictionary("\(name): expected a list of entries {key, type, labels}")
        }
        var entries: [Entry] = []
        var problems: [String] = []
        var seen = Set<String>()
        for (i, item) in list.enumerated() {
            let place = "\(name): entry \(i + 1)"
            guard let map = item as? [String: Any] else { problems.append("\(place): not a mapping"); continue }
            for k in map.keys.sorted() where !Self.allowedKeys.contains(k) { problems.append("\(place): unknown key '\(k)'") }
            guard let key = map["key"] as? String, key.range(of: "^[a-z_][a-z0-9_]*$", options: .regularExpression) != nil else {
                problems.append("\(place): key missing or not [a-z_][a-z0-9_]*"); continue
            }
            if !seen.insert(key).inserted { problems.append("\(place): duplicate key '\(key)'") }
            guard let typeName = map["type"] as? String, let type = FieldType(rawValue: typeName) else {
                problems.append("\(place) (\(key)): type missing or unknown"); continue
            }
            let labels = (map["labels"] as? [Any])?.map { "\($0)" } ?? []
            if labels.isEmpty || labels.contains(where: { Self.normalise($0).isEmpty }) {
                problems.append("\(place) (\(key)): labels must be a non-empty list of non-empty texts"); continue
            }
            let length = map["length"] as? Int, minLength = map["min_length"] as? Int, maxLength = map["max_length"] as? Int
            if (length != nil || minLength != nil || maxLength != nil) && type != .digits {
                problems.append("\(place) (\(key)): length, min_length and max_length apply only to digits")
            }
            let era = map["era_code"] as? Bool
            if era == true && type != .date { problems.append("\(place) (\(key)): era_code applies only to date") }
            let person = map["person_name"] as? Bool ?? false
            if person && type != .text && type != .kana { problems.append("\(place) (\(key)): person_name applies only to text and kana") }
            let readsName = map["reading_of_name"] as? Bool ?? false
            if readsName && (type != .kana || !person) { problems.append("\(place) (\(key)): reading_of_name applies only to kana with person_name") }
            let afterDepartment = map["name_after_department"] as? Bool ?? false
            if afterDepartment && (type != .text || !person) {
                problems.append("\(place) (\(key)): name_after_department applies only to text with person_name")
            }
            entries.append(Entry(key: key, type: type, labels: labels, length: length, minLength: minLength,
                                 maxLength: maxLength, eraCode: era, personName: person, readsName: readsName,
                                 afterDepartment: afterDepartment))
        }
        if !problems.isEmpty { throw DraftError.dictionary(problems.joined(separator: "\n")) }
        self.entries = entries
    }

    /// Spaces (any width) and separators (・ . , : and the like) removed, full-width ASCII
    /// folded, dashes and 一 unified (the recogniser confuses them).
    public static func normalise(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            if u.properties.isWhitespace { continue }
            if "・･·.,，、。:：;；_'\"`|｜".unicodeScalars.contains(u) { continue }
            if "-‐‑–—―−－ー一".unicodeScalars.contains(u) { out.unicodeScalars.append("ー"); continue }
            var v = u.value
            if v >= 0xFF01 && v <= 0xFF5E && v != 0xFF08 && v != 0xFF09 { v -= 0xFEE0 }   // keep （） full-width
            if v == 0x28 { v = 0xFF08 }; if v == 0x29 { v = 0xFF09 }                     // ( ) → （ ）
            if let scalar = Unicode.Scalar(v) { out.unicodeScalars.append(scalar) }
        }
        return out.uppercased()
    }

    /// The entry a printed label stands for, or nil.
    public func match(_ label: String) -> Match? {
        let text = Self.normalise(label)
        if let m = match(normalised: text) { return m }
        // A note in brackets after the label (口座名義（カタカナ）, 異動事由（該当するものに印）).
        if let open = text.firstIndex(of: "（"), open > text.startIndex {
            return match(normalised: String(text[..<open]))
        }
        return nil
    }

    func match(normalised text: String) -> Match? {
        guard !text.isEmpty else { return nil }
        let variants: [(entry: Entry, variant: String, norm: String)] = entries.flatMap { e in
            e.labels.map { (e, $0, Self.normalise($0)) }
        }
        if let v = variants.first(where: { $0.norm == text }) {
            return Match(entry: v.entry, variant: v.variant, kind: .exact, distance: 0)
        }
        // The label says more than a variant (支払者の法人番号 ⊃ 法人番号): the longest variant wins.
        // The variant must be a fair part of the label (at least a third), so a long label that
        // merely mentions カナ or 金融機関 is not taken for that field.
        let contained = variants.filter { $0.norm.count >= 2 && 3 * $0.norm.count >= text.count && text.contains($0.norm) }
        if let v = contained.max(by: { $0.norm.count < $1.norm.count }) {
            return Match(entry: v.entry, variant: v.variant, kind: .contains, distance: text.count - v.norm.count)
        }
        // The label is most of a variant (a cut-off reading): the closest variant wins.
        let within = variants.filter { text.count >= 2 && 2 * text.count >= $0.norm.count && $0.norm.contains(text) }
        if let v = within.min(by: { $0.norm.count < $1.norm.count }) {
            return Match(entry: v.entry, variant: v.variant, kind: .partOf, distance: v.norm.count - text.count)
        }
        // A misread: the smallest edit distance, at most a third of the label's length.
        let limit = text.count / 3
        guard limit >= 1 else { return nil }
        var best: (v: (entry: Entry, variant: String, norm: String), d: Int)? = nil
        for v in variants {
            let d = Levenshtein.distance(text, v.norm)
            if d <= limit, best == nil || d < best!.d { best = (v, d) }
        }
        return best.map { Match(entry: $0.v.entry, variant: $0.v.variant, kind: .edit, distance: $0.d) }
    }
}

public enum DraftError: Error, CustomStringConvertible, Equatable {
    case noCells(String)
    case dictionary(String)
    case output(String)

    public var description: String {
        switch self {
        case .noCells(let why): return "no cells found: \(why)"
        case .dictionary(let why): return "label dictionary: \(why)"
        case .output(let why): return why
        }
    }
}
