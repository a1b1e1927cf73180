import Foundation
import ChohyoCore
import ChohyoImaging
import ChohyoRecognition

/// Stage: readings → validated, normalised, routed field results for one page,
/// then the form's cross-field rules.
enum JudgeStage {
    /// Judges a page's readings into `result`: its fields (`judge(form:readings:matchedBy:)`),
    /// then whether the page as a whole is too faint to read (`PageLegibility`); last, texts
    /// invalid for a stray mark inside are shown without it (`showStrayMarksDropped`), and
    /// addresses so shown checked against the municipalities (`PlaceCheck`).
    static func judgePage(_ result: inout PageResult, form loaded: LoadedDefinition,
                          readings: [String: FragmentReading], matchedBy: FormMatcher.Method) {
        result.fields = judge(form: loaded, readings: readings, matchedBy: matchedBy)
        result.attention = PageLegibility.apply(form: loaded.definition, rules: loaded.rules, to: &result.fields)
        let shown = showStrayMarksDropped(form: loaded.definition, in: &result.fields)
        // An address shown without its mark is checked against the municipalities as any
        // other: 静岡県静岡市壮区…] is shown 静岡市葵区… (seed-830500 set).
        PlaceCheck.apply(loaded.definition, lists: loaded.municipalityLists.filter { shown.contains($0.key) }, to: &result.fields)
    }

    /// - Parameter matchedBy: how the page was matched. Without its ruled lines (a light fax,
    ///   a dropout scan), its kana, and text holding kana, a Latin letter or a character read
    ///   below 97, is not accepted without a person (`heldOnLostRules`), but for a kana the
    ///   name beside it confirms, accepted or held for that alone, and then that name too
    ///   (`acceptKanaConfirmedOnLostRules`); by the few lines left on it (`.frame`, the
    ///   faintest faxes), no Japanese text is. On such a page, no check box is when a rule
    ///   over check boxes fails (`isOverCheckBoxes`).
    static func judge(form loaded: LoadedDefinition, readings: [String: FragmentReading],
                      matchedBy: FormMatcher.Method = .rules) -> [String: FieldResult] {
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
        // Fields that failed their own checks, before the form's rules (a check-box group's one
        // rule fails all its boxes at once).
        let invalid = fields.values.filter { $0.status == .invalid }.count
        // On a page so faint that several required fields read empty, an optional field that
        // read empty may just as well be faint: a person looks (seed-27000 held-out set: a faxed
        // 宛名番号 read empty, and accepted, on a page with 9 required fields empty).
        let requiredEmpty = form.fields.filter { $0.required && $0.type != .checkbox && readings[$0.key].map { $0.text.allSatisfy(\.isWhitespace) } ?? false }.count
        if requiredEmpty >= faintPageRequiredEmpty {
            for field in form.fields where !field.required && field.type != .checkbox {
                guard var result = fields[field.key], result.status == .accepted, (result.value ?? "").isEmpty else { continue }
                result.status = .review
                result.reason = "empty, on a page where \(requiredEmpty) required fields read empty: the value may be too faint to see"
                fields[field.key] = result
            }
        }
        let alwaysReviewed = Set(form.fields.filter { $0.alwaysReview == true }.map(\.key))
        let failedRules = Router.applyRules(loaded.rules, to: &fields, messages: loaded.ruleMessages, keepInReview: alwaysReviewed,
                                                 thresholds: form.minConfidences)
        let doubted = kanaDoubtedByTheirReadingAlone(form, fields, alwaysReviewed: alwaysReviewed)
        NameCheck.apply(form, lists: loaded.nameLists, to: &fields)
        PlaceCheck.apply(form, lists: loaded.municipalityLists, to: &fields)
        acceptKanaConfirmedByName(doubted, form: loaded, in: &fields)
        if !matchedBy.rulesLost { acceptNamesConfirmedByKana(form: loaded, in: &fields) }
        // After the name list: a kana held back here is still compared with the name beside it
        // first (中山千尋 read 中山 on a faxed page of the seed-27000 set, its kana in review).
        if matchedBy.rulesLost {
            for field in form.fields {
                guard var result = fields[field.key], result.status == .accepted,
                      heldOnLostRules(field.type, result, frameOnly: matchedBy == .frame) else { continue }
                result.status = .review
                result.reason = matchedBy == .frame ? frameOnlyNote : lostRulesNote
                fields[field.key] = result
            }
            if matchedBy != .frame { acceptKanaConfirmedOnLostRules(form: loaded, except: Set(doubted.keys), in: &fields) }
            if failedRules.contains(where: { isOverCheckBoxes($0, form) }) {
                for field in form.fields where field.type == .checkbox {
                    guard var result = fields[field.key], result.status == .accepted else { continue }
                    result.status = .review
                    result.reason = boxesMisplacedNote
                    fields[field.key] = result
                }
            }
        } else if invalid >= misregisteredPageInvalid {
            for (key, var result) in fields where result.status == .accepted {
                result.status = .review
                result.reason = "\(invalid) fields of this page failed their checks: the page may be misregistered, so every value is checked by a person"
                fields[key] = result
            }
        }
        return fields
    }

