import ChohyoCore

/// A character an export could not write in CP932, located by form, row and column.
///
/// Never carries the cell value. For a sensitive column (個人番号) even the character is withheld.
public struct UnmappableCharacterReport: Codable, Equatable, Sendable, CustomStringConvertible {
    public var form: String
    /// Source file of the row; nil for the header row.
    public var source: String?
    /// Page of the row; nil for the header row.
    public var page: Int?
    /// Column name (field key, `<key>_era_code`, or a fixed column such as `source`).
    public var column: String
    /// The character as written in the input; nil for a sensitive column.
    public var character: String?
    /// Its code points, e.g. "U+20BB7"; nil for a sensitive column.
    public var codePoints: String?
    /// 1-based position of the character in the cell; nil for a sensitive column.
    public var position: Int?
    /// What was written instead ("〓"), or nil when the export failed instead.
    public var replacement: String?

    enum CodingKeys: String, CodingKey {
        case form, source, page, column, character, position, replacement
        case codePoints = "code_points"
    }

    public init(form: String, source: String?, page: Int?, column: String, character: String?,
                codePoints: String?, position: Int?, replacement: String?) {
        self.form = form; self.source = source; self.page = page; self.column = column
        self.character = character; self.codePoints = codePoints; self.position = position
        self.replacement = replacement
    }

    /// One line for a log: row, column, code point. No cell value.
    public var description: String {
        let row = source.map { "\($0) p.\(page ?? 1)" } ?? "header"
        let what = codePoints.map { cp in "\(character ?? "?") (\(cp)) at position \(position ?? 0)" }
            ?? "a character (withheld: sensitive column)"
        let action = replacement.map { "replaced by \($0)" } ?? "not writable in CP932"
        return "\(form).csv \(row) column \(column): \(what) \(action)"
    }
}
