import Foundation

/// Japanese family and given names with their katakana readings, as listed in
/// `Models/person-names.tsv` (from UniDic and IPAdic; `scripts/make-name-list.sh`). A name field whose
/// value is not a known family name followed by a known given name goes to a person: OCR
/// turns a name into another character that looks alike (浩→洗, 聡→聴) with full confidence
/// from both readings, and the list is what catches it.
///
/// Lines: `family|given <TAB> name <TAB> reading [<TAB> rare]`; `#` starts a comment line.
/// `rare` marks a rare reading one voicing mark away from a usual reading of the same name
/// (タカバシ for 高橋, usually タカハシ; `scripts/mark-rare-readings.py`).
public final class PersonNameList: Sendable {
    /// Written name → its readings.
    let family: [String: Set<String>]
    let given: [String: Set<String>]
    /// Readings marked `rare` on every line that gives them.
    let rareFamilyReadings: Set<String>
    let rareGivenReadings: Set<String>
    /// Reading → the written names that have it; its keys are every known reading.
    let familyByReading: [String: [String]]
    let givenByReading: [String: [String]]
    /// Longest family name, in characters: bounds the splits tried.
    let longestFamily: Int
    let longestFamilyReading: Int

    public struct ParseError: Error, CustomStringConvertible, Equatable, Sendable {
        public let line: Int
        public let reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    public convenience init(contentsOf url: URL) throws {
        try self.init(tsv: try String(contentsOf: url, encoding: .utf8))
    }

    public init(tsv: String) throws {
        var family: [String: Set<String>] = [:], given: [String: Set<String>] = [:]
        // Readings marked rare, and readings given without the mark (usual after all).
        var rareFamily = Set<String>(), rareGiven = Set<String>(), usualFamily = Set<String>(), usualGiven = Set<String>()
        var lineNumber = 0
        for line in tsv.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cols.count == 3 || (cols.count == 4 && cols[3] == "rare"), !cols[1].isEmpty, !cols[2].isEmpty else {
                throw ParseError(line: lineNumber, reason: "expected kind<TAB>name<TAB>reading, and optionally <TAB>rare")
            }
            let reading = Self.katakana(cols[2])
            switch cols[0] {
            case "family":
                family[cols[1], default: []].insert(reading)
                if cols.count == 4 { rareFamily.insert(reading) } else { usualFamily.insert(reading) }
            case "given":
                given[cols[1], default: []].insert(reading)
                if cols.count == 4 { rareGiven.insert(reading) } else { usualGiven.insert(reading) }
            default: throw ParseError(line: lineNumber, reason: "kind must be family or given, got '\(cols[0])'")
            }
        }
        guard !family.isEmpty, !given.isEmpty else {
            throw ParseError(line: lineNumber, reason: "the list needs both family and given names")
        }
        // A given name may be written in kana: its reading in hiragana or katakana.
        for (_, readings) in given {
            for r in readings {
                given[r, default: []].insert(r)
                given[Self.hiragana(r), default: []].insert(r)
            }
        }
        self.family = family
        self.given = given
        rareFamilyReadings = rareFamily.subtracting(usualFamily)
        rareGivenReadings = rareGiven.subtracting(usualGiven)
        familyByReading = Self.byReading(family)
        givenByReading = Self.byReading(given)
        longestFamily = family.keys.map(\.count).max() ?? 0
        longestFamilyReading = familyByReading.keys.map(\.count).max() ?? 0
    }

    /// Whether a katakana without spaces is a reading of a written name, over all its splits.
    public func reads(_ written: String, as kana: String) -> Bool {
        splits(written).contains { $0.readings.contains(kana) }
    }

    /// The ways a written name (spaces ignored) splits into a known family name followed by a
    /// known given name, each with the readings of the whole name.
    public func splits(_ name: String) -> [(family: String, given: String, readings: Set<String>)] {
        let chars = Array(name.filter { !$0.isWhitespace })
        guard chars.count >= 2 else { return [] }
        var out: [(String, String, Set<String>)] = []
        for cut in 1..<min(chars.count, longestFamily + 1) {
            let f = String(chars[..<cut]), g = String(chars[cut...])
            guard let fr = family[f], let gr = given[g] else { continue }
            var readings = Set<String>()
            for a in fr { for b in gr { readings.insert(a + b) } }
            out.append((f, g, readings))
        }
        return out
    }

    /// The known names (a family name followed by a given name) that `kana` is a reading of
    /// and that differ from the written `name` in exactly one character, the same length.
    public func namesOneCharacterOff(_ name: String, readAs kana: String) -> Set<String> {
        let chars = Array(name.filter { !$0.isWhitespace })
        let reading = Array(Self.katakana(kana).filter { !$0.isWhitespace })
        guard chars.count >= 2, reading.count >= 2 else { return [] }
        func differences<S: Sequence>(_ a: S, _ b: ArraySlice<Character>) -> Int where S.Element == Character {
            zip(a, b).reduce(0) { $0 + ($1.0 == $1.1 ? 0 : 1) }
        }
        var out = Set<String>()
        for cut in 1..<min(reading.count, longestFamilyReading + 1) {
            guard let families = familyByReading[String(reading[..<cut])],
                  let givens = givenByReading[String(reading[cut...])] else { continue }
            for f in families where f.count < chars.count {
                let off = differences(f, chars[..<f.count])
                guard off <= 1 else { continue }
                let rest = chars[f.count...]
                for g in givens where g.count == rest.count && off + differences(g, rest) == 1 { out.insert(f + g) }
            }
        }
        return out
    }