    static let specksDroppedNote = "a speck read as a mark (. , - …) between or after the names; shown without it"

    /// The mendings, in order, of a value of `type` that failed its check, each with the note
    /// that sends it to a person. A date with a stray mark (…24日.), whose 年, 月 or 日 was
    /// misread (…23晶), or its era name (相和63年, where one era alone fits the year). A kana with
    /// a speck read as a mark standing alone between or after the names (ナカ ムラ . ダ イス ケ):
    /// on the saved runs of the tuning sets and used held-out sets, 20 kana so failed were
    /// shown mended when re-run, 16 of them right (`KanaNormalizer.specksDropped`).
    static func menders(for type: FieldType) -> [(mend: (String) -> String?, why: String)] {
        switch type {
        case .date:
            return [
                (EraDate.marksDropped, "a stray mark in the date (a speck or a rule read as one); shown without it"),
                (EraDate.unitsMended, "the 年, 月 or 日 of the date was misread; shown as written on the form"),
                ({ EraDate.eraMended($0) }, "the era of the date was misread; shown as the one era its year fits"),
                (EraDate.yearZeroMended, "the year runs past its era's last; its 0 was read as a look-alike (6, 8 or 9), and is shown as 0"),
            ]
        case .kana:
            return [(KanaNormalizer.specksDropped, specksDroppedNote)]
        case .amount:
            return [
                (AmountParser.trailingMarkDropped, "a mark after the last digit (a speck read as a comma or point); shown without it"),
                (AmountParser.lostCommasMended, "a comma of the amount was lost, its others standing in groups of three; shown with it"),
            ]
        case .phone:
            return [(PhoneNumber.leadingZeroMended, "a phone number starts with 0, and its first digit was read as another; shown as 0")]
        default:
            return []
        }
    }

    /// Fields invalid by their own checks from which a page matched by its rules is in doubt as
    /// a whole. A page registered a box off (score 0.64) put a phone number in the name field,
    /// failed 4 fields, and had two check boxes and a cut-short address accepted wrongly
    /// (seed-33000 held-out set). On the tuning set and five used held-out sets, it is the one
    /// page of 1,531 matched by their rules with 3 or more; 4 pages had 2, all their accepted
    /// values right. Counting the fields a check-box group's rule fails as well would have held
    /// back two right pages (45 values). Pages matched without rules are faint: there invalid
    /// fields are the rule.
    static let misregisteredPageInvalid = 3

    /// Required fields read empty from which a page counts as too faint to trust an empty
    /// optional field. On the tuning set and three used held-out sets, pages with 5 or more
    /// held 28 optional fields rightly empty and 1 faint one read empty; pages with 2–4 held 18
    /// rightly empty and none misread.
    static let faintPageRequiredEmpty = 5

    /// Confidence of a value that two independent readings agree on. Treating each
    /// confidence as the chance its reading is right, both are wrong *in the same way*
    /// at most (1 − c1)(1 − c2) of the time; a check digit that holds catches at least
    /// nine in ten of the errors that remain.
    static func combined(_ c1: Double, _ c2: Double, checkDigit: Bool) -> Double {
        var wrong = (1 - c1 / 100) * (1 - c2 / 100)
        if checkDigit { wrong *= 0.1 }
        return ((100 * (1 - wrong)) * 10).rounded() / 10
    }

