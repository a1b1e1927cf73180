/// A Latin letter or an ASCII mark inside an address's street number: a misread digit.
extension PlaceCheck {
    /// On the seed-930500 held-out set, 4丁目21番1号 on a scanned 口座振替依頼書 was read
    /// 4丁目2t番1号, every character at 99.9 or more, and accepted. No street number holds a
    /// Latin letter between its digits or before its 丁目, 番 or 号; a building's name may hold
    /// one (A棟, コーポA101号), so a letter counts only between a digit and a digit, 丁, 番 or 号,
    /// or between 丁目 or 番 and a digit. It sends the value to a person and changes nothing else.
    /// On the saved results of the seed-920500 set, the 異動届出書 pages of seeds 870500–910500
    /// and `Samples/`, no address read was so. A mark counts as a letter does, but for the
    /// hyphen of 1-2-3: on the seed-960500 held-out set, 5丁目20番21号 on a scanned 異動届出書
    /// was read 5丁目2@番21号 at 99.3 and accepted. On the saved results of seeds 930500,
    /// 950500 and 960500 and `Samples/`, that is the one address so held that was not with a
    /// person already.
    public static let letterInStreetNumber = "a Latin letter or a mark inside the street number (…2t番…, …2@番…): a digit may be misread"

    /// Full-width digits, letters and marks count as their ASCII forms (２ｔ番 as 2t番, ２＠番
    /// as 2@番).
    static func holdsLetterInStreetNumber(_ address: String) -> Bool {
        let chars = Array(TextNormalizer.halfWidthASCII(address))
        func isDigit(_ i: Int) -> Bool { chars.indices.contains(i) && "0123456789".contains(chars[i]) }
        func holds(_ i: Int, _ marks: String) -> Bool { chars.indices.contains(i) && marks.contains(chars[i]) }
        return chars.indices.contains { i in
            guard chars[i].isASCII, chars[i].isLetter || isMark(chars[i]) else { return false }
            return (isDigit(i - 1) && (isDigit(i + 1) || holds(i + 1, "丁番号"))) || (holds(i - 1, "目番") && isDigit(i + 1))
        }
    }

    /// An ASCII mark other than the hyphen of a street number written 1-2-3.
    static func isMark(_ c: Character) -> Bool {
        c.isASCII && (c.isPunctuation || c.isSymbol) && c != "-"
    }

    /// Flags each address holding a letter or a mark in its street number (`letterInStreetNumber`).
    static func flagLettersInStreetNumbers(_ definition: FormDefinition, to fields: inout [String: FieldResult]) {
        for field in definition.fields where field.type == .text && Prefecture.holdsAddress(field) {
            guard let value = NameCheck.nonEmptyValue(fields[field.key]), holdsLetterInStreetNumber(value) else { continue }
            NameCheck.flag(field.key, letterInStreetNumber, in: &fields)
        }
    }
}
