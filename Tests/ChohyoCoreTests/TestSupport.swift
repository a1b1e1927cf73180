import Foundation
@testable import ChohyoCore

/// A field of the given type with a valid box; required unless said otherwise.
func makeField(_ type: FieldType, key: String = "f", required: Bool = true, length: Int? = nil,
               minLength: Int? = nil, maxLength: Int? = nil, eraCode: Bool? = nil,
               minConfidence: Double? = nil, alwaysReview: Bool? = nil) -> FieldDefinition {
    FieldDefinition(key: key, label: key, type: type, box: Box(x: 10, y: 10, width: 100, height: 40),
                    required: required, length: length, minLength: minLength, maxLength: maxLength,
                    eraCode: eraCode, minConfidence: minConfidence, alwaysReview: alwaysReview)
}

func validate(_ text: String, _ type: FieldType, required: Bool = true) -> ValidationOutcome {
    FieldValidator.validate(text, field: makeField(type, required: required))
}

/// The package root, three folders above this file (Tests/ChohyoCoreTests/x.swift).
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fresh temporary folder, removed by the caller.
func makeTempDirectory() throws -> URL {
    let dir = FileManager.default.temporaryDirectory
        .appendingPathComponent("chohyo-core-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}
