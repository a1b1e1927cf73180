#!/usr/bin/python3
"""Render the blank template image of a form from its definition.

    /usr/bin/python3 scripts/render_template.py FormDefinitions/kyuyo_shiharai_hokokusho.yaml
    /usr/bin/python3 scripts/render_template.py FormDefinitions/tokubetsu_choshu_ido.yaml

writes the image named by the definition's `template:` key (next to the YAML): a white A4
page at 300 dpi, 8-bit gray when the form is printed in black, RGB when it is printed in a
dropout colour. Every field gets a cell with its label above an EMPTY value box (check boxes:
a square on the box, or around it for dropout colours; grouped check boxes share one cell and
have their labels to the right). Around the fields: the title with a double rule, section
headings in a shaded band at the left, an outer frame, and — as scripts/form_styles.yaml says
for the form — an introduction, a 摘要 box, notes, stamp boxes (受付印, 届出印) and a line saying
that the form is a synthetic sample. Nothing is ever drawn inside a value box, no printed text
comes closer to a value box than the style's `min_label_gap`, and the output is deterministic.

generate_samples.py imports `render()` from here to start each filled-in page (and to check
the template in its self-test).
"""

from __future__ import annotations

import argparse
import sys

from PIL import Image, ImageDraw

import formlayout
import formstyles
from formlayout import Definition, Field, font
from formstyles import CheckboxGroup, FormStyle

WHITE = 255

CHECKBOX_LINE = 3         # check box squares
FRAME_LINE = 5            # outer frame of the field area
LABEL_SIZE = 28
TITLE_SIZE = 64
HEADING_SIZE = 44
INTRO_SIZE = 36
STAMP_LABEL_SIZE = 32

SAMPLE_NOTE = "この用紙は Chohyo の合成サンプルです（実在の書式ではありません）"


# --- drawing helpers ---------------------------------------------------------------------------

def draw_text_at_ink_top(draw: ImageDraw.ImageDraw, left: float, top: float, text: str,
                         face, fill=0) -> tuple[int, int, int, int]:
    """Draw `text` so that its ink starts at (left, top); returns its bounding box."""
    _, ink_top, _, _ = draw.textbbox((0, 0), text, font=face, anchor="ls")
    origin = (left, top - ink_top)
    draw.text(origin, text, font=face, fill=fill, anchor="ls")
    return draw.textbbox(origin, text, font=face, anchor="ls")


def text_width(draw: ImageDraw.ImageDraw, text: str, face) -> int:
    left, _, right, _ = draw.textbbox((0, 0), text, font=face, anchor="ls")
    return right - left


def shrunk_font(draw: ImageDraw.ImageDraw, name: str, text: str, size: int, max_width: float,
                smallest: int):
    """The font at `size`, made smaller (not below `smallest`) until `text` fits `max_width`."""
    while size > smallest and text_width(draw, text, font(name, size)) > max_width:
        size -= 1
    return font(name, size)


def fitted_label_font(draw: ImageDraw.ImageDraw, text: str, max_width: int):
    return shrunk_font(draw, "ipa-mincho", text, LABEL_SIZE, max_width, 16)


class Sheet:
    """The page being drawn, in the form's print colour. Remembers where text went, so that
    the gap between printed text and value boxes can be checked afterwards."""

    def __init__(self, page: Image.Image, style: FormStyle):
        self.draw = ImageDraw.Draw(page)
        self.colour = style.colour
        self.text_boxes: list[tuple[str, tuple[int, int, int, int]]] = []

    def text(self, left: float, top: float, text: str, face, ink: str = "label"):
        box = draw_text_at_ink_top(self.draw, left, top, text, face,
                                   fill=self.colour.ink(getattr(self.colour, ink)))
        self.text_boxes.append((text, box))
        return box

    def vertical_text(self, centre_x: float, top: float, bottom: float, text: str, face) -> None:
        """Characters stacked top to bottom, centred in [top, bottom] (fine for kanji/kana
        without long-vowel marks, which would need rotating)."""
        step = face.size * 1.15
        y = (top + bottom) / 2 - step * len(text) / 2 + (step - face.size) / 2
        for char in text:
            width = text_width(self.draw, char, face)
            self.text(centre_x - width / 2, y, char, face)
            y += step

    def line(self, points, width: int) -> None:
        self.draw.line(points, fill=self.colour.ink(self.colour.line), width=width)

    def rectangle(self, rect, width: int) -> None:
        self.draw.rectangle(list(rect), outline=self.colour.ink(self.colour.line), width=width)

    def shade(self, rect) -> None:
        self.draw.rectangle(list(rect), fill=self.colour.ink(self.colour.band))


