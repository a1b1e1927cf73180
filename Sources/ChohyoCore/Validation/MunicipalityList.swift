import Foundation

/// Japan's municipalities (市区町村, and the wards of the designated cities), from
/// `Models/municipalities.tsv`: what an address must start with, and what a 提出先 names.
///
/// OCR misreads a place name into one that does not exist (柏市 → 析市 on a faxed page,
/// つくば市長 → つくばば市長 on a scan, both accepted by two agreeing readings). Unlike a town
/// name, a municipality is one of about 1,900, so an address that starts with none of them is
/// known to be misread there, or to name a municipality formed after the list was made.
public struct MunicipalityList: Sendable, Equatable {
    /// Beginnings an address may have: [prefecture][county]municipality[ward], the prefecture
    /// and the county each written or left out (東海村…, 茨城県東海村…, 茨城県那珂郡東海村…).
    /// A designated city's address names its ward: 横浜市… alone is not a beginning.
    let addressHeads: Set<String>
    /// Names whose head (…長) a report is sent to: the municipalities, a designated city as a
    /// whole (横浜市長, not 港北区長), and each written with its prefecture and county too.
    let offices: Set<String>
    /// Longest address head, in characters.
    let longestHead: Int
    public let count: Int

    public struct ParseError: Error, CustomStringConvertible, Equatable {
        public let line: Int
        public let reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    /// Rows of prefecture, county (or empty), municipality, ward (or empty), tab-separated;
    /// `#` starts a comment line.
    public init(tsv: String) throws {
        var heads = Set<String>(), offices = Set<String>(), count = 0
        for (i, raw) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cols = raw.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
            guard cols.count == 4, !cols[0].isEmpty, !cols[2].isEmpty else {
                throw ParseError(line: i + 1, reason: "expected prefecture, county, municipality and ward, tab-separated")
            }
            let (prefecture, county, municipality, ward) = (cols[0], cols[1], Self.folded(cols[2]), cols[3])
            for p in ["", prefecture] {
                for c in Set(["", county]) {
                    heads.insert(p + c + municipality + ward)
                    offices.insert(p + c + municipality)
                }
            }
            count += 1
        }
        guard count > 0 else { throw ParseError(line: 0, reason: "no municipality listed") }
        self.addressHeads = heads
        self.offices = offices
        self.longestHead = heads.map(\.count).max() ?? 0
        self.count = count
    }

    public init(contentsOf url: URL) throws {
        try self.init(tsv: try String(contentsOf: url, encoding: .utf8))
    }

    /// ヶ and ケ are written for one another in place names (鎌ケ谷市, 鎌ヶ谷市).
    static func folded(_ s: String) -> String { s.replacingOccurrences(of: "ヶ", with: "ケ") }

    /// Whether the address starts with a listed municipality (with its ward, in a designated city).
    public func startsAddress(_ address: String) -> Bool {
        let chars = Array(Self.folded(address))
        guard chars.count >= 2 else { return false }
        for n in 2...min(chars.count, longestHead) where addressHeads.contains(String(chars[..<n])) { return true }
        return false
    }

    /// Whether the value names a listed municipality's head: つくば市長, 那珂郡東海村長.
    public func namesOffice(_ value: String) -> Bool {
        let v = Self.folded(value)
        guard v.hasSuffix("長") else { return false }
        return offices.contains(String(v.dropLast()))
    }
}
