import ChohyoCore
import Foundation

/// Character encoding of an exported CSV.
public enum CSVEncoding: String, Codable, Sendable, CaseIterable {
    /// Windows-31J, what Excel and most RPA tools on Japanese Windows expect.
    case cp932
    /// UTF-8 with a byte-order mark (EF BB BF) so that Excel recognises it.
    case utf8bom = "utf8-bom"
}

/// The CSV of one form, ready to write.
public struct CSVExport: Equatable, Sendable {
    public var form: String
    public var data: Data
    /// Data rows (pages), not counting the header.
    public var rowCount: Int
    /// Characters replaced by 〓 (CP932 only).
    public var unmappable: [UnmappableCharacterReport]
}

public enum CSVExportError: Error, Equatable, CustomStringConvertible {
    /// Policy `.fail` and these characters cannot be written in CP932. Nothing was written.
    case unmappableCharacters([UnmappableCharacterReport])

    public var description: String {
        switch self {
        case .unmappableCharacters(let reports):
            let head = reports.prefix(5).map(\.description).joined(separator: "; ")
            let more = reports.count > 5 ? "; and \(reports.count - 5) more" : ""
            return "\(reports.count) character(s) cannot be written in CP932: \(head)\(more)"
        }
    }
}

/// Writes one CSV per form for RPA tools and core-system batch import.
///
/// Layout (fixed by the form definition):
/// - columns `source`, `page`, `row_status`, then one column per field in definition order;
///   a `date` field with `era_code: true` is followed by `<key>_era_code` (元号コード + YYMMDD,
///   from `FieldResult.extras["era_code"]`);
/// - one row per page whose status is `ok` and whose form is this form, sorted by source then page;
/// - a cell is `FieldResult.value ?? ""`; `row_status` is `accepted` when every field of the form
///   is accepted, else `review`;
/// - RFC 4180 quoting (a cell with `,`, `"`, CR or LF is quoted, quotes doubled), CRLF line ends,
///   also after the last row;
/// - a cell starting with `=`, `+`, `-`, `@`, a tab or CR is written with a `'` before it
///   (`defused`): clerks open these files in Excel, which would run such a cell as a formula
///   (CSV injection). No value Chohyo accepts starts so (`FieldValidator` sends a text that
///   does to a person); a file name might.
///
/// 個人番号 values are written as they are (the CSV is the designated export), but reports and
/// errors only name the row and column.
public struct CSVWriter {
    public static let fixedColumns = ["source", "page", "row_status"]
    public static let eraCodeSuffix = "_era_code"

    public var encoding: CSVEncoding
    public var unmappablePolicy: UnmappablePolicy

    public init(encoding: CSVEncoding = .cp932, unmappablePolicy: UnmappablePolicy = .replace) {
        self.encoding = encoding
        self.unmappablePolicy = unmappablePolicy
    }

    /// Column names of a form's CSV, in order.
    public static func header(for form: FormDefinition) -> [String] {
        fixedColumns + columns(of: form).map(\.name)
    }

