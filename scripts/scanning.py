"""Making a clean 300 dpi page look scanned, and saving it as a scanner would.

A `Scan` holds the choices for one page: resolution, skew, shift and scale, a quarter turn
(fed sideways or upside down), blur, specks, paper and toner levels, and for `--hard` sets also
grain, a dark edge (scanner lid shadow) and fax-like bilevel output. `scan_page` applies them to
a gray ("L") or colour ("RGB") page; `save_page` writes PNG, JPEG or bilevel G4 TIFF.

Every random choice comes from the `random.Random` passed in, so pages are reproducible.
"""

from __future__ import annotations

import math
import os
import random
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from formlayout import Definition

MM = 300 / 25.4            # template pixels per millimetre
PNG_LEVELS = 32            # PNG samples are quantised to this many levels per channel
FORMATS = ["png", "jpg", "tif"]


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
    tint: tuple[int, int, int] = (0, 0, 0)  # colour scans: paper colour per channel, relative to `paper`
    grain: int = 0         # amplitude of per-pixel noise (hard sets)
    shadow: int = 0        # width in px at 300 dpi of a dark band along one edge (hard sets)
    shadow_edge: str = "left"
    fax: bool = False      # bilevel at 200 dpi with a light threshold (hard sets)

    @staticmethod
    def choose(rng: random.Random) -> "Scan":
        """An ordinary office scan."""
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

    @staticmethod
    def choose_hard(rng: random.Random) -> "Scan":
        """A bad scan or a fax: more 200 dpi, more skew and turns, heavier blur, grain and
        specks, grayer paper, lower JPEG quality, sometimes a lid shadow or a light bilevel fax."""
        fax = rng.random() < 0.2
        dpi = 200 if fax else rng.choices([200, 300, 400], weights=[40, 45, 15])[0]
        if rng.random() < 0.15:
            angle = rng.choice([-1, 1]) * rng.uniform(4.0, 9.0)
        else:
            angle = rng.uniform(-4.0, 4.0)
        turn_draw = rng.random()
        turn = 180 if turn_draw < 0.15 else rng.choice([90, 270]) if turn_draw < 0.3 else 0
        shadow = rng.randint(30, 140) if rng.random() < 0.25 else 0
        return Scan(dpi=dpi, angle=angle, scale=rng.uniform(0.94, 1.06),
                    shift_x=rng.uniform(-15, 15) * MM, shift_y=rng.uniform(-15, 15) * MM,
                    turn=turn, blur=rng.uniform(0.4, 1.8), paper=rng.randint(200, 245),
                    black=rng.randint(10, 70), specks=rng.randint(600, 3000),
                    jpeg_quality=rng.randint(40, 70),
                    threshold_offset=-rng.randint(25, 50) if fax else rng.randint(-15, 15),
                    grain=rng.randint(4, 18), shadow=shadow,
                    shadow_edge=rng.choice(["left", "right", "top", "bottom"]), fax=fax)

    @property
    def threshold(self) -> int:
        """Gray level below which a bilevel TIFF pixel is black."""
        return (self.paper + self.black) // 2 + self.threshold_offset


def make_colour_scan(scan: Scan, rng: random.Random) -> Scan:
    """The same scan from a colour scanner: the paper gray or slightly yellowish (never
    reddish: that is the dropout colour's side), and JPEG saved at 60–75, as colour scanners'
    defaults are (it keeps colour pages about as small as gray ones)."""
    scan.tint = (0, 0, -rng.randint(0, 6))
    scan.jpeg_quality = rng.randint(60, 75)
    return scan


# --- geometry -----------------------------------------------------------------------------------

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


# --- the scan itself ------------------------------------------------------------------------------

def gray_fill(page: Image.Image, value: int):
    """A gray level as a fill value for `page`'s mode."""
    return value if page.mode == "L" else (value,) * len(page.getbands())


def lid_shadow(page: Image.Image, scan: Scan, factor: float) -> Image.Image:
    """A dark band fading in from one edge, as when the scanner lid does not close."""
    width = max(1, round(scan.shadow * factor))
    mask = Image.new("L", page.size, 255)
    draw = ImageDraw.Draw(mask)
    for i in range(width):
        level = round(70 + 185 * (i / width) ** 0.6)
        if scan.shadow_edge == "left":
            draw.line([(i, 0), (i, page.height)], fill=level)
        elif scan.shadow_edge == "right":
            draw.line([(page.width - 1 - i, 0), (page.width - 1 - i, page.height)], fill=level)
        elif scan.shadow_edge == "top":
            draw.line([(0, i), (page.width, i)], fill=level)
        else:
            draw.line([(0, page.height - 1 - i), (page.width, page.height - 1 - i)], fill=level)
    return ImageChops.multiply(page, mask if page.mode == "L" else mask.convert(page.mode))


