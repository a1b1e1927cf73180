import Foundation
import Yams

/// Something wrong with a form definition file, named by file and, where it applies, field.
public struct DefinitionProblem: Error, CustomStringConvertible, Equatable, Sendable {
    public let file: String
    public let field: String?
    public let message: String

    public init(file: String, field: String? = nil, message: String) {
        self.file = file; self.field = field; self.message = message
    }

    public var description: String {
        if let field { return "\(file): field \(field): \(message)" }
        return "\(file): \(message)"
    }

    /// The path as shown in problems: relative to the working directory when below it.
    public static func displayPath(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}

/// A definition that loaded and passed every check.
public struct LoadedDefinition: Sendable {
    public let definition: FormDefinition
    public let fileURL: URL
    /// Absolute; resolved relative to the definition file's folder.
    public let templateURL: URL
    /// The definition's rules, parsed, in file order (messages in `definition.rules`).
    public let rules: [CrossFieldRule]
    /// Field key → its loaded `name_list`.
    public let nameLists: [String: PersonNameList]
    /// Field key → its loaded `municipality_list`.
    public let municipalityLists: [String: MunicipalityList]

    public init(definition: FormDefinition, fileURL: URL, templateURL: URL, rules: [CrossFieldRule],
                nameLists: [String: PersonNameList] = [:], municipalityLists: [String: MunicipalityList] = [:]) {
        self.definition = definition; self.fileURL = fileURL; self.templateURL = templateURL; self.rules = rules
        self.nameLists = nameLists
        self.municipalityLists = municipalityLists
    }

    /// Rule messages aligned with `rules`, as `Router.applyRules` takes them.
    public var ruleMessages: [String?] { (definition.rules ?? []).map(\.message) }
}

/// Reads form definitions (YAML) and checks them.
public enum DefinitionLoader {
    /// Loads and checks one file. Throws the first `DefinitionProblem` found
    /// (`loadReporting(file:)` gives all of them).
    public static func load(file: URL) throws -> LoadedDefinition {
        let (loaded, problems) = loadReporting(file: file)
        if let first = problems.first { throw first }
        return loaded!
    }

    /// Loads and checks one file; the definition is nil when any problem was found.
    public static func loadReporting(file: URL) -> (definition: LoadedDefinition?, problems: [DefinitionProblem]) {
        let name = DefinitionProblem.displayPath(file)
        let yaml: String
        do {
            yaml = try String(contentsOf: file, encoding: .utf8)
        } catch {
            return (nil, [DefinitionProblem(file: name, message: "cannot read file as UTF-8 text")])
        }
        let def: FormDefinition
        do {
            def = try decode(yaml: yaml, file: file)
        } catch let problem as DefinitionProblem {
            return (nil, [problem])
        } catch {
            return (nil, [DefinitionProblem(file: name, message: "\(error)")])
        }
        var problems = UnknownKeys.problems(yaml: yaml, file: name) + DefinitionChecker.check(def, file: file)
        if !problems.isEmpty { return (nil, problems) }
        let rules = (def.rules ?? []).compactMap { rule -> CrossFieldRule? in
            var parsed = try? CrossFieldRule(parsing: rule.expr)
            parsed?.confirmsOnly = rule.confirmsOnly ?? false
            parsed?.reviewOnFailure = rule.reviewOnFailure ?? false
            return parsed
        }
        /// Field key → the list file it names under `key`, each loaded once per process.
        func lists<List>(_ key: String, _ named: (FieldDefinition) -> String?, from cache: ListCache<List>) -> [String: List] {
            var loaded: [String: List] = [:]
            for field in def.fields {
                guard let list = named(field) else { continue }
                do {
                    loaded[field.key] = try cache.list(at: nameListURL(list, file: file))
                } catch {
                    problems.append(DefinitionProblem(file: name, field: field.key, message: "\(key) \(list): \(error)"))
                }
            }
            return loaded
        }
        let names = lists("name_list", \.nameList, from: ListCaches.names)
        let places = lists("municipality_list", \.municipalityList, from: ListCaches.municipalities)
        if !problems.isEmpty { return (nil, problems) }
        return (LoadedDefinition(definition: def, fileURL: file.standardizedFileURL,
                                 templateURL: templateURL(for: def, file: file), rules: rules, nameLists: names,
                                 municipalityLists: places), [])
    }

    /// A `name_list` or `municipality_list` path: as written if absolute, else relative to the
    /// definition's folder.
    public static func nameListURL(_ path: String, file: URL) -> URL {
        if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL }
        return file.standardizedFileURL.deletingLastPathComponent().appendingPathComponent(path).standardizedFileURL
    }

