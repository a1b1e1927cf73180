/// The 47 prefectures an address starts with, and the misreadings of one.
///
/// OCR of Japanese swaps look-alike kanji at the start of an address as anywhere else
/// (富山県 as 冨山県, 神奈川県 as 神奈川上, 香川県 as 番川県), sometimes at full confidence:
/// 冨山県富山市旭町… was accepted on the seed-27000 held-out set, its 冨 read at 98.2. Unlike a town name, a
/// prefecture is one of 47, so an address that starts one character away from one, and with
/// none, is known to be misread there.
public enum Prefecture {
    public static let names: [String] = [
        "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
        "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
        "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
        "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
        "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
    ]

    /// Ends of a city, ward, town, village or district: an address may leave out its prefecture
    /// and start with a city named like one (大阪市, 京都市, 福岡市, 長崎市), which is no misreading.
    static let municipalEnds: Set<Character> = ["市", "区", "町", "村", "郡"]

    /// Whether a field holds an address: its key is `address` or ends in `_address` (the
    /// standard keys `forms draft` proposes for 住所 and 所在地), or its label names one.
    public static func holdsAddress(_ field: FieldDefinition) -> Bool {
        field.key == "address" || field.key.hasSuffix("_address") || field.label.contains("住所") || field.label.contains("所在地")
    }

    /// The prefectures an address is one character away from, when it starts with none of the
    /// 47 (a city's end in the prefecture's last place does not count as a difference from it:
    /// 大阪市 is no misread 大阪府). Empty when the address starts with a prefecture or is not
    /// near one. 冨山県 is near two: 富山県 and 岡山県.
    public static func near(_ address: String) -> [String] {
        let chars = Array(address)
        guard !names.contains(where: { address.hasPrefix($0) }) else { return [] }
        var found: [String] = []
        for name in names {
            let p = Array(name)
            guard chars.count > p.count else { continue }
            guard let at = OneCharacterOff.misreadAt(chars[..<p.count], p[...]) else { continue }
            if at == p.count - 1, municipalEnds.contains(chars[at]) { continue }
            found.append(name)
        }
        return found
    }

    /// The address with its prefecture put right, when it is near exactly one (`near`).
    public static func mended(_ address: String) -> String? {
        mended(address, near: near(address))
    }

    /// The same, for an address whose `near` prefectures are already known.
    public static func mended(_ address: String, near found: [String]) -> String? {
        guard found.count == 1, let name = found.first else { return nil }
        return name + String(Array(address)[name.count...])
    }
}
