import ChohyoCore
import ChohyoRecognition

/// Stage: readings → validated, normalised, routed field results for one page,
/// then the form's cross-field rules.
enum JudgeStage {
    static func judge(form loaded: LoadedDefinition, readings: [String: FragmentReading]) -> [String: FieldResult] {
        let form = loaded.definition
        var fields: [String: FieldResult] = [:]
        for field in form.fields {
            guard let reading = readings[field.key] else {
                fields[field.key] = FieldResult(value: nil, text: "", confidence: 0, status: .review,
                                                reason: "field was not read")
                continue
            }
            fields[field.key] = judge(field: field, form: form, reading: reading)
        }
        Router.applyRules(loaded.rules, to: &fields, messages: loaded.ruleMessages)
        return fields
    }

    static func judge(field: FieldDefinition, form: FormDefinition, reading: FragmentReading) -> FieldResult {
        let outcome = FieldValidator.validate(reading.text, field: field)
        let confidence = (reading.confidence * 10).rounded() / 10
        var (status, reason) = Router.route(field: field, form: form, outcome: outcome, confidence: confidence)
        if let note = reading.note {
            if status == .accepted { status = .review; reason = note } else { reason += "; " + note }
        }
        return FieldResult(value: outcome.value, text: reading.text, confidence: confidence, status: status,
                           reason: reason, extras: outcome.extras.isEmpty ? nil : outcome.extras)
    }
}
