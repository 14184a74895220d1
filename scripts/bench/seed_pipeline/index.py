#!/usr/bin/env python3
"""A seed-style indexing pipeline, the peer `gallery index` is measured against.

What the seed documents' Python projects do: walk the folder, decode each photo with Pillow,
resize and centre-crop it for the model, run onnxruntime in batches of 16, and store the vectors
in SQLite. Nothing else (no hashing, EXIF, thumbnails or tags), on as many threads as
onnxruntime takes by default.

Usage: index.py --photos DIR --model image.onnx --size 224 --crop 0.875 --mean M M M --std S S S --db OUT.sqlite
Prints one JSON line: images, failed, seconds, images_per_second.
"""
import argparse
import json
import os
import sqlite3
import time

import numpy as np
import onnxruntime
from PIL import Image

EXTENSIONS = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff", ".bmp"}


def prepare(path, size, crop, mean, std):
    image = Image.open(path).convert("RGB")
    short = int(size / crop)
    if image.width < image.height:
        image = image.resize((short, int(image.height / image.width * short)), Image.BICUBIC)
    else:
        image = image.resize((int(image.width / image.height * short), short), Image.BICUBIC)
    left, top = (image.width - size) // 2, (image.height - size) // 2
    image = image.crop((left, top, left + size, top + size))
    pixels = (np.asarray(image, dtype=np.float32) / 255.0 - mean) / std
    return pixels.transpose(2, 0, 1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", required=True)
    parser.add_argument("--model", required=True)
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--crop", type=float, default=1.0)
    parser.add_argument("--mean", type=float, nargs=3, required=True)
    parser.add_argument("--std", type=float, nargs=3, required=True)
    parser.add_argument("--input", default="image")
    parser.add_argument("--db", required=True)
    args = parser.parse_args()
    start = time.monotonic()
    session = onnxruntime.InferenceSession(args.model, providers=["CPUExecutionProvider"])
    mean, std = np.array(args.mean, dtype=np.float32), np.array(args.std, dtype=np.float32)
    database = sqlite3.connect(args.db)
    database.execute("CREATE TABLE IF NOT EXISTS vectors (path TEXT PRIMARY KEY, vector BLOB)")
    paths = sorted(
        os.path.join(folder, name) for folder, _, names in os.walk(args.photos) for name in names
        if os.path.splitext(name)[1].lower() in EXTENSIONS)
    done = failed = 0
    for offset in range(0, len(paths), 16):
        batch, names = [], []
        for path in paths[offset:offset + 16]:
            try:
                batch.append(prepare(path, args.size, args.crop, mean, std))
                names.append(path)
            except Exception:
                failed += 1
        if not batch:
            continue
        outputs = session.run(None, {args.input: np.stack(batch)})[-1]
        database.executemany(
            "INSERT OR REPLACE INTO vectors VALUES (?, ?)",
            [(name, vector.astype(np.float32).tobytes()) for name, vector in zip(names, outputs)])
        database.commit()
        done += len(batch)
    seconds = time.monotonic() - start
    print(json.dumps({"images": done, "failed": failed, "seconds": seconds, "images_per_second": done / seconds}))


if __name__ == "__main__":
    main()
