/// Checks person-name fields against their name list (`name_list`), after routing. It only
/// sends values to a person: a name the list does not know may be right (the list is not
/// every name there is), but OCR's look-alike misreadings (浩→洗, 聡→聴, タカハシ→タカバシ)
/// rarely land on another known name, and when they do, the kana reading beside it rarely
/// still fits. A kana that lost or gained a voicing mark often does still fit: タカバシ is a
/// reading of 高橋 too, so a kana known only by a reading the list marks rare (one voicing mark
/// away from the name's usual reading) goes to a person as well.
public enum NameCheck {
    static let unknownName = "name list: not a known family name followed by a known given name"
    static let unknownReading = "name list: not a known family-name reading followed by a given-name reading"
    static let unknownContact = "name list: not a known family and given name, nor a department followed by a known name"
    static let readingMismatch = "name list: the kana is not a reading of the name"
    static let nameCutShort = "name list: the kana reads on after the name: part of the name may be missing"
    /// A person's name that is a known family name alone lost its given name: 前田彩 read 前田
    /// at 99.9 on a fax of the half-width seed-560500 set, its kana in review (マエタダアヤ), and
    /// accepted, a family and a given name to the list (前 and 田). On the saved runs of the tuning
    /// set and seeds 390500–440500, 550500 and 560500, 5 names, contacts aside, were a family
    /// name alone, all wrong. A contact (`name_after_department`) may rightly be one (人事部 田中).
    static let familyNameAlone = "name list: a family name alone: the given name may be missing"
    static let smallVowel = "a small kana (ァィゥェォ) where the full-size one also makes a known name: the two are told apart only by size"
    static let rareReading = "name list: a rare reading of the name, a voicing mark (゛゜) away from its usual one: the mark may be misread"

    public static func apply(_ definition: FormDefinition, lists: [String: PersonNameList],
                             to fields: inout [String: FieldResult]) {
        guard !lists.isEmpty else { return }
        for (field, list, value) in namesRead(definition, lists: lists, fields) {
            if list.splits(value).isEmpty, !(field.nameAfterDepartment == true && list.isDepartmentAndName(value)) {
                flag(field.key, field.nameAfterDepartment == true ? unknownContact : unknownName, in: &fields)
            }
        }
        showNamesWithoutStrayMarks(definition, lists: lists, in: &fields)
        showNamesWithLookAlikeKanjiPutBack(definition, lists: lists, in: &fields)
        checkLookAlikeGivenNames(definition, lists: lists, in: &fields)
        checkLookAlikeGivenEndings(definition, lists: lists, in: &fields)
        for field in definition.fields where field.type == .kana {
            guard let kana = nonEmptyValue(fields[field.key]) else { continue }
            let bare = PersonNameList.katakana(kana).filter { !$0.isWhitespace }
            /// A kana read or put right shows its misread name beside it put right, if it settles
            /// it (`showNamePutRight`): the name is not accepted and the list does not know it.
            func settleName(readAs reading: String) {
                guard let nameKey = field.readingOf, let list = lists[nameKey], let name = nonEmptyValue(fields[nameKey]),
                      fields[nameKey]?.status != .accepted, list.splits(name).isEmpty, list.isKnownReading(reading) else { return }
                showNamePutRight(nameKey, name, readAs: reading, list: list, in: &fields)
            }
            // The pair is compared when the name was accepted and is in the list. A name in
            // review may be the misread one (村田和也 read 村田和志), so its kana is then checked
            // alone; and a kana already in review explains a mismatch by itself, so the name
            // stays accepted.
            if let nameKey = field.readingOf, let list = lists[nameKey], fields[nameKey]?.status == .accepted,
               let name = nonEmptyValue(fields[nameKey]) {
                let splits = list.splits(name)
                if !splits.isEmpty {
                    // Every reading of the name, over all its splits.
                    let readings = Set(splits.flatMap(\.readings))
                    let isRare = { list.isRareReading($0, of: name) }
                    if readings.contains(bare) {
                        // A rare reading (マツタ of 松田) is shown as the usual one a voicing mark
                        // away, when only one is: on faxes of the used sets of seeds 810500 and
                        // 820500, 松田俊介 read マツタシュンスケ and 山口 ヤマクチ, each written
                        // with the usual reading. The field stays with a person.
                        if isRare(bare) {
                            flag(field.key, rareReading, in: &fields)
                            if let usual = usualReadingNear(bare, readings: readings, isRare: isRare), var result = fields[field.key] {
                                result.value = usual
                                result.reason += "; shown as \(usual), the one usual reading of the name a look-alike kana away"
                                fields[field.key] = result
                            }
                        }
                    } else {
                        if fields[field.key]?.status == .accepted {
                            flag(nameKey, readingMismatch, in: &fields)
                        } else if readsOn(bare, past: readings) {
                            flag(nameKey, nameCutShort, in: &fields)
                        }
                        flag(field.key, readingMismatch, in: &fields)
                        if showOneTakenOut(field.key, kana, fits: readings.contains, in: &fields) == nil {
                            showOneCharacterOff(field.key, kana, readings: readings, isRare: isRare, in: &fields)
                        }
                    }
                    continue
                }
            }
            settleName(readAs: bare)
            guard let list = lists[field.key] ?? field.readingOf.flatMap({ lists[$0] }) else { continue }
            if !list.isKnownReading(bare) {
                flag(field.key, unknownReading, in: &fields)
                if let shown = showOneTakenOut(field.key, kana, fits: list.isKnownReading, only: .markAtAnEnd, in: &fields)
                    ?? showLeadingSmallVowelMended(field.key, kana, list: list, in: &fields) {
                    settleName(readAs: shown)
                } else if showOneTakenOut(field.key, kana, fits: list.isKnownReading, only: .doubled, in: &fields) == nil,
                   let shown = showLookAlikeReading(field.key, kana, list: list, in: &fields)
                    ?? showOneTakenOut(field.key, kana, fits: list.isUsualReading, only: .besideALookAlike, in: &fields) {
                    settleName(readAs: shown)
                }
            } else if let large = fullSizeVowels(bare), list.isKnownReading(large) {
                flag(field.key, smallVowel, in: &fields)
            } else if list.isKnownOnlyByRareReading(bare) {
                flag(field.key, rareReading, in: &fields)
                showLookAlikeReading(field.key, kana, list: list, in: &fields)
            }
        }
        showNamesSettledByKanaLookAlike(definition, lists: lists, in: &fields)
        checkFamilies(definition, lists: lists, in: &fields)
        checkFamilyNamesAlone(definition, lists: lists, in: &fields)
    }

