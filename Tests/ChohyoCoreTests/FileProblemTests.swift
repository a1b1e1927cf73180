import Foundation
import XCTest
@testable import ChohyoCore

/// Output folders and files that cannot be written are named in the system's words.
final class FileProblemTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("fileproblem-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: dir) }

    func testWriteIntoAMissingFolderGivesTheSystemsReason() {
        let target = dir.appendingPathComponent("missing/out.csv")
        XCTAssertThrowsError(try Data("x".utf8).write(to: target)) { e in
            XCTAssertEqual(FileProblem.reason(e), "No such file or directory")
        }
    }

    func testOutputFolderIsMadeOrItsProblemNamed() throws {
        let nested = dir.appendingPathComponent("a/b/out", isDirectory: true)
        XCTAssertNil(FileProblem.prepareFolder(nested))
        var isDir: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: nested.path, isDirectory: &isDir) && isDir.boolValue)
        XCTAssertNil(FileProblem.prepareFolder(nested), "an existing folder is fine")

        let file = dir.appendingPathComponent("results.png")
        try Data("x".utf8).write(to: file)
        XCTAssertEqual(FileProblem.prepareFolder(file), "it is a file, not a folder")
        XCTAssertEqual(FileProblem.prepareFolder(file.appendingPathComponent("under")), "Not a directory")
    }
}
