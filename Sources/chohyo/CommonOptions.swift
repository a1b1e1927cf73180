import ArgumentParser
import ChohyoCore
import Foundation

struct FormsOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder of form definitions (*.yaml).", valueName: "dir"))
    var forms: String = "FormDefinitions"

    var url: URL { URL(fileURLWithPath: forms, isDirectory: true) }

    /// Loads every definition; on any problem prints each (file, field, reason) and exits 65.
    func loadOrExit() throws -> [LoadedDefinition] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: forms, isDirectory: &isDir), isDir.boolValue else {
            throw CLIError("form definitions folder not found: \(forms) (use --forms DIR)")
        }
        let (defs, problems) = DefinitionLoader.loadAll(directory: url)
        if !problems.isEmpty {
            for p in problems { stderrLine("error: \(p)") }
            throw ExitCode(65)
        }
        if defs.isEmpty { throw CLIError("no form definitions (*.yaml) in \(forms)") }
        return defs
    }
}

struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

func stderrLine(_ s: String) {
    FileHandle.standardError.write((s + "\n").data(using: .utf8)!)
}