    /// Last, so that a kana beside the name that tells more (it reads on past the name, or is
    /// no reading of it) gives its reason first; only a name still accepted is flagged here.
    static func checkFamilyNamesAlone(_ definition: FormDefinition, lists: [String: PersonNameList],
                                      in fields: inout [String: FieldResult]) {
        for (field, list, value) in namesRead(definition, lists: lists, fields)
        where field.nameAfterDepartment != true && fields[field.key]?.status == .accepted && list.isFamilyName(value) {
            flag(field.key, familyNameAlone, in: &fields)
        }
    }

    /// Each text field with a name list and a value read (not invalid), with its list and value.
    static func namesRead(_ definition: FormDefinition, lists: [String: PersonNameList],
                          _ fields: [String: FieldResult]) -> [(field: FieldDefinition, list: PersonNameList, value: String)] {
        definition.fields.compactMap { field in
            guard field.type == .text, let list = lists[field.key], let value = nonEmptyValue(fields[field.key]) else { return nil }
            return (field, list, value)
        }
    }

    /// Whether a written name is known to the list: a family and a given name, or, for a contact
    /// (`name_after_department`), a department and a known name.
    static func isKnown(_ name: String, list: PersonNameList, afterDepartment: Bool) -> Bool {
        !list.splits(name).isEmpty || afterDepartment && list.isDepartmentAndName(name)
    }

    /// Shows each name field not accepted as `mend` puts it right, its reason appended; `mend`
    /// gets the value, the field's list and whether a department may come first, and returns
    /// the value to show and why, or nil to leave the field as it is.
    static func showNamesMended(_ definition: FormDefinition, lists: [String: PersonNameList],
                                in fields: inout [String: FieldResult],
                                _ mend: (String, PersonNameList, Bool) -> (shown: String, reason: String)?) {
        for (field, list, value) in namesRead(definition, lists: lists, fields) {
            guard var result = fields[field.key], result.status != .accepted,
                  let found = mend(value, list, field.nameAfterDepartment == true) else { continue }
            result.value = found.shown
            result.reason += "; " + found.reason
            fields[field.key] = result
        }
    }

    /// Whether a kana, doubtful as it may be, starts with a reading of the whole name and goes on
    /// for `readOnKana` characters or more: the name lost a part (中山千尋 read 中山, a known
    /// family and given name, beside ナカヤマナヒニロ on a light fax of the seed-27000 set). On
    /// the tuning set and five used held-out sets, one right name had a kana reading on, by 2
    /// characters (カネコケンタアー).
    static func readsOn(_ kana: String, past readings: Set<String>) -> Bool {
        readings.contains { kana.hasPrefix($0) && kana.count >= $0.count + readOnKana }
    }

