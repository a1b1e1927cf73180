"""What the sample tools share: reading a form definition, finding the Debian CJK fonts, and
the geometry of a field's cell around its value box.

A definition's box is [x, y, width, height] in template pixels (300 dpi) and is the VALUE area
only. Around it the template prints a cell:

    (x-10, y-64) +--------------------------------------+
                 | label, 28 px, ink from y-58 to < y-24  |
                 |  +--------------------------------+   |
                 |  |  value box (left empty)        |   |
                 |  +--------------------------------+   |
                 +--------------------------------------+ (x+w+10, y+h+10)
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass

import yaml
from PIL import ImageFont

# --- fonts (all from Debian packages) ----------------------------------------------------------

NOTO_SANS_CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
IPA_GOTHIC = "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"
IPA_MINCHO = "/usr/share/fonts/opentype/ipafont-mincho/ipam.ttf"

#: Font name -> (file, family name to pick from a collection, or None for a single font).
FONTS = {
    "noto-sans-jp": (NOTO_SANS_CJK, "Noto Sans CJK JP"),
    "ipa-gothic": (IPA_GOTHIC, None),
    "ipa-mincho": (IPA_MINCHO, None),
}


@functools.lru_cache(maxsize=None)
def _collection_index(path: str, family: str) -> int:
    """Index of the face named `family` in a .ttc (the JP face of Noto Sans CJK)."""
    index = 0
    while True:
        try:
            face = ImageFont.truetype(path, 12, index=index)
        except OSError:
            raise LookupError(f"no face {family!r} in {path}") from None
        if face.getname()[0] == family:
            return index
        index += 1


@functools.lru_cache(maxsize=None)
def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    """A font from FONTS at a pixel size."""
    path, family = FONTS[name]
    if not os.path.exists(path):
        raise FileNotFoundError(f"{path} is missing: install fonts-noto-cjk and fonts-ipafont")
    index = _collection_index(path, family) if family else 0
    return ImageFont.truetype(path, size, index=index)


# --- form definition ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Field:
    key: str
    label: str
    type: str
    x: int
    y: int
    w: int
    h: int
    required: bool = False
    min_length: int | None = None     # digits fields: allowed number of digits
    max_length: int | None = None

    @property
    def box(self) -> tuple[int, int, int, int]:
        """Value area as (left, top, right, bottom), right/bottom exclusive."""
        return (self.x, self.y, self.x + self.w, self.y + self.h)

    @property
    def cell(self) -> tuple[int, int, int, int]:
        """Printed cell border (left, top, right, bottom), inclusive pixel coordinates."""
        return (self.x - 10, self.y - 64, self.x + self.w + 10, self.y + self.h + 10)

    @property
    def label_origin(self) -> tuple[int, int]:
        """Top-left of the label's ink."""
        return (self.x, self.y - 58)

    @property
    def label_bottom_limit(self) -> int:
        """The label's ink stays above this y."""
        return self.y - 24


@dataclass(frozen=True)
class Definition:
    path: str
    id: str
    title: str
    template: str
    dpi: int
    fields: tuple[Field, ...]
    rules: tuple[str, ...] = ()                # cross-field rules, the `expr` of each
    page_size: tuple[int, int] = (2480, 3508)  # A4 portrait at 300 dpi

    @property
    def template_path(self) -> str:
        """Where the template image goes: `template:` relative to the definition's folder."""
        return os.path.join(os.path.dirname(os.path.abspath(self.path)), self.template)


def load_definition(path: str) -> Definition:
    with open(path, encoding="utf-8") as handle:
        raw = yaml.safe_load(handle)
    dpi = int(raw.get("dpi") or 300)
    if dpi != 300:
        raise ValueError(f"{path}: only 300 dpi templates are supported, not {dpi}")
    fields = tuple(
        Field(key=f["key"], label=f["label"], type=f["type"],
              x=int(f["box"][0]), y=int(f["box"][1]), w=int(f["box"][2]), h=int(f["box"][3]),
              required=bool(f.get("required", False)),
              min_length=f.get("length", f.get("min_length")),
              max_length=f.get("length", f.get("max_length")))
        for f in raw["fields"])
    rules = tuple(rule["expr"] for rule in raw.get("rules") or ())
    return Definition(path=path, id=raw["id"], title=raw["title"], template=raw["template"],
                      dpi=dpi, fields=fields, rules=rules)
