import ChohyoCore
@testable import ChohyoPipeline
import Foundation

/// Paths and helpers shared by the pipeline tests.
enum PipelineTestSupport {
    /// The package root, found from this file's path (Tests/ChohyoPipelineTests/x.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let samples = root.appendingPathComponent("Samples/kyuyo")
    static let definitionURL = root.appendingPathComponent("FormDefinitions/kyuyo_shiharai_hokokusho.yaml")
    static let formID = "kyuyo_shiharai_hokokusho"

    static func loadForm() throws -> LoadedDefinition { try DefinitionLoader.load(file: definitionURL) }

    static func sample(_ name: String) -> URL { samples.appendingPathComponent(name) }

    /// The ground truth of a sample (`kyuyo_0001` → its `fields`).
    static func truth(_ base: String) throws -> [String: String] {
        struct File: Decodable { var form: String?; var fields: [String: String] }
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: samples.appendingPathComponent(base + ".json"))).fields
    }

    /// The result of one fixture page (`Tests/Fixtures/NAME`) read by a batch with every form
    /// definition loaded, as `results.jsonl` holds it. `readsFaintPagesAgain: false` gives the
    /// first reading of a page called faint (`BatchRunner.readsFaintPagesAgain`).
    static func batchResult(ofFixture name: String, readsFaintPagesAgain: Bool = true) throws -> PageResult {
        let input = try temporaryDirectory("fixture")
        defer { try? FileManager.default.removeItem(at: input) }
        let page = input.appendingPathComponent(name)
        try FileManager.default.copyItem(at: root.appendingPathComponent("Tests/Fixtures/\(name)"), to: page)
        let forms = DefinitionLoader.loadAll(directory: root.appendingPathComponent("FormDefinitions")).definitions
        let out = input.appendingPathComponent("out", isDirectory: true)
        let runner = try BatchRunner(options: BatchOptions(inputs: [page.path], outputDirectory: out), forms: forms)
        runner.readsFaintPagesAgain = readsFaintPagesAgain
        _ = try runner.run { _ in }
        let line = try String(contentsOf: out.appendingPathComponent("results.jsonl"), encoding: .utf8).split(separator: "\n")[0]
        return try JSONDecoder().decode(PageResult.self, from: Data(line.utf8))
    }

    /// The ground truth kept beside a fixture page (`Tests/Fixtures/NAME`, the generator's JSON).
    static func truthOfFixture(_ name: String) throws -> [String: String] {
        struct File: Decodable { var fields: [String: String] }
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: root.appendingPathComponent("Tests/Fixtures/\(name)"))).fields
    }

    static func temporaryDirectory(_ tag: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("chohyo-pipeline-\(tag)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
