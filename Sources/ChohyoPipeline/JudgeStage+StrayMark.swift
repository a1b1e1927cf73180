import ChohyoCore

/// A text invalid for a mark inside it that no name or address holds (22番1]号, 内田'麻衣) is
/// shown without the mark to the person who checks it (`TextNormalizer.strayMarkDropped`), so
/// that a value read right but for a speck or a rule's stub is confirmed, not typed again.
extension JudgeStage {
    static let strayMarkShownWithout = "; shown without it"

    /// Run last, on a judged page: the page's rules, its faint call and every other check saw
    /// the field invalid, and still do; only the value shown and the status (review) change.
    static func showStrayMarksDropped(form: FormDefinition, in fields: inout [String: FieldResult]) {
        for field in form.fields where field.type == .text {
            guard var result = fields[field.key], result.status == .invalid,
                  result.reason.hasPrefix(FieldValidator.strayMarkReasonStart),
                  let mended = TextNormalizer.strayMarkDropped(result.text),
                  case let again = FieldValidator.validate(mended, field: field), again.valid,
                  let value = again.value, !value.isEmpty else { continue }
            result.value = value
            result.status = .review
            let clause = result.reason.range(of: FieldValidator.strayMarkReasonEnd)?.upperBound ?? result.reason.endIndex
            result.reason.insert(contentsOf: strayMarkShownWithout, at: clause)
            fields[field.key] = result
        }
    }
}
