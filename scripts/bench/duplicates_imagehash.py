"""PyPI imagehash's dHash and pHash of photos, as Smart Gallery hashes them: upright (EXIF
orientation applied), alpha flattened on white, RGB. Prints JSON:
{"imagehash": VERSION, "images": [{"path": RELATIVE, "dhash": HEX, "phash": HEX}]}.

Usage: python duplicates_imagehash.py ROOT PATH...   (paths relative to ROOT)
"""
import json
import sys
from importlib.metadata import version

import imagehash
from PIL import Image, ImageOps


def upright_rgb(path):
    image = ImageOps.exif_transpose(Image.open(path))
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return image.convert("RGB")


def main():
    root, paths = sys.argv[1], sys.argv[2:]
    images = []
    for relative in paths:
        image = upright_rgb(f"{root}/{relative}")
        images.append({"path": relative, "dhash": str(imagehash.dhash(image)), "phash": str(imagehash.phash(image))})
    json.dump({"imagehash": version("ImageHash"), "images": images}, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
