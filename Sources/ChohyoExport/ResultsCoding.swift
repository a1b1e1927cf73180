import Foundation

/// JSON settings shared by `results.jsonl` writing and reading.
enum ResultsCoding {
    /// Non-finite numbers (a NaN confidence) must not cost a page: they are written as strings.
    static let nonFinite = (positive: "Infinity", negative: "-Infinity", nan: "NaN")

    static func lineEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: nonFinite.positive, negativeInfinity: nonFinite.negative, nan: nonFinite.nan)
        return encoder
    }

    /// Pretty-printed JSON with sorted keys, ending in a newline: `summary.json` and the read-rate
    /// report's JSON, non-finite numbers written as strings as in `results.jsonl`.
    static func prettyJSON<Value: Encodable>(_ value: Value) throws -> Data {
        let encoder = lineEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: nonFinite.positive, negativeInfinity: nonFinite.negative, nan: nonFinite.nan)
        return decoder
    }
}
