#!/usr/bin/python3
"""Render the blank template image of a form from its definition.

    /usr/bin/python3 scripts/render_template.py FormDefinitions/kyuyo_shiharai_hokokusho.yaml

writes the image named by the definition's `template:` key (next to the YAML): a white A4
page, 8-bit gray, 300 dpi. Every field gets a cell with its label above an EMPTY value box
(check boxes: a square outline exactly on the box). Around the fields: the title with a double
rule, section headings in a shaded band at the left, an outer frame, a 摘要 box, notes, a 受付印
box and a line saying that the form is a synthetic sample. Nothing is ever drawn inside a value
box, and the output is deterministic.

generate_samples.py imports `render_template()` from here to start each filled-in page.
"""

from __future__ import annotations

import argparse
import sys

from PIL import Image, ImageDraw

import formlayout
from formlayout import Definition, Field, font

BLACK = 0
WHITE = 255
BAND_GRAY = 228           # shading of the section-heading band

CELL_LINE = 2             # cell borders
CHECKBOX_LINE = 3         # check box squares
FRAME_LINE = 5            # outer frame of the field area
LABEL_SIZE = 28
TITLE_SIZE = 64
HEADING_SIZE = 44

BAND_LEFT = 40            # the outer frame's left edge; the heading band runs from here
BAND_RIGHT = 128          # ... to here, just left of the first cell (x = 140)

#: Section headings down the left band, per form id: (heading, keys of the fields it spans).
SECTIONS = {
    "kyuyo_shiharai_hokokusho": [
        ("提出先", ["submit_to", "payer_designation_number", "payee_postal_code"]),
        ("支払を受ける者", ["payee_address", "payee_my_number", "payee_name_kana", "payee_name",
                      "category", "birth_date", "payment_amount", "income_after_deduction",
                      "total_deductions", "withholding_tax", "social_insurance",
                      "life_insurance_deduction", "dependents", "mid_year_retired"]),
        ("支払者", ["payer_corporate_number", "payer_phone", "payer_address", "payer_name"]),
    ],
}

HEADER_LEFT = "令和6年分"
HEADER_RIGHT = "（市区町村提出用）"
NOTES_TITLE = "記載上の注意"
NOTES = [
    "1　この報告書は、給与の支払を受ける者ごとに作成し、1月31日までに提出してください。",
    "2　金額は円単位で記載し、「生命保険料の控除額」は控除がないときは空欄としてください。",
    "3　中途で退職した者については、「中途退職」欄に印を付けてください。",
    "4　個人番号を記載した報告書の取扱いには十分注意してください。",
]
SAMPLE_NOTE = "この用紙は Chohyo の合成サンプルです（実在の書式ではありません）"
CHECKBOX_HINT = "退職した場合に印"


# --- drawing helpers ---------------------------------------------------------------------------

def draw_text_at_ink_top(draw: ImageDraw.ImageDraw, left: float, top: float, text: str,
                         face, fill: int = BLACK) -> tuple[int, int, int, int]:
    """Draw `text` so that its ink starts at (left, top); returns its bounding box."""
    _, ink_top, _, _ = draw.textbbox((0, 0), text, font=face, anchor="ls")
    origin = (left, top - ink_top)
    draw.text(origin, text, font=face, fill=fill, anchor="ls")
    return draw.textbbox(origin, text, font=face, anchor="ls")


def text_width(draw: ImageDraw.ImageDraw, text: str, face) -> int:
    left, _, right, _ = draw.textbbox((0, 0), text, font=face, anchor="ls")
    return right - left


def draw_vertical_text(draw: ImageDraw.ImageDraw, centre_x: float, top: float, bottom: float,
                       text: str, face) -> None:
    """Characters stacked top to bottom, centred in [top, bottom] (fine for kanji/kana
    without long-vowel marks, which would need rotating)."""
    step = face.size * 1.15
    y = (top + bottom) / 2 - step * len(text) / 2 + (step - face.size) / 2
    for char in text:
        width = text_width(draw, char, face)
        draw_text_at_ink_top(draw, centre_x - width / 2, y, char, face)
        y += step


def fitted_label_font(draw: ImageDraw.ImageDraw, text: str, max_width: int):
    size = LABEL_SIZE
    while size > 16 and text_width(draw, text, font("ipa-mincho", size)) > max_width:
        size -= 1
    return font("ipa-mincho", size)


