#!/usr/bin/env python3
"""Prints the extra cost per image of indexing with OCR on, from two `gallery index --json`
summaries of the same images (one with --no-ocr, one with OCR on): wall time per image of each
run, the difference, and the OCR stage's own CPU seconds (stage_seconds.ocr).

Usage: index_cost.py WITHOUT_OCR.json WITH_OCR.json
"""
import json
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    counts = data["counts"]
    read = counts["added"] + counts["updated"] + counts["moved"]
    if counts["failed"] or not read:
        sys.exit(f"index_cost: {path}: {counts['failed']} files failed, {read} indexed")
    return data, read


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    (without, n_without), (with_ocr, n_with) = load(sys.argv[1]), load(sys.argv[2])
    if n_without != n_with:
        sys.exit(f"index_cost: the runs indexed {n_without} and {n_with} images")
    ms = lambda data: data["seconds"] / n_with * 1000
    print(f"Indexing {n_with} images (embeddings on, faces off): --no-ocr {ms(without):.0f} ms per image "
          f"({without['seconds']:.1f} s), OCR on {ms(with_ocr):.0f} ms per image ({with_ocr['seconds']:.1f} s): "
          f"OCR adds {ms(with_ocr) - ms(without):.0f} ms per image (wall)")
    ocr = with_ocr["stage_seconds"]["ocr"]
    print(f"  OCR stage: {ocr:.1f} CPU s = {ocr / n_with * 1000:.0f} ms per image (summed over the indexing threads)")


if __name__ == "__main__":
    main()
