/// How a cross-field rule came out for one form.
public enum RuleOutcome: Equatable, Sendable {
    case pass
    /// The rule does not hold; the message names the rule and the numbers.
    case fail(String)
    /// A referenced value is missing, empty or not an integer.
    case notApplicable(String)
}

/// A rule expression that does not parse.
public struct RuleParseError: Error, CustomStringConvertible, Equatable, Sendable {
    public let expression: String
    /// 0-based character offset into `expression`.
    public let position: Int
    public let reason: String

    public var description: String { "rule '\(expression)': at position \(position): \(reason)" }
}

/// A rule over integer fields: `sum op sum`, where op is = == != < <= > >=, a sum is terms
/// joined by + and -, and a term is a field key ([a-z_][a-z0-9_]*), an integer literal, an
/// integer literal times a field key (a count at a fixed amount each: `380000 * dependents`),
/// or a function of a sum. Example: `unpaid = annual_tax - collected`.
public struct CrossFieldRule: Sendable {
    public enum Comparison: String, Sendable, CaseIterable {
        case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

        func holds(_ a: Int, _ b: Int) -> Bool {
            switch self {
            case .equal: return a == b
            case .notEqual: return a != b
            case .less: return a < b
            case .lessOrEqual: return a <= b
            case .greater: return a > b
            case .greaterOrEqual: return a >= b
            }
        }

        /// The symbol for the case where the comparison does not hold.
        var negatedSymbol: String {
            switch self {
            case .equal: return "≠"
            case .notEqual: return "="
            case .less: return "≥"
            case .lessOrEqual: return ">"
            case .greater: return "≤"
            case .greaterOrEqual: return "<"
            }
        }
    }

    public indirect enum Term: Equatable, Sendable {
        case field(String)
        case literal(Int)
        /// An amount per unit times a field holding a count, e.g. `380000 * dependents`.
        case times(Int, String)
        /// A function of a sum, e.g. `employment_income(payment_amount)`.
        case function(RuleFunction, [SignedTerm])
    }

    /// A term with its sign in a sum.
    public struct SignedTerm: Equatable, Sendable {
        public let negative: Bool
        public let term: Term
    }

    public let expression: String
    /// Keys referenced, in order of first appearance, without repeats.
    public var fieldKeys: [String]
    /// Keys referenced outside any function: the values a holding equation pins down.
    public var directKeys: [String]
    public let left: [SignedTerm]
    public let comparison: Comparison
    public let right: [SignedTerm]
    /// A rule that only confirms values when it holds and changes nothing when it fails
    /// (`confirms_only` in the definition): for what the law usually fixes but a filing may
    /// rightly depart from (a 住宅借入金等特別控除 lowers the tax withheld).
    public var confirmsOnly = false
    /// A rule whose failure sends the accepted values it names to a person (review) instead of
    /// making them invalid (`review_on_failure` in the definition): for what the law fixes for
    /// nearly every filing, so that a value read against it is most likely misread, but not for
    /// all (給与所得 under an older year's table, or after 所得金額調整控除).
    public var reviewOnFailure = false

    public init(parsing expr: String) throws {
        var parser = RuleParser(expr)
        let (l, op, r) = try parser.parseRule()
        expression = expr
        left = l; comparison = op; right = r
        var keys: [String] = [], direct: [String] = []
        func collect(_ terms: [SignedTerm], inFunction: Bool) {
            for t in terms {
                switch t.term {
                case .field(let k), .times(_, let k):
                    if !keys.contains(k) { keys.append(k) }
                    if !inFunction, !direct.contains(k) { direct.append(k) }
                case .function(_, let inner): collect(inner, inFunction: true)
                case .literal: break
                }
            }
        }
        collect(l + r, inFunction: false)
        fieldKeys = keys
        directKeys = direct
    }

    var callsFunction: Bool {
        (left + right).contains { if case .function = $0.term { return true } else { return false } }
    }

    /// Pass or fail on the normalised values (amounts are plain integers); not applicable
    /// when a referenced value is missing, empty or not an integer.
    public func evaluate(_ values: [String: String]) -> RuleOutcome {
        switch compute(values) {
        case .failure(let why): return .notApplicable(why.description)
        case .success(let (a, b)):
            if comparison.holds(a, b) { return .pass }
            return .fail("\(expression): \(numbers(values) ?? "")")
        }
    }

