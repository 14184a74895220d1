"""The test photos of the image golden set, made deterministically from the shared fixtures.

Each maker returns the encoded file's bytes. Together they cover what the preprocessing must get
right: every shape (square, wide, tall, panorama, tiny, 1x1, huge), every kind of pixel (grey,
RGBA, palette, CMYK, 16-bit, a wide-gamut ICC profile) and EXIF orientations.
"""
import io

import numpy as np
import pyvips
from PIL import Image


def _save(image, fmt, **options):
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def _with_orientation(image, orientation):
    exif = Image.Exif()
    exif[0x0112] = orientation
    return _save(image, "JPEG", quality=92, exif=exif.tobytes())


def makers(fixtures):
    skimage = f"{fixtures}/skimage"
    astronaut = Image.open(f"{skimage}/astronaut.png").convert("RGB")
    coffee = Image.open(f"{skimage}/coffee.png").convert("RGB")
    chelsea = Image.open(f"{skimage}/chelsea.png").convert("RGB")
    camera = Image.open(f"{skimage}/camera.png").convert("L")
    rocket = open(f"{skimage}/rocket.jpg", "rb").read()

    def rgba():
        alpha = Image.linear_gradient("L").resize(chelsea.size)
        image = chelsea.copy()
        image.putalpha(alpha)
        return _save(image, "PNG")

    def grey16():
        values = np.asarray(camera, dtype=np.uint16) * 257
        return pyvips.Image.new_from_array(values).cast("ushort").copy(interpretation="grey16").pngsave_buffer()

    def rgb16():
        values = np.asarray(coffee, dtype=np.uint16) * 257 + 128
        return pyvips.Image.new_from_array(values).cast("ushort").copy(interpretation="rgb16").pngsave_buffer()

    def wide_gamut():
        image = pyvips.Image.new_from_buffer(_save(astronaut, "PNG"), "")
        return image.icc_transform("p3").jpegsave_buffer(Q=92)

    return {
        "square.png": lambda: _save(astronaut, "PNG"),
        "wide.png": lambda: _save(coffee, "PNG"),
        "tall.jpg": lambda: _save(astronaut.crop((150, 0, 330, 512)), "JPEG", quality=90),
        "panorama.jpg": lambda: _save(coffee.resize((3600, 400), Image.LANCZOS), "JPEG", quality=90),
        "rocket.jpg": lambda: rocket,
        "tiny.png": lambda: _save(chelsea.resize((7, 5), Image.LANCZOS), "PNG"),
        "one-pixel.png": lambda: _save(Image.new("RGB", (1, 1), (200, 40, 90)), "PNG"),
        "huge.jpg": lambda: _save(chelsea.resize((3600, 2400), Image.LANCZOS), "JPEG", quality=90),
        "huge-tall.jpg": lambda: _save(astronaut.resize((1800, 2900), Image.LANCZOS), "JPEG", quality=90),
        "grey.png": lambda: _save(camera, "PNG"),
        "rgba.png": rgba,
        "palette.gif": lambda: _save(chelsea.quantize(64), "GIF"),
        "cmyk.jpg": lambda: _save(coffee.convert("CMYK"), "JPEG", quality=92),
        "grey16.png": grey16,
        "rgb16.png": rgb16,
        "p3-icc.jpg": wide_gamut,
        "rotated-90.jpg": lambda: _with_orientation(coffee, 6),
        "rotated-180.jpg": lambda: _with_orientation(chelsea, 3),
        "rotated-270-huge.jpg": lambda: _with_orientation(chelsea.resize((3000, 2000), Image.LANCZOS), 8),
        "mirrored.jpg": lambda: _with_orientation(coffee, 2),
        "webp.webp": lambda: _save(chelsea, "WEBP", quality=90),
    }
