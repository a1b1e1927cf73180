import ChohyoCore
import ChohyoImaging
import Foundation

/// Writes a drafted definition as YAML in the format of docs/form-definitions.md, with
/// comments that say where each field came from, for the person who reviews it.
public enum DraftYAML {
    /// - Parameter nameList: the path of the name list as the definition should name it
    ///   (relative to the YAML's folder); fields matched to a person's name get `name_list`, and
    ///   a フリガナ one `reading_of` the nearest such name, a contact (担当者)
    ///   `name_after_department`. Nil: no name list.
    /// - Parameter municipalityList: likewise, the municipality list; text fields that hold an
    ///   address (`Prefecture.holdsAddress`: 住所, 所在地) get `municipality_list`.
    public static func render(_ draft: DefinitionDrafter.Draft, sourceName: String, nameList: String? = nil,
                              municipalityList: String? = nil) -> String {
        let def = draft.definition
        var out: [String] = []
        out.append("# DRAFT form definition proposed by `chohyo forms draft` from \(comment(sourceName)).")
        out.append("# Review every field before use: keys, labels, types, boxes, required, lengths, and add")
        out.append("# rules. Keys and types are guesses from the printed labels (Models/label-keys.yaml);")
        out.append("# boxes are the empty part of each ruled cell below its label, [x, y, width, height] in")
        out.append("# template pixels (\(DraftPage.dpiString) dpi). Nothing is marked required. Check with `chohyo forms check`.")
        out.append("# Found: \(plural(draft.cellsFound, "cell")) (\(draft.labelCells) of them only labels or headings), "
                   + "\(plural(draft.checkboxesFound, "check box", "check boxes")); \(draft.matched) of \(plural(draft.fields.count, "field")) matched a dictionary label.")
        out.append("# Template: deskewed by \(String(format: "%.2f", draft.deskewAngle))°, scanned at "
                   + "\(Int(draft.sourceDPI.rounded())) dpi (\(draft.dpiSource)), written at \(DraftPage.dpiString) dpi.")
        out.append("id: \(scalar(def.id))")
        out.append("version: \(def.version)")
        out.append("title: \(scalar(def.title))\(draft.titleSource == "--title" ? "" : "   # \(comment(draft.titleSource))")")
        out.append("template: \(scalar(def.template))")
        out.append("dpi: \(def.dpi ?? DraftPage.dpi)")
        out.append("fields:")
        for d in draft.fields {
            let f = d.field
            out.append("  # " + fieldComment(d))
            out.append("  - key: \(f.key)")
            out.append("    label: \(scalar(f.label))")
            if let v = f.labelVariants, !v.isEmpty {
                out.append("    label_variants: [\(v.map { scalar($0, flow: true) }.joined(separator: ", "))]")
            }
            out.append("    type: \(f.type.rawValue)")
            out.append("    box: [\(f.box.array.map(String.init).joined(separator: ", "))]")
            out.append("    required: false")
            if let n = f.length { out.append("    length: \(n)") }
            if let n = f.minLength { out.append("    min_length: \(n)") }
            if let n = f.maxLength { out.append("    max_length: \(n)") }
            if f.eraCode == true { out.append("    era_code: true") }
            if let nameList, isPersonName(d) {
                out.append("    name_list: \(scalar(nameList))")
                if f.type == .kana, d.match?.entry.readsName == true, let name = nearestName(to: d, in: draft.fields) {
                    out.append("    reading_of: \(name)")
                }
                if d.match?.entry.afterDepartment == true { out.append("    name_after_department: true") }
            }
            if let municipalityList, f.type == .text, Prefecture.holdsAddress(f) {
                out.append("    municipality_list: \(scalar(municipalityList))")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func isPersonName(_ d: DefinitionDrafter.DraftedField) -> Bool {
        d.match?.entry.personName == true && (d.field.type == .text || d.field.type == .kana)
    }

    /// The key of the drafted person-name text field whose box is nearest (centre to centre).
    static func nearestName(to kana: DefinitionDrafter.DraftedField, in fields: [DefinitionDrafter.DraftedField]) -> String? {
        func centre(_ b: Box) -> (Double, Double) { (Double(b.x) + Double(b.width) / 2, Double(b.y) + Double(b.height) / 2) }
        let (kx, ky) = centre(kana.field.box)
        return fields.filter { isPersonName($0) && $0.field.type == .text }
            .min { a, b in
                let (ax, ay) = centre(a.field.box), (bx, by) = centre(b.field.box)
                return hypot(ax - kx, ay - ky) < hypot(bx - kx, by - ky)
            }?.field.key
    }

    static func fieldComment(_ d: DefinitionDrafter.DraftedField) -> String {
        var parts: [String] = []
        if d.ocrText.isEmpty {
            parts.append("no printed label found")
        } else {
            var read = "read \"\(comment(d.ocrText))\""
            if let c = d.ocrConfidence { read += " (confidence \(Int(c.rounded())))" }
            if d.labelFromNeighbour { read += " from the label cell beside it" }
            if !d.otherReadings.isEmpty { read += " (other reading: \(d.otherReadings.map { "\"\(comment($0))\"" }.joined(separator: ", ")))" }
            parts.append(read)
        }
        if let m = d.match {
            var how = "matched \(comment(m.variant)) → \(m.entry.key)/\(m.entry.type.rawValue)"
            switch m.kind {
            case .exact: how += " (exact)"
            case .edit: how += " (edit distance \(m.distance))"
            default: how += " (\(m.kind.rawValue))"
            }
            if d.field.type != m.entry.type { how += "; type \(d.field.type.rawValue) because it is a check box" }
            parts.append(how)
        } else if !d.ocrText.isEmpty {
            parts.append("(no dictionary match)")
        }
        if d.textInValue { parts.append("printed text inside the box: check it") }
        return parts.joined(separator: "; ")
    }

    /// "1 cell", "2 cells".
    public static func plural(_ n: Int, _ one: String, _ many: String? = nil) -> String {
        "\(n) \(n == 1 ? one : many ?? one + "s")"
    }

    /// Comment text on one line.
    static func comment(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map {
            $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : $0
        }))
    }

