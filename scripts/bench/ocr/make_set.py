#!/usr/bin/env python3
"""Makes the OCR benchmark's real-text set: words rendered onto real photos (the DATA.md fixtures)
plus the fixtures' own photos with text, each image with its ground truth beside it (NAME.json).

Deterministic: one seeded generator drives every choice (background, crop, words, fonts, sizes,
colours, angles, positions), so the same seed and sizes give the same set. Words come from
the EFF list in Debian's diceware and friso's Chinese lexicon; fonts from Debian font packages (both
unpacked by fetch-deps.sh).

Kinds: clean, small (14-20 px), rotated (8-30 degrees), low_contrast, cjk (Chinese),
rotated90 (the finished photo turned a quarter, no EXIF tag: the reader's second look),
exif_rotated (pixels stored turned, EXIF orientation says how to show them), no_text (crops of
the backgrounds alone), real (the fixtures' photos with text, transcribed in real_text.json).

Usage: make_set.py --fixtures DIR --deps DIR --out DIR [--per-kind N] [--no-text N] [--seed S]
"""
import argparse
import json
import math
import os
import random
import re
import shutil
import sys

from PIL import Image, ImageDraw, ImageFont, ImageOps, ImageStat
import pillow_heif

pillow_heif.register_heif_opener()

HERE = os.path.dirname(os.path.abspath(__file__))

# Fixture photos checked by eye to show no text of their own (relative to .cache/fixtures);
# camera.png is left out: the readers see "C000" on its camera.
BACKGROUNDS = [
    "skimage/chelsea.png", "skimage/coffee.png", "skimage/rocket.jpg",
    "pillow/flower.jpg", "pillow/frozenpond.mpo", "pillow/sugarshack.mpo", "piexif/02.jpg",
    "face-recognition/biden.jpg", "face-recognition/obama.jpg",
    "pillow-heif/heif_other/cat.hif", "pillow-heif/heif_other/pug.heic",
    "pillow-heif/heif_other/empty_icc.heic", "pillow-heif/heif_other/invalid_id.heic",
    "pillow-heif/heif_other/arrow.heic", "pillow-heif/heif_other/nokia/alpha.heic",
    "pillow-heif/heif_other/nokia/bird_burst.heic", "pillow-heif/heif_special/xiaomi.heic",
    "pillow-heif/heif_special/guitar_cw90.hif",
]

RENDERED_KINDS = ["clean", "small", "rotated", "low_contrast", "cjk", "rotated90", "exif_rotated"]
LONG_SIDES = [960, 1280, 1600]
ASPECTS = [4 / 3, 3 / 4, 16 / 9, 3 / 2, 1.0]
PLATE_LETTERS = "ABCDEFGHJKLMNPRSTUVWXY"
# EXIF orientation that shows pixels stored turned by k quarter turns counter-clockwise upright.
EXIF_FOR_QUARTERS = {1: 6, 2: 3, 3: 8}


