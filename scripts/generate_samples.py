#!/usr/bin/python3
"""Generate filled-in, scanned-looking sample pages of a form, with ground truth.

    /usr/bin/python3 scripts/generate_samples.py \\
        --definition FormDefinitions/kyuyo_shiharai_hokokusho.yaml \\
        --out Samples/kyuyo --count 30 --seed 1 --format mix

Each page starts from the template drawn by render_template.py (imported, not copied), gets a
fake value typed into every field box the way payroll software prints it, and is then
"scanned": skewed, shifted, scaled, resampled to 200/300/400 dpi, sometimes turned upside down
or sideways, blurred, speckled and re-levelled. Beside each image NAME.png|jpg|tif the truth is
written to NAME.json: {"form": ID, "fields": {key: value, ...}}.

Everything is reproducible: sample i depends only on (seed, i), so --start-index extends a set
without changing the pages already in it. `--selftest` checks the generator itself.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import random
import re
import sys
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageDraw, ImageFilter

import fakedata
import formlayout
from fakedata import Value
from formlayout import Definition, Field
from render_template import render_template, value_boxes_are_blank

TEXT_PADDING = 12          # px between a value and the left/right edge of its box
BOX_CLEARANCE = 3          # a value's ink must stay at least this far inside its box
VALUE_FONTS = ["noto-sans-jp", "ipa-gothic"]
EXTENSIONS = {"png": "png", "jpg": "jpg", "tif": "tif"}
MM = 300 / 25.4            # template pixels per millimetre
PNG_GRAY_LEVELS = 32


# =============================================================================================
# Typing the values
# =============================================================================================

@dataclass(frozen=True)
class TypeStyle:
    """How one page's values are printed: the same for every field of the page."""
    font_name: str
    size: int              # for a 90 px tall box; scaled for other heights
    ink: int               # gray level of the toner
    dx: int                # printer registration offset, px
    dy: int
    tick: str              # "check" or "cross"
    tick_width: int

    @staticmethod
    def choose(rng: random.Random) -> "TypeStyle":
        return TypeStyle(font_name=rng.choice(VALUE_FONTS), size=rng.randint(42, 46),
                         ink=rng.randint(0, 35), dx=rng.randint(-5, 5), dy=rng.randint(-4, 4),
                         tick=rng.choice(["check", "check", "cross"]), tick_width=rng.randint(5, 6))


def inner(box: tuple[int, int, int, int], margin: int) -> tuple[int, int, int, int]:
    x0, y0, x1, y1 = box
    return (x0 + margin, y0 + margin, x1 - margin, y1 - margin)


def contains(outer: tuple, box: tuple) -> bool:
    return outer[0] <= box[0] and outer[1] <= box[1] and box[2] <= outer[2] and box[3] <= outer[3]


def type_text(draw: ImageDraw.ImageDraw, field: Field, text: str, style: TypeStyle) -> None:
    """Type `text` into the field's box: vertically centred, left-aligned (amounts: right)."""
    size = round(style.size * field.h / 90)
    right_aligned = field.type == "amount"
    allowed = inner(field.box, BOX_CLEARANCE)
    while True:
        face = formlayout.font(style.font_name, size)
        # Centre on a kanji's ink so that every field of the page shares one baseline height.
        _, ref_top, _, ref_bottom = draw.textbbox((0, 0), "国", font=face, anchor="ls")
        baseline = field.y + field.h / 2 - (ref_top + ref_bottom) / 2 + style.dy
        if right_aligned:
            origin, anchor = (field.x + field.w - TEXT_PADDING + style.dx, baseline), "rs"
        else:
            origin, anchor = (field.x + TEXT_PADDING + style.dx, baseline), "ls"
        bbox = draw.textbbox(origin, text, font=face, anchor=anchor)
        if contains(allowed, bbox):
            break
        if size <= 20:
            raise ValueError(f"{field.key}: {text!r} does not fit its box")
        size -= 1
    draw.text(origin, text, font=face, fill=style.ink, anchor=anchor)