    /// A YAML scalar: plain when that reads back as the same string, else double-quoted.
    static func scalar(_ s: String, flow: Bool = false) -> String {
        if isPlainSafe(s, flow: flow) { return s }
        var q = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": q += "\\\""
            case "\\": q += "\\\\"
            case "\n": q += "\\n"
            case "\t": q += "\\t"
            default:
                if u.properties.generalCategory == .control || u.value == 0x2028 || u.value == 0x2029 || u.value == 0xFEFF {
                    q += String(format: "\\u%04X", u.value)
                } else {
                    q.unicodeScalars.append(u)
                }
            }
        }
        return q + "\""
    }

    static func isPlainSafe(_ s: String, flow: Bool) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return false }
        if first.properties.isWhitespace || last.properties.isWhitespace { return false }
        if "-?:,[]{}#&*!|>'\"%@`~".unicodeScalars.contains(first) { return false }
        if s.contains(": ") || s.contains(" #") || s.hasSuffix(":") { return false }
        if flow && s.unicodeScalars.contains(where: { ",[]{}".unicodeScalars.contains($0) }) { return false }
        if s.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.value == 0x2028 || $0.value == 0x2029 || $0.value == 0xFEFF || $0.value == 0x85 }) { return false }
        // Words and numbers YAML would read as something else.
        let lower = s.lowercased()
        if ["true", "false", "yes", "no", "on", "off", "null", "y", "n", "~", ".inf", ".nan", "-.inf"].contains(lower) { return false }
        if Double(s) != nil || Int(s) != nil || s.range(of: "^[-+]?(0x|0o|\\.)?[0-9a-f._:]+$", options: [.regularExpression, .caseInsensitive]) != nil { return false }
        return true
    }
}

extension DraftPage {
    static var dpiString: String { String(dpi) }
}