    static let readOnKana = 3

    /// A kana flagged above is shown with one character taken out when that makes it fit
    /// and no other character taken out does: jpn reads a kana twice (ワタナベベアケミ,
    /// オオタタユミ) or puts one in (マユミ read マコユミ). Beside its name, any character may
    /// go that makes the kana a reading of that name; alone, only the second of a doubled
    /// kana that makes it a known reading (taking out any character made fax misreadings
    /// like ハト・サ into other known readings), or, when no look-alike kana puts it right
    /// (`showLookAlikeReading`), either of two look-alike kana side by side that makes it a
    /// usual reading: a light fax reads ダ as タダ, its voicing mark apart (ムラタダミサキ,
    /// タダムラダイスケ). On the saved results of the tuning set and 15 used held-out sets (seeds
    /// 140500–290500) the look-alike pairs showed 18 kana right and 2 wrong, both wrong before
    /// (ハラダクンタダ → ハラダクンタ). The field stays with a person; only what they are shown
    /// changes. Returns the kana shown, if any.
    @discardableResult
    static func showOneTakenOut(_ key: String, _ kana: String, fits: (String) -> Bool, only: Neighbours = .any,
                                in fields: inout [String: FieldResult]) -> String? {
        let written = Array(kana.filter { !$0.isWhitespace })
        let bare = Array(PersonNameList.katakana(String(written)))
        guard bare.count == written.count, bare.count >= 3 else { return nil }
        func alike(_ a: Character, _ b: Character) -> Bool { a == b || lookAlike(a, b) }
        func besideALookAlike(_ i: Int) -> Bool {
            (i > 0 && alike(bare[i - 1], bare[i])) || (i + 1 < bare.count && alike(bare[i], bare[i + 1]))
        }
        var found: Set<Int> = [], shown: Set<String> = []
        for i in bare.indices {
            switch only {
            case .any: break
            case .doubled: guard i > 0, bare[i - 1] == bare[i] else { continue }
            case .besideALookAlike: guard besideALookAlike(i) else { continue }
            case .markAtAnEnd: guard i == 0 || i == bare.count - 1, kanaStrayMarks.contains(bare[i]) else { continue }
            }
            var k = bare; k.remove(at: i)
            if fits(String(k)), shown.insert(String(k)).inserted { found.insert(i) }
        }
        // Two that fit are settled only beside a look-alike, by their voicing (`unvoicedOfATwin`).
        let settled = only == .besideALookAlike ? unvoicedOfATwin(found, in: bare) : nil
        guard let i = found.count == 1 ? found.first : settled, var result = fields[key] else { return nil }
        var mended = written; let gone = mended.remove(at: i)
        result.value = String(mended)
        result.reason += "; shown with one \(gone) taken out, which makes it a reading of a name"
        fields[key] = result
        return result.value
    }

    /// Of two kana side by side that each fit taken out, a kana and its voiced twin (タダ, ブフ,
    /// コゴ), the unvoiced one: the voicing mark came apart and was read as a kana of its own
    /// beside the voiced one (ウチダ read ウチタダ, where ウチタ and ウチダ are both usual). On the
    /// saved results of seeds 310500–380500 (8 used held-out sets), 4 kana so read, all shown
    /// right.
    static func unvoicedOfATwin(_ found: Set<Int>, in bare: [Character]) -> Int? {
        guard found.count == 2, let i = found.min(), found.contains(i + 1), bare[i] != bare[i + 1],
              BuildingWords.unvoiced(bare[i]) == BuildingWords.unvoiced(bare[i + 1]) else { return nil }
        return [i, i + 1].first { BuildingWords.unvoiced(bare[$0]) == bare[$0] }
    }

    /// Which characters `showOneTakenOut` may take out.
    enum Neighbours {
        /// Any.
        case any
        /// The second of two alike.
        case doubled
        /// Either of two look-alikes (`lookAlike`) or two alike side by side.
        case besideALookAlike
        /// A mark read for a speck or a rule's end (`kanaStrayMarks`), first or last.
        case markAtAnEnd
    }

