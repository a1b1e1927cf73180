import ChohyoCore
import XCTest
@testable import ChohyoRecognition

/// A number's confidence is its weakest digit, but not the first digit of a group, which eng
/// reads with a low confidence however clear it is.
final class NumberConfidenceTests: XCTestCase {
    func symbols(_ text: String, _ confidences: [Double]) -> [TesseractEngine.Symbol] {
        var out: [TesseractEngine.Symbol] = []
        var word = true, i = 0
        for c in text {
            if c == " " { word = true; continue }
            out.append(TesseractEngine.Symbol(text: String(c), confidence: confidences[i], startsWord: word))
            word = false; i += 1
        }
        return out
    }

    func testTheFirstDigitOfAGroupDoesNotSetANumbersConfidence() {
        // 209,000 as read on the tuning hard set: the 0 after the comma at 17.6.
        XCTAssertEqual(FragmentReader.weakest(symbols("209,000", [98.8, 98.9, 99, 40, 17.6, 98.9, 98.4]), type: .amount), 98.4)
        // A My Number printed in groups of four.
        let myNumber = symbols("6993 9504 8809", [99, 98.9, 99, 99, 19.2, 99, 99, 99, 17.5, 99, 98.8, 98.7])
        XCTAssertEqual(FragmentReader.weakest(myNumber, type: .myNumber), 98.7)
        // A weak digit anywhere else still counts, the first digit of the number too.
        XCTAssertEqual(FragmentReader.weakest(symbols("209,000", [98.8, 98.9, 99, 40, 98, 61, 98.4]), type: .amount), 61)
        XCTAssertEqual(FragmentReader.weakest(symbols("209,000", [30, 98.9, 99, 40, 98, 99, 98.4]), type: .amount), 30)
        // Japanese text: every character counts.
        XCTAssertEqual(FragmentReader.weakest(symbols("山田 太郎", [99, 99, 17, 99]), type: .text), 17)
    }
}
