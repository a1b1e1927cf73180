import Foundation
import XCTest

/// The `chohyo` executable as a clerk or a script runs it: output, exit status, messages.
final class CommandLineTests: XCTestCase {
    typealias Run = ChohyoExecutable.Run

    func chohyo(_ args: [String], environment: [String: String]? = nil) throws -> Run {
        try ChohyoExecutable.run(args, environment: environment)
    }

    override func setUpWithError() throws {
        try ChohyoExecutable.requireBuilt()
    }

    func testFormsListAndShowJSON() throws {
        let list = try chohyo(["forms", "list"])
        XCTAssertEqual(list.status, 0, list.stderr)
        let lines = list.stdout.split(separator: "\n")
        XCTAssertTrue(lines.contains { $0.hasPrefix("kyuyo_shiharai_hokokusho\tv1\t21 fields\t") }, list.stdout)
        XCTAssertEqual(lines.count, try FileManager.default.contentsOfDirectory(atPath: PipelineTestSupport.root.appendingPathComponent("FormDefinitions").path).filter { $0.hasSuffix(".yaml") }.count, "one line per definition")

        let show = try chohyo(["forms", "show", "kyuyo_shiharai_hokokusho", "--json"])
        XCTAssertEqual(show.status, 0, show.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        let template = try XCTUnwrap(json["template"] as? String)
        XCTAssertTrue(template.hasPrefix("/") && template.hasSuffix("FormDefinitions/kyuyo_shiharai_hokokusho.png"), template)
        XCTAssertEqual(json["template_size"] as? [Int], [2480, 3508])
        let fields = try XCTUnwrap(json["fields"] as? [[String: Any]])
        XCTAssertEqual(fields.count, 21)
        let first = fields[0]
        XCTAssertEqual(first["key"] as? String, "submit_to")
        XCTAssertEqual(first["label"] as? String, "提出先市町村")
        XCTAssertEqual(first["type"] as? String, "text")
        XCTAssertEqual(first["box"] as? [Int], [150, 320, 700, 90])

        let missing = try chohyo(["forms", "show", "no_such_form"])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.stderr.contains("no form definition with id 'no_such_form'"), missing.stderr)
    }