    /// The fields that the rule, holding on these values, shows were read right.
    /// - An equation (`=`) over at least `confirmingTerms` fields, none of them zero: all of
    ///   them. A misread digit changes its number by a multiple of a power of ten, so the sum
    ///   stops holding unless another misreading makes up for it exactly. With fewer terms, or
    ///   a zero among them, the rule reduces to two readings of one number, which can go wrong
    ///   together.
    /// - An equation calling a function: the fields outside the function, if none is zero. The
    ///   function's arguments are not confirmed: the law rounds them (別表第五 works on steps of
    ///   4,000 yen), so a misread low digit of 支払金額 gives the same 給与所得.
    public func confirmedKeys(_ values: [String: String]) -> [String] {
        guard comparison == .equal, case .pass = evaluate(values) else { return [] }
        let keys = callsFunction ? directKeys : fieldKeys
        guard callsFunction || keys.count >= CrossFieldRule.confirmingTerms, !keys.isEmpty else { return [] }
        return keys.allSatisfy({ Int(values[$0] ?? "") != 0 }) ? keys : []
    }

    /// Pairs of keys that an equal misreading of both leaves the equation holding: plain
    /// fields on opposite sides once all is moved to one (in `unpaid = annual_tax - collected`,
    /// annual_tax with unpaid and with collected). Fields inside a function or counted
    /// (`380000 * dependents`) are left out.
    public func cancellingPairs() -> [(String, String)] {
        var sign: [String: Int] = [:]
        for (terms, side) in [(left, 1), (right, -1)] {
            for t in terms { if case .field(let key) = t.term { sign[key, default: 0] += t.negative ? -side : side } }
        }
        let keys = fieldKeys.filter { (sign[$0] ?? 0) != 0 }
        var pairs: [(String, String)] = []
        for (i, a) in keys.enumerated() {
            for b in keys[(i + 1)...] where sign[a]! * sign[b]! < 0 { pairs.append((a, b)) }
        }
        return pairs
    }

    /// Least number of fields in an equation that confirms its values.
    public static let confirmingTerms = 3

    /// The numbers behind an evaluation, e.g. "unpaid=12000, annual_tax=15000, collected=2000;
    /// 12000 ≠ 13000". Nil when the rule is not applicable.
    public func numbers(_ values: [String: String]) -> String? {
        guard case .success(let (a, b)) = compute(values) else { return nil }
        let listed = fieldKeys.map { "\($0)=\(values[$0]!)" }.joined(separator: ", ")
        let symbol = comparison.holds(a, b) ? comparison.rawValue : comparison.negatedSymbol
        return (listed.isEmpty ? "" : listed + "; ") + "\(a) \(symbol) \(b)"
    }

    private func compute(_ values: [String: String]) -> Result<(Int, Int), RuleFailureReason> {
        var resolved: [String: Int] = [:]
        for key in fieldKeys {
            guard let raw = values[key], !raw.isEmpty else { return .failure(RuleFailureReason("\(key) is empty")) }
            guard let n = Int(raw) else { return .failure(RuleFailureReason("\(key) is not an integer")) }
            resolved[key] = n
        }
        func sum(_ terms: [SignedTerm]) -> Int? {
            var total = 0
            for t in terms {
                let v: Int
                switch t.term {
                case .field(let k): v = resolved[k]!
                case .literal(let n): v = n
                case .times(let n, let k):
                    let (product, overflow) = n.multipliedReportingOverflow(by: resolved[k]!)
                    if overflow { return nil }
                    v = product
                case .function(let f, let inner):
                    guard let x = sum(inner) else { return nil }
                    v = f.apply(x)
                }
                let (r, overflow) = t.negative ? total.subtractingReportingOverflow(v) : total.addingReportingOverflow(v)
                if overflow { return nil }
                total = r
            }
            return total
        }
        guard let a = sum(left), let b = sum(right) else { return .failure(RuleFailureReason("sum overflows")) }
        return .success((a, b))
    }
}

struct RuleFailureReason: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// Recursive-descent parser over the rule grammar.
struct RuleParser {
    let expr: String
    let chars: [Character]
    var pos = 0

