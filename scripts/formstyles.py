"""How a synthetic form is printed, beyond its definition: print colour, section headings,
check-box groups, notes and stamp boxes. Read from scripts/form_styles.yaml (see the comments
there), keyed by form id, so that the form definitions keep only the keys Chohyo knows.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import yaml

STYLES_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "form_styles.yaml")

Colour = tuple[int, int, int]


@dataclass(frozen=True)
class PrintColour:
    name: str
    line: Colour
    label: Colour
    band: Colour
    cell_line: int
    checkbox_clearance: int

    @property
    def is_gray(self) -> bool:
        return all(len(set(c)) == 1 for c in (self.line, self.label, self.band))

    @property
    def mode(self) -> str:
        """Pillow mode of a page printed in this colour: "L" for black, "RGB" otherwise."""
        return "L" if self.is_gray else "RGB"

    def ink(self, colour: Colour) -> int | Colour:
        """`colour` as a Pillow fill value for a page of this print's mode."""
        return colour[0] if self.is_gray else tuple(colour)


@dataclass(frozen=True)
class Section:
    heading: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class CheckboxGroup:
    """Check boxes printed in one cell: the heading in the cell's label strip, each box's own
    label to its right. `right` is the cell's right edge (None: just past the last label)."""
    heading: str
    fields: tuple[str, ...]
    right: int | None


@dataclass(frozen=True)
class StampBox:
    """A printed box that is not a field (受付印, 届出印): a label strip over an empty area."""
    label: str
    rect: tuple[int, int, int, int]
    strip: int = 56          # height of the label strip

    @property
    def area(self) -> tuple[int, int, int, int]:
        """The empty part under the label strip, where a seal or stamp goes."""
        left, top, right, bottom = self.rect
        return (left, top + self.strip, right, bottom)


@dataclass(frozen=True)
class Notes:
    title: str
    top: int
    right: int
    lines: tuple[str, ...]


@dataclass(frozen=True)
class FormStyle:
    form_id: str
    colour: PrintColour
    header: tuple[str, str]
    band: tuple[int, int]
    cell_top: int
    frame_margin: int
    sections: tuple[Section, ...]
    checkbox_hint: str | None
    checkbox_groups: tuple[CheckboxGroup, ...]
    intro_top: int | None
    intro_lines: tuple[str, ...]
    remarks: tuple[int, int] | None
    notes: Notes
    stamp_boxes: tuple[StampBox, ...]
    min_label_gap: int

    def group_of(self, key: str) -> CheckboxGroup | None:
        return next((g for g in self.checkbox_groups if key in g.fields), None)

    def stamp_box(self, label: str) -> StampBox | None:
        return next((b for b in self.stamp_boxes if b.label == label), None)


def _read_styles(path: str) -> dict:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def print_colour_names(path: str = STYLES_FILE) -> list[str]:
    return list(_read_styles(path)["print_colours"])


def load_style(form_id: str, print_colour: str | None = None, path: str = STYLES_FILE) -> FormStyle:
    """The style of `form_id` (`default` overridden by the form's entry); `print_colour`,
    when given, overrides the style's print colour."""
    raw = _read_styles(path)
    merged = dict(raw["default"])
    merged.update((raw.get("forms") or {}).get(form_id) or {})
    unknown = set(merged) - set(raw["default"])
    if unknown:
        raise ValueError(f"{path}: {form_id}: unknown style keys {sorted(unknown)}")
    colour_name = print_colour or merged["print_colour"]
    colours = raw["print_colours"]
    if colour_name not in colours:
        raise ValueError(f"unknown print colour {colour_name!r} (known: {', '.join(colours)})")
    c = colours[colour_name]
    intro = merged["intro"] or {}
    notes = merged["notes"]
    return FormStyle(
        form_id=form_id,
        colour=PrintColour(name=colour_name, line=tuple(c["line"]), label=tuple(c["label"]),
                           band=tuple(c["band"]), cell_line=int(c["cell_line"]),
                           checkbox_clearance=int(c["checkbox_clearance"])),
        header=tuple(merged["header"]),
        band=tuple(merged["band"]),
        cell_top=int(merged["cell_top"]),
        frame_margin=int(merged["frame_margin"]),
        sections=tuple(Section(s["heading"], tuple(s["fields"])) for s in merged["sections"]),
        checkbox_hint=merged["checkbox_hint"],
        checkbox_groups=tuple(CheckboxGroup(g["heading"], tuple(g["fields"]), g.get("right"))
                              for g in merged["checkbox_groups"]),
        intro_top=intro.get("top"),
        intro_lines=tuple(intro.get("lines") or ()),
        remarks=tuple(merged["remarks"]) if merged["remarks"] else None,
        notes=Notes(title=notes["title"], top=int(notes["top"]), right=int(notes["right"]),
                    lines=tuple(notes["lines"])),
        stamp_boxes=tuple(StampBox(b["label"], tuple(b["rect"])) for b in merged["stamp_boxes"]),
        min_label_gap=int(merged["min_label_gap"]),
    )