# --- the parts of the page -----------------------------------------------------------------

def draw_title(sheet: Sheet, definition: Definition, style: FormStyle) -> int:
    """Title centred at y≈120–200 with a double rule under it; returns the rule's bottom."""
    page_w, _ = definition.page_size
    face = font("ipa-mincho", TITLE_SIZE)
    width = text_width(sheet.draw, definition.title, face)
    box = sheet.text((page_w - width) / 2, 130, definition.title, face, ink="line")
    rule_left, rule_right = box[0] - 60, box[2] + 60
    for y in (box[3] + 14, box[3] + 21):
        sheet.line([(rule_left, y), (rule_right, y)], width=2)
    header = font("ipa-mincho", 40)
    left_text, right_text = style.header
    first_x = min(f.x for f in definition.fields)
    last_right = max(f.cell[2] for f in definition.fields)
    sheet.text(first_x, box[3] - 40, left_text, header)
    sheet.text(last_right - text_width(sheet.draw, right_text, header), box[3] - 40, right_text, header)
    return box[3] + 22


def draw_intro(sheet: Sheet, definition: Definition, style: FormStyle) -> None:
    """A short paragraph between the title and the fields."""
    if style.intro_top is None:
        return
    face = font("ipa-mincho", INTRO_SIZE)
    left = min(f.x for f in definition.fields)
    for n, line in enumerate(style.intro_lines):
        sheet.text(left, style.intro_top + n * round(INTRO_SIZE * 1.6), line, face)


def checkbox_square(field: Field, clearance: int) -> tuple[int, int, int, int]:
    """The printed square of a check box (inclusive corners): on the box, or `clearance` px
    outside it (then the outline's inner edge is that far from the box)."""
    x0, y0, x1, y1 = field.box
    if clearance == 0:
        return (x0, y0, x1 - 1, y1 - 1)
    grow = clearance + CHECKBOX_LINE
    return (x0 - grow, y0 - grow, x1 - 1 + grow, y1 - 1 + grow)


def field_cell(field: Field, style: FormStyle) -> tuple[int, int, int, int]:
    """The printed border of a field's cell: 10 px around the box, with the style's label
    strip (`cell_top` px, 64 unless the form says otherwise) above it."""
    left, top, right, bottom = field.cell
    return (left, field.y - style.cell_top, right, bottom)


def label_lift(style: FormStyle) -> int:
    """How much higher than usual (58 px above the box) labels go, so that they sit in the
    middle of a label strip taller than 64 px."""
    return (style.cell_top - 64) // 2