    init(_ expr: String) { self.expr = expr; chars = Array(expr) }

    mutating func parseRule() throws -> ([CrossFieldRule.SignedTerm], CrossFieldRule.Comparison, [CrossFieldRule.SignedTerm]) {
        skipSpaces()
        if pos == chars.count { throw error("empty rule") }
        let left = try parseSum()
        let op = try parseComparison()
        let right = try parseSum()
        skipSpaces()
        if pos < chars.count { throw error("unexpected '\(chars[pos])' after the rule") }
        return (left, op, right)
    }

    func error(_ reason: String) -> RuleParseError {
        RuleParseError(expression: expr, position: pos, reason: reason)
    }

    mutating func skipSpaces() {
        while pos < chars.count, chars[pos].isWhitespace { pos += 1 }
    }

    mutating func parseSum() throws -> [CrossFieldRule.SignedTerm] {
        var terms = [CrossFieldRule.SignedTerm(negative: false, term: try parseTerm())]
        while true {
            skipSpaces()
            guard pos < chars.count, chars[pos] == "+" || chars[pos] == "-" else { return terms }
            let negative = chars[pos] == "-"
            pos += 1
            terms.append(CrossFieldRule.SignedTerm(negative: negative, term: try parseTerm()))
        }
    }

    mutating func parseTerm() throws -> CrossFieldRule.Term {
        skipSpaces()
        guard pos < chars.count else { throw error("expected a field key or a number, found the end") }
        let c = chars[pos]
        if c.isASCII, c.isNumber {
            let start = pos
            while pos < chars.count, chars[pos].isASCII, chars[pos].isNumber { pos += 1 }
            if pos < chars.count, isKeyChar(chars[pos]) {
                throw error("a field key cannot start with a digit")
            }
            guard let n = Int(String(chars[start..<pos])) else {
                pos = start
                throw error("number too large")
            }
            skipSpaces()
            guard pos < chars.count, chars[pos] == "*" else { return .literal(n) }
            pos += 1
            skipSpaces()
            let keyStart = pos
            while pos < chars.count, isKeyChar(chars[pos]) { pos += 1 }
            guard pos > keyStart, !chars[keyStart].isNumber else {
                pos = keyStart
                throw error("expected a field key after '\(n) *'")
            }
            return .times(n, String(chars[keyStart..<pos]))
        }
        if c == "_" || (c.isASCII && c.isLowercase) {
            let start = pos
            while pos < chars.count, isKeyChar(chars[pos]) { pos += 1 }
            if pos < chars.count, chars[pos].isLetter {
                throw error("field keys use only a-z, 0-9 and _")
            }
            let name = String(chars[start..<pos])
            skipSpaces()
            if pos < chars.count, chars[pos] == "*" {
                throw error("a product is written with its number first: N * \(name)")
            }
            guard pos < chars.count, chars[pos] == "(" else { return .field(name) }
            guard let function = RuleFunction(rawValue: name) else {
                pos = start
                throw error("unknown function '\(name)' (known: \(RuleFunction.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            pos += 1
            let inner = try parseSum()
            skipSpaces()
            guard pos < chars.count, chars[pos] == ")" else { throw error("expected ')' to close \(name)(") }
            pos += 1
            return .function(function, inner)
        }
        throw error("expected a field key or a number, found '\(c)'")
    }

    func isKeyChar(_ c: Character) -> Bool {
        c == "_" || (c.isASCII && (c.isLowercase || c.isNumber))
    }

    mutating func parseComparison() throws -> CrossFieldRule.Comparison {
        skipSpaces()
        guard pos < chars.count else { throw error("expected a comparison (= != < <= > >=), found the end") }
        let two = pos + 1 < chars.count ? String(chars[pos...pos + 1]) : ""
        switch two {
        case "==": pos += 2; return .equal
        case "!=": pos += 2; return .notEqual
        case "<=": pos += 2; return .lessOrEqual
        case ">=": pos += 2; return .greaterOrEqual
        default: break
        }
        switch chars[pos] {
        case "=": pos += 1; return .equal
        case "<": pos += 1; return .less
        case ">": pos += 1; return .greater
        default: throw error("expected a comparison (= != < <= > >=), found '\(chars[pos])'")
        }
    }
}
