import XCTest
@testable import ChohyoCore

final class LegalEntityWordsTests: XCTestCase {
    func testAFormOneCharacterOffIsPutRight() {
        // Misreadings of the tuning and held-out sets.
        for (read, right) in [("協和運輸林式会社", "協和運輸株式会社"), ("桁式会社光", "株式会社光"),
                              ("除式会社新日本製作所", "株式会社新日本製作所"), ("社会福祉法入丸一会", "社会福祉法人丸一会"),
                              ("青葉商事有眼会社", "青葉商事有限会社")] {
            let found = LegalEntityWords.misread(in: read)
            XCTAssertEqual(found?.shown, right, read)
            XCTAssertEqual(found?.mended, true, read)
        }
    }

    func testRightFormsAndNamesWithoutOneAreLeftAlone() {
        for name in ["株式会社青葉商事", "第一建設株式会社", "合同会社みらい", "合名会社山田商店", "合資会社丸一",
                     "社会福祉法人丸一会", "一般社団法人日本協会", "医療法人社団健生会", "財団法人と社団法人",
                     "相互会社", "山田太郎", "東京都世田谷区弥生町8丁目15番1号", ""] {
            XCTAssertNil(LegalEntityWords.misread(in: name), name)
        }
    }

    func testAFormThatCouldBeTwoIsNotGuessed() {
        // 合同, 合名 and 合資 are each one character from 合X会社.
        let found = LegalEntityWords.misread(in: "合向会社みらい")
        XCTAssertEqual(found?.shown, "合向会社みらい")
        XCTAssertEqual(found?.mended, false)
    }
}