    /// Builds the CSV of `form` from `results` (other forms and non-ok pages are skipped).
    public func render(form: FormDefinition, results: [PageResult]) throws -> CSVExport {
        let columns = Self.columns(of: form)
        let rows = results.enumerated()
            .filter { $0.element.status == .ok && $0.element.form == form.id }
            .sorted { a, b in
                (a.element.source, a.element.page, a.offset) < (b.element.source, b.element.page, b.offset)
            }
            .map(\.element)

        let encoder = encoding == .cp932 ? try CP932Encoder(policy: .replace) : nil
        defer { encoder?.close() }
        var data = Data()
        if encoding == .utf8bom { data.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        var reports: [UnmappableCharacterReport] = []

        func append(line cells: [(column: String, value: String, sensitive: Bool)], source: String?, page: Int?) throws {
            for (i, raw) in cells.enumerated() {
                if i > 0 { data.append(0x2C) }
                let cell = (column: raw.column, value: source == nil ? raw.value : Self.defused(raw.value), sensitive: raw.sensitive)
                guard let encoder else {
                    data.append(contentsOf: Array(Self.quote(cell.value).utf8))
                    continue
                }
                // Encode the bare value (so positions are the cell's own), then quote the bytes:
                // 0x22, 0x2C, CR and LF never occur as the trail byte of a CP932 double-byte character.
                let encoded = try encoder.encode(cell.value)
                if Self.needsQuotes(cell.value) {
                    data.append(0x22)
                    for byte in encoded.bytes {
                        data.append(byte)
                        if byte == 0x22 { data.append(0x22) }
                    }
                    data.append(0x22)
                } else {
                    data.append(contentsOf: encoded.bytes)
                }
                for u in encoded.unmappable {
                    reports.append(UnmappableCharacterReport(
                        form: form.id, source: source, page: page, column: cell.column,
                        character: cell.sensitive ? nil : String(u.character),
                        codePoints: cell.sensitive ? nil : u.codePoints,
                        position: cell.sensitive ? nil : u.offset + 1,
                        replacement: unmappablePolicy == .replace ? String(CP932Encoder.replacement) : nil))
                }
            }
            data.append(contentsOf: [0x0D, 0x0A])
        }

        try append(line: Self.header(for: form).map { ($0, $0, false) }, source: nil, page: nil)
        for page in rows {
            let allAccepted = form.fields.allSatisfy { page.fields[$0.key]?.status == .accepted }
            var cells: [(column: String, value: String, sensitive: Bool)] = [
                ("source", page.source, false),
                ("page", String(page.page), false),
                ("row_status", allAccepted ? "accepted" : "review", false),
            ]
            for column in columns {
                let result = page.fields[column.field.key]
                let value = column.isEraCode ? (result?.extras?["era_code"] ?? "") : (result?.value ?? "")
                cells.append((column.name, value, column.field.type.isSensitive))
            }
            try append(line: cells, source: page.source, page: page.page)
        }

        if unmappablePolicy == .fail && !reports.isEmpty {
            throw CSVExportError.unmappableCharacters(reports)
        }
        return CSVExport(form: form.id, data: data, rowCount: rows.count, unmappable: reports)
    }

    /// Renders and writes atomically to `url`. Nothing is written if rendering throws.
    @discardableResult
    public func write(form: FormDefinition, results: [PageResult], to url: URL) throws -> CSVExport {
        let export = try render(form: form, results: results)
        try export.data.write(to: url, options: .atomic)
        return export
    }

    /// Writes `<form id>.csv` into `directory` for every form that has at least one ok page
    /// (or for every form when `includeEmpty`). Returns the exports in `forms` order.
    /// With policy `.fail`, every form is rendered before anything is written.
    @discardableResult
    public func writeAll(forms: [FormDefinition], results: [PageResult], to directory: URL,
                         includeEmpty: Bool = false) throws -> [CSVExport] {
        var exports: [CSVExport] = []
        var failures: [UnmappableCharacterReport] = []
        for form in forms {
            do {
                let export = try render(form: form, results: results)
                if includeEmpty || export.rowCount > 0 { exports.append(export) }
            } catch CSVExportError.unmappableCharacters(let reports) {
                failures += reports
            }
        }
        if !failures.isEmpty { throw CSVExportError.unmappableCharacters(failures) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for export in exports {
            try export.data.write(to: directory.appendingPathComponent(export.form + ".csv"), options: .atomic)
        }
        return exports
    }

    /// RFC 4180: quote a cell holding a comma, a quote, CR or LF, and double the quotes inside.
    public static func quote(_ cell: String) -> String {
        guard needsQuotes(cell) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Signs that make a spreadsheet read a cell as a formula when they start it.
    public static let formulaSigns = FieldValidator.formulaSigns.union(["\t", "\r"])

    /// The cell with a `'` before it when it starts with a formula sign (OWASP's advice for CSV
    /// injection); any other cell as it is.
    public static func defused(_ cell: String) -> String {
        guard let first = cell.first, formulaSigns.contains(first) else { return cell }
        return "'" + cell
    }

    static func needsQuotes(_ cell: String) -> Bool {
        cell.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
    }

    struct Column {
        var name: String
        var field: FieldDefinition
        var isEraCode: Bool
    }

    static func columns(of form: FormDefinition) -> [Column] {
        form.fields.flatMap { field -> [Column] in
            var out = [Column(name: field.key, field: field, isEraCode: false)]
            if field.type == .date && field.eraCode == true {
                out.append(Column(name: field.key + eraCodeSuffix, field: field, isEraCode: true))
            }
            return out
        }
    }
}
