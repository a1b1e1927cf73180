"""Fake but plausible values for the sample forms: people, places, employers, check-digit
numbers, era dates, amounts and bank accounts. form_records.py puts them together into one
consistent record per form.

Everything here is invented: the names, companies and addresses are drawn from lists of
common words, and every number is random (check digits are computed so that they are valid).
Each generator takes a `random.Random` so that the whole sample set is reproducible from a seed.

A generated value is a `Value(printed, truth)`: `printed` is what payroll software puts on
paper, `truth` is what Chohyo should export for the field (see Samples/README.md).
"""

from __future__ import annotations

import datetime as _dt
import random
import unicodedata
from typing import NamedTuple


class Value(NamedTuple):
    printed: str
    truth: str


#: Half-width katakana (U+FF61–U+FF9F) by the full-width character they stand for.
_HALF_WIDTH = {unicodedata.normalize("NFKC", chr(c)): chr(c) for c in range(0xFF61, 0xFFA0)
               if len(unicodedata.normalize("NFKC", chr(c))) == 1}
_HALF_WIDTH_MARKS = {"\u3099": "\uff9e", "\u309a": "\uff9f"}  # combining ゛ ゜ → ﾞ ﾟ


def half_width_katakana(text: str) -> str:
    """Full-width katakana as payroll and banking systems print it in half-width: ヤマダ　タロウ
    → ﾔﾏﾀﾞ ﾀﾛｳ (a voiced kana becomes two characters, the space a half-width one). Characters
    with no half-width form are kept."""
    out = []
    for c in text:
        if c == FULLWIDTH_SPACE:
            out.append(" ")
            continue
        base, *marks = unicodedata.normalize("NFD", c)
        if base in _HALF_WIDTH and all(m in _HALF_WIDTH_MARKS for m in marks):
            out.append(_HALF_WIDTH[base] + "".join(_HALF_WIDTH_MARKS[m] for m in marks))
        else:
            out.append(c)
    return "".join(out)


def plain(text: str) -> Value:
    """A value whose truth is exactly what is printed."""
    return Value(text, text)


# ---------------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------------

#: Common family names with their katakana readings.
FAMILY_NAMES = [
    ("佐藤", "サトウ"), ("鈴木", "スズキ"), ("高橋", "タカハシ"), ("田中", "タナカ"),
    ("伊藤", "イトウ"), ("渡辺", "ワタナベ"), ("山本", "ヤマモト"), ("中村", "ナカムラ"),
    ("小林", "コバヤシ"), ("加藤", "カトウ"), ("吉田", "ヨシダ"), ("山田", "ヤマダ"),
    ("佐々木", "ササキ"), ("山口", "ヤマグチ"), ("松本", "マツモト"), ("井上", "イノウエ"),
    ("木村", "キムラ"), ("林", "ハヤシ"), ("斎藤", "サイトウ"), ("清水", "シミズ"),
    ("山崎", "ヤマザキ"), ("森", "モリ"), ("池田", "イケダ"), ("橋本", "ハシモト"),
    ("阿部", "アベ"), ("石川", "イシカワ"), ("山下", "ヤマシタ"), ("中島", "ナカジマ"),
    ("石井", "イシイ"), ("小川", "オガワ"), ("前田", "マエダ"), ("岡田", "オカダ"),
    ("長谷川", "ハセガワ"), ("藤田", "フジタ"), ("後藤", "ゴトウ"), ("近藤", "コンドウ"),
    ("村上", "ムラカミ"), ("遠藤", "エンドウ"), ("青木", "アオキ"), ("坂本", "サカモト"),
    ("斉藤", "サイトウ"), ("福田", "フクダ"), ("太田", "オオタ"), ("西村", "ニシムラ"),
    ("藤井", "フジイ"), ("金子", "カネコ"), ("岡本", "オカモト"), ("藤原", "フジワラ"),
    ("中野", "ナカノ"), ("三浦", "ミウラ"), ("原田", "ハラダ"), ("中川", "ナカガワ"),
    ("松田", "マツダ"), ("竹内", "タケウチ"), ("小野", "オノ"), ("田村", "タムラ"),
    ("中山", "ナカヤマ"), ("和田", "ワダ"), ("石田", "イシダ"), ("森田", "モリタ"),
    ("上田", "ウエダ"), ("原", "ハラ"), ("内田", "ウチダ"), ("柴田", "シバタ"),
    ("酒井", "サカイ"), ("宮崎", "ミヤザキ"), ("横山", "ヨコヤマ"), ("高木", "タカギ"),
    ("安藤", "アンドウ"), ("宮本", "ミヤモト"), ("大野", "オオノ"), ("小島", "コジマ"),
    ("工藤", "クドウ"), ("谷口", "タニグチ"), ("今井", "イマイ"), ("高田", "タカダ"),
    ("丸山", "マルヤマ"), ("増田", "マスダ"), ("杉山", "スギヤマ"), ("村田", "ムラタ"),
]

