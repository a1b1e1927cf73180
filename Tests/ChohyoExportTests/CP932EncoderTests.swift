import ChohyoExport
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest

final class CP932EncoderTests: XCTestCase {
    func testKnownStrings() throws {
        let encoder = try CP932Encoder()
        XCTAssertEqual(try encoder.encode("給与").bytes, [0x8B, 0x8B, 0x97, 0x5E])
        XCTAssertEqual(try encoder.encode("ｱ").bytes, [0xB1])
        XCTAssertEqual(try encoder.encode("〓").bytes, [0x81, 0xAC])
        XCTAssertEqual(try encoder.encode("A,1\r\n").bytes, [0x41, 0x2C, 0x31, 0x0D, 0x0A])
        XCTAssertEqual(try encoder.encode("").bytes, [])
        // In CP932 (NEC / IBM extensions): 髙, ㈱, ①.
        XCTAssertEqual(try encoder.encode("髙").bytes, [0xFB, 0xFC])
        XCTAssertEqual(try encoder.encode("㈱").bytes, [0x87, 0x8A])
        XCTAssertEqual(try encoder.encode("①").bytes, [0x87, 0x40])
        XCTAssertTrue(try encoder.encode("給与ｱ髙㈱").unmappable.isEmpty)
    }

    func testUnmappableIsReplacedAndReported() throws {
        let encoder = try CP932Encoder(policy: .replace)
        let result = try encoder.encode("𠮷野😀A")
        XCTAssertEqual(result.bytes, [0x81, 0xAC, 0x96, 0xEC, 0x81, 0xAC, 0x41])
        XCTAssertEqual(result.unmappable, [
            UnmappableCharacter(character: "𠮷", offset: 0),
            UnmappableCharacter(character: "😀", offset: 2),
        ])
        XCTAssertEqual(result.unmappable[0].codePoints, "U+20BB7")
    }

    func testMultiScalarCharacterIsOneReplacement() throws {
        let encoder = try CP932Encoder()
        let family = "👨‍👩‍👧"  // one Character, five scalars
        let result = try encoder.encode("a\(family)b")
        XCTAssertEqual(result.bytes, [0x61, 0x81, 0xAC, 0x62])
        XCTAssertEqual(result.unmappable.count, 1)
        XCTAssertEqual(result.unmappable[0].offset, 1)
    }

    func testDecomposedKanaIsComposed() throws {
        let encoder = try CP932Encoder()
        let result = try encoder.encode("\u{304B}\u{3099}")  // か + combining voiced mark
        XCTAssertEqual(result.bytes, [0x82, 0xAA])  // が
        XCTAssertTrue(result.unmappable.isEmpty)
    }

    func testFailPolicyThrows() throws {
        let encoder = try CP932Encoder(policy: .fail)
        XCTAssertThrowsError(try encoder.encode("山田𠮷夫")) { error in
            XCTAssertEqual(error as? CP932EncoderError, .unmappable(codePoints: "U+20BB7", offset: 2))
            XCTAssertFalse("\(error)".contains("山田"), "the error must not quote the text")
        }
        XCTAssertEqual(try encoder.encode("山田").bytes, [0x8E, 0x52, 0x93, 0x63])
    }

    func testCanEncodeAndClose() throws {
        let encoder = try CP932Encoder()
        XCTAssertTrue(try encoder.canEncode("髙"))
        XCTAssertFalse(try encoder.canEncode("𠮷"))
        encoder.close()
        encoder.close()
        XCTAssertThrowsError(try encoder.encode("a"))
    }

    /// Each encoder closes its iconv descriptor: creating many costs no memory, while the same
    /// number of unclosed `iconv_open`s (the calibration) visibly does.
    func testNoDescriptorLeak() throws {
        func residentBytes() -> Int {
            let statm = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? ""
            let pages = Int(statm.split(separator: " ").dropFirst().first ?? "0") ?? 0
            return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        }
        let n = 20_000
        for _ in 0..<100 { _ = try CP932Encoder().encode("給与𠮷") }
        let start = residentBytes()
        for _ in 0..<n { _ = try CP932Encoder().encode("給与𠮷") }
        let encoders = residentBytes() - start

        let calibrationStart = residentBytes()
        for _ in 0..<n { _ = iconv_open("CP932", "UTF-8") }  // deliberately leaked
        let leaked = residentBytes() - calibrationStart

        XCTAssertGreaterThan(leaked, 1_000_000, "calibration: unclosed descriptors should cost memory")
        XCTAssertLessThan(encoders, leaked / 4)
    }
}
