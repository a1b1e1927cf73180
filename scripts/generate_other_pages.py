#!/usr/bin/python3
"""Generate scanned-looking pages that are none of the defined forms, for mixed batches.

    /usr/bin/python3 scripts/generate_other_pages.py --out Samples/other --count 12 --seed 1

Kinds, in turn (page i is kind i mod 5, so every kind is in any set of five or more):

- blank     an empty sheet, sometimes with the back side's print showing through faintly;
- letter    a typed お知らせ: date, addressee, sender, title, paragraphs and a 記 list, no rules;
- notebook  ruled notebook paper with a few typed notes;
- grid      another municipality's form (住民異動届-like): a ruled grid with its own row
            heights and columns, partly filled in, printed in black, dark blue or green;
- receipt   a 領収書 on part of the sheet: framed amount, 但し書き, issuer with a red 角印 and a
            details table.

Each page is A4 at 300 dpi before scanning and is then scanned like the form samples
(scanning.py; `--hard` as for generate_samples.py) and turned to a random quarter turn. The truth
beside each page is {"form": null, "fields": {}}: Chohyo should leave it unclassified.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys

from PIL import Image, ImageDraw

import fakedata
import stamps
from formlayout import font
from render_template import draw_text_at_ink_top, text_width
from scanning import Scan, choose_format, make_colour_scan, remove_stale, save_page, scan_page

PAGE = (2480, 3508)        # A4 portrait, 300 dpi
KINDS = ["blank", "letter", "notebook", "grid", "receipt"]


def sample_rng(seed: int, index: int, purpose: str) -> random.Random:
    return random.Random(f"other:{seed}:{index}:{purpose}")


def wrap(draw: ImageDraw.ImageDraw, text: str, face, width: float) -> list[str]:
    """Japanese text broken into lines no wider than `width` (any character may end a line)."""
    lines, line = [], ""
    for char in text:
        if text_width(draw, line + char, face) > width and line:
            lines.append(line)
            line = char
        else:
            line += char
    return lines + [line] if line else lines


def reiwa_date(rng: random.Random) -> str:
    return f"令和7年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"


# =============================================================================================
# The kinds of page
# =============================================================================================

def blank_page(rng: random.Random) -> Image.Image:
    """An empty sheet; one in two shows the back side's text through the paper, mirrored."""
    page = Image.new("L", PAGE, 255)
    if rng.random() < 0.5:
        back = letter_page(rng).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
        faint = rng.randint(225, 240)
        page = back.point([faint + (255 - faint) * v // 255 for v in range(256)])
    return page


LETTER_TITLES = ["固定資産税の縦覧についてのお知らせ", "市民税・県民税の申告についてのお知らせ",
                 "国民健康保険税の口座振替のご案内", "軽自動車税の減免についてのお知らせ",
                 "住民税の特別徴収についてのお願い", "納税証明書の交付窓口の変更について"]
LETTER_SENTENCES = [
    "日頃より市政の運営にご理解とご協力をいただき、誠にありがとうございます。",
    "このたび、下記のとおり手続きの受付を行いますので、お知らせいたします。",
    "期限までに手続きがない場合には、後日あらためてご案内をお送りすることがあります。",
    "ご不明な点がございましたら、お手数ですが下記の問合せ先までご連絡ください。",
    "窓口は大変混雑することが予想されますので、郵送による手続きもご利用ください。",
    "なお、すでに手続きがお済みの方には、行き違いとなりましたことをお詫び申し上げます。",
    "必要な書類は、市のホームページからも入手することができます。",
    "手続きの際には、本人確認書類をお持ちください。",
    "代理の方が手続きをされる場合は、委任状が必要です。",
    "制度の改正により、本年度から受付期間が変更となりました。",
    "皆様のご理解とご協力をお願い申し上げます。",
    "お支払いには、便利で確実な口座振替をご利用ください。",
]
LETTER_ITEMS = [
    "期間　{date}から{date2}まで（土日祝日を除く）",
    "場所　市役所本庁舎2階　税務課窓口",
    "持ち物　本人確認書類、通知書、印鑑",
    "受付時間　午前8時30分から午後5時15分まで",
    "問合せ先　税務課　電話 {phone}",
]


def letter_page(rng: random.Random) -> Image.Image:
    page = Image.new("L", PAGE, 255)
    draw = ImageDraw.Draw(page)
    left, right = rng.randint(220, 300), PAGE[0] - rng.randint(220, 300)
    body = font("ipa-mincho", rng.randint(38, 44))
    step = int(body.size * rng.uniform(1.6, 1.9))
    y = rng.randint(220, 320)
    date = reiwa_date(rng)
    draw_text_at_ink_top(draw, right - text_width(draw, date, body), y, date, body)
    y += step * 2
    name, _ = fakedata.person_name(rng)
    draw_text_at_ink_top(draw, left, y, name.printed + "　様", font("ipa-mincho", body.size + 6))
    y += step * 2
    municipality = rng.choice(fakedata.MUNICIPALITIES)[2]
    for line in (f"{municipality}長", f"{municipality}役所　税務課"):
        draw_text_at_ink_top(draw, right - text_width(draw, line, body), y, line, body)
        y += step
    y += step
    title = rng.choice(LETTER_TITLES)
    title_face = font("ipa-gothic", rng.randint(52, 60))
    draw_text_at_ink_top(draw, (PAGE[0] - text_width(draw, title, title_face)) / 2, y, title, title_face)
    y += step * 2
    for _ in range(rng.randint(2, 4)):
        paragraph = "　" + "".join(rng.sample(LETTER_SENTENCES, rng.randint(2, 4)))
        for line in wrap(draw, paragraph, body, right - left):
            draw_text_at_ink_top(draw, left, y, line, body)
            y += step
        y += step // 3
    y += step
    draw_text_at_ink_top(draw, (PAGE[0] - text_width(draw, "記", body)) / 2, y, "記", body)
    y += step * 2
    for n, item in enumerate(LETTER_ITEMS[:rng.randint(3, 5)], start=1):
        text = f"{n}　" + item.format(date=reiwa_date(rng), date2=reiwa_date(rng),
                                     phone=fakedata.phone_number(rng).printed)
        draw_text_at_ink_top(draw, left + 80, y, text, body)
        y += step
    draw_text_at_ink_top(draw, right - text_width(draw, "以上", body), y + step, "以上", body)
    return page


NOTES = ["打合せ　来週火曜　10時から", "資料の差替え済み", "見積依頼の件、確認中", "・申請書の控えを保管",
         "次回までに集計表を作成", "電話連絡あり（折り返し）", "締切　月末"]


def notebook_page(rng: random.Random) -> Image.Image:
    """Ruled notebook paper: evenly spaced rules, a margin line, a No./Date header."""
    blue = rng.random() < 0.5
    page = Image.new("RGB" if blue else "L", PAGE, (255, 255, 255) if blue else 255)
    draw = ImageDraw.Draw(page)
    rule = (130, 160, 205) if blue else 150
    pitch = rng.randint(88, 110)
    left, right = rng.randint(100, 180), PAGE[0] - rng.randint(100, 180)
    top = rng.randint(330, 420)
    header = font("ipa-gothic", 34)
    draw.text((right - 700, top - 110), "No.", font=header, fill=rule)
    draw.line([(right - 630, top - 70), (right - 420, top - 70)], fill=rule, width=2)
    draw.text((right - 380, top - 110), "Date", font=header, fill=rule)
    draw.line([(right - 290, top - 70), (right, top - 70)], fill=rule, width=2)
    y = top
    while y < PAGE[1] - 150:
        draw.line([(left, y), (right, y)], fill=rule, width=2)
        y += pitch
    margin = left + rng.randint(180, 260)
    draw.line([(margin, top - pitch), (margin, y - pitch)], fill=rule, width=2)
    ink = (40, 40, 60) if blue else 40
    face = font("ipa-mincho", int(pitch * 0.5))
    for row in sorted(rng.sample(range(1, 20), rng.randint(3, 8))):
        note = rng.choice(NOTES)
        draw.text((margin + 30, top + row * pitch - 12), note, font=face, fill=ink, anchor="ls")
    return page


def grid_page(rng: random.Random) -> Image.Image:
    """Another municipality's 住民異動届: header cells, address rows, a table of the people
    who moved, and a remarks row; row heights and columns differ from page to page."""
    colour = rng.choice([(0, 0, 0), (20, 40, 120), (20, 100, 60)])
    gray = colour == (0, 0, 0)
    page = Image.new("L" if gray else "RGB", PAGE, 255 if gray else (255, 255, 255))
    draw = ImageDraw.Draw(page)
    ink = colour[0] if gray else colour
    value_ink = 0 if gray else (0, 0, 0)
    left, right = rng.randint(120, 200), PAGE[0] - rng.randint(120, 200)
    title = rng.choice(["住民異動届", "住民異動届（転入・転居・転出）", "住所異動届出書"])
    title_face = font("ipa-mincho", 70)
    draw_text_at_ink_top(draw, (PAGE[0] - text_width(draw, title, title_face)) / 2, 150, title,
                         title_face, fill=ink)
    label = font("ipa-gothic", 32)
    value = font("ipa-gothic", 38)
    line = rng.choice([2, 3, 4])

    def row(y: int, height: int, cells: list[tuple[str, float]], values: dict[int, str]) -> int:
        """One row of cells across the table; labels top-left, values typed in."""
        x = left
        for n, (text, share) in enumerate(cells):
            x1 = right if n == len(cells) - 1 else x + int((right - left) * share)
            draw.rectangle([x, y, x1, y + height], outline=ink, width=line)
            if text:
                draw_text_at_ink_top(draw, x + 14, y + 12, text, label, fill=ink)
            if n in values:
                draw.text((x + 24, y + height * 0.62), values[n], font=value, fill=value_ink, anchor="lm")
            x = x1
        return y + height

    y = rng.randint(300, 360)
    y = row(y, rng.randint(110, 150), [("届出日", 0.16), ("", 0.34), ("異動日", 0.16), ("", 0.34)],
            {1: reiwa_date(rng), 3: reiwa_date(rng)})
    new_address, _ = fakedata.address(rng)
    old_address, _ = fakedata.address(rng)
    for caption, text in (("新住所", new_address.printed), ("旧住所", old_address.printed)):
        y = row(y, rng.randint(170, 240), [(caption, 0.18), ("", 0.82)], {1: text})
    head, _ = fakedata.person_name(rng)
    filer, _ = fakedata.person_name(rng)
    y = row(y, rng.randint(120, 160), [("世帯主", 0.15), ("", 0.35), ("届出人", 0.15), ("", 0.35)],
            {1: head.printed, 3: filer.printed})
    y += rng.randint(40, 90)
    columns = [("氏名", 0.22), ("フリガナ", 0.22), ("生年月日", 0.2), ("性別", 0.08), ("続柄", 0.1),
               ("住民票コード", 0.18)]
    y = row(y, rng.randint(70, 100), columns, {})
    row_height = rng.randint(130, 190)
    family = rng.choice(fakedata.FAMILY_NAMES)
    for n in range(rng.randint(3, 6)):
        if n < rng.randint(1, 3):
            name, kana = fakedata.person_name(rng, family)
            values = {0: name.printed, 1: kana.printed, 2: fakedata.birth_date(rng).printed,
                      3: rng.choice(["男", "女"]), 4: rng.choice(["世帯主", "妻", "子", "夫"])}
        else:
            values = {}
        y = row(y, row_height, columns, values)
    y += rng.randint(40, 90)
    row(y, rng.randint(260, 400), [("備考", 0.14), ("", 0.86)], {})
    return page


RECEIPT_ITEMS = [("事務用品", 1500), ("コピー用紙", 3200), ("トナー", 8800), ("封筒", 600),
                 ("会議用弁当", 1080), ("お茶", 150), ("文具一式", 2400), ("電池", 480)]


def receipt_page(rng: random.Random) -> Image.Image:
    """A 領収書 placed on the scanner glass: part of the sheet, with its own frame and table."""
    page = Image.new("RGB", PAGE, (255, 255, 255))
    draw = ImageDraw.Draw(page)
    black = (0, 0, 0)
    x0, y0 = rng.randint(120, 400), rng.randint(150, 500)
    x1, y1 = x0 + rng.randint(1700, 2000), y0 + rng.randint(1900, 2400)
    draw.rectangle([x0, y0, x1, y1], outline=black, width=4)
    draw.rectangle([x0 + 14, y0 + 14, x1 - 14, y1 - 14], outline=black, width=2)
    title = font("ipa-mincho", 90)
    draw_text_at_ink_top(draw, (x0 + x1 - text_width(draw, "領 収 書", title)) / 2, y0 + 70, "領 収 書",
                         title, fill=black)
    body = font("ipa-mincho", 44)
    name = fakedata.company_name(rng).printed if rng.random() < 0.5 else fakedata.person_name(rng)[0].printed
    draw_text_at_ink_top(draw, x0 + 100, y0 + 260, name + "　様", body, fill=black)
    draw.line([(x0 + 100, y0 + 330), (x0 + 1100, y0 + 330)], fill=black, width=2)

    items = rng.sample(RECEIPT_ITEMS, rng.randint(2, 5))
    quantities = [rng.randint(1, 6) for _ in items]
    subtotal = sum(q * price for q, (_, price) in zip(quantities, items))
    total = subtotal + subtotal // 10
    amount_box = (x0 + 200, y0 + 400, x1 - 200, y0 + 560)
    draw.rectangle(amount_box, outline=black, width=3)
    amount = font("ipa-gothic", 80)
    draw.text(((amount_box[0] + amount_box[2]) / 2, (amount_box[1] + amount_box[3]) / 2),
              f"￥{total:,}－", font=amount, fill=black, anchor="mm")
    draw_text_at_ink_top(draw, x0 + 200, y0 + 610, "但し　" + rng.choice(["事務用品代", "お品代", "消耗品代"])
                         + "として", body, fill=black)
    draw_text_at_ink_top(draw, x0 + 200, y0 + 690, "上記正に領収いたしました", body, fill=black)
    draw_text_at_ink_top(draw, x0 + 200, y0 + 770, reiwa_date(rng), body, fill=black)
    # 収入印紙 box (left) and the issuer with its company seal (right).
    draw.rectangle([x0 + 100, y0 + 860, x0 + 360, y0 + 1160], outline=black, width=2)
    draw_text_at_ink_top(draw, x0 + 150, y0 + 990, "収入印紙", font("ipa-mincho", 36), fill=black)
    issuer = fakedata.company_name(rng).printed
    issuer_address, _ = fakedata.address(rng)
    small = font("ipa-mincho", 36)
    ix = x1 - 1000
    for n, text in enumerate([issuer_address.printed, issuer, "TEL " + fakedata.phone_number(rng).printed]):
        draw_text_at_ink_top(draw, ix, y0 + 880 + n * 70, text, small if n != 1 else body, fill=black)
    # Details table.
    ty = y0 + 1240
    columns = [x0 + 100, x0 + 900, x0 + 1150, x0 + 1450, x1 - 100]
    rows = len(items) + 4
    for r in range(rows + 1):
        draw.line([(columns[0], ty + r * 110), (columns[-1], ty + r * 110)], fill=black, width=2)
    for x in columns:
        draw.line([(x, ty), (x, ty + rows * 110)], fill=black, width=2)
    cell = font("ipa-gothic", 38)
    for c, head in enumerate(["品名", "数量", "単価", "金額"]):
        draw.text(((columns[c] + columns[c + 1]) / 2, ty + 55), head, font=cell, fill=black, anchor="mm")
    for r, ((item, price), quantity) in enumerate(zip(items, quantities), start=1):
        cy = ty + r * 110 + 55
        draw.text((columns[0] + 20, cy), item, font=cell, fill=black, anchor="lm")
        draw.text((columns[2] - 20, cy), str(quantity), font=cell, fill=black, anchor="rm")
        draw.text((columns[3] - 20, cy), f"{price:,}", font=cell, fill=black, anchor="rm")
        draw.text((columns[4] - 20, cy), f"{price * quantity:,}", font=cell, fill=black, anchor="rm")
    for r, (caption, value) in enumerate([("小計", subtotal), ("消費税（10%）", subtotal // 10),
                                          ("合計", total)], start=len(items) + 1):
        cy = ty + r * 110 + 55
        draw.text((columns[3] - 20, cy), caption, font=cell, fill=black, anchor="rm")
        draw.text((columns[4] - 20, cy), f"{value:,}", font=cell, fill=black, anchor="rm")
    seal_name = issuer.replace("株式会社", "").replace("有限会社", "").replace("合同会社", "")[:6] + "之印"
    stamps.press_square_seal(page, (x1 - 260, y0 + 960), seal_name, rng.randint(190, 240), rng)
    return page


DRAW = {"blank": blank_page, "letter": letter_page, "notebook": notebook_page,
        "grid": grid_page, "receipt": receipt_page}


# =============================================================================================
# Command line
# =============================================================================================

def make_page(kind: str, seed: int, index: int, hard: bool, requested_format: str):
    page = DRAW[kind](sample_rng(seed, index, "content"))
    scan_rng = sample_rng(seed, index, "scan")
    scan = Scan.choose_hard(scan_rng) if hard else Scan.choose(scan_rng)
    scan.turn = sample_rng(seed, index, "turn").choice([0, 90, 180, 270])
    if page.mode == "RGB":
        scan = make_colour_scan(scan, sample_rng(seed, index, "colour scan"))
    page = scan_page(page, (PAGE[0] / 2, PAGE[1] / 2), scan, scan_rng)
    fmt = "tif" if scan.fax else choose_format(requested_format, sample_rng(seed, index, "format"),
                                               page.mode == "RGB")
    return page, scan, fmt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, help="folder for NAME.png|jpg|tif and NAME.json")
    parser.add_argument("--count", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start-index", type=int, default=1, help="number of the first page")
    parser.add_argument("--prefix", help="file name prefix (default: the --out folder's name)")
    parser.add_argument("--hard", action="store_true", help="harder scans, as generate_samples.py --hard")
    parser.add_argument("--format", choices=["png", "jpg", "tif", "mix"], default="mix")
    args = parser.parse_args(argv)

    os.makedirs(args.out, exist_ok=True)
    prefix = args.prefix or os.path.basename(os.path.normpath(args.out))
    print("| file | kind | format | dpi | turn | skew ° | colour |")
    print("|---|---|---|---|---|---|---|")
    for index in range(args.start_index, args.start_index + args.count):
        kind = KINDS[(index - 1) % len(KINDS)]
        page, scan, fmt = make_page(kind, args.seed, index, args.hard, args.format)
        name = f"{prefix}_{index:04d}"
        remove_stale(args.out, name)
        path = os.path.join(args.out, f"{name}.{fmt}")
        save_page(page, path, fmt, scan.dpi, scan.jpeg_quality, scan.threshold)
        with open(os.path.join(args.out, f"{name}.json"), "w", encoding="utf-8") as handle:
            json.dump({"form": None, "fields": {}}, handle, indent=1)
            handle.write("\n")
        colour = "bilevel" if fmt == "tif" else "colour" if page.mode == "RGB" else "gray"
        print(f"| {os.path.basename(path)} | {kind} | {fmt} | {scan.dpi} | {scan.turn} | "
              f"{scan.angle:+.2f} | {colour}{' (fax)' if scan.fax else ''} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