#: Common given names with their katakana readings.
GIVEN_NAMES = [
    ("太郎", "タロウ"), ("一郎", "イチロウ"), ("健太", "ケンタ"), ("翔太", "ショウタ"),
    ("大輔", "ダイスケ"), ("拓也", "タクヤ"), ("直樹", "ナオキ"), ("隆", "タカシ"),
    ("浩", "ヒロシ"), ("誠", "マコト"), ("剛", "ツヨシ"), ("健一", "ケンイチ"),
    ("和也", "カズヤ"), ("達也", "タツヤ"), ("亮", "リョウ"), ("翔", "ショウ"),
    ("大樹", "ダイキ"), ("雄太", "ユウタ"), ("学", "マナブ"), ("聡", "サトシ"),
    ("修", "オサム"), ("勇気", "ユウキ"), ("蓮", "レン"), ("悠斗", "ユウト"),
    ("陽介", "ヨウスケ"), ("俊介", "シュンスケ"), ("正樹", "マサキ"), ("秀樹", "ヒデキ"),
    ("康介", "コウスケ"), ("智也", "トモヤ"),
    ("花子", "ハナコ"), ("恵子", "ケイコ"), ("陽子", "ヨウコ"), ("美咲", "ミサキ"),
    ("愛", "アイ"), ("彩", "アヤ"), ("真由美", "マユミ"), ("裕子", "ユウコ"),
    ("由美", "ユミ"), ("明美", "アケミ"), ("直美", "ナオミ"), ("久美子", "クミコ"),
    ("千尋", "チヒロ"), ("舞", "マイ"), ("優子", "ユウコ"), ("香織", "カオリ"),
    ("麻衣", "マイ"), ("沙織", "サオリ"), ("智子", "トモコ"), ("美穂", "ミホ"),
    ("葵", "アオイ"), ("結衣", "ユイ"), ("さくら", "サクラ"), ("七海", "ナナミ"),
    ("奈々", "ナナ"), ("理恵", "リエ"), ("早苗", "サナエ"), ("綾香", "アヤカ"),
    ("亜希子", "アキコ"), ("静香", "シズカ"),
]

FULLWIDTH_SPACE = "\u3000"


def person_name(rng: random.Random, family: tuple[str, str] | None = None) -> tuple[Value, Value]:
    """(name, kana): printed with a full-width space between family and given name
    ("山田　太郎" / "ヤマダ　タロウ"); the truth has no space. `family` (kanji, kana) fixes the
    family name, e.g. for another member of the same household."""
    family, family_kana = family or rng.choice(FAMILY_NAMES)
    given, given_kana = rng.choice(GIVEN_NAMES)
    name = Value(family + FULLWIDTH_SPACE + given, family + given)
    kana = Value(family_kana + FULLWIDTH_SPACE + given_kana, family_kana + given_kana)
    return name, kana


def family_of(name: Value) -> str:
    """The family name (kanji) of a value made by `person_name`."""
    return name.printed.split(FULLWIDTH_SPACE)[0]


# ---------------------------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------------------------

