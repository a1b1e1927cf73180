import XCTest
@testable import ChohyoCore

final class AmountParserTests: XCTestCase {
    func testGoodAmounts() {
        let cases: [(String, String)] = [
            ("¥1,234,567円", "1234567"), ("1,234,567", "1234567"), ("1234567", "1234567"),
            ("￥1,234", "1234"), ("\\5,000", "5000"), ("500円", "500"), ("１２３", "123"),
            ("１，２３４", "1234"), ("0", "0"), ("000", "0"), ("007", "7"), ("1, 234", "1234"),
            ("999", "999"), ("12,345", "12345"), (" ¥ 100 円 ", "100"),
        ]
        for (text, value) in cases {
            XCTAssertEqual(validate(text, .amount), .ok(value), text)
            XCTAssertEqual(AmountParser.parse(text), .success(value), text)
        }
    }

    func testMisplacedCommas() {
        for text in ["1,23,456", "12,34,567", "1234,567", ",123", "123,", "1,,234", "1,2345"] {
            let outcome = validate(text, .amount)
            XCTAssertFalse(outcome.valid, text)
            XCTAssertNil(outcome.value, text)
            XCTAssertEqual(outcome.reason, "comma in wrong place", text)
        }
    }

    func testPointsAreNeverGuessedAround() {
        for text in ["1.234.567", "1,234.567", "1234.5", "１．２３４", "¥1.000円"] {
            XCTAssertEqual(validate(text, .amount).reason, "point where a comma or digit should be", text)
        }
    }

    func testOtherJunk() {
        XCTAssertEqual(validate("12a4", .amount).reason, "not an amount")
        XCTAssertEqual(validate("-100", .amount).reason, "not an amount")
        XCTAssertEqual(validate("¥円", .amount).reason, "no digits in amount")
        XCTAssertEqual(validate("", .amount).reason, "required field is empty")
        XCTAssertEqual(validate("", .amount, required: false), .ok(""))
    }
}