# --- the parts of the page -----------------------------------------------------------------

def draw_title(draw: ImageDraw.ImageDraw, definition: Definition) -> int:
    """Title centred at y≈120–200 with a double rule under it; returns the rule's bottom."""
    page_w, _ = definition.page_size
    face = font("ipa-mincho", TITLE_SIZE)
    width = text_width(draw, definition.title, face)
    box = draw_text_at_ink_top(draw, (page_w - width) / 2, 130, definition.title, face)
    rule_left, rule_right = box[0] - 60, box[2] + 60
    for y in (box[3] + 14, box[3] + 21):
        draw.line([(rule_left, y), (rule_right, y)], fill=BLACK, width=2)
    header = font("ipa-mincho", 40)
    draw_text_at_ink_top(draw, 150, box[3] - 40, HEADER_LEFT, header)
    right_width = text_width(draw, HEADER_RIGHT, header)
    draw_text_at_ink_top(draw, 2340 - right_width, box[3] - 40, HEADER_RIGHT, header)
    return box[3] + 22


def draw_field_cell(draw: ImageDraw.ImageDraw, field: Field) -> None:
    left, top, right, bottom = field.cell
    if field.type == "checkbox":
        # A wider and taller cell (lined up with a 90 px row), so that the label and a short
        # hint fit; the square itself is exactly the box.
        right = max(right, field.x + 510)
        top, bottom = min(top, field.y + field.h // 2 - 109), max(bottom, field.y + field.h // 2 + 55)
        draw.rectangle([left, top, right, bottom], outline=BLACK, width=CELL_LINE)
        x0, y0, x1, y1 = field.box
        draw.rectangle([x0, y0, x1 - 1, y1 - 1], outline=BLACK, width=CHECKBOX_LINE)
        hint = font("ipa-mincho", LABEL_SIZE)
        hint_top = field.y + field.h / 2 - LABEL_SIZE / 2
        draw_text_at_ink_top(draw, x1 + 24, hint_top, CHECKBOX_HINT, hint)
    else:
        draw.rectangle([left, top, right, bottom], outline=BLACK, width=CELL_LINE)
        right = field.x + field.w
    face = fitted_label_font(draw, field.label, right - field.x - 10)
    label_x, label_y = field.label_origin
    box = draw_text_at_ink_top(draw, label_x, label_y, field.label, face)
    assert box[3] < field.label_bottom_limit, (field.key, box)


def section_extents(definition: Definition) -> list[tuple[str, int, int]]:
    """(heading, top, bottom) of each section band, meeting halfway between the cells."""
    by_key = {f.key: f for f in definition.fields}
    spans = []
    for heading, keys in SECTIONS.get(definition.id, []):
        cells = [by_key[k].cell for k in keys if k in by_key]
        if cells:
            spans.append([heading, min(c[1] for c in cells), max(c[3] for c in cells)])
    for upper, lower in zip(spans, spans[1:]):
        middle = (upper[2] + lower[1]) // 2
        upper[2], lower[1] = middle, middle
    if spans:
        spans[0][1] -= 20
        spans[-1][2] += 20
    return [tuple(s) for s in spans]


def draw_field_area(draw: ImageDraw.ImageDraw, definition: Definition) -> tuple[int, int, int, int]:
    """Outer frame, heading band and section rules; returns the frame (l, t, r, b)."""
    cells = [f.cell for f in definition.fields]
    frame = (BAND_LEFT, min(c[1] for c in cells) - 20,
             max(c[2] for c in cells) + 20, max(c[3] for c in cells) + 20)
    sections = section_extents(definition)
    heading_face = font("ipa-gothic", HEADING_SIZE)
    if sections:
        draw.rectangle([frame[0], frame[1], BAND_RIGHT, frame[3]], fill=BAND_GRAY)
        draw.line([(BAND_RIGHT, frame[1]), (BAND_RIGHT, frame[3])], fill=BLACK, width=3)
        for index, (heading, top, bottom) in enumerate(sections):
            top, bottom = max(top, frame[1]), min(bottom, frame[3])
            draw_vertical_text(draw, (frame[0] + BAND_RIGHT) / 2, top, bottom, heading, heading_face)
            if index > 0:   # section rule across the whole frame, in the gap between cells
                draw.line([(frame[0], top), (frame[2], top)], fill=BLACK, width=3)
    draw.rectangle(list(frame), outline=BLACK, width=FRAME_LINE)
    return frame


def draw_footer(draw: ImageDraw.ImageDraw, definition: Definition, frame) -> None:
    page_w, page_h = definition.page_size
    # 摘要: a full-width box with a shaded heading column, empty inside.
    remarks = (frame[0], 2000, frame[2], 2400)
    draw.rectangle([remarks[0], remarks[1], BAND_RIGHT, remarks[3]], fill=BAND_GRAY)
    draw.line([(BAND_RIGHT, remarks[1]), (BAND_RIGHT, remarks[3])], fill=BLACK, width=3)
    draw_vertical_text(draw, (remarks[0] + BAND_RIGHT) / 2, remarks[1], remarks[3], "摘要",
                       font("ipa-gothic", HEADING_SIZE))
    draw.rectangle(list(remarks), outline=BLACK, width=FRAME_LINE)

    # Notes on the left, a reception-stamp box on the right.
    stamp = (frame[2] - 300, 2460, frame[2], 2760)
    notes_face = font("ipa-mincho", 30)
    draw_text_at_ink_top(draw, frame[0] + 20, 2470, NOTES_TITLE, font("ipa-gothic", 34))
    y = 2530
    for line in NOTES:
        face = notes_face
        size = 30
        while text_width(draw, line, face) > stamp[0] - 60 - frame[0] and size > 20:
            size -= 1
            face = font("ipa-mincho", size)
        draw_text_at_ink_top(draw, frame[0] + 20, y, line, face)
        y += 52
    draw.rectangle(list(stamp), outline=BLACK, width=CELL_LINE)
    draw.line([(stamp[0], stamp[1] + 56), (stamp[2], stamp[1] + 56)], fill=BLACK, width=CELL_LINE)
    stamp_face = font("ipa-mincho", 32)
    width = text_width(draw, "受付印", stamp_face)
    draw_text_at_ink_top(draw, (stamp[0] + stamp[2] - width) / 2, stamp[1] + 12, "受付印", stamp_face)

    # A thin rule and the synthetic-sample note at the bottom of the page.
    draw.line([(frame[0], page_h - 170), (frame[2], page_h - 170)], fill=BLACK, width=2)
    note_face = font("ipa-gothic", 28)
    width = text_width(draw, SAMPLE_NOTE, note_face)
    draw_text_at_ink_top(draw, (page_w - width) / 2, page_h - 140, SAMPLE_NOTE, note_face)


# --- entry points ----------------------------------------------------------------------------

def render_template(definition: Definition) -> Image.Image:
    """The blank form as an 8-bit gray image at 300 dpi."""
    page = Image.new("L", definition.page_size, WHITE)
    draw = ImageDraw.Draw(page)
    draw_title(draw, definition)
    frame = draw_field_area(draw, definition)
    for field in definition.fields:
        draw_field_cell(draw, field)
    draw_footer(draw, definition, frame)
    return page


def value_boxes_are_blank(page: Image.Image, definition: Definition) -> list[str]:
    """Keys of fields whose value box has anything drawn inside it (check boxes: inside the
    outline). Empty when the template is right."""
    dirty = []
    for field in definition.fields:
        x0, y0, x1, y1 = field.box
        if field.type == "checkbox":
            x0, y0, x1, y1 = x0 + CHECKBOX_LINE, y0 + CHECKBOX_LINE, x1 - CHECKBOX_LINE, y1 - CHECKBOX_LINE
        if page.crop((x0, y0, x1, y1)).getextrema() != (WHITE, WHITE):
            dirty.append(field.key)
    return dirty


def save_template(page: Image.Image, path: str, dpi: int) -> None:
    page.save(path, format="PNG", dpi=(dpi, dpi), optimize=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("definition", help="form definition YAML")
    parser.add_argument("--out", help="write here instead of the definition's template path")
    args = parser.parse_args(argv)

    definition = formlayout.load_definition(args.definition)
    page = render_template(definition)
    dirty = value_boxes_are_blank(page, definition)
    if dirty:
        print(f"error: template draws inside value boxes: {', '.join(dirty)}", file=sys.stderr)
        return 1
    out = args.out or definition.template_path
    save_template(page, out, definition.dpi)
    print(f"wrote {out} ({page.width}x{page.height}, {definition.dpi} dpi)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