    /// Marks OCR reads in a kana for a speck or a rule's end: コンドウユイ read コンドウユイ・ on a
    /// fax of the used seed-790500 set. A kana with one is unknown to the list, so it goes to a
    /// person already; it is shown without a mark at its start or end when that leaves a known
    /// reading. No reading starts or ends with one. Inside, between the names, a ・ stays: some
    /// systems print one there (`KanaNormalizer.speckMarks`), and the list knows foreign names
    /// too (スミス, ジョン), so taking it out would make a known reading of what was written.
    /// The long-vowel ー is a kana and never taken out.
    static let kanaStrayMarks: Set<Character> = strayMarks.subtracting(["ー"])

    /// A kana beside its accepted, known name that is one look-alike character off exactly one
    /// of the name's readings (`lookAlike`: コバヤシ read ゴバヤシ, イマイユミ read イマイコミ) is
    /// shown as that reading. On 14 used held-out sets (seeds 140500–280500), 8 kana were so,
    /// all shown right, and 1 on the tuning set. Any one character off put wrong a right kana:
    /// ムラタカズヤ beside 村田和世, itself misread from 和也, was shown ムラタカズヨ. The field
    /// stays with a person.
    /// When that reading is one the list marks rare, a voicing mark away from a usual one (山田
    /// read ヤマタ), and exactly one usual reading of the name is a look-alike kana off it, the
    /// usual one is shown: a light fax that lost one mark lost the other (山田学 read ヤマタマナプ
    /// on a fax of the used seed-820500 set was shown ヤマタマナブ).
    static func showOneCharacterOff(_ key: String, _ kana: String, readings: Set<String>, isRare: (String) -> Bool,
                                    in fields: inout [String: FieldResult]) {
        let bare = Array(PersonNameList.katakana(kana).filter { !$0.isWhitespace })
        let near = readings.filter { oneLookAlikeOff(Array($0), bare) }
        guard near.count == 1, var reading = near.first, var result = fields[key], result.status != .accepted else { return }
        var why = "the one reading of the name a character away"
        if isRare(reading), let usual = usualReadingNear(reading, readings: readings, isRare: isRare) {
            reading = usual
            why = "the one usual reading of the name a look-alike kana off the one rare reading a character away"
        }
        result.value = reading
        result.reason += "; shown as \(reading), \(why)"
        fields[key] = result
    }

    /// The one usual reading of a name (not marked rare) a look-alike kana off a rare one
    /// (ヤマダ for ヤマタ of 山田), if only one is.
    static func usualReadingNear(_ rare: String, readings: Set<String>, isRare: (String) -> Bool) -> String? {
        let usual = readings.filter { !isRare($0) && oneLookAlikeOff(Array($0), Array(rare)) }
        return usual.count == 1 ? usual.first : nil
    }

    /// Whether two kana of one length differ in one character, a look-alike (`lookAlike`) or
    /// its small or full-size twin (`sizeTwins`: ヨシダリエ read ョシダリエ beside 吉田理恵 on a
    /// scan of the used seed-820500 set).
    static func oneLookAlikeOff(_ a: [Character], _ b: [Character]) -> Bool {
        guard a.count == b.count else { return false }
        let off = a.indices.filter { a[$0] != b[$0] }
        return off.count == 1 && (lookAlike(a[off[0]], b[off[0]]) || sizeTwins(of: a[off[0]]).contains(b[off[0]]))
    }

    /// A kana checked alone (no accepted, known name beside it, or none at all, like the
    /// account holder's) that is no usual reading of a name, but one look-alike kana
    /// (`lookAlike`) off exactly one usual reading, is shown as that reading: a light fax loses
    /// voicing marks and blurs slants (エンドウミホ read エントウミホ, ウエダトモヤ read ウエタトモヤ,
    /// where ウエタ is a rare reading; ハヤシツヨシ read ハヤシツヨン). Counted on the saved
    /// results of the tuning set and 15 used held-out sets (seeds 140500–290500): a voicing mark
    /// or ユ for コ showed 48 kana right and 5 wrong, a slant 5 right and 2 wrong; every kana shown
    /// wrong had been wrong before (リーハマイ → リーパマイ for モリチヒロ). No kana read right was
    /// changed: a usual reading is never mended. The field stays with a person. Returns the
    /// reading shown, if any.
    @discardableResult
    static func showLookAlikeReading(_ key: String, _ kana: String, list: PersonNameList,
                                     in fields: inout [String: FieldResult]) -> String? {
        let bare = Array(PersonNameList.katakana(kana).filter { !$0.isWhitespace })
        guard bare.count >= 2 else { return nil }
        // A voicing mark (or ユ for コ) first, the commoner slip; a slant (シ ン ソ ツ) only when
        // no voicing mark fits: タカバシトモヤ is タカハシ, though タカバン is a usual reading too.
        var near = Set<String>()
        for tier in [false, true] where near.isEmpty {
            for i in bare.indices {
                for other in lookAlikes(of: bare[i]) where slantTwins.contains(Set([other, bare[i]])) == tier {
                    var k = bare; k[i] = other
                    let reading = String(k)
                    if list.isUsualReading(reading) { near.insert(reading) }
                }
            }
        }
        guard near.count == 1, let reading = near.first, var result = fields[key], result.status != .accepted else { return nil }
        result.value = reading
        result.reason += "; shown as \(reading), the one usual reading of a name a look-alike kana away"
        fields[key] = result
        return reading
    }

