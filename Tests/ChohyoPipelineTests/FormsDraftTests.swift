import ChohyoCore
import ChohyoImaging
@testable import ChohyoPipeline
import Foundation
import XCTest

/// `chohyo forms draft` (issue #3): a definition proposed from the blank form must cover at
/// least 90 % of the real fields, load as a definition, and guess the obvious types.
final class FormsDraftTests: XCTestCase {
    static let labelKeysURL = PipelineTestSupport.root.appendingPathComponent("Models/label-keys.yaml")
    static let blankURL = PipelineTestSupport.root.appendingPathComponent("FormDefinitions/kyuyo_shiharai_hokokusho.png")

    /// Drafted once for the tests that look at the result.
    static let drafted: Result<(DefinitionDrafter.Draft, LoadedDefinition, URL), Error> = Result(catching: {
        let dictionary = try LabelKeys(contentsOf: labelKeysURL)
        let draft = try DefinitionDrafter.draft(imageAt: blankURL.path, options: .init(id: "kyuyo_draft"), dictionary: dictionary)
        let dir = try PipelineTestSupport.temporaryDirectory("draft")
        let yaml = dir.appendingPathComponent("kyuyo_draft.yaml")
        try DefinitionDrafter.write(draft, to: yaml, sourceName: blankURL.lastPathComponent)
        return (draft, try DefinitionLoader.load(file: yaml), dir)
    })

    override class func tearDown() {
        if case .success(let (_, _, dir)) = drafted { try? FileManager.default.removeItem(at: dir) }
        super.tearDown()
    }

    func testDraftOfBlankTemplateCoversTheRealFields() throws {
        let (_, loaded, _) = try Self.drafted.get()
        let reference = try PipelineTestSupport.loadForm().definition
        XCTAssertEqual(reference.fields.count, 21)
        // The draft's template is the reference's own template, deskewed (by 0): one pixel frame.
        let (covered, total, perField) = DraftCoverage.measure(draft: loaded.definition, reference: reference)
        let typed = perField.filter(\.typeMatches).count
        print("forms draft coverage: \(covered) of \(total) reference fields (\(String(format: "%.1f", 100 * Double(covered) / Double(total))) %), "
              + "\(typed) with the reference's type, \(perField.filter(\.keyMatches).count) with its key; "
              + "missed: \(perField.filter { !$0.covered }.map(\.key))")
        XCTAssertEqual(total, 21)
        XCTAssertGreaterThanOrEqual(Double(covered), 0.9 * Double(total), "missed: \(perField.filter { !$0.covered }.map(\.key))")
        XCTAssertGreaterThanOrEqual(Double(typed), 0.8 * Double(total))
        // Covered by overlapping boxes, not by some big box that merely contains the field.
        for f in perField where f.covered { XCTAssertGreaterThanOrEqual(f.iou, 0.5, f.key) }
    }

