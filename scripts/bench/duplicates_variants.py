"""Makes the duplicate benchmark's photo set from real photos (synthetic variants of them, so
the figures say "variants of real photos"):

- for each source photo sNN: the original (as JPEG q95 with a capture time), a byte-identical
  copy (exact tier), near-identical variants (resized 50%/25%, recompressed at q80/q60/q40/q20,
  PNG and WebP, EXIF stripped, cropped 2%/5%/10%, rotated pixels with an EXIF orientation that
  turns them back, colour-shifted; cropN cuts N% of each dimension), and two burst frames (similar tier): the scene shifted by
  15% and 25% of its width, captured 1 and 2 seconds later;
- negatives: distinct photos (more DATA.md photos and Tux Paint stamps) that belong to no group;
  every source is captured 4 seconds after the previous one, so distinct scenes are seconds
  apart too.

Writes the files into OUT and OUT/truth.json: {"file": {"source": "sNN" | null, "kind": ...}}.
Usage: python duplicates_variants.py OUT SOURCE... -- NEGATIVE...
"""
import json
import os
import shutil
import sys
from datetime import datetime, timedelta

from PIL import Image, ImageEnhance, ImageOps

BASE = datetime(2024, 6, 1, 10, 0, 0)
NEAR = ["resize50", "resize25", "q80", "q60", "q40", "q20", "png", "webp", "noexif", "crop2", "crop5", "crop10", "exifrotate", "colour"]


def upright_rgb(path):
    image = ImageOps.exif_transpose(Image.open(path))
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return image.convert("RGB")


def exif(taken, orientation=1):
    data = Image.Exif()
    data[0x0112] = orientation
    data.get_ifd(0x8769)[0x9003] = taken.strftime("%Y:%m:%d %H:%M:%S")
    return data


def shifted_scene(image, shift):
    """The scene a camera panned by `shift` of the width sees: the right part, padded by a mirror."""
    w, h = image.size
    offset = int(w * shift)
    frame = Image.new("RGB", (w, h))
    frame.paste(image.crop((offset, 0, w, h)), (0, 0))
    frame.paste(ImageOps.mirror(image.crop((w - offset, 0, w, h))), (w - offset, 0))
    return frame


def save_jpeg(image, path, quality=95, taken=None, orientation=1):
    options = {"quality": quality}
    if taken:
        options["exif"] = exif(taken, orientation)
    image.save(path, "JPEG", **options)


def near_variant(kind, image, path_stem, taken):
    w, h = image.size
    if kind.startswith("resize"):
        factor = int(kind[6:]) / 100
        save_jpeg(image.resize((max(1, int(w * factor)), max(1, int(h * factor))), Image.LANCZOS), path_stem + ".jpg", 90, taken)
        return path_stem + ".jpg"
    if kind.startswith("q"):
        save_jpeg(image, path_stem + ".jpg", int(kind[1:]), taken)
        return path_stem + ".jpg"
    if kind == "png":
        image.save(path_stem + ".png")
        return path_stem + ".png"
    if kind == "webp":
        image.save(path_stem + ".webp", "WEBP", quality=85)
        return path_stem + ".webp"
    if kind == "noexif":
        save_jpeg(image, path_stem + ".jpg", 95)
        return path_stem + ".jpg"
    if kind.startswith("crop"):
        # cropN: N% of the width and of the height cut off, half on each side.
        fraction = int(kind[4:]) / 200
        dx, dy = int(w * fraction), int(h * fraction)
        save_jpeg(image.crop((dx, dy, w - dx, h - dy)), path_stem + ".jpg", 90, taken)
        return path_stem + ".jpg"
    if kind == "exifrotate":
        # Pixels stored turned a quarter clockwise; orientation 8 turns them back upright.
        save_jpeg(image.transpose(Image.Transpose.ROTATE_270), path_stem + ".jpg", 92, taken, orientation=8)
        return path_stem + ".jpg"
    if kind == "colour":
        warmer = Image.merge("RGB", [band.point(lambda v, f=f: min(255, int(v * f))) for band, f in zip(image.split(), (1.08, 1.0, 0.9))])
        save_jpeg(ImageEnhance.Color(warmer).enhance(1.25), path_stem + ".jpg", 90, taken)
        return path_stem + ".jpg"
    raise ValueError(kind)


def main():
    out = sys.argv[1]
    split = sys.argv.index("--")
    sources, negatives = sys.argv[2:split], sys.argv[split + 1:]
    os.makedirs(out, exist_ok=True)
    truth = {}
    for index, source in enumerate(sources):
        sid = "s%02d" % index
        image = upright_rgb(source)
        taken = BASE + timedelta(seconds=4 * index)
        original = f"{out}/{sid}-original.jpg"
        save_jpeg(image, original, 95, taken)
        truth[os.path.basename(original)] = {"source": sid, "kind": "original"}
        shutil.copyfile(original, f"{out}/{sid}-copy.jpg")
        truth[f"{sid}-copy.jpg"] = {"source": sid, "kind": "copy"}
        for kind in NEAR:
            path = near_variant(kind, image, f"{out}/{sid}-{kind}", taken)
            truth[os.path.basename(path)] = {"source": sid, "kind": kind}
        for second, shift in ((1, 0.15), (2, 0.25)):
            path = f"{out}/{sid}-burst{second}.jpg"
            save_jpeg(shifted_scene(image, shift), path, 92, taken + timedelta(seconds=second))
            truth[os.path.basename(path)] = {"source": sid, "kind": "burst"}
    for index, negative in enumerate(negatives):
        path = f"{out}/n{index:03d}.jpg"
        save_jpeg(upright_rgb(negative), path, 92, BASE + timedelta(seconds=4 * index + 2))
        truth[os.path.basename(path)] = {"source": None, "kind": "negative"}
    with open(f"{out}/truth.json", "w") as handle:
        json.dump(truth, handle, indent=1)


if __name__ == "__main__":
    main()
