import Foundation
import XCTest

/// The `chohyo` executable SwiftPM built beside the test bundle (`swift build --build-tests`
/// builds both), run from the checkout as a clerk or a script runs it.
enum ChohyoExecutable {
    struct Run { let status: Int32; let stdout: String; let stderr: String }

    private final class BundleMarker {}

    static var url: URL {
        let bundle = Bundle(for: BundleMarker.self).bundleURL
        let candidates = [bundle.appendingPathComponent("chohyo"), bundle.deletingLastPathComponent().appendingPathComponent("chohyo")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// Fails the calling test (not a skip: a missing executable must fail the suite, not pass it
    /// quietly) and throws when the executable is not built.
    static func requireBuilt(file: StaticString = #filePath, line: UInt = #line) throws {
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            XCTFail("chohyo not built at \(url.path): run `swift build --build-tests` first", file: file, line: line)
            throw CocoaError(.fileNoSuchFile)
        }
    }

    /// Runs `chohyo args` in the checkout and collects its exit status and both outputs.
    static func run(_ args: [String], environment: [String: String]? = nil) throws -> Run {
        let p = Process()
        p.executableURL = url
        p.arguments = args
        if let environment { p.environment = environment }
        p.currentDirectoryURL = PipelineTestSupport.root
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}