def draw_field_cell(sheet: Sheet, field: Field, style: FormStyle) -> None:
    """A field's cell with its label in the strip above the box (check boxes not in a group:
    a taller, wider cell with the square and a hint to its right)."""
    left, top, right, bottom = field_cell(field, style)
    if field.type == "checkbox":
        # A wider and taller cell (lined up with a 90 px row), so that the label and a short
        # hint fit; the square itself is exactly the box.
        right = max(right, field.x + 510)
        top, bottom = min(top, field.y + field.h // 2 - 109), max(bottom, field.y + field.h // 2 + 55)
        sheet.rectangle([left, top, right, bottom], width=style.colour.cell_line)
        sheet.rectangle(checkbox_square(field, style.colour.checkbox_clearance), width=CHECKBOX_LINE)
        if style.checkbox_hint:
            hint = font("ipa-mincho", LABEL_SIZE)
            hint_top = field.y + field.h / 2 - LABEL_SIZE / 2
            hint_left = field.x + field.w + 24 + style.colour.checkbox_clearance
            sheet.text(hint_left, hint_top, style.checkbox_hint, hint)
    else:
        sheet.rectangle([left, top, right, bottom], width=style.colour.cell_line)
        right = field.x + field.w
    face = fitted_label_font(sheet.draw, field.label, right - field.x - 10)
    label_x, label_y = field.label_origin
    label_y -= label_lift(style)
    box = sheet.text(label_x, label_y, field.label, face)
    assert box[3] < field.label_bottom_limit, (field.key, box)


def group_cell(group: CheckboxGroup, fields: list[Field], sheet: Sheet,
               style: FormStyle) -> tuple[int, int, int, int]:
    """The cell around a group of check boxes: from 40 px left of the first box, over a label
    strip (as high as a field's, plus 10 px), to 20 px under the lowest box."""
    left = min(f.x for f in fields) - 40
    top = min(f.y for f in fields) - style.cell_top - 10
    bottom = max(f.y + f.h for f in fields) + 20
    right = group.right
    if right is None:
        label_face = font("ipa-mincho", LABEL_SIZE)
        right = max(checkbox_label_left(f, style) + text_width(sheet.draw, f.label, label_face)
                    for f in fields) + 30
    return (left, top, right, bottom)


def checkbox_label_left(field: Field, style: FormStyle) -> int:
    """A grouped check box's label starts `min_label_gap` right of its printed square."""
    square_right = checkbox_square(field, style.colour.checkbox_clearance)[2]
    return max(square_right, field.x + field.w) + style.min_label_gap


def draw_checkbox_group(sheet: Sheet, group: CheckboxGroup, fields: list[Field],
                        style: FormStyle) -> None:
    left, top, right, bottom = group_cell(group, fields, sheet, style)
    sheet.rectangle([left, top, right, bottom], width=style.colour.cell_line)
    heading = fitted_label_font(sheet.draw, group.heading, right - left - 20)
    sheet.text(left + 10, min(f.y for f in fields) - 68 - label_lift(style), group.heading, heading)
    label_face = font("ipa-mincho", LABEL_SIZE)
    for field in fields:
        sheet.rectangle(checkbox_square(field, style.colour.checkbox_clearance), width=CHECKBOX_LINE)
        sheet.text(checkbox_label_left(field, style), field.y + field.h / 2 - LABEL_SIZE / 2,
                   field.label, label_face)


def grouped_fields(definition: Definition, style: FormStyle) -> list[tuple[CheckboxGroup, list[Field]]]:
    by_key = {f.key: f for f in definition.fields}
    return [(g, [by_key[k] for k in g.fields if k in by_key]) for g in style.checkbox_groups
            if any(k in by_key for k in g.fields)]


def drawn_cells(definition: Definition, style: FormStyle, sheet: Sheet) -> dict[str, tuple]:
    """Field key -> the cell that frames it (a grouped check box: its group's cell)."""
    cells = {f.key: field_cell(f, style) for f in definition.fields}
    for group, fields in grouped_fields(definition, style):
        cell = group_cell(group, fields, sheet, style)
        cells.update((f.key, cell) for f in fields)
    return cells


def section_extents(definition: Definition, style: FormStyle,
                    cells: dict[str, tuple]) -> list[tuple[str, int, int]]:
    """(heading, top, bottom) of each section band, meeting halfway between the cells."""
    spans = []
    for section in style.sections:
        section_cells = [cells[k] for k in section.fields if k in cells]
        if section_cells:
            spans.append([section.heading, min(c[1] for c in section_cells),
                          max(c[3] for c in section_cells)])
    for upper, lower in zip(spans, spans[1:]):
        middle = (upper[2] + lower[1]) // 2
        upper[2], lower[1] = middle, middle
    if spans:
        spans[0][1] -= 20
        spans[-1][2] += 20
    return [tuple(s) for s in spans]


def draw_field_area(sheet: Sheet, definition: Definition, style: FormStyle) -> tuple[int, int, int, int]:
    """Outer frame, heading band and section rules; returns the frame (l, t, r, b)."""
    cells = drawn_cells(definition, style, sheet)
    band_left, band_right = style.band
    margin = style.frame_margin
    frame = (band_left, min(c[1] for c in cells.values()) - margin,
             max(c[2] for c in cells.values()) + margin, max(c[3] for c in cells.values()) + margin)
    sections = section_extents(definition, style, cells)
    heading_face = font("ipa-gothic", HEADING_SIZE)
    if sections:
        sheet.shade([frame[0], frame[1], band_right, frame[3]])
        sheet.line([(band_right, frame[1]), (band_right, frame[3])], width=3)
        for index, (heading, top, bottom) in enumerate(sections):
            top, bottom = max(top, frame[1]), min(bottom, frame[3])
            face = heading_face
            if len(heading) * HEADING_SIZE * 1.15 > bottom - top:   # a long heading in a short band
                face = font("ipa-gothic", max(24, int((bottom - top) / (len(heading) * 1.15))))
            sheet.vertical_text((frame[0] + band_right) / 2, top, bottom, heading, face)
            if index > 0:   # section rule across the whole frame, in the gap between cells
                sheet.line([(frame[0], top), (frame[2], top)], width=3)
    sheet.rectangle(frame, width=FRAME_LINE)
    return frame


def draw_footer(sheet: Sheet, definition: Definition, style: FormStyle, frame) -> None:
    page_w, page_h = definition.page_size
    _, band_right = style.band
    if style.remarks:
        # 摘要: a full-width box with a shaded heading column, empty inside.
        remarks = (frame[0], style.remarks[0], frame[2], style.remarks[1])
        sheet.shade([remarks[0], remarks[1], band_right, remarks[3]])
        sheet.line([(band_right, remarks[1]), (band_right, remarks[3])], width=3)
        sheet.vertical_text((remarks[0] + band_right) / 2, remarks[1], remarks[3], "摘要",
                            font("ipa-gothic", HEADING_SIZE))
        sheet.rectangle(remarks, width=FRAME_LINE)

    notes = style.notes
    sheet.text(frame[0] + 20, notes.top, notes.title, font("ipa-gothic", 34))
    y = notes.top + 60
    for line in notes.lines:
        face = shrunk_font(sheet.draw, "ipa-mincho", line, 30, notes.right - frame[0], 20)
        sheet.text(frame[0] + 20, y, line, face)
        y += 52

    for stamp in style.stamp_boxes:
        left, top, right, _ = stamp.rect
        sheet.rectangle(stamp.rect, width=style.colour.cell_line)
        sheet.line([(left, top + stamp.strip), (right, top + stamp.strip)], width=style.colour.cell_line)
        face = font("ipa-mincho", STAMP_LABEL_SIZE)
        width = text_width(sheet.draw, stamp.label, face)
        sheet.text((left + right - width) / 2, top + 12, stamp.label, face)

    # A thin rule and the synthetic-sample note at the bottom of the page.
    sheet.line([(frame[0], page_h - 170), (frame[2], page_h - 170)], width=2)
    note_face = font("ipa-gothic", 28)
    width = text_width(sheet.draw, SAMPLE_NOTE, note_face)
    sheet.text((page_w - width) / 2, page_h - 140, SAMPLE_NOTE, note_face)


# --- checks and entry points -------------------------------------------------------------------

def render(definition: Definition, style: FormStyle) -> tuple[Image.Image, Sheet]:
    page = Image.new(style.colour.mode, definition.page_size, style.colour.ink((WHITE,) * 3))
    sheet = Sheet(page, style)
    draw_title(sheet, definition, style)
    draw_intro(sheet, definition, style)
    frame = draw_field_area(sheet, definition, style)
    grouped = {f.key for _, fields in grouped_fields(definition, style) for f in fields}
    for field in definition.fields:
        if field.key not in grouped:
            draw_field_cell(sheet, field, style)
    for group, fields in grouped_fields(definition, style):
        draw_checkbox_group(sheet, group, fields, style)
    draw_footer(sheet, definition, style, frame)
    return page, sheet


def render_template(definition: Definition, style: FormStyle | None = None) -> Image.Image:
    """The blank form at 300 dpi: 8-bit gray for black print, RGB for a dropout colour."""
    return render(definition, style or formstyles.load_style(definition.id))[0]


def is_white(image: Image.Image) -> bool:
    extrema = image.getextrema()
    bands = extrema if isinstance(extrema[0], tuple) else (extrema,)
    return all(band == (WHITE, WHITE) for band in bands)


def value_boxes_are_blank(page: Image.Image, definition: Definition,
                          style: FormStyle | None = None) -> list[str]:
    """Keys of fields whose value box has anything drawn inside it (check boxes printed on
    their box: inside the outline). Empty when the template is right."""
    style = style or formstyles.load_style(definition.id)
    dirty = []
    for field in definition.fields:
        x0, y0, x1, y1 = field.box
        if field.type == "checkbox" and style.colour.checkbox_clearance == 0:
            x0, y0, x1, y1 = x0 + CHECKBOX_LINE, y0 + CHECKBOX_LINE, x1 - CHECKBOX_LINE, y1 - CHECKBOX_LINE
        if not is_white(page.crop((x0, y0, x1, y1))):
            dirty.append(field.key)
    return dirty


def gap(a: tuple, b: tuple) -> int:
    """Clearance between two rectangles (l, t, r, b): how far apart they are along the axis
    that separates them best; 0 when they touch or overlap."""
    dx = max(a[0] - b[2], b[0] - a[2], 0)
    dy = max(a[1] - b[3], b[1] - a[3], 0)
    return max(dx, dy)


def labels_too_close(sheet: Sheet, definition: Definition, style: FormStyle) -> list[str]:
    """"key: text (gap px)" for every printed text closer than `min_label_gap` to a value box."""
    close = []
    for field in definition.fields:
        for text, box in sheet.text_boxes:
            if gap(field.box, box) < style.min_label_gap:
                close.append(f"{field.key}: {text} ({gap(field.box, box)} px)")
    return close


def save_template(page: Image.Image, path: str, dpi: int) -> None:
    page.save(path, format="PNG", dpi=(dpi, dpi), optimize=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("definition", help="form definition YAML")
    parser.add_argument("--out", help="write here instead of the definition's template path")
    parser.add_argument("--print-colour", choices=formstyles.print_colour_names(),
                        help="print the form in this colour instead of the one in "
                             "scripts/form_styles.yaml (e.g. pink: a dropout-colour variant)")
    args = parser.parse_args(argv)

    definition = formlayout.load_definition(args.definition)
    style = formstyles.load_style(definition.id, args.print_colour)
    page, sheet = render(definition, style)
    problems = []
    dirty = value_boxes_are_blank(page, definition, style)
    if dirty:
        problems.append(f"template draws inside value boxes: {', '.join(dirty)}")
    close = labels_too_close(sheet, definition, style)
    if close:
        problems.append(f"printed text closer than {style.min_label_gap} px to a value box: "
                        + "; ".join(close))
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if problems:
        return 1
    out = args.out or definition.template_path
    save_template(page, out, definition.dpi)
    print(f"wrote {out} ({page.width}x{page.height}, {page.mode}, {definition.dpi} dpi, "
          f"{style.colour.name} print)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
