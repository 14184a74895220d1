#!/usr/bin/env python3
"""Writes the image golden set: test photos, the model inputs Immich's code makes from them and
the tiny CLIP's embeddings of those inputs.

Usage: build.py --fixtures .cache/fixtures --model .cache/models/tiny-clip --out DIR

The reference, step by step:
1. The server's preview, as Immich's server makes it with libvips (sharp): upright, 8-bit sRGB,
   shrunk (never enlarged) so that the shorter side is at most 1440. Here: pyvips on Debian's
   libvips with the options of the Swift side (thumbnail_buffer, size=down, fail_on=error, then
   grey/colourspace/cast/band normalisation).
2. Immich's machine-learning transforms on that preview (immich_ml/models/transforms.py and
   clip/visual.py): decode_pil's convert("RGB") (alpha dropped), resize_pil, crop_pil, to_numpy,
   normalize, channel-major.
3. onnxruntime on the tiny CLIP's visual/model.onnx.
"""
import argparse
import json
import os

import numpy as np
import onnxruntime
import pyvips
from PIL import Image

from photos import makers

PREVIEW_SHORT_SIDE = 1440
UNBOUNDED = 10_000_000  # libvips' VIPS_MAX_COORD


def server_preview(data):
    """Step 1: the 8-bit sRGB preview, alpha kept, as a height x width x bands array."""
    header = pyvips.Image.new_from_buffer(data, "")
    width, height = header.width, header.height
    if header.get_typeof("orientation") and header.get("orientation") in (5, 6, 7, 8):
        width, height = height, width
    box = (PREVIEW_SHORT_SIDE, UNBOUNDED) if width <= height else (UNBOUNDED, PREVIEW_SHORT_SIDE)
    image = pyvips.Image.thumbnail_buffer(data, box[0], height=box[1], size="down", option_string="fail_on=error")
    if image.bands < 3 and image.interpretation not in ("b-w", "grey16"):
        image = image.copy(interpretation="grey16" if image.format == "ushort" else "b-w")
    if image.interpretation != "srgb":
        image = image.colourspace("srgb")
    if image.format != "uchar":
        image = image.cast("uchar")
    if image.bands > 4:
        image = image.extract_band(0, n=4)
    return image.numpy()


def resize_pil(image, size, resample):
    # immich_ml/models/transforms.py
    if image.width < image.height:
        return image.resize((size, int((image.height / image.width) * size)), resample=resample)
    return image.resize((int((image.width / image.height) * size), size), resample=resample)


def crop_pil(image, size):
    left = int((image.size[0] / 2) - (size / 2))
    upper = int((image.size[1] / 2) - (size / 2))
    return image.crop((left, upper, left + size, upper + size))


def immich_input(preview, preprocess):
    """Step 2: Immich's transforms, on the preview as Pillow decodes it."""
    image = Image.fromarray(preview if preview.ndim == 3 else preview[:, :, None].repeat(3, 2))
    if image.mode != "RGB":
        image = image.convert("RGB")
    size = preprocess["size"][0] if isinstance(preprocess["size"], list) else preprocess["size"]
    resample = {"bicubic": Image.Resampling.BICUBIC, "bilinear": Image.Resampling.BILINEAR}[preprocess["interpolation"]]
    if preprocess.get("resize_mode", "shortest") == "squash":
        image = image.resize((size, size), resample=resample)
    else:
        image = crop_pil(resize_pil(image, size, resample), size)
    mean = np.array(preprocess["mean"], dtype=np.float32)
    std = np.array(preprocess["std"], dtype=np.float32)
    pixels = np.asarray(image, dtype=np.float32) / 255.0
    pixels *= 1.0 / std
    pixels -= mean / std
    return pixels.transpose(2, 0, 1)[None].astype(np.float32)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fixtures", required=True)
    parser.add_argument("--model", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    preprocess = json.load(open(os.path.join(args.model, "visual", "preprocess_cfg.json")))
    session = onnxruntime.InferenceSession(os.path.join(args.model, "visual", "model.onnx"))
    output = session.get_outputs()[0].name
    os.makedirs(os.path.join(args.out, "photos"))
    os.makedirs(os.path.join(args.out, "tensors"))
    entries = []
    for name, make in makers(args.fixtures).items():
        data = make()
        open(os.path.join(args.out, "photos", name), "wb").write(data)
        preview = server_preview(data)
        pixels = immich_input(preview, preprocess)
        tensor = name.rsplit(".", 1)[0] + ".f32"
        pixels.astype("<f4").tofile(os.path.join(args.out, "tensors", tensor))
        embedding = session.run([output], {"image": pixels})[0][0]
        entries.append({
            "photo": "photos/" + name, "tensor": "tensors/" + tensor,
            "preview": [int(preview.shape[1]), int(preview.shape[0])],
            "embedding": [float(value) for value in embedding],
        })
        print(f"{name}: preview {preview.shape[1]}x{preview.shape[0]}x{preview.shape[2] if preview.ndim == 3 else 1}")
    json.dump({
        "model": os.path.basename(os.path.normpath(args.model)), "preview_short_side": PREVIEW_SHORT_SIDE,
        "size": pixels.shape[-1], "photos": entries,
    }, open(os.path.join(args.out, "golden.json"), "w"), indent=1)


if __name__ == "__main__":
    main()