    /// Loads every *.yaml / *.yml in the folder, sorted by file name, collecting problems rather
    /// than stopping. A form id already defined by an earlier file is a problem, and the later
    /// file is left out.
    public static func loadAll(directory: URL) -> (definitions: [LoadedDefinition], problems: [DefinitionProblem]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            return ([], [DefinitionProblem(file: DefinitionProblem.displayPath(directory),
                                           message: "cannot list the definitions folder")])
        }
        var definitions: [LoadedDefinition] = []
        var problems: [DefinitionProblem] = []
        var seen: [String: String] = [:]
        for name in names.filter({ $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }).sorted() {
            let url = directory.appendingPathComponent(name)
            let (loaded, found) = loadReporting(file: url)
            problems += found
            guard let loaded else { continue }
            let id = loaded.definition.id
            if let earlier = seen[id] {
                problems.append(DefinitionProblem(file: DefinitionProblem.displayPath(url),
                                                  message: "form id '\(id)' is already defined in \(earlier)"))
                continue
            }
            seen[id] = name
            definitions.append(loaded)
        }
        return (definitions, problems)
    }

    /// The template image: the path as written if absolute, else relative to the file's folder.
    public static func templateURL(for definition: FormDefinition, file: URL) -> URL {
        if definition.template.hasPrefix("/") { return URL(fileURLWithPath: definition.template).standardizedFileURL }
        let folder = file.standardizedFileURL.deletingLastPathComponent()
        return folder.appendingPathComponent(definition.template).standardizedFileURL
    }

    /// Decodes a definition, turning Yams and decoding errors into a problem naming the file
    /// and, where the error is inside a field, the field's key (or its position).
    static func decode(yaml: String, file: URL) throws -> FormDefinition {
        let name = DefinitionProblem.displayPath(file)
        do {
            return try YAMLDecoder().decode(FormDefinition.self, from: yaml)
        } catch let error as YamlError {
            throw DefinitionProblem(file: name, message: yamlMessage(error))
        } catch let error as DecodingError {
            // Yams wraps YAML syntax errors as dataCorrupted with the YamlError underneath.
            if case .dataCorrupted(let c) = error, let yamlError = c.underlyingError as? YamlError {
                throw DefinitionProblem(file: name, message: yamlMessage(yamlError))
            }
            throw decodingProblem(error, yaml: yaml, file: name)
        }
    }

    static func yamlMessage(_ error: YamlError) -> String {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return "invalid YAML at line \(mark.line), column \(mark.column): \(problem)"
        case let .duplicatedKeysInMapping(duplicates, context):
            return "invalid YAML at line \(context.mark.line): duplicated key(s) \(duplicates.sorted().joined(separator: ", "))"
        default:
            let first = "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
            return "invalid YAML: \(first)"
        }
    }

    static func decodingProblem(_ error: DecodingError, yaml: String, file: String) -> DefinitionProblem {
        let path: [CodingKey]
        switch error {
        case let .keyNotFound(_, c), let .typeMismatch(_, c), let .valueNotFound(_, c), let .dataCorrupted(c):
            path = c.codingPath
        @unknown default:
            path = []
        }
        // Split "fields / <index> / rest…" into the field and the place inside it.
        var field: String?
        var fieldNode: Node?
        var inner = path
        if path.count >= 2, path[0].stringValue == "fields", let index = path[1].intValue {
            if case .sequence(let seq)? = (try? Yams.compose(yaml: yaml))??["fields"], index < seq.count {
                fieldNode = seq[index]
            }
            field = fieldNode?["key"]?.string ?? "#\(index + 1)"
            inner = Array(path.dropFirst(2))
        }
        let place = placeName(inner)
        let message: String
        switch error {
        case let .keyNotFound(key, _):
            let owner = place.isEmpty ? "" : " in '\(place)'"
            message = "missing '\(key.stringValue)'\(owner)"
        case let .typeMismatch(type, _):
            message = place.isEmpty
                ? "file is empty or not a mapping of definition settings"
                : "'\(place)' has the wrong type (expected \(typeName(type)))"
        case let .valueNotFound(type, _):
            message = place.isEmpty ? "file is empty" : "'\(place)' has no value (expected \(typeName(type)))"
        case let .dataCorrupted(c):
            if place == "type", field != nil {
                let written = fieldNode?["type"]?.string.map { " '\($0)'" } ?? ""
                message = "unknown field type\(written) (expected one of \(FieldType.allCases.map(\.rawValue).joined(separator: ", ")))"
            } else {
                message = (place.isEmpty ? "" : "'\(place)': ") + c.debugDescription
            }
        @unknown default:
            message = "\(error)"
        }
        return DefinitionProblem(file: file, field: field, message: message)
    }

    /// "box[2]", "recognition.psm", "rules[1].expr".
    static func placeName(_ path: [CodingKey]) -> String {
        var out = ""
        for key in path {
            if let i = key.intValue { out += "[\(i)]" } else { out += (out.isEmpty ? "" : ".") + key.stringValue }
        }
        return out
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: return "an integer"
        case is Double.Type: return "a number"
        case is String.Type: return "text"
        case is Bool.Type: return "true or false"
        case is [Int].Type: return "a list of integers"
        case is [String].Type: return "a list of text"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "a mapping" }
            return name
        }
    }
}