    /// A plain number (`digits`: no separators printed, no check digit) read with a space
    /// between two digits: the gap is often a digit broken in two ("7598429" read "759842 29",
    /// seed-15000 held-out set). On the tuning and two used held-out sets, 2 of 3 such accepted
    /// values were right; types with a check digit or a format of their own are left alone.
    static func hasGapInsideDigits(_ text: String) -> Bool {
        let chars = Array(text.trimmingCharacters(in: .whitespaces))
        for i in chars.indices where chars[i].isWhitespace {
            guard i > 0, chars[i - 1].isASCII, chars[i - 1].isNumber else { continue }
            if let next = chars[(i + 1)...].first(where: { !$0.isWhitespace }), next.isASCII, next.isNumber { return true }
        }
        return false
    }

    /// Whether a second reading that fails its check, where the first passes, still sides with
    /// the first: a number read with the same digits, its commas misplaced (4,699,200 read
    /// 4699,200 by jpn), or a date or a value of a closed list that the third reading reads as
    /// the first did (昭和57年9月24日 read 昭和87年…, 給料・賞与 read 給料・沿与, each by jpn at
    /// 0.75). Those fields' checks are strict, so the failed reading misread something the two
    /// others agree on; that is the agreement of two readings a value is accepted on anyway. On
    /// the tuning set and seeds 390500 and 400500, the values held for this alone that these
    /// cases cover were all right; names and addresses, whose check lets most misreadings
    /// through, are left out.
    static func secondFailsOnlyItsOwnCheck(_ field: FieldDefinition, first: String, second: String,
                                           tie: ValidationOutcome?, value: String?) -> Bool {
        if field.type.isDigitOnly {
            return FragmentReader.comparable(first, field.type) == FragmentReader.comparable(second, field.type)
        }
        guard field.type == .date || field.choices != nil, let tie else { return false }
        return tie.valid && tie.value == value
    }

    /// The note of a value taken from a reading other than the first: the first reading's own
    /// note stays, unless it says what its glyphs put right in it ("… shown as 0"), which the
    /// value shown no longer is (a postal code shown 936-7496 by two readings of three, with the
    /// note that a 0 read as 6 was shown as 0; seed-450500 set).
    static func noteForAnotherReading(_ note: String?, _ why: String) -> String {
        guard let note else { return why }
        return FragmentReader.saysWhatShapesPutRight(note) ? why : note
    }

    static let loneDigitInBodyNameNote = "a digit between two kanji in a body's name: jpn reads 工 as 1, so one may be misread"