class Words:
    """Draws tokens that are unique in the set: no drawn token is part of another photo's text and
    none contains another drawn token (case-insensitive), so a search for one can only be answered
    by its own photo. `reserved`: the real photos' words (never searched, never to be matched)."""

    def __init__(self, rng, deps, reserved):
        self.rng = rng
        eff = os.path.join(deps, "diceware/usr/lib/python3/dist-packages/diceware/wordlists/wordlist_en_eff.txt")
        with open(eff, encoding="utf-8") as f:
            self.english = sorted({w for w in f.read().split() if re.fullmatch(r"[a-z]{4,10}", w)})
        lexicon = os.path.join(deps, "friso-dict/usr/share/friso/dict/UTF-8/lex-main.lex")
        with open(lexicon, encoding="utf-8") as f:
            entries = [line.split("/")[0].strip() for line in f]
        self.chinese = sorted({w for w in entries if 2 <= len(w) <= 4 and all(common_hanzi(c) for c in w)})
        self.texts = [t.casefold() for t in reserved]
        self.drawn = []

    def _claim(self, token):
        folded = token.casefold()
        if any(folded in t for t in self.texts) or any(t in folded for t in self.drawn):
            return False
        self.texts.append(folded)
        self.drawn.append(folded)
        return True

    def _draw(self, make):
        while True:
            token = make()
            if self._claim(token):
                return token

    def english_word(self):
        word = self._draw(lambda: self.rng.choice(self.english))
        case = self.rng.random()
        return word.upper() if case < 0.15 else word.capitalize() if case < 0.4 else word

    def chinese_word(self):
        return self._draw(lambda: self.rng.choice(self.chinese))

    def code(self):
        """A number-plate-like or number token ("RE16 TGK", "40721", "K7-2291")."""
        rng = self.rng
        style = rng.choice(["plate", "number", "code"])
        if style == "plate":
            letters = lambda n: "".join(rng.choice(PLATE_LETTERS) for _ in range(n))
            return self._draw(lambda: letters(2) + f"{rng.randint(10, 99)}") + " " + self._draw(lambda: letters(3))
        if style == "number":
            return self._draw(lambda: str(rng.randint(1000, 999999)))
        return self._draw(lambda: f"{rng.choice(PLATE_LETTERS)}{rng.randint(1, 9)}-{rng.randint(1000, 9999)}")

    def latin_line(self):
        if self.rng.random() < 0.35:
            return self.code()
        return " ".join(self.english_word() for _ in range(self.rng.choice([1, 1, 2, 2, 3])))


def common_hanzi(c):
    """True for the 3,755 most common Chinese characters (GB2312 level 1)."""
    try:
        b = c.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(b) == 2 and 0xB0 <= b[0] <= 0xD7


def search_tokens(text):
    return [t for t in text.split() if len(t) >= 2]


def load_background(fixtures, relative):
    with Image.open(os.path.join(fixtures, relative)) as image:
        return ImageOps.exif_transpose(image).convert("RGB")


def crop_and_resize(rng, photo):
    """A random crop (at least 60% of the photo's area, one of a few aspect ratios) resized so that
    its long side is one of LONG_SIDES."""
    aspect = rng.choice(ASPECTS)
    w, h = photo.size
    cw = min(w, h * aspect)
    ch = cw / aspect
    scale = rng.uniform(math.sqrt(0.6), 1.0)
    cw, ch = cw * scale, ch * scale
    x, y = rng.uniform(0, w - cw), rng.uniform(0, h - ch)
    long_side = rng.choice(LONG_SIDES)
    size = (long_side, round(long_side / aspect)) if aspect >= 1 else (round(long_side * aspect), long_side)
    return photo.resize(size, Image.LANCZOS, box=(x, y, x + cw, y + ch))


def luminance(rgb):
    return 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]


def contrasting(rng, around):
    """A colour far from `around` in luminance: dark when the background is light, else light."""
    if luminance(around) > 128:
        return tuple(rng.randint(0, 70) for _ in range(3))
    return tuple(rng.randint(200, 255) for _ in range(3))


def rotate_point(x, y, cx, cy, ncx, ncy, degrees):
    """Where (x, y) lands when a layer centred at (cx, cy) is turned counter-clockwise by `degrees`
    with PIL's rotate(expand=True), whose result is centred at (ncx, ncy)."""
    t = math.radians(degrees)
    dx, dy = x - cx, y - cy
    return (ncx + dx * math.cos(t) + dy * math.sin(t), ncy - dx * math.sin(t) + dy * math.cos(t))


class Fonts:
    def __init__(self, deps):
        self.latin, self.cjk = [], []
        for folder, _, files in os.walk(deps):
            for name in files:
                path = os.path.join(folder, name)
                if "/fonts/truetype/" not in path:
                    continue
                if name in ("wqy-microhei.ttc", "DroidSansFallbackFull.ttf"):
                    self.cjk.append(path)
                elif name.endswith(".ttf") and "Fallback" not in name:
                    self.latin.append(path)
        self.latin.sort()
        self.cjk.sort()
        if not self.latin or len(self.cjk) != 2:
            sys.exit(f"make_set: fonts missing under {deps} (run fetch-deps.sh)")


