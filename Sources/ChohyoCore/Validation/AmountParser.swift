import Foundation

/// Yen amounts: optional ¥/￥/\ in front, optional 円 behind, commas in groups of three.
/// A misplaced comma or a point is a misread to catch, never to guess around.
public enum AmountParser {
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case empty
        case point
        case commaPlacement
        case notDigits

        public var description: String {
            switch self {
            case .empty: return "no digits in amount"
            case .point: return "point where a comma or digit should be"
            case .commaPlacement: return "comma in wrong place"
            case .notDigits: return "not an amount"
            }
        }
    }

    /// The amount as a plain integer string without leading zeros ("0" stays "0").
    public static func parse(_ text: String) -> Result<String, Failure> {
        var s = TextNormalizer.removingSpaces(TextNormalizer.halfWidthDigitsAndLatin(text))
        if let first = s.first, "¥￥\\＼".contains(first) { s.removeFirst() }
        if s.last == "円" { s.removeLast() }
        if s.contains(".") || s.contains("．") { return .failure(.point) }
        s = s.replacingOccurrences(of: "，", with: ",")
        if s.isEmpty { return .failure(.empty) }
        guard s.allSatisfy({ $0 == "," || ($0.isASCII && $0.isNumber) }) else { return .failure(.notDigits) }
        let groups = s.split(separator: ",", omittingEmptySubsequences: false)
        if groups.count > 1 {
            guard let head = groups.first, (1...3).contains(head.count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return .failure(.commaPlacement) }
        }
        let digits = groups.joined()
        let stripped = digits.drop { $0 == "0" }
        return .success(stripped.isEmpty ? "0" : String(stripped))
    }
}