#: (prefecture, county or "", municipality, ward or ""). The municipality (市区町村) is the one a
#: 給与支払報告書 is sent to; a ward of a designated city (政令指定都市) is only part of the address.
MUNICIPALITIES = [
    ("北海道", "", "札幌市", "中央区"), ("北海道", "", "旭川市", ""), ("北海道", "", "函館市", ""),
    ("青森県", "", "青森市", ""), ("青森県", "", "八戸市", ""), ("岩手県", "", "盛岡市", ""),
    ("宮城県", "", "仙台市", "青葉区"), ("宮城県", "", "石巻市", ""), ("秋田県", "", "秋田市", ""),
    ("山形県", "", "山形市", ""), ("福島県", "", "郡山市", ""), ("福島県", "", "いわき市", ""),
    ("茨城県", "", "つくば市", ""), ("茨城県", "", "水戸市", ""), ("茨城県", "", "日立市", ""),
    ("茨城県", "那珂郡", "東海村", ""), ("栃木県", "", "宇都宮市", ""),
    ("群馬県", "", "前橋市", ""), ("群馬県", "", "高崎市", ""), ("群馬県", "吾妻郡", "草津町", ""),
    ("埼玉県", "", "さいたま市", "浦和区"), ("埼玉県", "", "川口市", ""),
    ("埼玉県", "", "所沢市", ""), ("埼玉県", "", "越谷市", ""),
    ("千葉県", "", "千葉市", "中央区"), ("千葉県", "", "船橋市", ""), ("千葉県", "", "柏市", ""),
    ("千葉県", "", "松戸市", ""),
    ("東京都", "", "世田谷区", ""), ("東京都", "", "練馬区", ""), ("東京都", "", "大田区", ""),
    ("東京都", "", "杉並区", ""), ("東京都", "", "八王子市", ""), ("東京都", "", "町田市", ""),
    ("神奈川県", "", "横浜市", "港北区"), ("神奈川県", "", "横浜市", "青葉区"),
    ("神奈川県", "", "川崎市", "中原区"), ("神奈川県", "", "相模原市", "中央区"),
    ("神奈川県", "", "藤沢市", ""), ("神奈川県", "", "横須賀市", ""),
    ("神奈川県", "", "鎌倉市", ""), ("神奈川県", "足柄下郡", "箱根町", ""),
    ("神奈川県", "三浦郡", "葉山町", ""),
    ("新潟県", "", "新潟市", "中央区"), ("新潟県", "", "長岡市", ""), ("富山県", "", "富山市", ""),
    ("石川県", "", "金沢市", ""), ("長野県", "", "長野市", ""), ("長野県", "", "松本市", ""),
    ("長野県", "北佐久郡", "軽井沢町", ""), ("岐阜県", "", "岐阜市", ""),
    ("岐阜県", "大野郡", "白川村", ""),
    ("静岡県", "", "静岡市", "葵区"), ("静岡県", "", "沼津市", ""),
    ("愛知県", "", "名古屋市", "中区"), ("愛知県", "", "豊田市", ""), ("愛知県", "", "岡崎市", ""),
    ("愛知県", "", "一宮市", ""), ("三重県", "", "津市", ""), ("三重県", "", "四日市市", ""),
    ("滋賀県", "", "大津市", ""), ("京都府", "", "京都市", "左京区"), ("京都府", "", "宇治市", ""),
    ("大阪府", "", "大阪市", "北区"), ("大阪府", "", "堺市", "堺区"),
    ("大阪府", "", "東大阪市", ""), ("大阪府", "", "豊中市", ""),
    ("兵庫県", "", "神戸市", "中央区"), ("兵庫県", "", "姫路市", ""), ("兵庫県", "", "西宮市", ""),
    ("奈良県", "", "奈良市", ""), ("和歌山県", "", "和歌山市", ""),
    ("岡山県", "", "岡山市", "北区"), ("岡山県", "", "倉敷市", ""),
    ("広島県", "", "広島市", "中区"), ("広島県", "", "福山市", ""), ("山口県", "", "下関市", ""),
    ("香川県", "", "高松市", ""), ("愛媛県", "", "松山市", ""),
    ("福岡県", "", "福岡市", "博多区"), ("福岡県", "", "北九州市", "小倉北区"),
    ("福岡県", "", "久留米市", ""), ("熊本県", "", "熊本市", "中央区"),
    ("鹿児島県", "", "鹿児島市", ""), ("沖縄県", "", "那覇市", ""),
]

