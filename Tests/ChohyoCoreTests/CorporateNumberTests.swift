import XCTest
@testable import ChohyoCore

final class CorporateNumberTests: XCTestCase {
    let good = "7000012050002"

    func testKnownGoodNumber() {
        XCTAssertEqual(CorporateNumber.checkDigit(forLast12: "000012050002"), 7)
        XCTAssertTrue(CorporateNumber.isValid(good))
        XCTAssertEqual(validate(good, .corporateNumber), .ok(good))
        XCTAssertEqual(validate("7-0000-1205-0002", .corporateNumber).value, good)
        XCTAssertEqual(validate("７０００ ０１２０ ５０００２", .corporateNumber).value, good)
    }

    func testCheckDigitIsFirstNotLast() {
        // The same digits with the check digit moved to the end are not valid.
        XCTAssertFalse(CorporateNumber.isValid("0000120500027"))
        XCTAssertNil(CorporateNumber.checkDigit(forLast12: "00001205000"))
        XCTAssertNil(CorporateNumber.checkDigit(forLast12: "00001205000x"))
        // All zeros: sum 0 → 9 − 0 = 9.
        XCTAssertEqual(CorporateNumber.checkDigit(forLast12: "000000000000"), 9)
        XCTAssertTrue(CorporateNumber.isValid("9000000000000"))
    }

    func testSingleDigitCorruptionsAreCaughtExceptZeroNineSwaps() {
        let digits = Array(good)
        var caught = 0
        var blindSpots: [String] = []
        for i in digits.indices {
            for d in "0123456789" where d != digits[i] {
                var bad = digits
                bad[i] = d
                let text = String(bad)
                // Mod 9 cannot tell 0 from 9 in a weighted position: a documented limit of the check.
                let zeroNineSwap = i > 0 && Set([digits[i], d]) == Set(["0", "9"])
                if zeroNineSwap {
                    XCTAssertTrue(CorporateNumber.isValid(text))
                    blindSpots.append(text)
                } else {
                    XCTAssertFalse(CorporateNumber.isValid(text), "corruption at \(i) to \(d) passed")
                    XCTAssertEqual(validate(text, .corporateNumber).reason, "check digit mismatch")
                    caught += 1
                }
            }
        }
        // 13 positions × 9 changes, less one 0↔9 swap for each of the 8 zeros after the check digit.
        XCTAssertEqual(blindSpots.count, 8)
        XCTAssertEqual(caught, 13 * 9 - 8)
        XCTAssertTrue(blindSpots.contains("7900012050002"))
    }

    func testWrongLength() {
        XCTAssertEqual(validate("700001205000", .corporateNumber).reason, "expected 13 digits")
        XCTAssertEqual(validate("70000120500021", .corporateNumber).reason, "expected 13 digits")
        XCTAssertEqual(validate("7000O12050002", .corporateNumber).reason, "expected 13 digits")
    }
}
