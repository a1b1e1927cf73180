"""Red ink pressed onto a page: seals (印影) and rubber stamps (ゴム印).

Each mark is drawn as a mask (ink = 255) with uneven ink, slightly turned, and then multiplied
onto an RGB page in vermilion, so that typed black text under a seal stays black, as with real
朱肉. Everything random comes from the `random.Random` passed in.
"""

from __future__ import annotations

import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from formlayout import font

VERMILION = (210, 40, 40)          # 朱肉
STAMP_RED = (200, 35, 55)          # red stamp-pad ink


def uneven_ink(mask: Image.Image, rng: random.Random) -> Image.Image:
    """Fade one side and pepper the ink with gaps, as a hand-pressed seal looks."""
    w, h = mask.size
    fade = Image.linear_gradient("L").resize((w, h)).rotate(rng.uniform(0, 360), fillcolor=255)
    low = rng.randint(120, 200)                       # the lightest part keeps this much ink
    fade = fade.point([low + (255 - low) * v // 255 for v in range(256)])
    mask = ImageChops.multiply(mask, fade)
    draw = ImageDraw.Draw(mask)
    for _ in range(w * h // 400):
        x, y, r = rng.randrange(w), rng.randrange(h), rng.choice([1, 1, 2, 3])
        draw.ellipse([x - r, y - r, x + r, y + r], fill=0)
    return mask.filter(ImageFilter.GaussianBlur(0.8))


def press(page: Image.Image, mask: Image.Image, centre: tuple[float, float],
          colour: tuple[int, int, int], angle: float) -> tuple[int, int, int, int]:
    """Multiply `mask` in `colour` onto the RGB `page`, centred at `centre`, turned by `angle`
    degrees; returns the mark's bounding box on the page (clipped to it)."""
    mask = mask.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)
    left, top = round(centre[0] - mask.width / 2), round(centre[1] - mask.height / 2)
    box = (max(0, left), max(0, top), min(page.width, left + mask.width),
           min(page.height, top + mask.height))
    if box[0] >= box[2] or box[1] >= box[3]:
        return box
    mask = mask.crop((box[0] - left, box[1] - top, box[2] - left, box[3] - top))
    ink = Image.composite(Image.new("RGB", mask.size, colour), Image.new("RGB", mask.size, "white"), mask)
    page.paste(ImageChops.multiply(page.crop(box), ink), box)
    return box


def stacked_text(draw: ImageDraw.ImageDraw, centre: tuple[float, float], text: str, size: int,
                 weight: int) -> None:
    """Characters one under another, centred on `centre`."""
    face = font("ipa-mincho", size)
    step = size * 1.02
    top = centre[1] - step * len(text) / 2
    for n, char in enumerate(text):
        draw.text((centre[0], top + n * step + step / 2), char, font=face, fill=255, anchor="mm",
                  stroke_width=weight, stroke_fill=255)


def seal_mask(name: str, diameter: int, rng: random.Random) -> Image.Image:
    """A round personal seal (認印): a ring with the family name written downwards in it."""
    size = diameter + 8
    mask = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(mask)
    ring = max(6, diameter // 22)
    draw.ellipse([4, 4, 4 + diameter, 4 + diameter], outline=255, width=ring)
    inner = diameter - 2 * ring - 14
    char = int(min(inner * 0.62, inner * 0.86 / len(name)))
    stacked_text(draw, (size / 2, size / 2), name, char, max(1, char // 22))
    return uneven_ink(mask, rng)


def square_seal_mask(name: str, side: int, rng: random.Random) -> Image.Image:
    """A company seal (角印): a square border with the name in columns of up to three."""
    mask = Image.new("L", (side + 8, side + 8), 0)
    draw = ImageDraw.Draw(mask)
    border = max(6, side // 24)
    draw.rectangle([4, 4, 4 + side, 4 + side], outline=255, width=border)
    columns = [name[i:i + 3] for i in range(0, len(name), 3)]
    inner = side - 2 * border - 16
    char = int(inner * 0.9 / max(3, len(columns)))
    for n, column in enumerate(reversed(columns)):      # read right to left
        x = 4 + border + 8 + inner * (n + 0.5) / len(columns)
        stacked_text(draw, (x, (side + 8) / 2), column, char, max(1, char // 22))
    return uneven_ink(mask, rng)


def date_stamp_mask(place: str, date_text: str, diameter: int, rng: random.Random) -> Image.Image:
    """A round date stamp (日付印): 受付 above, the date in a band, the office below."""
    size = diameter + 8
    mask = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(mask)
    ring = max(4, diameter // 36)
    draw.ellipse([4, 4, 4 + diameter, 4 + diameter], outline=255, width=ring)
    band = diameter * 0.17
    c = size / 2
    for y in (c - band, c + band):
        half = (diameter / 2) * (1 - (band / (diameter / 2)) ** 2) ** 0.5
        draw.line([(c - half + 4, y), (c + half - 4, y)], fill=255, width=ring)
    small = font("ipa-mincho", int(diameter * 0.16))
    draw.text((c, c - band * 2.1), "受付", font=small, fill=255, anchor="mm")
    draw.text((c, c), date_text, font=font("ipa-gothic", int(diameter * 0.15)), fill=255, anchor="mm")
    draw.text((c, c + band * 2.1), place, font=font("ipa-mincho", int(diameter * 0.13)), fill=255,
              anchor="mm")
    return uneven_ink(mask, rng)


def word_stamp_mask(word: str, height: int, rng: random.Random) -> Image.Image:
    """A rectangular rubber stamp with one word (済, 至急, 確認済)."""
    face = font("ipa-gothic", int(height * 0.62))
    width = int(face.getlength(word) + height * 0.5)
    mask = Image.new("L", (width + 8, height + 8), 0)
    draw = ImageDraw.Draw(mask)
    draw.rectangle([4, 4, 4 + width, 4 + height], outline=255, width=max(4, height // 16))
    draw.text(((width + 8) / 2, (height + 8) / 2), word, font=face, fill=255, anchor="mm")
    return uneven_ink(mask, rng)


def press_seal(page: Image.Image, centre, name: str, diameter: int, rng: random.Random):
    """A round seal in vermilion; returns its bounding box."""
    ink = tuple(max(0, min(255, c + rng.randint(-12, 12))) for c in VERMILION)
    return press(page, seal_mask(name, diameter, rng), centre, ink, rng.uniform(-12, 12))


def press_square_seal(page: Image.Image, centre, name: str, side: int, rng: random.Random):
    return press(page, square_seal_mask(name, side, rng), centre, VERMILION, rng.uniform(-4, 4))


def press_rubber_stamp(page: Image.Image, centre, rng: random.Random, place: str = "市役所"):
    """A reception date stamp or a word stamp, in red; returns its bounding box."""
    if rng.random() < 0.6:
        date_text = f"7.{rng.randint(1, 5)}.{rng.randint(1, 28)}"
        mask = date_stamp_mask(place, date_text, rng.randint(200, 260), rng)
    else:
        mask = word_stamp_mask(rng.choice(["済", "至急", "確認済", "写"]), rng.randint(90, 130), rng)
    return press(page, mask, centre, STAMP_RED, rng.uniform(-15, 15))
