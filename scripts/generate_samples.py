#!/usr/bin/python3
"""Generate filled-in, scanned-looking sample pages of a form, with ground truth.

    /usr/bin/python3 scripts/generate_samples.py \\
        --definition FormDefinitions/kyuyo_shiharai_hokokusho.yaml \\
        --out Samples/kyuyo --count 30 --seed 1 --format mix

Each page starts from the template drawn by render_template.py (imported, not copied), in the
print colour scripts/form_styles.yaml gives the form (or --print-colour), gets a fake value
typed into every field box the way payroll software prints it (form_records.py), on a form
with a 届出印 box about one page in three gets a red seal (half of those stray over the nearest
field), and is then "scanned" (scanning.py): skewed, shifted, scaled, resampled to
200/300/400 dpi, sometimes turned upside down or sideways, blurred, speckled and re-levelled.
`--hard` scans worse (more 200 dpi, grain, lid shadows, light bilevel faxes) and presses red
rubber stamps on some pages. Beside each image NAME.png|jpg|tif the truth is written to
NAME.json: {"form": ID, "fields": {key: value, ...}}. Pages with red ink or dropout print are
colour files (PNG or JPEG); the others gray PNG/JPEG or bilevel TIFF.

Everything is reproducible: sample i depends only on (seed, i), so --start-index extends a set
without changing the pages already in it. `--selftest` checks the generator itself.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import sys
import unicodedata
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageDraw

import fakedata
import formlayout
import formstyles
import stamps
from fakedata import Value
from form_records import FormRecord, record_for
from formlayout import Definition, Field
from formstyles import FormStyle
from render_template import labels_too_close, render, value_boxes_are_blank
from scanning import (Scan, choose_format, field_area_centre, keep_fields_on_page, make_colour_scan,
                      remove_stale, save_page, scan_page)

TEXT_PADDING = 12          # px between a value and the left/right edge of its box
BOX_CLEARANCE = 3          # a value's ink must stay at least this far inside its box
VALUE_FONTS = ["noto-sans-jp", "ipa-gothic"]

SEAL_BOX_LABEL = "届出印"   # a form with a stamp box of this label gets seals
SEAL_SHARE = 1 / 3         # pages with a seal ...
SEAL_ASTRAY_SHARE = 1 / 6  # ... of which these have it over a field instead of in its box
STAMP_SHARE = 0.4          # --hard: pages with a red rubber stamp somewhere


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
    def choose(rng: random.Random, fonts: list[str] = VALUE_FONTS) -> "TypeStyle":
        return TypeStyle(font_name=rng.choice(fonts), size=rng.randint(42, 46),
                         ink=rng.randint(0, 35), dx=rng.randint(-5, 5), dy=rng.randint(-4, 4),
                         tick=rng.choice(["check", "check", "cross"]), tick_width=rng.randint(5, 6))

    def fill(self, page: Image.Image):
        """The toner's gray as a fill value for `page` (gray or colour)."""
        return self.ink if page.mode == "L" else (self.ink,) * 3


def inner(box: tuple[int, int, int, int], margin: int) -> tuple[int, int, int, int]:
    x0, y0, x1, y1 = box
    return (x0 + margin, y0 + margin, x1 - margin, y1 - margin)


def contains(outer: tuple, box: tuple) -> bool:
    return outer[0] <= box[0] and outer[1] <= box[1] and box[2] <= outer[2] and box[3] <= outer[3]


