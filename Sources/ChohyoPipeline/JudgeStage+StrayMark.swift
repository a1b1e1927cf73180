import ChohyoCore

/// A text invalid for a mark inside it that no name or address holds (22番1]号, 内田'麻衣) is
/// shown without the mark to the person who checks it (`TextNormalizer.strayMarkDropped`), so
/// that a value read right but for a speck or a rule's stub is confirmed, not typed again. So is
/// a postal code invalid for a mark before its 〒 (`PostalCode.marksBeforeSignDropped`).
extension JudgeStage {
    static let strayMarkShownWithout = "; shown without it"
    static let marksBeforePostalSignShownWithout = "; a mark before 〒, shown without it"

    /// Run last, on a judged page: the page's rules, its faint call and every other check saw
    /// the field invalid, and still do; only the value shown and the status (review) change.
    /// Returns the keys of the fields shown without their marks.
    @discardableResult
    static func showStrayMarksDropped(form: FormDefinition, in fields: inout [String: FieldResult]) -> Set<String> {
        var shown = Set<String>()
        for field in form.fields {
            guard var result = fields[field.key], result.status == .invalid else { continue }
            // The text shown, the clause of the reason it answers, and what is said after it.
            let mended: String?, clause: String, note: String
            switch field.type {
            case .text:
                guard result.reason.hasPrefix(FieldValidator.strayMarkReasonStart) else { continue }
                (mended, clause, note) = (TextNormalizer.strayMarkDropped(result.text), FieldValidator.strayMarkReasonEnd, strayMarkShownWithout)
            case .postalCode:
                guard result.reason.hasPrefix(FieldValidator.postalCodeExpected) else { continue }
                (mended, clause, note) = (PostalCode.marksBeforeSignDropped(result.text), FieldValidator.postalCodeExpected,
                                          marksBeforePostalSignShownWithout)
            default:
                continue
            }
            guard let mended, case let again = FieldValidator.validate(mended, field: field), again.valid,
                  let value = again.value, !value.isEmpty else { continue }
            result.value = value
            result.status = .review
            result.reason.insert(contentsOf: note, at: result.reason.range(of: clause)?.upperBound ?? result.reason.endIndex)
            fields[field.key] = result
            shown.insert(field.key)
        }
        return shown
    }
}