#: Town (町域) names that exist in many municipalities.
TOWNS = [
    "本町", "栄町", "中央", "緑町", "旭町", "幸町", "若葉", "桜台", "東町", "西町", "南町",
    "北町", "新町", "元町", "宮前", "松原", "青葉台", "富士見", "日の出町", "大手町", "錦町",
    "寿町", "泉町", "末広町", "春日", "清水町", "花園", "桜木町", "駅前", "城南", "平和町",
    "美園", "高砂", "千代田", "弥生町", "朝日町",
]

BUILDING_WORDS = [
    "さくら", "ひまわり", "青葉", "富士見", "日の出", "グリーン", "サンライズ", "パーク",
    "リバーサイド", "アーバン", "シティ", "ロイヤル", "エステート", "コスモ", "ヒルズ",
]
BUILDING_PATTERNS = ["{w}マンション{room}号", "{w}ハイツ{room}号", "コーポ{w}{room}号",
                     "{w}レジデンス{room}号", "メゾン{w}{room}号"]

MAX_ADDRESS_CHARS = 30


def _street_number(rng: random.Random) -> str:
    return f"{rng.randint(1, 9)}丁目{rng.randint(1, 30)}番{rng.randint(1, 25)}号"


def address(rng: random.Random, place: tuple | None = None,
            building_probability: float = 0.35) -> tuple[Value, tuple]:
    """A street address (prefecture + [county] + municipality + [ward] + town + 丁目番号
    [+ building]) of at most MAX_ADDRESS_CHARS characters. Returns the value and the place
    tuple from MUNICIPALITIES it is in."""
    place = place or rng.choice(MUNICIPALITIES)
    prefecture, county, municipality, ward = place
    text = prefecture + county + municipality + ward + rng.choice(TOWNS) + _street_number(rng)
    if rng.random() < building_probability:
        building = rng.choice(BUILDING_PATTERNS).format(
            w=rng.choice(BUILDING_WORDS), room=rng.choice([101, 102, 201, 203, 305, 402, 508, 1201]))
        if len(text) + len(building) <= MAX_ADDRESS_CHARS:
            text += building
    assert len(text) <= MAX_ADDRESS_CHARS, text
    return plain(text), place


def submit_to(place: tuple) -> Value:
    """The municipality the report goes to (the payee's), as "○○市長" / "○○区長" / "○○町長"."""
    return plain(place[2] + "長")


def postal_code(rng: random.Random) -> Value:
    digits = f"{rng.randint(10, 999):03d}{rng.randint(0, 9999):04d}"
    hyphenated = digits[:3] + "-" + digits[3:]
    return Value("〒" + hyphenated, hyphenated)


# ---------------------------------------------------------------------------------------------
# Payer (employer)
# ---------------------------------------------------------------------------------------------

COMPANY_WORDS = [
    "山田", "東洋", "日本", "関東", "中部", "北陸", "東邦", "大和", "富士", "丸一", "三栄",
    "共栄", "昭和", "平和", "新日本", "明和", "太陽", "光", "青葉", "旭", "日進", "相模",
    "武蔵野", "湘南", "浪速", "瀬戸内", "九州", "みどり", "さくら", "大成", "協和", "第一",
    "北斗", "大洋",
]
COMPANY_PATTERNS = [
    "株式会社{}商事", "{}工業株式会社", "有限会社{}", "{}建設株式会社", "株式会社{}製作所",
    "{}運輸株式会社", "株式会社{}", "{}電機株式会社", "合同会社{}", "{}食品株式会社",
    "株式会社{}システム", "{}不動産株式会社", "社会福祉法人{}会", "医療法人社団{}会",
]


def company_name(rng: random.Random) -> Value:
    return plain(rng.choice(COMPANY_PATTERNS).format(rng.choice(COMPANY_WORDS)))


