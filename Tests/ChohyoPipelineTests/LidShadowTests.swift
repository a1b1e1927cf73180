import ChohyoCore
import ChohyoImaging
@testable import ChohyoPipeline
@testable import ChohyoRecognition
import Foundation
import XCTest

/// A scanner lid's shadow along a page's edge must not take the characters standing in it.
final class LidShadowTests: XCTestCase {
    /// 支払者 名称 of page_0297 of the seed-240500 held-out set, a colour scan with a lid shadow
    /// along its left edge (`name-lid-shadow-seed240500.png`, grey, the upright page's left
    /// part). The shadow runs into the box and over 青: line removal took the dark band for a
    /// rule, and 青葉食品株式会社 was read and accepted as 葉食品株式会社. The shadow is lifted
    /// first now (`ShadowFlattening`).
    func testALidShadowOverTheFirstCharacterDoesNotTakeIt() throws {
        let cut = try FixtureReading.cut("name-lid-shadow-seed240500.png", x: 27, width: 2194, height: 91,
                                         template: Box(x: 0, y: 0, width: 2180, height: 90))
        XCTAssertEqual(try FixtureReading.read(cut, type: .text).text.replacingOccurrences(of: " ", with: ""), "青葉食品株式会社")
    }
}
