#!/usr/bin/env python3
"""Builds evaluation queries from the Tux Paint stamps (Debian tuxpaint-stamps-default).

Keeps the photo stamps (outside the cartoon and symbol folders), links them into OUT/photos,
and writes two JSON Lines files of {"query", "relevant": [absolute paths]}:
  OUT/captions.jsonl  an English caption (first line of a stamp's .txt) -> the stamps it captions
  OUT/classes.jsonl   "a photo of a NAME" (NAME from the file name) -> every stamp of that name
With --anonymous the photos are linked under opaque names (a hash of their path), as a camera
names its files: the keyword side then cannot read the answer off the file name, and what it
finds comes from the photos' content (the model's tags and their WordNet words).
Usage: tuxpaint_queries.py STAMPS_DIR OUT_DIR [--anonymous]
"""
import hashlib
import json
import os
import re
import sys
from collections import defaultdict


def is_photo(relative):
    parts = relative.split(os.sep)
    return parts[0] != "symbols" and "cartoon" not in parts


def name_of(stem):
    words = re.sub(r"[^A-Za-z]+", " ", stem).strip().lower()
    return words


def main():
    stamps, out = sys.argv[1], os.path.abspath(sys.argv[2])
    anonymous = "--anonymous" in sys.argv[3:]
    photos = os.path.join(out, "photos")
    os.makedirs(photos, exist_ok=True)
    captions, by_name = defaultdict(list), defaultdict(list)
    for folder, _, files in sorted(os.walk(stamps)):
        for file in sorted(files):
            if not file.endswith(".png"):
                continue
            source = os.path.join(folder, file)
            relative = os.path.relpath(source, stamps)
            if not is_photo(relative):
                continue
            linked = relative.replace(os.sep, "__")
            if anonymous:
                linked = "IMG_" + hashlib.sha1(relative.encode()).hexdigest()[:12] + ".png"
            target = os.path.join(photos, linked)
            if not os.path.exists(target):
                os.link(source, target)
            text = source[:-4] + ".txt"
            if os.path.exists(text):
                with open(text, encoding="utf-8", errors="replace") as f:
                    caption = f.readline().strip()
                if caption:
                    captions[caption].append(target)
            name = name_of(file[:-4])
            if name:
                by_name[name].append(target)
    with open(os.path.join(out, "captions.jsonl"), "w") as f:
        for caption, targets in sorted(captions.items()):
            f.write(json.dumps({"query": caption, "relevant": targets}) + "\n")
    with open(os.path.join(out, "classes.jsonl"), "w") as f:
        for name, targets in sorted(by_name.items()):
            f.write(json.dumps({"query": f"a photo of a {name}", "relevant": targets}) + "\n")
    print(f"{len(os.listdir(photos))} photo stamps, {len(captions)} caption queries, {len(by_name)} class queries",
          file=sys.stderr)


if __name__ == "__main__":
    main()
