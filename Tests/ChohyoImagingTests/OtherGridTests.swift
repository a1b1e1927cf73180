import ChohyoCore
import ChohyoImaging
import Foundation
import XCTest

/// Another municipality's form (a 住民異動届) has ruled lines of its own: a weak match by rules
/// or a match by print is refused when the page's own lines lie off the form's. Both pages were
/// matched to one of our forms on the seed-41000 held-out set.
final class OtherGridTests: XCTestCase {
    func matcher() throws -> FormMatcher { FormMatcher(templates: try TestForm.allTemplates()) }

    /// The fixture's rules alone pass the bar, weakly, and it is refused as another form's grid.
    func assertRefusedAsAnotherFormsGrid(_ fixture: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let match = try matcher().match(try TestForm.preparedFixture(fixture))
        XCTAssertFalse(match.accepted, match.reason, file: file, line: line)
        let best = try XCTUnwrap(match.best, file: file, line: line)
        XCTAssertGreaterThanOrEqual(best.alignment.score, 0.45, "its rules alone pass the bar", file: file, line: line)
        XCTAssertLessThan(best.alignment.score, FormMatcher.sureRuleScore, file: file, line: line)
        XCTAssertTrue(match.reason.contains("of the page's ruled lines lie on its lines"), match.reason, file: file, line: line)
        XCTAssertTrue(match.reason.contains("another form's grid"), match.reason, file: file, line: line)
    }

    func testAnotherFormsGridScoringJustOverTheBarIsNotMatched() throws {
        try assertRefusedAsAnotherFormsGrid("grid-form-colour-seed41000.jpg")
    }

    /// A faxed 住民異動届 whose rows fall on the 給与支払報告書's: 0.60 of its lines lie on the
    /// form's, more than the first grid's 0.46, but a faint copy of the form keeps more than
    /// three quarters (`minWeakRulePageShareByRules`).
    func testAnotherFormsRowsLyingOnTheFormsRowsAreNotEnough() throws {
        try assertRefusedAsAnotherFormsGrid("grid-form-fax-seed190500.tif")
    }

    func testAnotherFormFaxedIsNotMatchedByItsPrint() throws {
        try TestForm.assertFixtureRefused("grid-form-fax-seed41000.tif", saying: [
            "by print layout kyuyo_shiharai_hokokusho",
            "of the page's own ruled lines on its lines: another form's grid",
        ])
    }

    /// A faint copy of one of our forms keeps its match by print: what is left of its lines lies
    /// on the form's.
    func testAFaintCopyOfAFormIsStillMatchedByItsPrint() throws {
        let match = try matcher().match(try TestForm.preparedFixture("koza-fax-seed37000.tif"))
        XCTAssertTrue(match.accepted, match.reason)
    }
}