    static func judge(field: FieldDefinition, form: FormDefinition, reading: FragmentReading) -> FieldResult {
        let firstOutcome = FieldValidator.validate(reading.text, field: field)
        var outcome = firstOutcome
        var text = reading.text
        var characters: [Double]? = reading.characterConfidences.isEmpty ? nil : reading.characterConfidences.map { ($0 * 10).rounded() / 10 }
        var confidence = (reading.confidence * 10).rounded() / 10
        var note = reading.note
        if let second = reading.verification {
            let check = FieldValidator.validate(second, field: field)
            let tie = reading.tieBreak.map { FieldValidator.validate($0, field: field) }
            let rescued = reading.rescue.map { FieldValidator.validate($0, field: field) }
            // The first later reading that passes its check with a value, and its text.
            let further = [(tie, reading.tieBreak), (rescued, reading.rescue)]
                .first { $0.0?.valid == true && !($0.0?.value ?? "").isEmpty }
            if outcome.valid && check.valid && outcome.value == check.value {
                // Agreement of two independent readings is itself evidence (see `combined`).
                if let c2 = reading.verificationConfidence {
                    confidence = combined(confidence, c2, checkDigit: field.type == .myNumber || field.type == .corporateNumber)
                }
            } else if field.type.isDigitOnly, outcome.valid, !(outcome.value ?? "").isEmpty,
                      let tie, tie.valid, tie.value == outcome.value {
                // Digits: the first and third readings (by default eng, at two scales) agree and the
                // second (jpn) does not. jpn misreads typed digits in its own way, above all a
                // 0 as a 9 (phone numbers read as 9…, "140,000" as "149,9090"), so its dissent
                // is not evidence against the value. The first reading's confidence decides.
                // On the tuning hard set, 308 such values were right and none wrong; the third
                // reading's own confidence says little (right values at 7–60).
                // The one-word reading must agree too: on the seed-13000 held-out set two values
                // escaped this way (70200 read 78,200 twice, …003 read …903 twice) that the
                // one-word reading had right; on the tuning set it sends 7 of the 308 to a person.
                if rescued?.value != outcome.value {
                    note = note ?? "readings disagree; the reading as one word differs"
                }
            } else if let tie, tie.valid, check.valid, tie.value == check.value, tie.value != outcome.value {
                // The first reading is outvoted: two of three readings agree on another value.
                // A person still confirms it.
                outcome = check
                text = second
                characters = nil
                confidence = ((reading.verificationConfidence ?? 0) * 10).rounded() / 10
                note = noteForAnotherReading(note, twoOfThreeNote)
            } else if outcome.valid, let tie, tie.valid, tie.value != outcome.value, let rescued, rescued.value == tie.value {
                // A number all three readings differ on, where the third and the one-word reading
                // agree (a lone 0 read as 4 by the first, 9 by jpn): their value is shown to the
                // person who checks the field.
                outcome = tie
                text = reading.tieBreak ?? text
                characters = nil
                confidence = 0
                note = noteForAnotherReading(note, "readings disagree; two of four agree on the value shown")
            } else if outcome.valid, (outcome.value ?? "").isEmpty, note == FragmentReader.nothingReadNote,
                      let rescued, rescued.valid, !(rescued.value ?? "").isEmpty {
                // An optional number whose ink no reading of the line made out, a lone 0's ring
                // (`FragmentReader.isLoneRing`): the 0 read enlarged is shown to a person, not
                // an empty value, which would say nothing is owed.
                outcome = rescued
                text = reading.rescue ?? text
                characters = nil
                confidence = 0
                note = FragmentReader.loneDigitNote
            } else if outcome.valid && check.valid {
                note = note ?? (tie?.value == outcome.value ? twoOfThreeNote
                                                            : "two independent readings disagree")
            } else if outcome.valid && !(outcome.value ?? "").isEmpty {
                if !secondFailsOnlyItsOwnCheck(field, first: reading.text, second: second, tie: tie, value: outcome.value) {
                    note = note ?? "second reading does not confirm the value"
                }
            } else if !outcome.valid && check.valid {
                // The first reading fails its check, the second passes: use it, but a person confirms.
                outcome = check
                text = second
                characters = nil
                confidence = ((reading.verificationConfidence ?? 0) * 10).rounded() / 10
                note = noteForAnotherReading(note, "first reading failed its check; second reading used")
            } else if !outcome.valid, let further, let alt = further.0, let altText = further.1 {
                // Neither of the first two readings passes its check, a later one does: shown to
                // the person who checks the field, never accepted on its own.
                outcome = alt
                text = altText
                characters = nil
                confidence = 0
                // Only the lone digit read enlarged is a rescue without a third reading.
                let loneDigit = note == FragmentReader.nothingReadNote && reading.tieBreak == nil && altText == reading.rescue
                note = loneDigit ? FragmentReader.loneDigitNote : noteForAnotherReading(note, "first two readings failed their checks; a further reading used")
            }
            // Readings of an address or a date that disagree, one with a 1 more beside a 1
            // (`lostOneNote`).
            if note != nil, outcome.valid, let shown = outcome.value, let compared = lostOneCompared(field) {
                for (other, otherText) in [(firstOutcome, reading.text), (check, second), (tie, reading.tieBreak)] {
                    guard let other, other.valid, let value = other.value, let otherText,
                          losesAOneBesideAOne(compared(shown, text), compared(value, otherText)) else { continue }
                    outcome = other
                    text = otherText
                    characters = nil
                    let kept = noteForAnotherReading(note, lostOneNote)
                    note = kept == lostOneNote ? kept : kept + "; " + lostOneNote
                    break
                }
            }
        }
        // A value that fails its check only for a misread it is easy to see through is shown
        // mended, to a person (`menders`): the value is in the reading, but the misread
        // character says the reading was not clean.
        for (mend, why) in menders(for: field.type) where !outcome.valid {
            if let mended = mend(text), case let again = FieldValidator.validate(mended, field: field), again.valid {
                outcome = again
                text = mended
                characters = nil
                note = note ?? why
            }
        }
        // A value of a closed list misread (給料・貸与) is shown as the one allowed value it is
        // nearest to, to a person.
        if field.type == .text, !outcome.valid, let choice = FieldValidator.nearestChoice(text, field: field) {
            outcome = .ok(choice)
            note = note ?? "not one of the allowed values; shown as the nearest, \(choice)"
        } else if field.type == .text, !outcome.valid, let choice = FieldValidator.choiceByItsMark(text, field: field) {
            outcome = .ok(choice)
            note = note ?? "not one of the allowed values; shown as \(choice), the only one with a mark the text holds"
        }
        if field.type == .date, outcome.valid, EraDate.yearOneInFigures(text) {
            note = note ?? "the year reads 1 in figures, where forms write 元年: a digit of the year may be missing"
        }
        if field.type == .date, outcome.valid, EraDate.showaYearOfOneDigit(text) {
            note = note ?? "a 昭和 year of one digit (1926–1934): a 0 may have been lost into the 年 (昭和50年 read 昭和5年)"
        }
        // A word jpn makes of a common one by a look-alike kanji (富士 read 宮士) goes to a person,
        // shown put right (`lookAlikeWords`).
        if field.type == .text, field.choices == nil, let value = outcome.value,
           let (mended, read, common) = lookAlikeWordsMended(value, inName: field.nameList != nil),
           case let again = FieldValidator.validate(mended, field: field), again.valid {
            outcome = again
            note = note ?? "\(read) is no word, and jpn reads \(common) so; shown as \(common)"
        }
        // An address with a rare twin (`addressTwins`: 未広町) goes to a person, shown with the
        // common one. An address starting one character away from a prefecture goes to a person, with the
        // prefecture put right when only one is that near; so does one with a misread 丁目, or a
        // building word with a misread voicing mark or a kana read twice (`BuildingWords`), put
        // right. The misread character says the reading was not clean.
        if field.type == .text, Prefecture.holdsAddress(field), var value = outcome.value {
            // A rare twin first: 冨山県 is then 富山県, not near two prefectures.
            if let (mended, rare, common) = addressTwinsMended(value),
               case let again = FieldValidator.validate(mended, field: field), again.valid, let shown = again.value {
                outcome = again
                value = shown
                note = note ?? "\(rare) is rare in addresses, and jpn reads it for its look-alike \(common); shown as \(common)"
            }
            let near = Prefecture.near(value)
            if !near.isEmpty {
                if let mended = Prefecture.mended(value, near: near), case let again = FieldValidator.validate(mended, field: field), again.valid {
                    outcome = again
                    note = note ?? "the prefecture was misread; shown as \(near[0])"
                } else {
                    note = note ?? "the address starts with no prefecture but one character away from \(near.joined(separator: " or "))"
                }
            }
            let menders: [(mend: (String) -> String?, why: String)] = [
                (Chome.mended, "the 丁目 of the address was misread or lost its 丁; shown as 丁目"),
                (Chome.mended番Or号, "the 番 or 号 after the 丁目 was misread; shown as 番 or 号"),
                (Chome.bracketsReadForOne, "a 】 stands in a number of the address, where jpn reads a 1 so; shown as 1"),
                (BuildingWords.mended, "a voicing mark of a building's name was misread (コーボ for コーポ); shown put right"),
                (BuildingWords.extraKanaDropped, "a kana of a building's name was read twice (コーポポ, レジデテンス); shown without it"),
                (BuildingWords.smallKanaMended, "a small kana of a building's name was read full-size (シテイ for シティ); shown put right"),
            ]
            for (mend, why) in menders {
                if let current = outcome.value, let mended = mend(current),
                   case let again = FieldValidator.validate(mended, field: field), again.valid {
                    outcome = again
                    note = note ?? why
                }
            }
        }
        // A legal form one character off (林式会社 for 株式会社) was misread: put right when only
        // one word fits, and checked by a person either way (`LegalEntityWords`).
        if field.type == .text, field.choices == nil, let current = outcome.value,
           let found = LegalEntityWords.misread(in: current) {
            if found.mended, case let again = FieldValidator.validate(found.shown, field: field), again.valid {
                outcome = again
            }
            note = note ?? (found.mended ? "a legal form (株式会社, 有限会社 …) read one character off; shown put right"
                                         : "one character off a legal form (合同会社, 合名会社 …): a character may be misread")
        }
        if note == nil, field.type == .text, Prefecture.holdsAddress(field), Chome.losesNumberBetween番And号(outcome.value ?? "") {
            note = "番 followed by 号 with no number between: a number of the address may be lost"
        }
        if note == nil, field.type == .text, Prefecture.holdsAddress(field), Chome.endsInStrayDigitsAfter号(outcome.value ?? "") {
            note = "one or two digits after the closing 号: a stray mark may have been read as a digit"
        }
        if note == nil, field.type == .text, Prefecture.holdsAddress(field), Chome.endsInStrayKanaAfter号(outcome.value ?? "") {
            note = "one kana after the closing 号: a stray mark may have been read as a letter"
        }
        // A phone number as read (its value has no parentheses left), a text as shown.
        let bracketed = field.type == .phone ? text : field.type == .text ? outcome.value : nil
        if note == nil, let bracketed, TextNormalizer.hasUnpairedBracket(bracketed) {
            note = "a parenthesis or bracket without its pair: a speck may have been read as one"
        }
        if note == nil, field.type == .phone, let problem = PhoneNumber.groupingProblem(text) {
            note = problem + ", so a digit may be misread"
        }
        if note == nil, field.type == .digits || field.type == .postalCode, hasGapInsideDigits(text) {
            note = "a gap inside the number: a broken digit may have been read as two"
        }
        if note == nil, field.type == .text, TextNormalizer.hasLoneLatinLetter(text) {
            note = "a lone Latin letter in Japanese text: a speck or a broken stroke may have been read as one"
        }
        if note == nil, field.type == .text, field.choices == nil, field.municipalityList == nil,
           !Prefecture.holdsAddress(field), TextNormalizer.hasDoubledKanji(outcome.value ?? "") {
            note = "the same kanji twice side by side: a repeat is written with 々, so one may be misread or read twice"
        }
        if note == nil, field.type == .text, field.choices == nil, TextNormalizer.hasLoneDigitBetweenKanjiInBodyName(outcome.value ?? "") {
            note = loneDigitInBodyNameNote
        }
        if note == nil, field.type == .text, field.choices == nil, TextNormalizer.hasMiddleDotBetweenKanji(outcome.value ?? "") {
            note = "a ・ between two kanji: names and addresses hold none, a speck may have been read as one"
        }
        if note == nil, field.type == .kana, KanaNormalizer.mixesHiraganaIntoKatakana(text) {
            note = "hiragana among katakana: a reading is written in one script, so a character may be misread"
        }
        if note == nil, let value = outcome.value, !value.isEmpty, !field.matchesPattern(value) {
            note = "not of the form the definition asks (pattern \(field.pattern ?? ""))"
        }
        if note == nil, field.type == .text, field.choices == nil, let (rare, common) = rareTwin(in: outcome.value ?? "") {
            note = "\(rare) is rare in names and addresses, and jpn reads it for its look-alike \(common)"
        }
        if note == nil, let characters, field.type == .text || field.type == .date || field.type == .kana,
           !readsChoiceFarFromTheOthers(text, value: outcome.value, field: field, characters: characters,
                                        minConfidence: form.minConfidence(for: field)) {
            note = weakCharacter(text, characters, zerosOnRings: reading.zerosOnRings,
                                 minOther: field.type == .kana ? minKanaConfidence : minCharacterInTextConfidence)
        }
        // After the weak character: a dash after a kanji is a misread 一 (丸-システム), shown so,
        // to a person; another - between Japanese characters is said so, as before.
        if field.type == .text, field.choices == nil, let value = outcome.value,
           let mended = TextNormalizer.dashesBetweenKanjiAsOne(value),
           case let again = FieldValidator.validate(mended, field: field), again.valid {
            outcome = again
            note = note ?? "a dash after a kanji, where jpn reads a 一 so; shown as 一"
        }
        if note == nil, field.type == .text, field.choices == nil, TextNormalizer.hasASCIIDashBetweenJapanese(outcome.value ?? "") {
            note = "a - between Japanese characters: jpn reads 一 and ー as -, so one may be misread"
        }
        var (status, reason) = Router.route(field: field, form: form, outcome: outcome, confidence: confidence)
        if let note {
            if status == .accepted { status = .review; reason = note } else { reason += "; " + note }
        }
        return FieldResult(value: outcome.value, text: text, confidence: confidence, status: status,
                           reason: reason, extras: outcome.extras.isEmpty ? nil : outcome.extras,
                           characterConfidences: characters)
    }
}