    func testDraftLoadsWithUniqueKeysAndGuessesTypes() throws {
        let (draft, loaded, dir) = try Self.drafted.get()
        let def = loaded.definition
        XCTAssertEqual(def.id, "kyuyo_draft")
        XCTAssertEqual(def.version, 1)
        XCTAssertEqual(def.dpi, 300)
        XCTAssertEqual(def.template, "kyuyo_draft.png")
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("kyuyo_draft.png").path))
        // As `forms check` does: the template opens and every box lies inside it.
        XCTAssertNoThrow(try TemplateModel(definition: def, templateURL: loaded.templateURL))
        XCTAssertEqual(Set(def.fields.map(\.key)).count, def.fields.count, "keys must be unique")
        XCTAssertTrue(def.fields.allSatisfy { !$0.required })
        XCTAssertEqual(def.fields, draft.definition.fields, "the YAML reads back as drafted")

        func type(of label: String) -> FieldType? { def.fields.first { $0.label == label }?.type }
        XCTAssertEqual(type(of: "個人番号"), .myNumber)
        XCTAssertEqual(type(of: "電話"), .phone)
        XCTAssertEqual(type(of: "郵便番号"), .postalCode)
        XCTAssertEqual(type(of: "中途退職"), .checkbox)
        XCTAssertEqual(type(of: "氏名"), .text)
        XCTAssertEqual(type(of: "フリガナ"), .kana)
        XCTAssertEqual(type(of: "生年月日"), .date)
        XCTAssertEqual(type(of: "支払金額"), .amount)
        XCTAssertEqual(def.fields.first { $0.label == "個人番号" }?.key, "my_number")
        let retired = try XCTUnwrap(def.fields.first { $0.type == .checkbox })
        XCTAssertEqual(retired.box, Box(x: 1830, y: 1250, width: 70, height: 70), "a check box's box is its printed square")
        // Reading order: top to bottom, then left to right.
        let submit = try XCTUnwrap(def.fields.firstIndex { $0.label == "提出先市町村" })
        let postal = try XCTUnwrap(def.fields.firstIndex { $0.label == "郵便番号" })
        let name = try XCTUnwrap(def.fields.firstIndex { $0.label == "氏名" })
        XCTAssertLessThan(submit, postal)
        XCTAssertLessThan(postal, name)
        XCTAssertEqual(draft.checkboxesFound, 1)
        XCTAssertGreaterThanOrEqual(draft.matched, 20)

        let yaml = try String(contentsOf: loaded.fileURL, encoding: .utf8)
        XCTAssertTrue(yaml.hasPrefix("# DRAFT"), "the file says it is a draft to review")
        let lines = yaml.components(separatedBy: "\n")
        let keyLine = try XCTUnwrap(lines.firstIndex(of: "  - key: my_number"))
        XCTAssertTrue(lines[keyLine - 1].hasPrefix("  # read \"") && lines[keyLine - 1].contains("matched 個人番号"),
                      "each field records what was read and what it matched: \(lines[keyLine - 1])")
    }

    func testBlankWhitePageSaysNoCellsFound() throws {
        let dir = try PipelineTestSupport.temporaryDirectory("draft-blank")
        defer { try? FileManager.default.removeItem(at: dir) }
        let white = dir.appendingPathComponent("white.png")
        try Image.blank(width: 2480, height: 3508, depth: 8).writePNG(to: white.path)
        let dictionary = try LabelKeys(contentsOf: Self.labelKeysURL)
        XCTAssertThrowsError(try DefinitionDrafter.draft(imageAt: white.path, options: .init(id: "white"), dictionary: dictionary)) { error in
            XCTAssertTrue("\(error)".hasPrefix("no cells found"), "\(error)")
        }

        let run = try chohyo(["forms", "draft", white.path, "--id", "white", "--out", dir.appendingPathComponent("white.yaml").path])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.stderr.contains("no cells found"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("white.yaml").path))
    }

    func testCommandWritesDraftThatFormsCheckAcceptsAndReportsCoverage() throws {
        let dir = try PipelineTestSupport.temporaryDirectory("draft-cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("kyuyo_draft.yaml")
        let run = try chohyo(["forms", "draft", "FormDefinitions/kyuyo_shiharai_hokokusho.png", "--id", "kyuyo_draft",
                              "--out", out.path, "--compare", "kyuyo_shiharai_hokokusho"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("cells") && run.stderr.contains("check box") && run.stderr.contains("matched"), run.stderr)
        XCTAssertTrue(run.stdout.contains("coverage against kyuyo_shiharai_hokokusho:"), run.stdout)
        XCTAssertTrue(run.stdout.contains("of 21 reference fields covered"), run.stdout)
        print(run.stdout)

        let check = try chohyo(["forms", "check", "--forms", dir.path])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stdout.contains("1 definition OK"), check.stdout)
        // 氏名 and its フリガナ name the list beside the label dictionary (relative to the draft's
        // folder, or absolute when they share no folder below /), and the kana reads the name.
        let shown = try chohyo(["forms", "show", "kyuyo_draft", "--forms", dir.path])
        XCTAssertEqual(shown.status, 0, shown.stderr)
        let list = DefinitionDrafter.relativePath(to: PipelineTestSupport.root.appendingPathComponent("Models/person-names.tsv"), from: dir)
        let yaml = try String(contentsOf: out, encoding: .utf8)
        XCTAssertTrue(yaml.contains("    name_list: \(list)\n"), yaml)
        XCTAssertTrue(shown.stdout.range(of: #"\n  name\ttext\t[^\n]*\tname list\n"#, options: .regularExpression) != nil, shown.stdout)
        XCTAssertTrue(shown.stdout.contains("\tname list, reading of name\n"), shown.stdout)
        // Addresses name the municipality list beside it the same way.
        let places = DefinitionDrafter.relativePath(to: PipelineTestSupport.root.appendingPathComponent("Models/municipalities.tsv"), from: dir)
        XCTAssertTrue(yaml.contains("    municipality_list: \(places)\n"), yaml)
        XCTAssertTrue(shown.stdout.range(of: #"\n  [a-z_]*address\ttext\t[^\n]*\tmunicipality list\n"#, options: .regularExpression) != nil, shown.stdout)

        // Existing files are not replaced without --force.
        let again = try chohyo(["forms", "draft", "FormDefinitions/kyuyo_shiharai_hokokusho.png", "--id", "kyuyo_draft", "--out", out.path])
        XCTAssertNotEqual(again.status, 0)
        XCTAssertTrue(again.stderr.contains("already exists"), again.stderr)
        let bad = try chohyo(["forms", "draft", "FormDefinitions/kyuyo_shiharai_hokokusho.png", "--id", "Bad-Id"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("--id"), bad.stderr)
    }

    func testLabelDictionaryMatching() throws {
        let keys = try LabelKeys(contentsOf: Self.labelKeysURL)
        XCTAssertGreaterThanOrEqual(keys.entries.count, 30)
        func key(_ label: String) -> String? { keys.match(label)?.entry.key }
        XCTAssertEqual(key("氏名"), "name")
        XCTAssertEqual(key("お名前"), "name")
        XCTAssertEqual(key("氏 名"), "name", "spaces do not matter")
        XCTAssertEqual(key("個人番号"), "my_number")
        XCTAssertEqual(key("マイナンバー"), "my_number")
        XCTAssertEqual(key("〒"), "postal_code")
        XCTAssertEqual(key("ＴＥＬ"), "phone", "full-width Latin is folded")
        XCTAssertEqual(key("金融機関コード"), "bank_code")
        XCTAssertEqual(keys.match("金融機関コード")?.entry.length, 4)
        XCTAssertEqual(keys.match("支店コード")?.entry.length, 3)
        XCTAssertEqual(keys.match("口座番号")?.entry.length, 7)
        XCTAssertEqual(keys.match("口座名義")?.entry.type, .kana)
        XCTAssertEqual(keys.match("担当者")?.entry.afterDepartment, true, "a contact may follow a department")
        // Containment: the longest variant inside the label wins.
        XCTAssertEqual(key("支払者の法人番号"), "payer_corporate_number")
        XCTAssertEqual(key("本社の法人番号"), "corporate_number")
        XCTAssertEqual(keys.match("本社の法人番号")?.kind, .contains)
        // A note in brackets after the label.
        XCTAssertEqual(key("口座名義（カタカナ）"), "account_holder_kana")
        // A misread: edit distance at most a third of the label.
        XCTAssertEqual(key("扶養親旅の数"), "dependents")
        XCTAssertEqual(keys.match("扶養親旅の数")?.kind, .edit)
        XCTAssertEqual(key("新勤務先.法人番号"), "new_employer_corporate_number", "separators are ignored")
        XCTAssertNil(key("受取人の趣味"))
        XCTAssertNil(key(""))
    }

    func testLabelDictionaryRejectsUnknownKeysAndBadTypes() throws {
        let dir = try PipelineTestSupport.temporaryDirectory("draft-dict")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("keys.yaml")
        try "- key: name\n  type: text\n  labels: [氏名]\n  lenght: 3\n- key: x\n  type: money\n  labels: [金]\n"
            .write(to: url, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try LabelKeys(contentsOf: url)) { error in
            XCTAssertTrue("\(error)".contains("unknown key 'lenght'"), "\(error)")
            XCTAssertTrue("\(error)".contains("type missing or unknown"), "\(error)")
        }
        try "- key: amount\n  type: amount\n  labels: [金額]\n  person_name: true\n- key: kana\n  type: kana\n  labels: [カナ]\n  reading_of_name: true\n- key: contact\n  type: text\n  labels: [担当]\n  name_after_department: true\n"
            .write(to: url, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try LabelKeys(contentsOf: url)) { error in
            XCTAssertTrue("\(error)".contains("(amount): person_name applies only to text and kana"), "\(error)")
            XCTAssertTrue("\(error)".contains("(kana): reading_of_name applies only to kana with person_name"), "\(error)")
            XCTAssertTrue("\(error)".contains("(contact): name_after_department applies only to text with person_name"), "\(error)")
        }
    }

    /// The 異動届出書's 担当者 is drafted as a contact: a name, perhaps after a department.
    func testAContactIsDraftedWithTheNameListAfterADepartment() throws {
        let blank = PipelineTestSupport.root.appendingPathComponent("FormDefinitions/tokubetsu_choshu_ido.png")
        let draft = try DefinitionDrafter.draft(imageAt: blank.path, options: .init(id: "ido_draft"),
                                                dictionary: try LabelKeys(contentsOf: Self.labelKeysURL))
        let yaml = DraftYAML.render(draft, sourceName: blank.lastPathComponent, nameList: "../Models/person-names.tsv")
        let contact = try XCTUnwrap(yaml.range(of: "  - key: contact_person\n"), yaml)
        let entry = String(yaml[contact.upperBound...]).components(separatedBy: "\n  - key:").first ?? ""
        XCTAssertTrue(entry.contains("    name_list: ../Models/person-names.tsv\n"), entry)
        XCTAssertTrue(entry.contains("    name_after_department: true\n"), entry)
    }

    func testTheNameListIsNamedRelativeToTheDraftWhereItCanBe() {
        let list = URL(fileURLWithPath: "/srv/chohyo/Models/person-names.tsv")
        XCTAssertEqual(DefinitionDrafter.relativePath(to: list, from: URL(fileURLWithPath: "/srv/chohyo/FormDefinitions")),
                       "../Models/person-names.tsv")
        XCTAssertEqual(DefinitionDrafter.relativePath(to: list, from: URL(fileURLWithPath: "/srv/chohyo")), "Models/person-names.tsv")
        XCTAssertEqual(DefinitionDrafter.relativePath(to: list, from: URL(fileURLWithPath: "/tmp/drafts")), list.path)
    }

    func testYAMLQuotesLabelsThatWouldNotReadBack() throws {
        let (draft, _, _) = try Self.drafted.get()
        var d = draft
        let odd = ["true", "123", "- x", "a: b", "x #y", "\"q\"", "[1]", "null", "@at", "改\n行", " lead", "0x1F", "1,234"]
        for (i, label) in odd.enumerated() where i < d.fields.count {
            d.fields[i].field.label = label
            d.fields[i].ocrText = label
        }
        d.definition.fields = d.fields.map(\.field)
        let dir = try PipelineTestSupport.temporaryDirectory("draft-yaml")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("odd.yaml")
        try DefinitionDrafter.write(d, to: url, sourceName: "odd #1\nx.png")
        let loaded = try DefinitionLoader.load(file: url)
        for (i, label) in odd.enumerated() where i < d.fields.count {
            XCTAssertEqual(loaded.definition.fields[i].label, label)
        }
    }

    // MARK: - the executable

    func chohyo(_ args: [String]) throws -> ChohyoExecutable.Run {
        try ChohyoExecutable.requireBuilt()
        return try ChohyoExecutable.run(args)
    }
}