def tick_box(draw: ImageDraw.ImageDraw, field: Field, style: TypeStyle) -> None:
    """A bold ✓ or ✗ filling most of the check box, clear of its 3 px outline."""
    x0, y0 = field.x + max(-1, min(1, style.dx)), field.y + max(-1, min(1, style.dy))

    def at(fx: float, fy: float) -> tuple[float, float]:
        return (x0 + fx * field.w, y0 + fy * field.h)

    if style.tick == "check":
        draw.line([at(0.14, 0.50), at(0.38, 0.82), at(0.86, 0.14)], fill=style.ink,
                  width=style.tick_width, joint="curve")
    else:
        draw.line([at(0.16, 0.16), at(0.84, 0.84)], fill=style.ink, width=style.tick_width)
        draw.line([at(0.84, 0.16), at(0.16, 0.84)], fill=style.ink, width=style.tick_width)


def fill_form(template: Image.Image, definition: Definition, values: dict[str, Value],
              style: TypeStyle) -> Image.Image:
    page = template.copy()
    draw = ImageDraw.Draw(page)
    for field in definition.fields:
        value = values[field.key]
        if field.type == "checkbox":
            if value.truth == "1":
                tick_box(draw, field, style)
        elif value.printed:
            type_text(draw, field, value.printed, style)
    return page


def record_for(definition: Definition, rng: random.Random) -> dict[str, Value]:
    """Consistent values for the known form; a stand-in by type for any other field."""
    record = fakedata.payroll_record(rng) if definition.id == "kyuyo_shiharai_hokokusho" else {}
    return {f.key: record.get(f.key) or fakedata.value_for_type(f.type, rng)
            for f in definition.fields}


# =============================================================================================
# "Scanning"
# =============================================================================================

@dataclass
class Scan:
    dpi: int
    angle: float           # skew, degrees, counter-clockwise as seen on the page
    scale: float
    shift_x: float         # px at 300 dpi
    shift_y: float
    turn: int              # 0, 90, 180 or 270: the page fed sideways or upside down
    blur: float
    paper: int             # background gray
    black: int             # darkest gray
    specks: int
    jpeg_quality: int
    threshold_offset: int  # for bilevel TIFF

    @staticmethod
    def choose(rng: random.Random) -> "Scan":
        dpi = rng.choices([300, 200, 400], weights=[70, 15, 15])[0]
        if rng.random() < 0.1:
            angle = rng.choice([-1, 1]) * rng.uniform(3.0, 8.0)
        else:
            angle = rng.uniform(-3.0, 3.0)
        turn_draw = rng.random()
        turn = 180 if turn_draw < 0.125 else rng.choice([90, 270]) if turn_draw < 0.225 else 0
        return Scan(dpi=dpi, angle=angle, scale=rng.uniform(0.95, 1.05),
                    shift_x=rng.uniform(-10, 10) * MM, shift_y=rng.uniform(-10, 10) * MM,
                    turn=turn, blur=rng.uniform(0.0, 1.0), paper=rng.randint(228, 252),
                    black=rng.randint(0, 40), specks=rng.randint(150, 900),
                    jpeg_quality=rng.randint(70, 85), threshold_offset=rng.randint(-12, 12))


def field_area_centre(definition: Definition) -> tuple[float, float]:
    cells = [f.cell for f in definition.fields]
    return ((min(c[0] for c in cells) + max(c[2] for c in cells)) / 2,
            (min(c[1] for c in cells) + max(c[3] for c in cells)) / 2)


def forward(point, centre, scan: Scan) -> tuple[float, float]:
    """Where a template point lands on the scanned page (300 dpi, before any turn)."""
    a = math.radians(scan.angle)
    dx, dy = point[0] - centre[0], point[1] - centre[1]
    return (centre[0] + scan.shift_x + scan.scale * (math.cos(a) * dx + math.sin(a) * dy),
            centre[1] + scan.shift_y + scan.scale * (-math.sin(a) * dx + math.cos(a) * dy))