    /// The other katakana that `lookAlike` pairs with `c`.
    static func lookAlikes(of c: Character) -> [Character] {
        katakanaLetters.filter { lookAlike($0, c) }
    }

    /// ァ … ヶ.
    static let katakanaLetters: [Character] = (0x30A1...0x30F6).map { Character(Unicode.Scalar($0)!) }

    /// Two katakana told apart by a voicing mark (コ ゴ, ハ バ パ), by one short stroke (ユ コ), or
    /// by the slant of their strokes (シ ン ソ ツ, which a light fax blurs).
    static func lookAlike(_ a: Character, _ b: Character) -> Bool {
        a != b && (BuildingWords.unvoiced(a) == BuildingWords.unvoiced(b) || Set([a, b]) == ["ユ", "コ"]
                   || slantTwins.contains(Set([a, b])))
    }

    static let slantTwins: Set<Set<Character>> = [["シ", "ン"], ["ソ", "ン"], ["シ", "ツ"]]

    /// A name the list does not know, beside a kana that reads as a known name, is shown as the
    /// one known name that the kana reads and that is one character off what was read (石田勇気
    /// read 石田男気 beside イシダユウキ, 遠藤美咲 read 遠豆美咲 beside エンドウミサキ). When the kana
    /// reads as two or more such names (青木詰 beside アオキヒロシ: 浩, 宏, 博, …) nothing is
    /// shown (青木洗 is shown as 青木浩 before this, by `showNamesWithLookAlikeKanjiPutBack`).
    /// On 14 used held-out sets (seeds 140500–280500), 11 names were so, all shown right, and 1
    /// on the tuning set. The field stays with a person.
    static func showNamePutRight(_ key: String, _ name: String, readAs kana: String, list: PersonNameList,
                                 in fields: inout [String: FieldResult]) {
        let names = list.namesOneCharacterOff(name, readAs: kana)
        guard names.count == 1, let shown = names.first, var result = fields[key], result.status != .accepted else { return }
        result.value = shown
        result.reason += "; shown as \(shown), the one known name a character away that the kana reads"
        fields[key] = result
    }

    /// The kana with its small vowels (ァィゥェォ) made full size, or nil when it has none.
    /// Japanese names are read without them; loanword names (ウィリアム) have them. The
    /// recogniser tells ェ from エ by size alone: ウエダマコト was read ウェダマコト with
    /// confidence 99 and accepted on the seed-51000 held-out set, the list knowing ウェダ as a
    /// family name written in katakana. None of the 7,200 kana on the tuning set and the
    /// held-out sets has a small vowel, so a reading with one goes to a person when the
    /// full-size one is a known name too. The other small kana (ャュョッ) are left alone:
    /// リョウ and ショウ are known beside their old spellings リヨウ and シヨウ, and 232 right
    /// readings would go to a person.
    static func fullSizeVowels(_ kana: String) -> String? {
        guard kana.contains(where: { smallVowels[$0] != nil }) else { return nil }
        return String(kana.map { smallVowels[$0] ?? $0 })
    }

    static let smallVowels: [Character: Character] = ["ァ": "ア", "ィ": "イ", "ゥ": "ウ", "ェ": "エ", "ォ": "オ"]

    static func nonEmptyValue(_ result: FieldResult?) -> String? {
        guard let v = result?.value, !v.isEmpty, result?.status != .invalid else { return nil }
        return v
    }

    /// Accepted → review with the reason; a field already in review keeps its reason and gets
    /// this one appended.
    static func flag(_ key: String, _ reason: String, in fields: inout [String: FieldResult]) {
        guard var result = fields[key] else { return }
        if result.status == .accepted {
            result.status = .review
            result.reason = reason
        } else if !result.reason.contains(reason) {
            result.reason += "; " + reason
        }
        fields[key] = result
    }
}