def overlaps(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def type_text(draw: ImageDraw.ImageDraw, field: Field, text: str, style: TypeStyle,
              fill) -> tuple[int, int, int, int]:
    """Type `text` into the field's box: vertically centred, left-aligned (amounts: right).
    Returns the text's bounding box."""
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
    draw.text(origin, text, font=face, fill=fill, anchor=anchor)
    return bbox


def tick_box(draw: ImageDraw.ImageDraw, field: Field, style: TypeStyle, fill) -> None:
    """A bold ✓ or ✗ filling most of the check box, clear of its 3 px outline."""
    x0, y0 = field.x + max(-1, min(1, style.dx)), field.y + max(-1, min(1, style.dy))

    def at(fx: float, fy: float) -> tuple[float, float]:
        return (x0 + fx * field.w, y0 + fy * field.h)

    if style.tick == "check":
        draw.line([at(0.14, 0.50), at(0.38, 0.82), at(0.86, 0.14)], fill=fill,
                  width=style.tick_width, joint="curve")
    else:
        draw.line([at(0.16, 0.16), at(0.84, 0.84)], fill=fill, width=style.tick_width)
        draw.line([at(0.84, 0.16), at(0.16, 0.84)], fill=fill, width=style.tick_width)


def fill_form(template: Image.Image, definition: Definition, values: dict[str, Value],
              style: TypeStyle) -> tuple[Image.Image, dict[str, tuple]]:
    """The template with every value typed in; also where each typed text went, by key."""
    page = template.copy()
    draw = ImageDraw.Draw(page)
    text_boxes = {}
    for field in definition.fields:
        value = values[field.key]
        if field.type == "checkbox":
            if value.truth == "1":
                tick_box(draw, field, style, style.fill(page))
        elif value.printed:
            text_boxes[field.key] = type_text(draw, field, value.printed, style, style.fill(page))
    return page, text_boxes


# =============================================================================================
# Red ink: seals and stamps
# =============================================================================================

def nearest_field(definition: Definition, rect: tuple, typed: dict[str, tuple]) -> Field:
    """The typed-in field whose box is closest to `rect` (where a misplaced seal lands)."""
    def distance(field: Field) -> float:
        x0, y0, x1, y1 = field.box
        dx = max(rect[0] - x1, x0 - rect[2], 0)
        dy = max(rect[1] - y1, y0 - rect[3], 0)
        return (dx * dx + dy * dy) ** 0.5
    return min((f for f in definition.fields if f.key in typed), key=distance)


def press_marks(page: Image.Image, definition: Definition, form_style: FormStyle,
                record: FormRecord, typed: dict[str, tuple], hard: bool,
                rng: random.Random) -> tuple[Image.Image, list[str]]:
    """Seal in the 届出印 box (or astray over the nearest field's value) and, for --hard, a
    rubber stamp anywhere. A page with red ink becomes RGB. Returns the page and what was
    pressed where, for the sample table."""
    marks = []
    seal_box = form_style.stamp_box(SEAL_BOX_LABEL)
    if seal_box and record.seal_name:
        draw = rng.random()
        if draw < SEAL_SHARE:
            page = page.convert("RGB")
            diameter = rng.randint(170, 215)
            if draw < SEAL_ASTRAY_SHARE:
                target = nearest_field(definition, seal_box.rect, typed)
                left, _, right, _ = typed[target.key]
                centre = (rng.uniform(left + (right - left) * 0.5, right + diameter * 0.2),
                          target.y + target.h * rng.uniform(0.3, 1.0))
                marks.append(f"seal over {target.key}")
            else:
                x0, y0, x1, y1 = seal_box.area
                centre = ((x0 + x1) / 2 + rng.uniform(-40, 40), (y0 + y1) / 2 + rng.uniform(-40, 40))
                marks.append(f"seal in {SEAL_BOX_LABEL}")
            stamps.press_seal(page, centre, record.seal_name, diameter, rng)
    if hard and rng.random() < STAMP_SHARE:
        page = page.convert("RGB")
        width, height = definition.page_size
        centre = (rng.uniform(200, width - 200), rng.uniform(300, height - 300))
        place = rng.choice(fakedata.MUNICIPALITIES)[2]
        bbox = stamps.press_rubber_stamp(page, centre, rng, place)
        covered = [f.key for f in definition.fields if overlaps(bbox, f.box)]
        marks.append("stamp" + (f" over {', '.join(covered)}" if covered else ""))
    return page, marks


# =============================================================================================
# One sample, and the command line
# =============================================================================================

def sample_rng(seed: int, index: int, purpose: str) -> random.Random:
    """Independent streams, so that e.g. --no-degrade keeps the same values."""
    return random.Random(f"{seed}:{index}:{purpose}")


@dataclass
class Sample:
    record: FormRecord
    type_style: TypeStyle
    page: Image.Image
    dpi: int
    scan: Scan | None      # None: not degraded
    fmt: str
    marks: list[str]

    @property
    def colour(self) -> str:
        return "bilevel" if self.fmt == "tif" else "colour" if self.page.mode == "RGB" else "gray"


def make_sample(definition: Definition, template: Image.Image, form_style: FormStyle,
                seed: int, index: int, degrade: bool, requested_format: str,
                hard: bool = False, fonts: list[str] = VALUE_FONTS,
                half_width_kana: float = 0.0) -> Sample:
    record = record_for(definition, sample_rng(seed, index, "values"))
    # Its own draw, so that every other choice of the page stays as it was without the option.
    half_width = half_width_kana > 0 and sample_rng(seed, index, "kana width").random() < half_width_kana
    if half_width:
        kana_keys = {f.key for f in definition.fields if f.type == "kana"}
        record = FormRecord({key: Value(fakedata.half_width_katakana(v.printed), v.truth)
                             if key in kana_keys else v
                             for key, v in record.values.items()}, record.seal_name)
    style = TypeStyle.choose(sample_rng(seed, index, "style"), fonts)
    page, typed = fill_form(template, definition, record.values, style)
    page, marks = press_marks(page, definition, form_style, record, typed, hard,
                              sample_rng(seed, index, "marks"))
    scan_rng = sample_rng(seed, index, "scan")
    scan = keep_fields_on_page(Scan.choose_hard(scan_rng) if hard else Scan.choose(scan_rng),
                               definition)
    if page.mode == "RGB":
        scan = make_colour_scan(scan, sample_rng(seed, index, "colour scan"))
    if degrade:
        page = scan_page(page, field_area_centre(definition), scan, scan_rng)
        dpi = scan.dpi
    else:
        dpi = definition.dpi
        scan = None
    if scan and scan.fax:
        fmt = "tif"
    else:
        fmt = choose_format(requested_format, sample_rng(seed, index, "format"), page.mode == "RGB")
    if half_width:
        marks = marks + ["half-width kana"]
    return Sample(record, style, page, dpi, scan, fmt, marks)


def truth_document(definition: Definition, values: dict[str, Value]) -> dict:
    return {"form": definition.id, "fields": {f.key: values[f.key].truth for f in definition.fields}}


TABLE_HEADER = ("| file | format | dpi | turn | skew ° | scale | font | colour | marks |\n"
                "|---|---|---|---|---|---|---|---|---|")


def table_row(file_name: str, sample: Sample) -> str:
    scan = sample.scan
    turn, skew, scale = (scan.turn, f"{scan.angle:+.2f}", f"{scan.scale:.3f}") if scan else (0, "0", "1")
    extras = []
    if scan and scan.fax:
        extras.append("fax")
    if scan and scan.shadow:
        extras.append("lid shadow")
    marks = "; ".join(sample.marks + extras) or "—"
    return (f"| {file_name} | {sample.fmt} | {sample.dpi} | {turn} | {skew} | {scale} | "
            f"{sample.type_style.font_name} {sample.type_style.size}px | {sample.colour} | {marks} |")


def generate(args) -> int:
    definition = formlayout.load_definition(args.definition)
    form_style = formstyles.load_style(definition.id, args.print_colour)
    template, _ = render(definition, form_style)
    os.makedirs(args.out, exist_ok=True)
    prefix = args.prefix or os.path.basename(os.path.normpath(args.out))
    print(TABLE_HEADER)
    for index in range(args.start_index, args.start_index + args.count):
        name = f"{prefix}_{index:04d}"
        sample = make_sample(definition, template, form_style, args.seed, index,
                             not args.no_degrade, args.format, args.hard, args.value_fonts,
                             args.half_width_kana)
        remove_stale(args.out, name)
        image_path = os.path.join(args.out, f"{name}.{sample.fmt}")
        if sample.scan:
            save_page(sample.page, image_path, sample.fmt, sample.dpi, sample.scan.jpeg_quality,
                      sample.scan.threshold)
        else:
            save_page(sample.page, image_path, sample.fmt, sample.dpi)
        with open(os.path.join(args.out, f"{name}.json"), "w", encoding="utf-8") as handle:
            json.dump(truth_document(definition, sample.record.values), handle, ensure_ascii=False, indent=1)
            handle.write("\n")
        print(table_row(os.path.basename(image_path), sample))
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
    match = re.fullmatch(r"(昭和|平成|令和)\s*(元|\d+)年\s*(\d+)月\s*(\d+)日", text)
    assert match, text
    era, year, month, day = match.groups()
    year = 1 if year == "元" else int(year)
    date = dt.date(ERA_STARTS[era].year + year - 1, int(month), int(day))
    assert date >= ERA_STARTS[era], text
    later = [start for start in ERA_STARTS.values() if start > ERA_STARTS[era]]
    assert all(date < start for start in later), text
    return date.isoformat()


def rule_holds(expr: str, truth: dict[str, str]) -> bool | None:
    """A definition's cross-field rule (docs/form-definitions.md §7) on truth values; None
    when a value it names is blank (the rule is then not applicable)."""
    left, op, right = re.fullmatch(r"\s*(.+?)\s*(==|!=|<=|>=|=|<|>)\s*(.+?)\s*", expr).groups()

    def total(side: str) -> int | None:
        result, sign = 0, 1
        for token in re.findall(r"[+-]|[a-z_][a-z0-9_]*|\d+", side):
            if token in "+-":
                sign = 1 if token == "+" else -1
                continue
            value = token if token.isdigit() else truth.get(token, "")
            if not value:
                return None
            result += sign * int(value)
        return result

    a, b = total(left), total(right)
    if a is None or b is None:
        return None
    return {"=": a == b, "==": a == b, "!=": a != b, "<": a < b, "<=": a <= b,
            ">": a > b, ">=": a >= b}[op]


def check_values_by_type(definition: Definition, values: dict[str, Value], check) -> None:
    """What every generated value must be, whatever the form: valid for its type, printed the
    way Samples/README.md says, required fields filled, and the definition's rules held."""
    truth = {k: v.truth for k, v in values.items()}
    for field in definition.fields:
        printed, plain = values[field.key]
        where = f"{definition.id}.{field.key} {printed!r} -> {plain!r}"
        if field.required and field.type != "checkbox":
            check(plain != "", f"{where}: required but blank")
        if plain == "" and field.type != "checkbox":
            check(printed == "", f"{where}: blank truth but something printed")
            continue
        if field.type == "my_number":
            check(independent_my_number_ok(plain) and printed.replace(" ", "") == plain, where)
        elif field.type == "corporate_number":
            check(independent_corporate_number_ok(plain) and printed == plain, where)
        elif field.type == "phone":
            check(re.fullmatch(r"0\d{9,10}", plain) is not None and printed.replace("-", "") == plain, where)
        elif field.type == "postal_code":
            check(re.fullmatch(r"\d{3}-\d{4}", plain) is not None and printed == "〒" + plain, where)
        elif field.type == "date":
            check(independent_wareki_to_iso(printed) == plain, where)
        elif field.type == "kana":
            check(re.fullmatch(r"[ァ-ヶー]+", plain) is not None and
                  printed.replace(fakedata.FULLWIDTH_SPACE, "") == plain, where)
            half = fakedata.half_width_katakana(printed)
            check(re.fullmatch(r"[\uff61-\uff9f ]+", half) is not None and
                  unicodedata.normalize("NFKC", half).replace(" ", "") == plain, f"{where}: half-width")
        elif field.type == "amount":
            check(printed.replace(",", "") == plain and f"{int(plain):,}" == printed, where)
        elif field.type == "digits":
            check(plain.isdigit() and printed == plain, where)
            check(field.min_length is None or len(plain) >= field.min_length, f"{where}: too short")
            check(field.max_length is None or len(plain) <= field.max_length, f"{where}: too long")
        elif field.type == "checkbox":
            check(plain in ("0", "1") and printed == plain, where)
        else:   # text
            check(fakedata.FULLWIDTH_SPACE not in plain and
                  printed.replace(fakedata.FULLWIDTH_SPACE, "") == plain, where)
            if field.key.endswith("address"):
                check(len(plain) <= fakedata.MAX_ADDRESS_CHARS, f"{where}: address too long")
    for expr in definition.rules:
        check(rule_holds(expr, truth) is not False, f"{definition.id}: rule {expr} fails on {truth}")


def check_kyuyo(values: dict[str, Value], check) -> None:
    truth = {k: v.truth for k, v in values.items()}
    check("1965-01-01" <= truth["birth_date"] <= "2003-12-31", "birth date range")
    check("\u3000" in values["payee_name"].printed, "name printed with a full-width space")
    check(truth["submit_to"].endswith("長"), "submit_to")
    check(truth["category"] in ("給料・賞与", "給料", "賞与"), "category")
    pay = int(truth["payment_amount"])
    check(2_000_000 <= pay <= 12_000_000, "payment range")
    if truth["life_insurance_deduction"]:
        check(int(truth["life_insurance_deduction"]) <= 120_000, "life insurance")
    check(truth["dependents"] in list("01234"), "dependents")


def check_ido(values: dict[str, Value], check) -> None:
    truth = {k: v.truth for k, v in values.items()}
    reasons = [k for k in ("reason_retired", "reason_transfer", "reason_death", "reason_other") if truth[k] == "1"]
    methods = [k for k in ("method_continue", "method_lump_sum", "method_ordinary") if truth[k] == "1"]
    check(len(reasons) == 1, f"ido: reasons ticked {reasons}")
    check(len(methods) == 1, f"ido: methods ticked {methods}")
    new_employer = [truth[k] for k in ("new_employer_name", "new_employer_address",
                                       "new_employer_corporate_number", "new_employer_phone")]
    if reasons == ["reason_transfer"]:
        check(all(new_employer), "ido: 転勤 without a new employer")
    else:
        check(not any(new_employer), "ido: new employer without 転勤")
    check(int(truth["unpaid"]) == int(truth["annual_tax"]) - int(truth["collected"]), "ido: unpaid")
    check(int(truth["unpaid"]) > 0 and int(truth["collected"]) > 0, "ido: amounts positive")
    check("2024-06-01" <= truth["change_date"] <= "2025-04-30", f"ido: change date {truth['change_date']}")
    check(values["change_date"].printed.startswith("令和"), "ido: change date in 令和")


def check_koza(values: dict[str, Value], check) -> None:
    truth = {k: v.truth for k, v in values.items()}
    check([truth["account_type_ordinary"], truth["account_type_current"]] in (["1", "0"], ["0", "1"]),
          "koza: exactly one account type")
    check("1" in (truth["tax_resident"], truth["tax_property"], truth["tax_vehicle"], truth["tax_health"]),
          "koza: no tax ticked")


FORM_CHECKS = {"kyuyo_shiharai_hokokusho": check_kyuyo, "tokubetsu_choshu_ido": check_ido,
               "koza_furikae": check_koza}


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
    check(independent_wareki_to_iso("令和元年 5月 1日") == "2019-05-01", "令和元年")
    check(rule_holds("unpaid = annual_tax - collected", {"unpaid": "5", "annual_tax": "8", "collected": "3"}),
          "rule evaluator")
    check(rule_holds("a <= b", {"a": "", "b": "1"}) is None, "rule with a blank value")

    # Spot values of fixed reference points of the deduction table.
    for pay, expected in [(1_625_000, 1_074_400), (3_600_000, 2_440_000), (6_600_000, 4_840_000),
                          (8_500_000, 6_550_000), (10_000_000, 8_050_000)]:
        got = fakedata.income_after_employment_deduction(pay)
        check(got == expected, f"給与所得控除後 {pay}: {got} != {expected}")

    definition = formlayout.load_definition(definition_path)
    form_style = formstyles.load_style(definition.id)
    rng = random.Random("selftest")
    for n in range(1000):
        record = record_for(definition, rng)
        check_values_by_type(definition, record.values, check)
        FORM_CHECKS.get(definition.id, lambda values, check: None)(record.values, check)
        if n < 3:
            shown = [f"{f.key}={record.values[f.key].printed!r}->{record.values[f.key].truth!r}"
                     for f in definition.fields if f.type in ("my_number", "corporate_number", "date", "digits")][:4]
            print("  " + "  ".join(shown))

    # The template leaves value boxes blank and keeps its text away from them; typed values
    # stay inside their boxes.
    template, sheet = render(definition, form_style)
    check(not value_boxes_are_blank(template, definition, form_style), "template draws inside a box")
    check(not labels_too_close(sheet, definition, form_style), "printed text too close to a box")
    for index in range(1, 13):
        record = record_for(definition, sample_rng(1, index, "values"))
        page, _ = fill_form(template, definition, record.values,
                            TypeStyle.choose(sample_rng(1, index, "style")))
        diff = ImageChops.difference(template, page)
        for field in definition.fields:
            diff.paste(0, inner(field.box, BOX_CLEARANCE))
        check(diff.getbbox() is None, f"sample {index}: ink outside the value boxes at {diff.getbbox()}")

    # How much of a check box a mark inks (compare with the definition's checkbox_ink_ratio).
    for box_field in (f for f in definition.fields if f.type == "checkbox"):
        for tick in ("check", "cross"):
            for width in (5, 6):
                page = template.copy()
                mark = TypeStyle("ipa-gothic", 44, 0, 0, 0, tick, width)
                tick_box(ImageDraw.Draw(page), box_field, mark, mark.fill(page))
                diff = ImageChops.difference(template, page).convert("L")
                check(contains(inner(box_field.box, 3), diff.getbbox()), f"{tick} not inside the outline")
                inked = diff.crop(box_field.box).point(lambda v: 255 if v > 128 else 0).histogram()[255]
                print(f"  {box_field.key}: {tick} {width}px inks {inked / (box_field.w * box_field.h):.1%}")
        break   # every check box of a form is the same size

    # Scanning keeps every field on the page, and a sample is the same every time.
    for index in range(1, 200):
        for choose in (Scan.choose, Scan.choose_hard):
            scan = keep_fields_on_page(choose(sample_rng(1, index, "scan")), definition)
            check(abs(scan.angle) <= 9.0 and 0.94 <= scan.scale <= 1.06, f"scan {index} out of range")
    for hard in (False, True):
        first = make_sample(definition, template, form_style, 7, 3, True, "png", hard).page
        again = make_sample(definition, template, form_style, 7, 3, True, "png", hard).page
        check(first.tobytes() == again.tobytes(), f"the same seed and index gave different pages (hard={hard})")

    for message in failures[:20]:
        print("FAIL:", message)
    print(f"selftest {definition.id}: {'FAILED (' + str(len(failures)) + ')' if failures else 'ok'}")
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
    parser.add_argument("--hard", action="store_true",
                        help="harder scans: more 200 dpi, grain, lid shadows, light bilevel faxes, "
                             "red rubber stamps")
    parser.add_argument("--format", choices=["png", "jpg", "tif", "mix"], default="png")
    parser.add_argument("--print-colour", choices=formstyles.print_colour_names(),
                        help="print the form in this colour instead of the one in "
                             "scripts/form_styles.yaml")
    parser.add_argument("--value-fonts", default=",".join(VALUE_FONTS),
                        help="comma-separated fonts the values are typed in, one per page, from "
                             f"{', '.join(formlayout.FONTS)} (default: %(default)s); another font "
                             "than the default ones tests how reading holds up on print it was "
                             "not tuned on")
    parser.add_argument("--half-width-kana", type=float, default=0.0, metavar="SHARE",
                        help="share of pages (0–1) whose kana fields are printed in half-width "
                             "katakana (ﾔﾏﾀﾞ ﾀﾛｳ), as payroll and banking systems print them; the "
                             "truth stays full-width (default: 0)")
    parser.add_argument("--selftest", action="store_true", help="check the generator and exit")
    args = parser.parse_args(argv)
    args.value_fonts = args.value_fonts.split(",")
    unknown = [f for f in args.value_fonts if f not in formlayout.FONTS]
    if unknown:
        parser.error(f"unknown font {', '.join(unknown)}: choose from {', '.join(formlayout.FONTS)}")
    if not 0 <= args.half_width_kana <= 1:
        parser.error("--half-width-kana is a share between 0 and 1")
    if args.selftest:
        return selftest(args.definition)
    if not args.out:
        parser.error("--out is required")
    return generate(args)


if __name__ == "__main__":
    sys.exit(main())