def add_grain(page: Image.Image, amplitude: int, rng: random.Random) -> Image.Image:
    """Per-pixel noise of ±`amplitude` gray levels (the same on every channel), from a
    256-px random tile laid in random flips over the page."""
    tile = Image.frombytes("L", (256, 256), rng.randbytes(256 * 256))
    tile = tile.point([round(128 + (v - 128) * amplitude / 128) for v in range(256)])
    flips = [None, Image.Transpose.FLIP_LEFT_RIGHT, Image.Transpose.FLIP_TOP_BOTTOM,
             Image.Transpose.ROTATE_180]
    noise = Image.new("L", page.size, 128)
    for y in range(0, page.height, 256):
        for x in range(0, page.width, 256):
            flip = rng.choice(flips)
            noise.paste(tile.transpose(flip) if flip is not None else tile, (x, y))
    if page.mode != "L":
        noise = Image.merge(page.mode, [noise] * len(page.getbands()))
    return ImageChops.add(page, noise, scale=1.0, offset=-128)


def levels(page: Image.Image, scan: Scan) -> Image.Image:
    """Paper to `paper` (tinted per channel on a colour scan), toner to `black`."""
    if page.mode == "L":
        span = scan.paper - scan.black
        return page.point([scan.black + span * v // 255 for v in range(256)])
    table = []
    for tint in scan.tint:
        paper = max(scan.black + 1, min(255, scan.paper + tint))
        table += [scan.black + (paper - scan.black) * v // 255 for v in range(256)]
    return page.point(table)


def scan_page(page: Image.Image, centre: tuple[float, float], scan: Scan,
              rng: random.Random) -> Image.Image:
    """Resample, skew/shift/scale about `centre`, turn, speckle, blur and re-level a clean
    300 dpi page (gray or colour)."""
    factor = scan.dpi / 300
    if scan.dpi != 300:
        page = page.resize((round(page.width * factor), round(page.height * factor)),
                           Image.Resampling.LANCZOS)
    # Inverse of `forward`, in output pixels: for each output pixel, where to sample.
    cx, cy = (v * factor for v in centre)
    tx, ty = scan.shift_x * factor, scan.shift_y * factor
    a = math.radians(scan.angle)
    cos, sin, s = math.cos(a), math.sin(a), scan.scale
    matrix = (cos / s, -sin / s, cx - (cos * (cx + tx) - sin * (cy + ty)) / s,
              sin / s, cos / s, cy - (sin * (cx + tx) + cos * (cy + ty)) / s)
    page = page.transform(page.size, Image.Transform.AFFINE, matrix,
                          resample=Image.Resampling.BICUBIC, fillcolor=gray_fill(page, 255))
    if scan.turn:
        page = page.transpose({90: Image.Transpose.ROTATE_90, 180: Image.Transpose.ROTATE_180,
                               270: Image.Transpose.ROTATE_270}[scan.turn])

    # Dust and toner specks, kept sparse so that PNGs stay small.
    draw = ImageDraw.Draw(page)
    for _ in range(scan.specks):
        x, y = rng.randrange(page.width), rng.randrange(page.height)
        radius = rng.choice([0.5, 0.5, 0.5, 1, 1, 1.5]) * factor
        draw.ellipse([x - radius, y - radius, x + radius, y + radius],
                     fill=gray_fill(page, rng.randint(30, 170)))

    if scan.shadow:
        page = lid_shadow(page, scan, factor)
    if scan.blur > 0.05:
        page = page.filter(ImageFilter.GaussianBlur(scan.blur * factor))
    page = levels(page, scan)
    if scan.grain:
        page = add_grain(page, scan.grain, rng)
    return page


# --- files -----------------------------------------------------------------------------------------

def choose_format(requested: str, rng: random.Random, colour: bool = False) -> str:
    """The file format of one page. A colour page in a mix is PNG or JPEG (colour scans)."""
    if requested != "mix":
        return requested
    if colour:
        return rng.choices(["png", "jpg"], weights=[30, 70])[0]
    return rng.choices(FORMATS, weights=[65, 20, 15])[0]


def save_page(page: Image.Image, path: str, fmt: str, dpi: int, jpeg_quality: int = 80,
              threshold: int = 128) -> None:
    """PNG: 8-bit gray or 24-bit colour, quantised to PNG_LEVELS levels per channel (halves
    the size, invisible at scan resolution); JPEG: gray or colour at the given quality;
    TIFF: bilevel, CCITT Group 4 (a colour page is made gray first, as a fax would)."""
    if fmt == "png":
        step = 256 / PNG_LEVELS
        table = [min(255, round(int(v / step) * step + step / 2)) for v in range(256)]
        quantised = page.point(table * len(page.getbands()))
        quantised.save(path, format="PNG", dpi=(dpi, dpi), optimize=True)
    elif fmt == "jpg":
        page.save(path, format="JPEG", dpi=(dpi, dpi), quality=jpeg_quality, optimize=True)
    elif fmt == "tif":
        gray = page if page.mode == "L" else page.convert("L")
        bilevel = gray.point(lambda v: 255 if v > threshold else 0, mode="1")
        bilevel.save(path, format="TIFF", compression="group4", dpi=(dpi, dpi))
    else:
        raise ValueError(fmt)


def remove_stale(folder: str, name: str) -> None:
    """Remove NAME in any format: a page left over in another format would be read with the
    new truth."""
    for ext in FORMATS:
        stale = os.path.join(folder, f"{name}.{ext}")
        if os.path.exists(stale):
            os.remove(stale)
