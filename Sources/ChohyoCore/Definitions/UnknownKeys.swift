import Yams

/// Keys a definition may use. A key outside these sets is a problem, not silently
/// ignored: a typo such as `min_lenght` would otherwise pass and do nothing.
enum UnknownKeys {
    static let form: Set<String> = ["id", "version", "title", "template", "dpi", "label_variants", "routing", "fields", "rules"]
    static let routing: Set<String> = ["min_confidence", "checkbox_ink_ratio", "checkbox_unsure_low"]
    static let field: Set<String> = ["key", "label", "label_variants", "type", "box", "required", "length", "min_length",
                                     "max_length", "era_code", "choices", "recognition", "min_confidence", "always_review",
                                     "name_list", "reading_of", "family_reading_of", "name_after_department", "pattern",
                                     "municipality_list"]
    static let recognition: Set<String> = ["lang", "psm", "chars", "verify_lang", "verify_scale"]
    static let rule: Set<String> = ["expr", "message", "confirms_only", "review_on_failure"]

    static func problems(yaml: String, file: String) -> [DefinitionProblem] {
        guard let root = (try? Yams.load(yaml: yaml)) as? [String: Any] else { return [] }
        var out: [DefinitionProblem] = []
        func check(_ map: [String: Any], _ allowed: Set<String>, field: String?, within: String) {
            for key in map.keys.sorted() where !allowed.contains(key) {
                let hint = allowed.min { Levenshtein.distance($0, key) < Levenshtein.distance($1, key) }
                let suggestion = hint.map { Levenshtein.distance($0, key) <= 2 ? " (did you mean \($0)?)" : "" } ?? ""
                out.append(DefinitionProblem(file: file, field: field, message: "unknown key '\(key)' in \(within)\(suggestion)"))
            }
        }
        check(root, form, field: nil, within: "the form")
        if let r = root["routing"] as? [String: Any] { check(r, routing, field: nil, within: "routing") }
        for (i, f) in ((root["fields"] as? [Any]) ?? []).enumerated() {
            guard let f = f as? [String: Any] else { continue }
            let name = (f["key"] as? String) ?? "#\(i + 1)"
            check(f, field, field: name, within: "the field")
            if let r = f["recognition"] as? [String: Any] { check(r, recognition, field: name, within: "recognition") }
        }
        for (i, r) in ((root["rules"] as? [Any]) ?? []).enumerated() {
            if let r = r as? [String: Any] { check(r, rule, field: nil, within: "rule \(i + 1)") }
        }
        return out
    }
}
