import XCTest
@testable import ChohyoCore

final class MyNumberTests: XCTestCase {
    let good = "123456789018"

    func testKnownGoodNumber() {
        XCTAssertEqual(MyNumber.checkDigit(forFirst11: "12345678901"), 8)
        XCTAssertTrue(MyNumber.isValid(good))
        let outcome = validate(good, .myNumber)
        XCTAssertEqual(outcome, .ok(good))
    }

    func testCheckDigitZeroWhenRemainderAtMostOne() {
        // 00000000000 → sum 0 → r = 0 → check digit 0.
        XCTAssertEqual(MyNumber.checkDigit(forFirst11: "00000000000"), 0)
        XCTAssertTrue(MyNumber.isValid("000000000000"))
        // 00000000001: P_1 = 1, Q_1 = 2 → r = 2 → 9.
        XCTAssertEqual(MyNumber.checkDigit(forFirst11: "00000000001"), 9)
        // 00000100000: P_6 = 1, Q_6 = 7 → r = 7 → 4.
        XCTAssertEqual(MyNumber.checkDigit(forFirst11: "00000100000"), 4)
        // 00001000000: P_7 = 1, Q_7 = 2 → r = 2 → 9.
        XCTAssertEqual(MyNumber.checkDigit(forFirst11: "00001000000"), 9)
    }

    func testCheckDigitNeedsElevenDigits() {
        XCTAssertNil(MyNumber.checkDigit(forFirst11: "1234567890"))
        XCTAssertNil(MyNumber.checkDigit(forFirst11: "123456789012"))
        XCTAssertNil(MyNumber.checkDigit(forFirst11: "1234567890a"))
        XCTAssertFalse(MyNumber.isValid("12345678901"))
        XCTAssertFalse(MyNumber.isValid("1234567890180"))
    }

    func testEverySingleDigitCorruptionIsCaught() {
        let digits = Array(good)
        var tried = 0
        for i in digits.indices {
            for d in "0123456789" where d != digits[i] {
                var bad = digits
                bad[i] = d
                let text = String(bad)
                tried += 1
                XCTAssertFalse(MyNumber.isValid(text), "corruption at \(i) to \(d) passed")
                let outcome = validate(text, .myNumber)
                XCTAssertFalse(outcome.valid)
                XCTAssertNil(outcome.value)
                XCTAssertEqual(outcome.reason, "check digit mismatch")
            }
        }
        XCTAssertEqual(tried, 12 * 9)
    }

    func testNormalisesSpacesHyphensAndFullWidth() {
        XCTAssertEqual(validate("1234 5678 9018", .myNumber).value, good)
        XCTAssertEqual(validate("1234-5678-9018", .myNumber).value, good)
        XCTAssertEqual(validate("１２３４－５６７８－９０１８", .myNumber).value, good)
        XCTAssertEqual(validate("　123456789018　", .myNumber).value, good)
    }

    func testWrongLengthAndReasonsNeverEchoDigits() {
        let cases = ["12345678901", "1234567890189", "12345678901B", "123456789019", "12345-678-9017"]
        for text in cases {
            let outcome = validate(text, .myNumber)
            XCTAssertFalse(outcome.valid, text)
            let reason = outcome.reason ?? ""
            XCTAssertTrue(["expected 12 digits", "check digit mismatch"].contains(reason), reason)
            // No run of 3+ characters of the input appears in the reason.
            let chars = Array(text)
            for start in 0..<(chars.count - 2) {
                XCTAssertFalse(reason.contains(String(chars[start..<start + 3])), "reason echoes input: \(reason)")
            }
        }
        XCTAssertEqual(validate("12345678901", .myNumber).reason, "expected 12 digits")
        XCTAssertEqual(validate("123456789019", .myNumber).reason, "check digit mismatch")
    }

    func testMaskHidesEverything() {
        XCTAssertEqual(MyNumber.masked(good), "************")
        XCTAssertEqual(MyNumber.masked("1234 5678 9018"), "************")
        XCTAssertEqual(MyNumber.masked("123"), "************")
        XCTAssertEqual(MyNumber.masked(""), "")
        XCTAssertFalse(MyNumber.masked(good).contains("9018"))
    }

    func testEmptyMyNumber() {
        XCTAssertEqual(validate("", .myNumber), .invalid("required field is empty"))
        XCTAssertEqual(validate("  ", .myNumber, required: false), .ok(""))
    }
}
