import Foundation

/// Checks a decoded form definition for mistakes that decoding alone does not catch.
/// (The template's pixel size is checked by the imaging stage.)
public enum DefinitionChecker {
    public static func check(_ def: FormDefinition, file: URL) -> [DefinitionProblem] {
        let name = DefinitionProblem.displayPath(file)
        var problems: [DefinitionProblem] = []
        func add(_ message: String, field: String? = nil) {
            problems.append(DefinitionProblem(file: name, field: field, message: message))
        }

        if def.id.isEmpty {
            add("id is empty")
        } else if !isFormID(def.id) {
            add("id '\(def.id)' must use only a-z, 0-9 and _")
        }
        if def.version < 1 { add("version must be 1 or more, got \(def.version)") }
        if let dpi = def.dpi, dpi <= 0 { add("dpi must be positive, got \(dpi)") }
        if let routing = def.routing { checkRouting(routing, add: { add($0) }) }

        if def.fields.isEmpty { add("no fields") }
        var seenKeys = Set<String>()
        for (i, field) in def.fields.enumerated() {
            let label = field.key.isEmpty ? "#\(i + 1)" : field.key
            let addField: (String) -> Void = { add($0, field: label) }
            if field.key.isEmpty {
                addField("key is empty")
            } else if !isFieldKey(field.key) {
                addField("key must match [a-z_][a-z0-9_]*")
            } else if !seenKeys.insert(field.key).inserted {
                addField("duplicate key")
            }
            checkBox(field.box, add: addField)
            checkLengths(field, add: addField)
            if field.eraCode == true, field.type != .date { addField("era_code applies only to date fields") }
            if field.choices != nil, field.type != .text { addField("choices apply only to text fields") }
            if let c = field.choices, c.isEmpty { addField("choices is empty") }
            if let p = field.pattern {
                if field.type != .text && field.type != .kana { addField("pattern applies only to text and kana fields") }
                if (try? Regex(p)) == nil { addField("pattern is not a valid regular expression: \(p)") }
            }
            if let s = field.recognition?.verifyScale, !(0.3...3).contains(s) { addField("recognition verify_scale must be 0.3–3, got \(s)") }
            if let c = field.minConfidence, !(0...100).contains(c) { addField("min_confidence must be 0–100, got \(c)") }
            checkNames(field, in: def, file: file, add: addField)
            if let psm = field.recognition?.psm, !(0...13).contains(psm) { addField("recognition psm must be 0–13, got \(psm)") }
        }

        for (i, rule) in (def.rules ?? []).enumerated() {
            checkRule(rule, number: i + 1, def: def, add: { add($0, field: $1) })
        }

        if def.template.isEmpty {
            add("template is empty")
        } else {
            let url = DefinitionLoader.templateURL(for: def, file: file)
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) || isDirectory.boolValue {
                add("template file not found: \(def.template)")
            }
        }
        return problems
    }

    /// `name_list` only on text and kana fields, `municipality_list` only on text fields, and
    /// their files must exist; `reading_of` and `family_reading_of` only on a
    /// kana field, naming a text field of the form that has a name list.
    static func checkNames(_ field: FieldDefinition, in def: FormDefinition, file: URL, add: (String) -> Void) {
        /// Whether a list the field names is missing (or a folder).
        func missing(_ list: String) -> Bool {
            var isDirectory: ObjCBool = false
            return !FileManager.default.fileExists(atPath: DefinitionLoader.nameListURL(list, file: file).path, isDirectory: &isDirectory)
                || isDirectory.boolValue
        }
        if let list = field.nameList {
            if field.type != .text && field.type != .kana { add("name_list applies only to text and kana fields") }
            if missing(list) { add("name_list file not found: \(list)") }
        }
        if let list = field.municipalityList {
            if field.type != .text { add("municipality_list applies only to text fields") }
            if missing(list) { add("municipality_list file not found: \(list)") }
        }
        if field.nameAfterDepartment == true, field.type != .text || field.nameList == nil {
            add("name_after_department applies only to text fields with a name_list")
        }
        for (yamlKey, key) in [("reading_of", field.readingOf), ("family_reading_of", field.familyReadingOf)] {
            guard let key else { continue }
            if field.type != .kana { add("\(yamlKey) applies only to kana fields") }
            guard let named = def.fields.first(where: { $0.key == key }) else {
                add("\(yamlKey) names no field of this form: '\(key)'")
                continue
            }
            if named.type != .text || named.nameList == nil {
                add("\(yamlKey) must name a text field with a name_list, '\(key)' is not one")
            }
        }
    }

    static func isFormID(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { isLowerAlnum($0) || $0 == "_" }
    }

    static func isFieldKey(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first == "_" || ("a"..."z").contains(first) else { return false }
        return s.unicodeScalars.allSatisfy { isLowerAlnum($0) || $0 == "_" }
    }

    static func isLowerAlnum(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("0"..."9").contains(s)
    }

    static func checkRouting(_ r: RoutingSettings, add: (String) -> Void) {
        if let c = r.minConfidence, !(0...100).contains(c) { add("routing min_confidence must be 0–100, got \(c)") }
        if let x = r.checkboxInkRatio, !(0...1).contains(x) { add("routing checkbox_ink_ratio must be 0–1, got \(x)") }
        if let x = r.checkboxUnsureLow, !(0...1).contains(x) { add("routing checkbox_unsure_low must be 0–1, got \(x)") }
        let tick = r.checkboxInkRatio ?? RoutingSettings.defaultCheckboxInkRatio
        if let low = r.checkboxUnsureLow, low > tick {
            add("routing checkbox_unsure_low (\(low)) is above checkbox_ink_ratio (\(tick))")
        }
    }

    static func checkBox(_ box: Box, add: (String) -> Void) {
        if box.width <= 0 { add("box has non-positive width") }
        if box.height <= 0 { add("box has non-positive height") }
        if box.x < 0 || box.y < 0 { add("box has a negative origin") }
    }

    static func checkLengths(_ field: FieldDefinition, add: (String) -> Void) {
        let any = field.length != nil || field.minLength != nil || field.maxLength != nil
        guard any else { return }
        guard field.type == .digits else {
            add("length, min_length and max_length apply only to digits fields")
            return
        }
        if let n = field.length {
            if n < 1 { add("length must be 1 or more, got \(n)") }
            if field.minLength != nil || field.maxLength != nil { add("set either length or min_length/max_length, not both") }
        }
        if let lo = field.minLength, lo < 1 { add("min_length must be 1 or more, got \(lo)") }
        if let hi = field.maxLength, hi < 1 { add("max_length must be 1 or more, got \(hi)") }
        if let lo = field.minLength, let hi = field.maxLength, lo > hi {
            add("min_length (\(lo)) is greater than max_length (\(hi))")
        }
    }

    /// Problems about one field of the rule name that field.
    static func checkRule(_ rule: RuleDefinition, number: Int, def: FormDefinition, add: (String, String?) -> Void) {
        let parsed: CrossFieldRule
        do {
            parsed = try CrossFieldRule(parsing: rule.expr)
        } catch let error as RuleParseError {
            add("rule \(number) does not parse: at position \(error.position): \(error.reason) in '\(rule.expr)'", nil)
            return
        } catch {
            add("rule \(number) does not parse: \(error)", nil)
            return
        }
        if rule.confirmsOnly == true, rule.reviewOnFailure == true {
            add("rule \(number) '\(rule.expr)' has both confirms_only and review_on_failure: a rule that changes nothing when it fails cannot send values to review", nil)
        }
        for key in parsed.fieldKeys {
            guard let field = def.field(key) else {
                add("rule \(number) '\(rule.expr)' names an unknown field", key)
                continue
            }
            // A check box's value is 0 or 1, so a group of them can be counted
            // (`reason_a + reason_b = 1`: exactly one ticked).
            if field.type != .amount && field.type != .digits && field.type != .checkbox {
                add("rule \(number) '\(rule.expr)' uses a \(field.type.rawValue) field; rules take only amount, digits and checkbox fields", key)
            }
        }
    }
}