def phone_number(rng: random.Random) -> Value:
    """A Japanese phone number printed with hyphens; the truth is the digits only."""
    kind = rng.random()
    if kind < 0.30:    # 2-digit area code (Tokyo, Osaka): 03-1234-5678
        groups = [rng.choice(["03", "06"]), f"{rng.randint(1000, 9999)}", f"{rng.randint(0, 9999):04d}"]
    elif kind < 0.65:  # 3-digit area code: 045-123-4567
        groups = [rng.choice(["011", "022", "043", "045", "048", "052", "075", "078", "082", "092"]),
                  f"{rng.randint(200, 999)}", f"{rng.randint(0, 9999):04d}"]
    elif kind < 0.80:  # 4-digit area code: 0466-12-3456
        groups = [rng.choice(["0466", "0280", "0297", "0263", "0544"]),
                  f"{rng.randint(20, 99)}", f"{rng.randint(0, 9999):04d}"]
    else:              # mobile: 090-1234-5678
        groups = [rng.choice(["090", "080", "070"]), f"{rng.randint(1000, 9999)}",
                  f"{rng.randint(0, 9999):04d}"]
    return Value("-".join(groups), "".join(groups))


DEPARTMENTS = ["総務課", "総務部", "人事課", "人事部", "経理課", "経理部", "管理部", "事務局"]


def contact_person(rng: random.Random) -> Value:
    """担当者: "総務課　佐藤" or a full name; the truth has no space."""
    family = rng.choice(FAMILY_NAMES)[0]
    if rng.random() < 0.6:
        department = rng.choice(DEPARTMENTS)
        return Value(department + FULLWIDTH_SPACE + family, department + family)
    return person_name(rng, (family, ""))[0]


def designation_number(rng: random.Random) -> Value:
    """特別徴収義務者の指定番号: a municipality-assigned number of 6–12 digits."""
    length = rng.choice([6, 7, 8, 8, 8, 10, 10, 12])
    return plain("".join(str(rng.randint(0, 9)) for _ in range(length)))


# ---------------------------------------------------------------------------------------------
# Check-digit numbers
# ---------------------------------------------------------------------------------------------

def my_number_check_digit(first11: str) -> int:
    """個人番号 check digit (see /work/shared/DOMAIN.md)."""
    assert len(first11) == 11 and first11.isdigit()
    total = 0
    for n in range(1, 12):
        p = int(first11[-n])
        q = n + 1 if n <= 6 else n - 5
        total += p * q
    r = total % 11
    return 0 if r <= 1 else 11 - r


def corporate_number_check_digit(last12: str) -> int:
    """法人番号 check digit, which is the FIRST of the 13 digits."""
    assert len(last12) == 12 and last12.isdigit()
    total = 0
    for n in range(1, 13):
        p = int(last12[-n])
        q = 1 if n % 2 == 1 else 2
        total += p * q
    return 9 - total % 9


def my_number(rng: random.Random) -> Value:
    """A 12-digit 個人番号 with a valid check digit, printed plain or in groups of four."""
    body = "".join(str(rng.randint(0, 9)) for _ in range(11))
    digits = body + str(my_number_check_digit(body))
    printed = digits if rng.random() < 0.6 else " ".join(digits[i:i + 4] for i in (0, 4, 8))
    return Value(printed, digits)


def corporate_number(rng: random.Random) -> Value:
    """A 13-digit 法人番号 with a valid leading check digit."""
    body = "".join(str(rng.randint(0, 9)) for _ in range(12))
    return plain(str(corporate_number_check_digit(body)) + body)


# ---------------------------------------------------------------------------------------------
# Dates (和暦)
# ---------------------------------------------------------------------------------------------

#: (era name, first day), latest first. Only the eras sample dates can fall into.
ERAS = [("令和", _dt.date(2019, 5, 1)), ("平成", _dt.date(1989, 1, 8)), ("昭和", _dt.date(1926, 12, 25))]

BIRTH_FIRST = _dt.date(1965, 1, 1)    # 昭和40年1月1日
BIRTH_LAST = _dt.date(2003, 12, 31)   # 平成15年12月31日


def to_wareki(day: _dt.date) -> tuple[str, int]:
    """(era name, year of era) of a date from 昭和 onwards."""
    for era, start in ERAS:
        if day >= start:
            return era, day.year - start.year + 1
    raise ValueError(f"{day} is before 昭和")


def format_wareki(day: _dt.date) -> str:
    """Payroll-software style: "昭和60年 4月 1日", "平成 3年12月24日", "平成元年 1月 8日"."""
    era, year = to_wareki(day)
    year_text = "元" if year == 1 else f"{year:>2}"
    return f"{era}{year_text}年{day.month:>2}月{day.day:>2}日"


