import ChohyoCore
import Foundation

enum Fixtures {
    static let box = Box(x: 0, y: 0, width: 10, height: 10)

    /// A small form: text, kana, my_number, date with era code, amount.
    static let form = FormDefinition(id: "kyuyo", version: 1, title: "給与支払報告書", template: "t.png", fields: [
        FieldDefinition(key: "name", label: "氏名", type: .text, box: box),
        FieldDefinition(key: "kana", label: "フリガナ", type: .kana, box: box),
        FieldDefinition(key: "my_number", label: "個人番号", type: .myNumber, box: box),
        FieldDefinition(key: "birth", label: "生年月日", type: .date, box: box, eraCode: true),
        FieldDefinition(key: "amount", label: "支払金額", type: .amount, box: box),
    ])

    static let otherForm = FormDefinition(id: "idou", version: 1, title: "異動届出書", template: "u.png", fields: [
        FieldDefinition(key: "reason", label: "異動事由", type: .checkbox, box: box),
    ])

    static func field(_ value: String?, _ status: FieldStatus = .accepted, extras: [String: String]? = nil) -> FieldResult {
        FieldResult(value: value, text: value ?? "", confidence: 90, status: status, reason: "test", extras: extras)
    }

    static func page(_ source: String, _ page: Int = 1, form: String? = "kyuyo", status: PageStatus = .ok,
                     fields: [String: FieldResult] = [:], error: String? = nil, classification: String? = nil) -> PageResult {
        PageResult(source: source, page: page, form: form, status: status, error: error,
                   classification: classification, fields: fields)
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("chohyo-export-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

extension Data {
    var bytes: [UInt8] { [UInt8](self) }
}
