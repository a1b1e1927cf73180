import ChohyoCore

/// A kana sent to a person only because of how it was read (a character under the kana bar, or
/// two readings of three agreeing), or only because its page was matched without its ruled
/// lines, is accepted when the name beside it confirms it (`NameCheck.confirms`); on such a
/// page, so is a name held for that alone that its kana confirms. On any other page, a name
/// held for one weak character alone is accepted when its accepted kana, or an accepted kana
/// of its family that reads it whole, confirms it.
extension JudgeStage {
    /// Shown when two of three readings agree on a value (the first outvoted or not).
    static let twoOfThreeNote = "readings disagree; two of three agree on the value shown"

    /// Least confidence of a kana's weakest character that its name may still confirm: under
    /// it the character is a guess. The right kana so confirmed on the saved runs of the two
    /// tuning sets and six used held-out sets had their weakest character at 84.7 or more.
    static let minConfirmedKanaCharacter = 80.0

    /// Kana fields in review whose one doubt is in their reading: a character under the kana
    /// bar (`minKanaConfidence`), or two readings of three agreeing. Nothing else held them: the
    /// value passed its checks and the confidence bar (the router's reason would come first).
    static func kanaDoubtedByTheirReadingAlone(_ form: FormDefinition, _ fields: [String: FieldResult],
                                               alwaysReviewed: Set<String>) -> [String: String] {
        var doubted: [String: String] = [:]
        for field in form.fields where field.type == .kana && (field.readingOf ?? field.familyReadingOf) != nil
            && !alwaysReviewed.contains(field.key) {
            guard let result = fields[field.key], result.status == .review, !(result.value ?? "").isEmpty else { continue }
            if heldForAWeakCharacterAlone(result, atLeast: minConfirmedKanaCharacter) || result.reason == twoOfThreeNote {
                doubted[field.key] = result.reason
            }
        }
        return doubted
    }

    /// Accepts each doubted kana (key → its reason then) that nothing since has doubted further,
    /// when the name beside it was accepted and confirms it. On the saved runs of the tuning set
    /// and seeds 310500–340500, 500500, 510500 and 600001–602001, the kana held for these two
    /// doubts alone beside an accepted name were 65 right and none wrong. An account holder's
    /// kana (`family_reading_of`) is so accepted when it reads the taxpayer's accepted name
    /// whole: on the sets re-run for `acceptNamesConfirmedByKana`, 20 kana, all right (アベベアケミ,
    /// a character too many beside 阿部明美, and ハセガワミホ beside 長谷川彩 read no name).
    static func acceptKanaConfirmedByName(_ doubted: [String: String], form loaded: LoadedDefinition,
                                          in fields: inout [String: FieldResult]) {
        for field in loaded.definition.fields {
            guard let doubt = doubted[field.key], var result = fields[field.key], result.status == .review,
                  result.reason == doubt, let kana = result.value,
                  nameBeside(field, confirms: kana, form: loaded, in: fields, orOfItsFamily: true) != nil else { continue }
            result.status = .accepted
            result.reason = "valid kana, a reading of the name beside it that no look-alike kana also makes (set aside: \(doubt))"
            fields[field.key] = result
        }
    }

    /// Whether a field is held for a character read under its bar (`weakCharacter`) and nothing
    /// else, its weakest character read at `floor` or more: under it, the character is a guess.
    static func heldForAWeakCharacterAlone(_ result: FieldResult, atLeast floor: Double) -> Bool {
        result.reason.hasPrefix(weakCharacterPrefix) && !result.reason.contains(";")
            && (result.characterConfidences?.min() ?? 0) >= floor
    }

    /// Least confidence of a name's one weak character (under `minCharacterInTextConfidence`)
    /// that the kana beside it may still vouch for, as `minConfirmedKanaCharacter` for kana.
    static let minConfirmedNameCharacter = 80.0