def render_items(rng, image, lines, fonts, kind):
    """Draws each line at a free random spot; returns the ground-truth items that fitted."""
    short_side = min(image.size)
    items, occupied = [], []
    for text in lines:
        font_path = rng.choice(fonts.cjk if kind == "cjk" else fonts.latin)
        if kind == "small":
            px = rng.randint(14, 20)
        else:
            px = max(16, round(short_side * rng.uniform(0.045, 0.09)))
        if kind == "rotated":
            angle = rng.choice([-1, 1]) * rng.uniform(8, 30)
        elif kind == "cjk":
            angle = rng.uniform(-5, 5)
        else:
            angle = 0.0
        style = "plain" if kind == "low_contrast" else rng.choice(["plain", "outline", "plate"])
        font = ImageFont.truetype(font_path, px)
        stroke = max(1, px // 16) if style == "outline" else 0
        left, top, right, bottom = font.getbbox(text, stroke_width=stroke)
        pad = max(4, px // 4)
        tw, th = right - left, bottom - top
        layer = Image.new("RGBA", (tw + 2 * pad, th + 2 * pad), (0, 0, 0, 0))
        cx, cy = layer.width / 2, layer.height / 2
        rotated_size = layer.rotate(angle, expand=True).size
        if rotated_size[0] >= image.width - 8 or rotated_size[1] >= image.height - 8:
            continue
        spot = None
        for _ in range(60):
            x = rng.randint(4, image.width - rotated_size[0] - 4)
            y = rng.randint(4, image.height - rotated_size[1] - 4)
            box = (x, y, x + rotated_size[0], y + rotated_size[1])
            if all(box[2] + 6 < o[0] or o[2] + 6 < box[0] or box[3] + 6 < o[1] or o[3] + 6 < box[1] for o in occupied):
                spot = box
                break
        if spot is None:
            continue
        around = ImageStat.Stat(image.crop(spot)).mean
        draw = ImageDraw.Draw(layer)
        if kind == "low_contrast":
            delta = rng.uniform(28, 45) * (1 if luminance(around) < 150 else -1)
            fill = tuple(max(0, min(255, round(c + delta))) for c in around)
            stroke_fill = None
        elif style == "plate":
            plate = contrasting(rng, around)
            draw.rounded_rectangle((0, 0, layer.width - 1, layer.height - 1), radius=pad, fill=plate + (rng.randint(215, 255),))
            fill, stroke_fill = contrasting(rng, plate), None
        else:
            fill = contrasting(rng, around)
            stroke_fill = contrasting(rng, fill) if stroke else None
        draw.text((pad - left, pad - top), text, font=font, fill=fill, stroke_width=stroke, stroke_fill=stroke_fill)
        turned = layer.rotate(angle, resample=Image.BICUBIC, expand=True)
        image.paste(turned, spot[:2], turned)
        ncx, ncy = turned.width / 2, turned.height / 2
        corners = [(pad, pad), (pad + tw, pad), (pad + tw, pad + th), (pad, pad + th)]
        quad = [rotate_point(px_, py_, cx, cy, ncx, ncy, angle) for px_, py_ in corners]
        items.append({
            "text": text,
            "box": [[round(spot[0] + qx, 1), round(spot[1] + qy, 1)] for qx, qy in quad],
            "font": os.path.basename(font_path), "font_px": px, "angle": round(angle, 2), "style": style,
            "colour": list(fill),
        })
        occupied.append(spot)
    return items


def turn_box(box, quarters, width, height):
    """A box's corners after the image (width x height) is turned counter-clockwise `quarters` times."""
    points = box
    for _ in range(quarters):
        points = [[y, width - x] for x, y in points]
        width, height = height, width
    return points


def write(out, name, image, truth, exif_orientation=None):
    path = os.path.join(out, name + ".jpg")
    if exif_orientation:
        exif = Image.Exif()
        exif[0x0112] = exif_orientation
        image.save(path, quality=92, exif=exif)
    else:
        image.save(path, quality=92)
    truth = {"file": name + ".jpg", **truth}
    with open(os.path.join(out, name + ".json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
    return truth


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fixtures", required=True)
    parser.add_argument("--deps", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--per-kind", type=int, default=20)
    parser.add_argument("--no-text", type=int, default=12)
    parser.add_argument("--seed", type=int, default=20261201)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    with open(os.path.join(HERE, "real_text.json"), encoding="utf-8") as f:
        real = json.load(f)["photos"]
    reserved = [t for photo in real for line in photo["lines"] for t in line.split()]
    words = Words(rng, args.deps, reserved)
    fonts = Fonts(args.deps)
    shutil.rmtree(args.out, ignore_errors=True)
    os.makedirs(args.out)
    backgrounds = {relative: load_background(args.fixtures, relative) for relative in BACKGROUNDS}
    manifest = []

    for photo in real:
        extension = os.path.splitext(photo["source"])[1]
        shutil.copyfile(os.path.join(args.fixtures, photo["source"]), os.path.join(args.out, photo["name"] + extension))
        truth = {"file": photo["name"] + extension, "kind": "real", "source": photo["source"],
                 "items": [{"text": line} for line in photo["lines"]], "words": []}
        with open(os.path.join(args.out, photo["name"] + ".json"), "w", encoding="utf-8") as f:
            json.dump(truth, f, ensure_ascii=False, indent=1)
        manifest.append(truth)

    for kind in RENDERED_KINDS:
        for index in range(args.per_kind):
            background = rng.choice(BACKGROUNDS)
            image = crop_and_resize(rng, backgrounds[background])
            count = rng.randint(2, 4) if kind == "small" else rng.randint(1, 3)
            lines = [words.chinese_word() if kind == "cjk" else words.latin_line() for _ in range(count)]
            items = render_items(rng, image, lines, fonts, kind)
            truth = {"kind": kind, "background": background, "width": image.width, "height": image.height,
                     "items": items, "words": [t for item in items for t in search_tokens(item["text"])]}
            name = f"{kind}-{index:03d}"
            if kind == "rotated90":
                quarters = rng.choice([1, 3])
                for item in items:
                    item["box"] = turn_box(item["box"], quarters, image.width, image.height)
                image = image.rotate(90 * quarters, expand=True)
                truth.update(width=image.width, height=image.height, turned_degrees_ccw=90 * quarters)
                manifest.append(write(args.out, name, image, truth))
            elif kind == "exif_rotated":
                quarters = rng.choice([1, 2, 3])
                stored = image.rotate(90 * quarters, expand=True)
                truth["exif_orientation"] = EXIF_FOR_QUARTERS[quarters]
                manifest.append(write(args.out, name, stored, truth, EXIF_FOR_QUARTERS[quarters]))
            else:
                manifest.append(write(args.out, name, image, truth))

    for index in range(args.no_text):
        background = BACKGROUNDS[index % len(BACKGROUNDS)]
        image = crop_and_resize(rng, backgrounds[background])
        manifest.append(write(args.out, f"no_text-{index:03d}", image,
                              {"kind": "no_text", "background": background, "width": image.width,
                               "height": image.height, "items": [], "words": []}))

    with open(os.path.join(args.out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump({"seed": args.seed, "per_kind": args.per_kind, "no_text": args.no_text, "images": manifest},
                  f, ensure_ascii=False, indent=1)
    words_total = sum(len(t["words"]) for t in manifest)
    print(f"make_set: {len(manifest)} images, {words_total} search words in {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