    static func byReading(_ names: [String: Set<String>]) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for (name, readings) in names { for r in readings { out[r, default: []].append(name) } }
        return out
    }

    /// Family names of two characters or more that a kana's beginning reads and that are one
    /// character off the written name's beginning, when no family name the written name starts
    /// with has a reading the kana starts with; nil when one has, or when none is so near.
    /// 高本さくら beside タカギサクラ: 高木, 高城, 高来 … (タカギ), none a reading of 高本 or 高.
    public func familiesOneCharacterOff(_ name: String, readingStarting kana: String) -> [String]? {
        let written = Array(name.filter { !$0.isWhitespace })
        let reading = Self.katakana(kana).filter { !$0.isWhitespace }
        guard !written.isEmpty, !reading.isEmpty else { return nil }
        for n in 1...min(written.count, longestFamily) {
            if let readings = family[String(written[..<n])], readings.contains(where: { reading.hasPrefix($0) }) { return nil }
        }
        let chars = Array(reading)
        var found: [String] = []
        for n in 1..<min(chars.count, longestFamilyReading + 1) {
            for f in familyByReading[String(chars[..<n])] ?? [] where f.count >= 2 && f.count <= written.count {
                if OneCharacterOff.misreadAt(Array(f)[...], written[..<f.count]) != nil { found.append(f) }
            }
        }
        return found.isEmpty ? nil : found.sorted()
    }

    /// Whether a written name (spaces ignored) is a known family name, alone.
    public func isFamilyName(_ name: String) -> Bool {
        family[name.filter { !$0.isWhitespace }] != nil
    }

    /// Ends of a department's name: 人事部, 総務課, 事務局, 経理室, 給与係, 管理センター.
    static let departmentEnds = ["部", "課", "局", "室", "係", "センター"]

    /// Whether a contact is a department followed by a known family name, or by a family and a
    /// given name (人事部増田, 総務課 田中一郎): the shortest department that leaves a name.
    public func isDepartmentAndName(_ contact: String) -> Bool {
        let chars = Array(contact.filter { !$0.isWhitespace })
        for cut in 1..<max(1, chars.count) {
            let department = String(chars[..<cut]), rest = String(chars[cut...])
            guard department.count >= 2, Self.departmentEnds.contains(where: { department.hasSuffix($0) }) else { continue }
            if isFamilyName(rest) || !splits(rest).isEmpty { return true }
        }
        return false
    }

    /// Whether a katakana name (spaces ignored) is a known family-name reading followed by a
    /// known given-name reading. A ・ is not ignored: Japanese names do not carry one, and OCR
    /// adds it from a speck between family and given name.
    public func isKnownReading(_ kana: String) -> Bool {
        !readingSplits(kana).isEmpty
    }

    /// Whether a katakana name (spaces ignored) is a known reading only by way of a rare one:
    /// every split into a family-name reading and a given-name reading takes a reading marked
    /// `rare` (タカバシトモヤ; タカハシトモヤ is not).
    public func isKnownOnlyByRareReading(_ kana: String) -> Bool {
        let splits = readingSplits(kana)
        return !splits.isEmpty && splits.allSatisfy { rareFamilyReadings.contains($0.family) || rareGivenReadings.contains($0.given) }
    }

    /// Whether a katakana name (spaces ignored) splits into a family-name reading and a
    /// given-name reading neither of which is marked rare: known, and not only by a rare reading.
    public func isUsualReading(_ kana: String) -> Bool {
        readingSplits(kana).contains { !rareFamilyReadings.contains($0.family) && !rareGivenReadings.contains($0.given) }
    }

    /// The ways a katakana name (spaces ignored) splits into a known family-name reading
    /// followed by a known given-name reading.
    func readingSplits(_ kana: String) -> [(family: String, given: String)] {
        let chars = Array(Self.katakana(kana).filter { !$0.isWhitespace })
        guard chars.count >= 2 else { return [] }
        return (1..<min(chars.count, longestFamilyReading + 1)).compactMap { cut in
            let f = String(chars[..<cut]), g = String(chars[cut...])
            return familyByReading[f] != nil && givenByReading[g] != nil ? (f, g) : nil
        }
    }

    /// Whether a katakana (spaces ignored) is a reading of a written name only by way of a rare
    /// reading of its family or given name (山田太郎 read ヤマタタロウ). Alone, the same kana is a
    /// usual reading of 谷又太郎, so a kana beside its name is checked against that name.
    public func isRareReading(_ kana: String, of name: String) -> Bool {
        let bare = Self.katakana(kana).filter { !$0.isWhitespace }
        var known = false
        for split in splits(name) where split.readings.contains(bare) {
            for a in family[split.family] ?? [] where bare.hasPrefix(a) {
                for b in given[split.given] ?? [] where a + b == bare {
                    if !rareFamilyReadings.contains(a) && !rareGivenReadings.contains(b) { return false }
                    known = true
                }
            }
        }
        return known
    }

    /// Hiragana → katakana; everything else unchanged.
    static func katakana(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map(KanaNormalizer.hiraganaToKatakana)))
    }

    /// Katakana → hiragana; everything else (ー included) unchanged.
    static func hiragana(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { (0x30A1...0x30F6).contains($0.value) ? Unicode.Scalar($0.value - 0x60)! : $0 }))
    }
}
