import ChohyoCore
import ChohyoImaging
import Foundation
import XCTest

/// The project's real form definition and its template, found from this file's path.
enum TestForm {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let definitionURL = root.appendingPathComponent("FormDefinitions/kyuyo_shiharai_hokokusho.yaml")

    static func load() throws -> LoadedDefinition { try DefinitionLoader.load(file: definitionURL) }

    static let forms = root.appendingPathComponent("FormDefinitions")
    static let samples = root.appendingPathComponent("Samples")

    nonisolated(unsafe) private static var cachedTemplates: [TemplateModel]?

    /// Every definition in FormDefinitions/ prepared for matching, made once per test run.
    static func allTemplates() throws -> [TemplateModel] {
        if let c = cachedTemplates { return c }
        let loaded = DefinitionLoader.loadAll(directory: forms)
        XCTAssertEqual(loaded.problems.count, 0)
        let t = try loaded.definitions.map { try TemplateModel(definition: $0.definition, templateURL: $0.templateURL) }
        cachedTemplates = t
        return t
    }

    /// A page of Tests/Fixtures/ as the batch prepares it for matching (deskewed).
    static func preparedFixture(_ name: String) throws -> ChohyoImaging.Image {
        let url = root.appendingPathComponent("Tests/Fixtures/" + name)
        return try PagePreparer.prepare(try ImageSource(path: url.path).page(0)).image
    }

    /// Matches a fixture page against every form and checks that it went to `form`, turned
    /// `turns` quarter turns, by `method`; returns the match and its candidate for further checks.
    @discardableResult
    static func assertFixtureMatched(_ name: String, to form: String, turns: Int, by method: FormMatcher.Method,
                                     file: StaticString = #filePath, line: UInt = #line) throws
        -> (match: FormMatcher.Match, best: FormMatcher.Candidate) {
        let matcher = FormMatcher(templates: try allTemplates())
        let match = try matcher.match(try preparedFixture(name))
        XCTAssertTrue(match.accepted, match.reason, file: file, line: line)
        XCTAssertEqual(match.method, method, file: file, line: line)
        let best = try XCTUnwrap(match.best, file: file, line: line)
        XCTAssertEqual(matcher.templates[best.formIndex].formID, form, file: file, line: line)
        XCTAssertEqual(best.quarterTurns, turns, file: file, line: line)
        return (match, best)
    }

    /// The twin of `assertFixtureMatched`: the fixture is matched to no form, and the matcher's
    /// reason holds each of `reasons`.
    @discardableResult
    static func assertFixtureRefused(_ name: String, saying reasons: [String],
                                     file: StaticString = #filePath, line: UInt = #line) throws -> FormMatcher.Match {
        let match = try FormMatcher(templates: try allTemplates()).match(try preparedFixture(name))
        XCTAssertFalse(match.accepted, match.reason, file: file, line: line)
        for r in reasons { XCTAssertTrue(match.reason.contains(r), "\(r) — \(match.reason)", file: file, line: line) }
        return match
    }

    static func templateImage() throws -> ChohyoImaging.Image {
        try ImageSource(path: try load().templateURL.path).page(0)
    }

    /// A scan of the blank form as a scanner would make it: content scaled by
    /// `scale` and shifted, then turned by `degrees`, on paper of the template's size
    /// at `dpiFactor` × the template's resolution.
    static func scan(_ template: ChohyoImaging.Image, scale: Double, dx: Int, dy: Int, degrees: Double,
                     dpiFactor: Double = 1) throws -> ChohyoImaging.Image {
        let w = Int((Double(template.width) * dpiFactor).rounded()), h = Int((Double(template.height) * dpiFactor).rounded())
        var page = try template.rescaledOnCanvas(scale: scale * dpiFactor, width: w, height: h)
        page = try page.translated(dx: dx, dy: dy)
        if degrees != 0 { page = try page.rotated(radians: degrees * .pi / 180) }
        return page
    }
}