    /// Accepts each name held only for one character read under `minCharacterInTextConfidence`
    /// (at `minConfirmedNameCharacter` or more) when the kana beside it, read from its own box
    /// and accepted on its own checks, confirms it (`NameCheck.confirms`: a usual reading of the
    /// name, and no look-alike kana also one). A kanji misread into another known name mostly
    /// reads otherwise (村田和也 read 村田和志, ムラタカズヤ; 柴田聡 read 柴田又, 又 a given name
    /// too). The kanji jpn swaps for a look-alike read alike are held by their own bars
    /// (`lookAlikeBars`: 斉/斎, 郎/朗) or sent to a person (`rareTwins`), so a name holding one is
    /// left in review. Not on a page matched without its ruled lines, whose own rules apply.
    ///
    /// On the used held-out sets of seeds 780500, 790500 and 810500–860500 and the tuning sets
    /// 960001 and 960002 (2,400 form pages), re-run against their saved results: 45 names
    /// accepted so, all right, and no other value, status or reason changed. The 2 names held
    /// for one weak character alone and wrong (柴田又, 呈務局山口) have no kana beside them.
    ///
    /// A kana of the name's family (`family_reading_of`: 口座名義 beside 納税義務者 氏名) vouches
    /// the same way when it reads the whole name: the holder is then the taxpayer, or bears the
    /// same name read alike. On the used held-out sets of seeds 820500–870500 and the used
    /// 口座振替依頼書 set of seed 810500, re-run against their saved results: 11 names accepted
    /// so, all right; the 2 names held there for one weak character alone and wrong (柴田又,
    /// 井上計) are read otherwise by their kana.
    static func acceptNamesConfirmedByKana(form loaded: LoadedDefinition, in fields: inout [String: FieldResult]) {
        for field in loaded.definition.fields where field.type == .kana {
            guard let nameKey = field.readingOf ?? field.familyReadingOf, let list = loaded.nameLists[nameKey],
                  let kanaResult = fields[field.key], kanaResult.status == .accepted, let kana = kanaResult.value,
                  var name = fields[nameKey], name.status == .review, let written = name.value,
                  heldForAWeakCharacterAlone(name, atLeast: minConfirmedNameCharacter),
                  name.characterConfidences?.filter({ $0 < minCharacterInTextConfidence }).count == 1,
                  !written.contains(where: { lookAlikeBars[$0] != nil || rareTwins[$0] != nil }),
                  NameCheck.confirms(kana: kana, name: written, list: list) else { continue }
            name.status = .accepted
            name.reason = "valid name, whose usual reading the kana beside it is (set aside: \(name.reason))"
            fields[nameKey] = name
        }
    }

    /// Accepts each kana held only because its page was matched without its ruled lines
    /// (`heldOnLostRules`) when the name beside it confirms it, that name accepted on the page
    /// or held for the same alone (a kanji under `lostRulesKanji`), and then accepts that name
    /// too. The hold is for voicing marks and short strokes lost with the rules, and a kana that
    /// lost one (ナカジマ read ナカシマ) still makes a reading of 中島: `NameCheck.confirms` turns a
    /// kana down when a look-alike of any one of its characters, a voicing mark above all, also
    /// makes a usual reading of the name. The two are read from different boxes, so a kanji
    /// misread into another known name (村田和也 read 村田和志) no longer matches its kana
    /// (ムラタカズヤ); a kanji and its look-alike read alike (斉藤, 斎藤) are held by the look-alike
    /// bar first. A kana its name already vouched for, against a doubt in its reading
    /// (`doubted`), is not vouched for twice, nor vouches for its name.
    ///
    /// On the saved runs of the tuning set and seeds 310500–350500, 500500 and 520500, the kana
    /// held for the lost rules alone beside a name were 103 right and 3 wrong, each wrong one a
    /// lost voicing mark (ヤマザキ → ヤマサキ, タニグチ → タニクチ, ナカジマ → ナカシマ). Their
    /// pages re-run, 22 right kana were accepted beside accepted names and no wrong one. The
    /// names held for the lost rules alone were 27 right and none wrong; accepting those their
    /// kana confirm accepted 17 more names and their 17 kana, all right. (口座名義 has no name
    /// beside it: the holder of the account need not be the taxpayer. It held 13 right and 4
    /// wrong.)
    static func acceptKanaConfirmedOnLostRules(form loaded: LoadedDefinition, except doubted: Set<String>,
                                               in fields: inout [String: FieldResult]) {
        for field in loaded.definition.fields where field.type == .kana && !doubted.contains(field.key) {
            guard var result = fields[field.key], result.status == .review, result.reason == lostRulesNote, let kana = result.value,
                  let (nameKey, beside) = nameBeside(field, confirms: kana, form: loaded, in: fields, orHeldFor: lostRulesNote)
            else { continue }
            if beside.status != .accepted {
                var name = beside
                name.status = .accepted
                name.reason = "valid name on a page matched without its ruled lines, whose usual reading the kana beside it is"
                fields[nameKey] = name
            }
            result.status = .accepted
            result.reason = "valid kana on a page matched without its ruled lines, a reading of the name beside it that no look-alike kana also makes"
            fields[field.key] = result
        }
    }

    /// The name a kana field is the reading of (`reading_of`; given `family`, else the name of
    /// its family, `family_reading_of`), its key and result, when it was accepted (or, given
    /// `held`, is in review for that reason alone), is known to its list, and confirms `kana`
    /// whole (`NameCheck.confirms`); nil otherwise.
    static func nameBeside(_ field: FieldDefinition, confirms kana: String, form loaded: LoadedDefinition,
                           in fields: [String: FieldResult], orHeldFor held: String? = nil,
                           orOfItsFamily family: Bool = false) -> (key: String, result: FieldResult)? {
        guard let nameKey = field.readingOf ?? (family ? field.familyReadingOf : nil), let list = loaded.nameLists[nameKey], let name = fields[nameKey],
              name.status == .accepted || name.status == .review && held != nil && name.reason == held,
              let written = name.value, NameCheck.confirms(kana: kana, name: written, list: list) else { return nil }
        return (nameKey, name)
    }
}