def keep_fields_on_page(scan: Scan, definition: Definition, margin: float = 12) -> Scan:
    """Skew is about the middle of the field area. If a field's cell would leave the page,
    first halve the shift (a few times), then give up enlargement, then lessen the skew: the
    ground truth promises every value is on the page."""
    centre = field_area_centre(definition)
    width, height = definition.page_size
    corners = [(c[0], c[1]) for f in definition.fields for c in [f.cell[:2], f.cell[2:]]] + \
              [(f.cell[0], f.cell[3]) for f in definition.fields] + \
              [(f.cell[2], f.cell[1]) for f in definition.fields]

    def fits() -> bool:
        return all(margin <= x <= width - margin and margin <= y <= height - margin
                   for x, y in (forward(p, centre, scan) for p in corners))

    for _ in range(6):
        if fits():
            return scan
        scan.shift_x /= 2
        scan.shift_y /= 2
    scan.scale = min(scan.scale, 1.0)
    while not fits() and abs(scan.angle) > 0.5:
        scan.angle -= math.copysign(0.5, scan.angle)
    return scan


def scan_page(page: Image.Image, definition: Definition, scan: Scan,
              rng: random.Random) -> Image.Image:
    """Resample, skew/shift/scale, turn, speckle, blur and re-level a clean 300 dpi page."""
    factor = scan.dpi / 300
    if scan.dpi != 300:
        page = page.resize((round(page.width * factor), round(page.height * factor)),
                           Image.Resampling.LANCZOS)
    # Inverse of `forward`, in output pixels: for each output pixel, where to sample.
    cx, cy = (v * factor for v in field_area_centre(definition))
    tx, ty = scan.shift_x * factor, scan.shift_y * factor
    a = math.radians(scan.angle)
    cos, sin, s = math.cos(a), math.sin(a), scan.scale
    matrix = (cos / s, -sin / s, cx - (cos * (cx + tx) - sin * (cy + ty)) / s,
              sin / s, cos / s, cy - (sin * (cx + tx) + cos * (cy + ty)) / s)
    page = page.transform(page.size, Image.Transform.AFFINE, matrix,
                          resample=Image.Resampling.BICUBIC, fillcolor=255)
    if scan.turn:
        page = page.transpose({90: Image.Transpose.ROTATE_90, 180: Image.Transpose.ROTATE_180,
                               270: Image.Transpose.ROTATE_270}[scan.turn])

    # Dust and toner specks, kept sparse so that PNGs stay small.
    draw = ImageDraw.Draw(page)
    for _ in range(scan.specks):
        x, y = rng.randrange(page.width), rng.randrange(page.height)
        radius = rng.choice([0.5, 0.5, 0.5, 1, 1, 1.5]) * factor
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=rng.randint(30, 170))

    if scan.blur > 0.05:
        page = page.filter(ImageFilter.GaussianBlur(scan.blur * factor))
    span = scan.paper - scan.black
    return page.point([scan.black + span * v // 255 for v in range(256)])


def save_page(page: Image.Image, path: str, fmt: str, dpi: int, jpeg_quality: int = 80,
              threshold: int = 128) -> None:
    """PNG: 8-bit gray, quantised to PNG_GRAY_LEVELS levels (halves the size, invisible at
    scan resolution); JPEG: gray at the given quality; TIFF: bilevel, CCITT Group 4."""
    if fmt == "png":
        step = 256 / PNG_GRAY_LEVELS
        quantised = page.point([min(255, round(int(v / step) * step + step / 2)) for v in range(256)])
        quantised.save(path, format="PNG", dpi=(dpi, dpi), optimize=True)
    elif fmt == "jpg":
        page.save(path, format="JPEG", dpi=(dpi, dpi), quality=jpeg_quality, optimize=True)
    elif fmt == "tif":
        bilevel = page.point(lambda v: 255 if v > threshold else 0, mode="1")
        bilevel.save(path, format="TIFF", compression="group4", dpi=(dpi, dpi))
    else:
        raise ValueError(fmt)


def choose_format(requested: str, rng: random.Random) -> str:
    if requested != "mix":
        return requested
    return rng.choices(["png", "jpg", "tif"], weights=[65, 20, 15])[0]


# =============================================================================================
# One sample, and the command line
# =============================================================================================

def sample_rng(seed: int, index: int, purpose: str) -> random.Random:
    """Independent streams, so that e.g. --no-degrade keeps the same values."""
    return random.Random(f"{seed}:{index}:{purpose}")


def make_sample(definition: Definition, template: Image.Image, seed: int, index: int,
                degrade: bool, requested_format: str):
    values = record_for(definition, sample_rng(seed, index, "values"))
    style = TypeStyle.choose(sample_rng(seed, index, "style"))
    page = fill_form(template, definition, values, style)
    scan_rng = sample_rng(seed, index, "scan")
    scan = keep_fields_on_page(Scan.choose(scan_rng), definition)
    if degrade:
        page = scan_page(page, definition, scan, scan_rng)
        dpi = scan.dpi
    else:
        dpi = definition.dpi
        scan = None
    fmt = choose_format(requested_format, sample_rng(seed, index, "format"))
    return values, style, page, dpi, scan, fmt


def truth_document(definition: Definition, values: dict[str, Value]) -> dict:
    return {"form": definition.id, "fields": {f.key: values[f.key].truth for f in definition.fields}}


def generate(args) -> int:
    definition = formlayout.load_definition(args.definition)
    template = render_template(definition)
    os.makedirs(args.out, exist_ok=True)
    prefix = args.prefix or os.path.basename(os.path.normpath(args.out))
    print("| file | format | dpi | turn | skew ° | scale | font |")
    print("|---|---|---|---|---|---|---|")
    for index in range(args.start_index, args.start_index + args.count):
        name = f"{prefix}_{index:04d}"
        values, style, page, dpi, scan, fmt = make_sample(
            definition, template, args.seed, index, not args.no_degrade, args.format)
        for ext in EXTENSIONS.values():          # a stale page in another format would lie
            stale = os.path.join(args.out, f"{name}.{ext}")
            if os.path.exists(stale):
                os.remove(stale)
        image_path = os.path.join(args.out, f"{name}.{EXTENSIONS[fmt]}")
        if scan:
            save_page(page, image_path, fmt, dpi, scan.jpeg_quality,
                      (scan.paper + scan.black) // 2 + scan.threshold_offset)
        else:
            save_page(page, image_path, fmt, dpi)
        with open(os.path.join(args.out, f"{name}.json"), "w", encoding="utf-8") as handle:
            json.dump(truth_document(definition, values), handle, ensure_ascii=False, indent=1)
            handle.write("\n")
        if scan:
            print(f"| {os.path.basename(image_path)} | {fmt} | {dpi} | {scan.turn} | "
                  f"{scan.angle:+.2f} | {scan.scale:.3f} | {style.font_name} {style.size}px |")
        else:
            print(f"| {os.path.basename(image_path)} | {fmt} | {dpi} | 0 | 0 | 1 | "
                  f"{style.font_name} {style.size}px |")
    return 0


# =============================================================================================
# Self-test
# =============================================================================================

def independent_my_number_ok(number: str) -> bool:
    """個人番号 check, written straight from the rule, apart from fakedata's generator."""
    if not re.fullmatch(r"\d{12}", number):
        return False
    digits = [int(c) for c in number]
    weights = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2]   # Q_n for P_1 = 11th digit ... P_11 = 1st
    r = sum(d * q for d, q in zip(digits[:11], weights)) % 11
    return digits[11] == (0 if r <= 1 else 11 - r)


def independent_corporate_number_ok(number: str) -> bool:
    """法人番号 check, written straight from the rule."""
    if not re.fullmatch(r"\d{13}", number):
        return False
    digits = [int(c) for c in number]
    weights = [2, 1] * 6                          # for digits 2..13 read left to right
    total = sum(d * q for d, q in zip(digits[1:], weights))
    return digits[0] == 9 - total % 9


ERA_STARTS = {"昭和": dt.date(1926, 12, 25), "平成": dt.date(1989, 1, 8), "令和": dt.date(2019, 5, 1)}


def independent_wareki_to_iso(text: str) -> str:
    match = re.fullmatch(r"(昭和|平成)\s*(元|\d+)年\s*(\d+)月\s*(\d+)日", text)
    assert match, text
    era, year, month, day = match.groups()
    year = 1 if year == "元" else int(year)
    date = dt.date(ERA_STARTS[era].year + year - 1, int(month), int(day))
    assert date >= ERA_STARTS[era], text
    later = [start for start in ERA_STARTS.values() if start > ERA_STARTS[era]]
    assert all(date < start for start in later), text
    return date.isoformat()


def selftest(definition_path: str) -> int:
    failures = []

    def check(condition: bool, message: str) -> None:
        if not condition:
            failures.append(message)

    # Check digits: the published examples, near misses, and the generator's output.
    check(independent_my_number_ok("123456789018"), "123456789018 must be valid")
    check(not independent_my_number_ok("123456789017"), "123456789017 must be invalid")
    check(independent_corporate_number_ok("7000012050002"), "7000012050002 must be valid")
    check(not independent_corporate_number_ok("6000012050002"), "6000012050002 must be invalid")
    check(fakedata.my_number_check_digit("12345678901") == 8, "fakedata my number example")
    check(fakedata.corporate_number_check_digit("000012050002") == 7, "fakedata corporate example")

    definition = formlayout.load_definition(definition_path)
    rng = random.Random("selftest")
    shown = 0
    for n in range(1000):
        values = record_for(definition, rng)
        truth = {k: v.truth for k, v in values.items()}
        check(independent_my_number_ok(truth["payee_my_number"]), f"record {n}: my number")
        check(values["payee_my_number"].printed.replace(" ", "") == truth["payee_my_number"],
              f"record {n}: printed my number")
        check(independent_corporate_number_ok(truth["payer_corporate_number"]),
              f"record {n}: corporate number")
        check(re.fullmatch(r"\d{6,12}", truth["payer_designation_number"]) is not None, "designation")
        check(re.fullmatch(r"\d{3}-\d{4}", truth["payee_postal_code"]) is not None, "postal code")
        check(values["payee_postal_code"].printed == "〒" + truth["payee_postal_code"], "postal")
        check(re.fullmatch(r"0\d{9,10}", truth["payer_phone"]) is not None, "phone digits")
        check(values["payer_phone"].printed.replace("-", "") == truth["payer_phone"], "phone")
        check(independent_wareki_to_iso(values["birth_date"].printed) == truth["birth_date"],
              f"record {n}: birth date {values['birth_date'].printed}")
        check("1965-01-01" <= truth["birth_date"] <= "2003-12-31", "birth date range")
        check(re.fullmatch(r"[ァ-ヶー]+", truth["payee_name_kana"]) is not None, "kana")
        check("\u3000" in values["payee_name"].printed and "\u3000" not in truth["payee_name"], "name")
        for key in ("payee_address", "payer_address"):
            check(len(truth[key]) <= 30, f"{key} too long: {truth[key]}")
        check(truth["submit_to"].endswith("長"), "submit_to")
        check(truth["category"] in ("給料・賞与", "給料", "賞与"), "category")
        pay = int(truth["payment_amount"])
        check(2_000_000 <= pay <= 12_000_000, "payment range")
        check(int(truth["income_after_deduction"]) <= pay, "income > payment")
        check(int(truth["social_insurance"]) <= pay, "social insurance > payment")
        for key in ("payment_amount", "income_after_deduction", "total_deductions",
                    "withholding_tax", "social_insurance", "life_insurance_deduction"):
            printed, plain = values[key]
            check(printed.replace(",", "") == plain and (plain == "" or f"{int(plain):,}" == printed),
                  f"{key} printed {printed!r} truth {plain!r}")
        if truth["life_insurance_deduction"]:
            check(int(truth["life_insurance_deduction"]) <= 120_000, "life insurance")
        check(truth["dependents"] in list("01234"), "dependents")
        check(truth["mid_year_retired"] in ("0", "1"), "checkbox")
        if shown < 3:
            print(f"  my number {truth['payee_my_number']} ok={independent_my_number_ok(truth['payee_my_number'])}"
                  f"  corporate {truth['payer_corporate_number']} "
                  f"ok={independent_corporate_number_ok(truth['payer_corporate_number'])}"
                  f"  {values['birth_date'].printed} -> {truth['birth_date']}")
            shown += 1

    # Spot values of fixed reference points of the deduction table.
    for pay, expected in [(1_625_000, 1_074_400), (3_600_000, 2_440_000), (6_600_000, 4_840_000),
                          (8_500_000, 6_550_000), (10_000_000, 8_050_000)]:
        got = fakedata.income_after_employment_deduction(pay)
        check(got == expected, f"給与所得控除後 {pay}: {got} != {expected}")

    # The template leaves value boxes blank; typed values stay inside their boxes.
    template = render_template(definition)
    check(not value_boxes_are_blank(template, definition), "template draws inside a box")
    for index in range(1, 13):
        values, style, page, _, _, _ = make_sample(definition, template, 1, index, False, "png")
        diff = ImageChops.difference(template, page)
        for field in definition.fields:
            diff.paste(0, inner(field.box, BOX_CLEARANCE))
        check(diff.getbbox() is None, f"sample {index}: ink outside the value boxes at {diff.getbbox()}")

    # How much of a check box a mark inks (the reader's default tick threshold is 12 %).
    for box_field in (f for f in definition.fields if f.type == "checkbox"):
        for tick in ("check", "cross"):
            for width in (5, 6):
                page = template.copy()
                tick_box(ImageDraw.Draw(page), box_field, TypeStyle("ipa-gothic", 44, 0, 0, 0, tick, width))
                diff = ImageChops.difference(template, page)
                check(contains(inner(box_field.box, 3), diff.getbbox()), f"{tick} not inside the outline")
                inked = diff.crop(box_field.box).point(lambda v: 255 if v > 128 else 0).histogram()[255]
                print(f"  {box_field.key}: {tick} {width}px inks {inked / (box_field.w * box_field.h):.1%}")

    # Scanning keeps every field on the page, and a sample is the same every time.
    for index in range(1, 200):
        scan = keep_fields_on_page(Scan.choose(sample_rng(1, index, "scan")), definition)
        check(abs(scan.angle) <= 8.0 and 0.95 <= scan.scale <= 1.05, f"scan {index} out of range")
    first = make_sample(definition, template, 7, 3, True, "png")[2]
    again = make_sample(definition, template, 7, 3, True, "png")[2]
    check(first.tobytes() == again.tobytes(), "the same seed and index gave different pages")

    for message in failures[:20]:
        print("FAIL:", message)
    print(f"selftest: {'FAILED (' + str(len(failures)) + ')' if failures else 'ok'}")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--definition", default="FormDefinitions/kyuyo_shiharai_hokokusho.yaml")
    parser.add_argument("--out", help="folder for NAME.png|jpg|tif and NAME.json")
    parser.add_argument("--count", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start-index", type=int, default=1, help="number of the first sample")
    parser.add_argument("--prefix", help="file name prefix (default: the --out folder's name)")
    parser.add_argument("--no-degrade", action="store_true", help="clean 300 dpi pages")
    parser.add_argument("--format", choices=["png", "jpg", "tif", "mix"], default="png")
    parser.add_argument("--selftest", action="store_true", help="check the generator and exit")
    args = parser.parse_args(argv)
    if args.selftest:
        return selftest(args.definition)
    if not args.out:
        parser.error("--out is required")
    return generate(args)


if __name__ == "__main__":
    sys.exit(main())
