import ChohyoCore
import ChohyoImaging
import Foundation

/// How well a drafted definition covers a hand-written one (issue #3: the draft of a blank
/// template should propose boxes for at least 90 % of the real fields).
public enum DraftCoverage {
    /// A reference field is covered when a drafted box overlaps it with IoU ≥ this…
    public static let minIoU = 0.5
    /// …or contains at least this share of it.
    public static let minContained = 0.8

    public struct FieldCoverage: Sendable, Equatable {
        public let key: String
        public let label: String
        public let type: FieldType
        public let box: Box
        public let covered: Bool
        /// The drafted field that covers it best (by IoU, then by contained share).
        public let draftKey: String?
        public let draftType: FieldType?
        public let iou: Double
        public let contained: Double
        public var typeMatches: Bool { covered && draftType == type }
        public var keyMatches: Bool { covered && draftKey == key }
    }

    public struct Result: Sendable {
        public let covered: Int
        public let total: Int
        public let perField: [FieldCoverage]
        public var share: Double { total == 0 ? 0 : Double(covered) / Double(total) }
        public var missed: [FieldCoverage] { perField.filter { !$0.covered } }
        public var typesMatching: Int { perField.filter(\.typeMatches).count }
        public var keysMatching: Int { perField.filter(\.keyMatches).count }
    }

    /// Compares boxes in the same pixel frame (draft the reference's own template, or map
    /// the draft first with `mapped(_:by:)`).
    public static func measure(draft: FormDefinition, reference: FormDefinition) -> (covered: Int, total: Int, perField: [FieldCoverage]) {
        let r = result(draft: draft, reference: reference)
        return (r.covered, r.total, r.perField)
    }

    public static func result(draft: FormDefinition, reference: FormDefinition) -> Result {
        // Each drafted box covers at most one reference field: the reference fields are
        // matched greedily by their best overlap, so one big box cannot stand for many fields.
        var candidates: [(ref: Int, draft: Int, iou: Double, contained: Double)] = []
        for (ri, rf) in reference.fields.enumerated() {
            let area = Double(max(1, rf.box.width * rf.box.height))
            for (di, df) in draft.fields.enumerated() {
                let inter = DraftGeometry.intersection(rf.box, df.box)
                guard inter > 0 else { continue }
                candidates.append((ri, di, DraftGeometry.iou(rf.box, df.box), Double(inter) / area))
            }
        }
        func qualifies(_ c: (ref: Int, draft: Int, iou: Double, contained: Double)) -> Bool {
            c.iou >= minIoU || c.contained >= minContained
        }
        candidates.sort { ($0.iou, $0.contained) > ($1.iou, $1.contained) }
        var refTaken: [Int: (draft: Int, iou: Double, contained: Double)] = [:]
        var draftTaken = Set<Int>()
        for c in candidates where qualifies(c) && refTaken[c.ref] == nil && !draftTaken.contains(c.draft) {
            refTaken[c.ref] = (c.draft, c.iou, c.contained)
            draftTaken.insert(c.draft)
        }
        var per: [FieldCoverage] = []
        for (ri, rf) in reference.fields.enumerated() {
            if let t = refTaken[ri] {
                let df = draft.fields[t.draft]
                per.append(FieldCoverage(key: rf.key, label: rf.label, type: rf.type, box: rf.box, covered: true,
                                         draftKey: df.key, draftType: df.type, iou: t.iou, contained: t.contained))
            } else {
                // Not covered: report the nearest miss, for the person reading the report.
                let best = candidates.filter { $0.ref == ri }.first
                per.append(FieldCoverage(key: rf.key, label: rf.label, type: rf.type, box: rf.box, covered: false,
                                         draftKey: best.map { draft.fields[$0.draft].key },
                                         draftType: best.map { draft.fields[$0.draft].type },
                                         iou: best?.iou ?? 0, contained: best?.contained ?? 0))
            }
        }
        let covered = per.filter(\.covered).count
        return Result(covered: covered, total: per.count, perField: per)
    }

    /// The draft with its boxes moved into the reference template's pixel frame.
    /// `alignment` maps reference template → draft page (as `FormMatcher` gives it).
    public static func mapped(_ draft: FormDefinition, by alignment: Alignment) -> FormDefinition {
        var out = draft
        for i in out.fields.indices {
            let b = out.fields[i].box
            let x0 = (Double(b.x) - alignment.offsetX) / alignment.scaleX
            let y0 = (Double(b.y) - alignment.offsetY) / alignment.scaleY
            let x1 = (Double(b.x + b.width) - alignment.offsetX) / alignment.scaleX
            let y1 = (Double(b.y + b.height) - alignment.offsetY) / alignment.scaleY
            out.fields[i].box = Box(x: Int(x0.rounded()), y: Int(y0.rounded()),
                                    width: Int((x1 - x0).rounded()), height: Int((y1 - y0).rounded()))
        }
        return out
    }

    /// Where the reference's template lies on the drafted page (upright only), or nil when
    /// its ruled lines do not match well enough (then the frames are taken as the same).
    public static func alignment(of reference: LoadedDefinition, onto page: Image) throws -> Alignment? {
        let template = try TemplateModel(definition: reference.definition, templateURL: reference.templateURL)
        let match = try FormMatcher(templates: [template]).match(page)
        guard match.accepted, let best = match.best, best.quarterTurns == 0 else { return nil }
        return best.alignment
    }

    /// The report `forms draft --compare` prints.
    public static func report(_ r: Result, referenceID: String, alignment: Alignment?) -> String {
        var lines: [String] = []
        let pct = String(format: "%.1f", 100 * r.share)
        lines.append("coverage against \(referenceID): \(r.covered) of \(r.total) reference fields covered (\(pct) %)"
                     + " [IoU ≥ \(minIoU) or ≥ \(Int(minContained * 100)) % inside a drafted box]")
        if let a = alignment {
            lines.append(String(format: "  frames aligned by ruled lines: scale %.4f × %.4f, offset %.1f, %.1f px (score %.2f)",
                                a.scaleX, a.scaleY, a.offsetX, a.offsetY, a.score))
        } else {
            lines.append("  frames taken as identical (ruled lines did not match the reference template)")
        }
        let covered = r.perField.filter(\.covered).count
        lines.append("  types: \(r.typesMatching) of \(covered) covered fields have the reference's type; "
                     + "keys: \(r.keysMatching) equal the reference's key")
        if r.missed.isEmpty {
            lines.append("  missed: none")
        } else {
            lines.append("  missed:")
            for m in r.missed {
                let near = m.draftKey.map { String(format: " (nearest drafted %@: IoU %.2f, %.0f %% inside)", $0, m.iou, 100 * m.contained) } ?? ""
                lines.append("    \(m.key)\t\(m.type.rawValue)\t\(m.box.array)\t\(m.label)\(near)")
            }
        }
        let wrongType = r.perField.filter { $0.covered && !$0.typeMatches }
        if !wrongType.isEmpty {
            lines.append("  type differs:")
            for f in wrongType {
                lines.append("    \(f.key) \(f.type.rawValue) ← drafted \(f.draftKey ?? "?") \(f.draftType?.rawValue ?? "?")")
            }
        }
        return lines.joined(separator: "\n")
    }
}