    func testFormsCheckNamesFileFieldAndProblem() throws {
        let ok = try chohyo(["forms", "check"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(ok.stdout.range(of: #"^[0-9]+ definitions? OK"#, options: .regularExpression) != nil, ok.stdout)

        let dir = try PipelineTestSupport.temporaryDirectory("cli-forms")
        defer { try? FileManager.default.removeItem(at: dir) }
        var yaml = try String(contentsOf: PipelineTestSupport.definitionURL, encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "box: [150, 688, 900, 90]", with: "box: [150, 688, 900]")
        yaml = yaml.replacingOccurrences(of: "template: kyuyo_shiharai_hokokusho.png",
                                          with: "template: \(PipelineTestSupport.root.path)/FormDefinitions/kyuyo_shiharai_hokokusho.png")
        try yaml.write(to: dir.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let bad = try chohyo(["forms", "check", "--forms", dir.path])
        XCTAssertEqual(bad.status, 65)
        XCTAssertTrue(bad.stderr.contains("broken.yaml"), bad.stderr)
        XCTAssertTrue(bad.stderr.contains("payee_my_number"), bad.stderr)
        XCTAssertTrue(bad.stderr.contains("box"), bad.stderr)
    }

    func testBatchUsageErrorsAndBadFilesExitStatus() throws {
        let usage = try chohyo(["batch"])
        XCTAssertEqual(usage.status, 64, "missing inputs and --out is a usage error")

        let dir = try PipelineTestSupport.temporaryDirectory("cli-batch")
        defer { try? FileManager.default.removeItem(at: dir) }
        let scans = dir.appendingPathComponent("scans")
        try FileManager.default.createDirectory(at: scans, withIntermediateDirectories: true)
        try Data().write(to: scans.appendingPathComponent("empty.png"))
        let out = dir.appendingPathComponent("out")
        let run = try chohyo(["batch", scans.path, "--out", out.path, "--encoding", "utf8-bom"])
        XCTAssertEqual(run.status, 0, "the batch ran; the bad page is listed, not fatal")
        XCTAssertTrue(run.stderr.contains("error: \(scans.path)/empty.png page 1: file is empty (0 bytes)"), run.stderr)
        XCTAssertTrue(run.stderr.contains("Pages:        1 (ok 0, unclassified 0, error 1)"), run.stderr)
        XCTAssertFalse(run.stderr.contains("\r"), "stderr is a pipe here: no bar redrawn in place")
        for name in ["results.jsonl", "summary.json", "kyuyo_shiharai_hokokusho.csv"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), name)
        }
        // An output folder that cannot be made stops the batch at once, in plain words.
        let onFile = try chohyo(["batch", scans.path, "--out", scans.appendingPathComponent("empty.png").path])
        XCTAssertNotEqual(onFile.status, 0)
        XCTAssertTrue(onFile.stderr.contains("cannot use \(scans.path)/empty.png as the output folder: it is a file, not a folder"), onFile.stderr)
        let help = try chohyo(["batch", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("--encoding"), help.stdout)
    }

    /// libgomp reads OMP_THREAD_LIMIT only when it is loaded: started without it, the command
    /// starts itself again with it, and the batch's summary says how it ran.
    func testABatchStartedWithoutTheOpenMPLimitRunsWithIt() throws {
        let dir = try PipelineTestSupport.temporaryDirectory("cli-omp")
        defer { try? FileManager.default.removeItem(at: dir) }
        let scans = dir.appendingPathComponent("scans"), out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: scans, withIntermediateDirectories: true)
        try Data().write(to: scans.appendingPathComponent("empty.png"))
        var environment = ProcessInfo.processInfo.environment
        environment["OMP_THREAD_LIMIT"] = nil
        let run = try chohyo(["batch", scans.path, "--out", out.path, "--workers", "2"], environment: environment)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("Pages:        1 (ok 0, unclassified 0, error 1)"), "ran once, not twice: \(run.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as? [String: Any]
        let facts = try XCTUnwrap(summary?["run"] as? [String: Any])
        XCTAssertEqual(facts["omp_thread_limit"] as? String, "1")
        XCTAssertEqual(facts["workers"] as? Int, 2)
    }

    func testEvalScoresSeveralTruthFoldersInOneReport() throws {
        let dir = try PipelineTestSupport.temporaryDirectory("cli-eval")
        defer { try? FileManager.default.removeItem(at: dir) }
        let forms = dir.appendingPathComponent("forms-truth"), others = dir.appendingPathComponent("other-truth")
        for d in [forms, others] { try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true) }
        try Data(#"{"form": "kyuyo_shiharai_hokokusho", "fields": {"payee_name": "山田太郎", "dependents": "2"}}"#.utf8)
            .write(to: forms.appendingPathComponent("a.json"))
        try Data(#"{"form": null, "fields": {}}"#.utf8).write(to: others.appendingPathComponent("letter.json"))
        let results = dir.appendingPathComponent("results.jsonl")
        let lines = [
            #"{"source": "in/a.png", "page": 1, "form": "kyuyo_shiharai_hokokusho", "status": "ok", "fields": {"#
                + #""payee_name": {"value": "山田太郎", "text": "山田 太郎", "confidence": 99, "status": "accepted", "reason": "ok"}, "#
                + #""dependents": {"value": "3", "text": "3", "confidence": 95, "status": "accepted", "reason": "ok"}}}"#,
            #"{"source": "in/letter.png", "page": 1, "form": null, "status": "unclassified", "fields": {}}"#,
        ]
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: results)

        let run = try chohyo(["eval", "--truth", forms.path, "--truth", others.path, results.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("Pages with ground truth: 2; classified correctly: 2"), run.stdout)
        XCTAssertTrue(run.stdout.contains("| kyuyo_shiharai_hokokusho | 1 | 0 |"), run.stdout)
        XCTAssertTrue(run.stdout.contains("| no form | 0 | 1 |"), run.stdout)
        // The wrong dependents count was accepted: one error escape.
        XCTAssertTrue(run.stdout.contains("| dependents | digits | 1 | 0.0 |"), run.stdout)

        let missing = try chohyo(["eval", results.path])
        XCTAssertEqual(missing.status, 64)
        XCTAssertTrue(missing.stderr.contains("--truth"), missing.stderr)
    }
}