def era_date(day: _dt.date) -> Value:
    """Printed in 和暦 as payroll software does; the truth is ISO 8601."""
    return Value(format_wareki(day), day.isoformat())


def birth_date(rng: random.Random) -> Value:
    span = (BIRTH_LAST - BIRTH_FIRST).days
    return era_date(BIRTH_FIRST + _dt.timedelta(days=rng.randint(0, span)))


def atena_number(rng: random.Random) -> Value:
    """宛名番号: the municipality's own number for a resident, 8–12 digits."""
    length = rng.choice([8, 10, 10, 10, 12])
    return plain("".join(str(rng.randint(0, 9)) for _ in range(length)))


# ---------------------------------------------------------------------------------------------
# Amounts
# ---------------------------------------------------------------------------------------------

def income_after_employment_deduction(pay: int) -> int:
    """給与所得控除後の給与等の金額 (令和2年分以降, after 所得税法別表第五).
    From 1,624,000 to 6,599,999 yen the table works on the pay rounded down to a multiple
    of 4,000 yen."""
    if pay < 551_000:
        return 0
    if pay < 1_624_000:
        return pay - 550_000
    if pay < 6_600_000:
        a = pay // 4000 * 4000
        if pay < 1_800_000:
            return a * 60 // 100 + 100_000
        if pay < 3_600_000:
            return a * 70 // 100 - 80_000
        return a * 80 // 100 - 440_000
    if pay < 8_500_000:
        return pay * 90 // 100 - 1_100_000
    return pay - 1_950_000


def income_tax(taxable: int) -> int:
    """Annual income tax with the 2.1% reconstruction surtax, rounded down to 100 yen."""
    taxable = max(0, taxable) // 1000 * 1000
    brackets = [(1_950_000, 0.05, 0), (3_300_000, 0.10, 97_500), (6_950_000, 0.20, 427_500),
                (9_000_000, 0.23, 636_000), (18_000_000, 0.33, 1_536_000),
                (40_000_000, 0.40, 2_796_000), (None, 0.45, 4_796_000)]
    for limit, rate, subtract in brackets:
        if limit is None or taxable <= limit:
            tax = max(0, int(taxable * rate) - subtract)
            return int(tax * 1.021) // 100 * 100
    raise AssertionError("unreachable")


def yen(amount: int) -> Value:
    """Printed with thousands separators and no ¥; truth plain digits."""
    return Value(f"{amount:,}", str(amount))


BLANK = Value("", "")


# ---------------------------------------------------------------------------------------------
# Bank accounts
# ---------------------------------------------------------------------------------------------

#: 金融機関コード of the kinds a municipality sees: city and regional banks (0001–0999), shinkin
#: banks and credit co-operatives (1000–2999), agricultural co-operatives (3000–9499), and
#: Japan Post Bank (9900). Drawn at random: not a list of real institutions.
BANK_CODE_RANGES = [(1, 999), (1000, 2999), (3000, 9499), (9900, 9900)]


def bank_code(rng: random.Random) -> Value:
    low, high = rng.choices(BANK_CODE_RANGES, weights=[55, 30, 10, 5])[0]
    return plain(f"{rng.randint(low, high):04d}")


def branch_code(rng: random.Random) -> Value:
    return plain(f"{rng.randint(1, 999):03d}")


def account_number(rng: random.Random) -> Value:
    return plain(f"{rng.randint(0, 9_999_999):07d}")


def value_for_type(field_type: str, rng: random.Random) -> Value:
    """A stand-in value for a field this module has no specific generator for, by its type
    (so that the generator can fill other definitions too, if less realistically)."""
    generators = {
        "my_number": my_number, "corporate_number": corporate_number, "phone": phone_number,
        "postal_code": postal_code, "date": birth_date,
        "amount": lambda r: yen(r.randint(10_000, 9_999_999)),
        "digits": lambda r: plain(str(r.randint(0, 999_999))),
        "kana": lambda r: person_name(r)[1],
        "checkbox": lambda r: plain("1" if r.random() < 0.2 else "0"),
    }
    if field_type in generators:
        return generators[field_type](rng)
    return address(rng)[0] if rng.random() < 0.5 else company_name(rng)
