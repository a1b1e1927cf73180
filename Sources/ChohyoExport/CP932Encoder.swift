#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What to do with a character that CP932 (Windows-31J) cannot hold.
public enum UnmappablePolicy: String, Codable, Sendable, CaseIterable {
    /// Write 〓 (U+3013) in its place and report it.
    case replace
    /// Refuse: the encode (and the export) throws.
    case fail
}

/// One character that CP932 cannot hold, and where it stood.
public struct UnmappableCharacter: Equatable, Sendable {
    public var character: Character
    /// Index of the character in the input, counted in Swift `Character`s (grapheme clusters), 0-based.
    public var offset: Int

    public init(character: Character, offset: Int) {
        self.character = character; self.offset = offset
    }

    /// "U+20BB7" (several, space-separated, for a multi-scalar character). Safe to log.
    public var codePoints: String { UnmappableCharacter.codePoints(of: character) }

    static func codePoints(of character: Character) -> String {
        character.unicodeScalars
            .map { "U+" + String($0.value, radix: 16, uppercase: true).leftPadded(to: 4) }
            .joined(separator: " ")
    }
}

/// The bytes of one encoded string and what had to be replaced in it.
public struct CP932Encoded: Equatable, Sendable {
    public var bytes: [UInt8]
    /// Empty unless the policy is `.replace` and something was replaced by 〓.
    public var unmappable: [UnmappableCharacter]
}

public enum CP932EncoderError: Error, Equatable, CustomStringConvertible {
    /// iconv has no CP932 converter on this system.
    case converterUnavailable(errno: Int32)
    /// Policy `.fail` and the input holds a character CP932 cannot hold.
    /// Carries the code points and position only, never the surrounding text.
    case unmappable(codePoints: String, offset: Int)
    /// iconv failed for a reason other than an unmappable character.
    case conversionFailed(errno: Int32)

    public var description: String {
        switch self {
        case .converterUnavailable(let e):
            return "CP932 converter unavailable (iconv_open failed, errno \(e))"
        case .unmappable(let cps, let offset):
            return "character \(cps) at position \(offset + 1) cannot be written in CP932"
        case .conversionFailed(let e):
            return "CP932 conversion failed (errno \(e))"
        }
    }
}

/// Encodes Swift strings to CP932 (Windows-31J) with glibc iconv.
///
/// Characters CP932 cannot hold are never dropped: with `.replace` each is written as 〓 (0x81 0xAC)
/// and returned in `CP932Encoded.unmappable`; with `.fail` the encode throws.
///
/// Holds one iconv descriptor, closed in `deinit` (or earlier with `close()`). Not thread-safe:
/// use one encoder from one thread at a time; create one per export.
public final class CP932Encoder {
    public static let replacement: Character = "\u{3013}"  // 〓
    /// CP932 bytes of 〓.
    public static let replacementBytes: [UInt8] = [0x81, 0xAC]

    public let policy: UnmappablePolicy
    private var descriptor: iconv_t?

    public init(policy: UnmappablePolicy = .replace) throws {
        self.policy = policy
        let cd = iconv_open("CP932", "UTF-8")
        if cd == nil || Int(bitPattern: cd) == -1 {
            throw CP932EncoderError.converterUnavailable(errno: errno)
        }
        descriptor = cd
    }

    deinit { close() }

    /// Releases the iconv descriptor. Further encodes throw `converterUnavailable`. Safe to call twice.
    public func close() {
        if let cd = descriptor {
            _ = iconv_close(cd)
            descriptor = nil
        }
    }

    /// Encodes `string`; see the type's documentation for unmappable characters.
    public func encode(_ string: String) throws -> CP932Encoded {
        // Fast path: the whole string in one call.
        if case .converted(let bytes) = try convert(Array(string.utf8)) {
            return CP932Encoded(bytes: bytes, unmappable: [])
        }
        // Slow path: character by character, so exactly the offending characters are replaced.
        var out: [UInt8] = []
        out.reserveCapacity(string.utf8.count * 2)
        var unmappable: [UnmappableCharacter] = []
        for (offset, character) in string.enumerated() {
            let utf8 = Array(String(character).utf8)
            if utf8.allSatisfy({ $0 < 0x80 }) {  // ASCII is the same in CP932 (also "\r\n" as one Character)
                out.append(contentsOf: utf8)
                continue
            }
            if case .converted(let bytes) = try convert(utf8) {
                out.append(contentsOf: bytes)
                continue
            }
            // A decomposed sequence (か + U+3099) may exist precomposed (が) in CP932.
            // Only multi-scalar characters are composed: single compatibility ideographs stay as written.
            if character.unicodeScalars.count > 1 {
                let composed = String(character).precomposedStringWithCanonicalMapping
                // (Swift's == is canonical equivalence, so compare scalars.)
                if !composed.unicodeScalars.elementsEqual(character.unicodeScalars),
                   case .converted(let bytes) = try convert(Array(composed.utf8)) {
                    out.append(contentsOf: bytes)
                    continue
                }
            }
            switch policy {
            case .fail:
                throw CP932EncoderError.unmappable(codePoints: UnmappableCharacter.codePoints(of: character), offset: offset)
            case .replace:
                out.append(contentsOf: CP932Encoder.replacementBytes)
                unmappable.append(UnmappableCharacter(character: character, offset: offset))
            }
        }
        return CP932Encoded(bytes: out, unmappable: unmappable)
    }

    /// Whether CP932 holds `character` (without replacement).
    public func canEncode(_ character: Character) throws -> Bool {
        if case .converted = try convert(Array(String(character).utf8)) { return true }
        return false
    }

    private enum Conversion { case converted([UInt8]), unmappable }

    /// One iconv run over complete UTF-8 input. EILSEQ / EINVAL mean "cannot convert this input".
    private func convert(_ input: [UInt8]) throws -> Conversion {
        guard let cd = descriptor else { throw CP932EncoderError.converterUnavailable(errno: EBADF) }
        if input.isEmpty { return .converted([]) }
        _ = iconv(cd, nil, nil, nil, nil)  // reset shift state (CP932 has none, but be exact)

        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var produced = 0
        var inputCopy = input
        return try inputCopy.withUnsafeMutableBytes { inRaw -> Conversion in
            var inPtr: UnsafeMutablePointer<CChar>? = inRaw.baseAddress!.assumingMemoryBound(to: CChar.self)
            var inLeft = inRaw.count
            while true {
                let (result, err, written) = output.withUnsafeMutableBytes { outRaw -> (Int, Int32, Int) in
                    var outPtr: UnsafeMutablePointer<CChar>? = (outRaw.baseAddress! + produced).assumingMemoryBound(to: CChar.self)
                    var outLeft = outRaw.count - produced
                    let before = outLeft
                    let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    let e = r == -1 ? errno : 0
                    return (r, e, before - outLeft)
                }
                produced += written
                if result != -1 {
                    return .converted(Array(output[0..<produced]))
                }
                switch err {
                case E2BIG:
                    output.append(contentsOf: [UInt8](repeating: 0, count: output.count))
                case EILSEQ, EINVAL:
                    return .unmappable
                default:
                    throw CP932EncoderError.conversionFailed(errno: err)
                }
            }
        }
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
