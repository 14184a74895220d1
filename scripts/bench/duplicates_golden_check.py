"""Compares the perceptual hashes Smart Gallery stored for the benchmark photos (its catalogue's
perceptualHash table) with PyPI imagehash's dHash and pHash of the same files, upright and
flattened on white: the Hamming distance distribution per hash, and how many are within the
golden test's tolerance.

Usage: python duplicates_golden_check.py PHOTOS_DIR CATALOG.sqlite TOLERANCE
"""
import hashlib
import os
import sqlite3
import sys

import imagehash

from duplicates_imagehash import upright_rgb


def main():
    photos, catalog, tolerance = sys.argv[1], sys.argv[2], int(sys.argv[3])
    stored = {}
    with sqlite3.connect(catalog) as db:
        for content, dhash, phash in db.execute("SELECT contentHash, dHash, pHash FROM perceptualHash WHERE dHash IS NOT NULL"):
            stored[content] = (dhash & (2**64 - 1), phash & (2**64 - 1))
    distances = {"dhash": [], "phash": []}
    for name in sorted(os.listdir(photos)):
        if name.endswith(".json"):
            continue
        path = os.path.join(photos, name)
        content = hashlib.sha256(open(path, "rb").read()).hexdigest()
        if content not in stored:
            continue
        image = upright_rgb(path)
        ours = stored[content]
        theirs = (int(str(imagehash.dhash(image)), 16), int(str(imagehash.phash(image)), 16))
        for key, mine, reference in zip(("dhash", "phash"), ours, theirs):
            distances[key].append(bin(mine ^ reference).count("1"))
    for key, values in distances.items():
        values.sort()
        n = len(values)
        if not n:
            print(f"{key}: no photos compared")
            continue
        within = sum(1 for v in values if v <= tolerance)
        print(
            f"{key} vs imagehash on {n} photos: mean {sum(values) / n:.2f} bits, median {values[n // 2]}, "
            f"p95 {values[min(n - 1, int(n * 0.95))]}, max {values[-1]}; within {tolerance} bits: {within}/{n}")


if __name__ == "__main__":
    main()
