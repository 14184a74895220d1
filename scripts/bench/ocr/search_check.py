#!/usr/bin/env python3
"""Searches an indexed copy of the benchmark set for every rendered word and prints, per kind:
the share of words whose photo is the first result of the OCR text filter (`gallery search --text
WORD --json`), the mean number of photos that filter returns, and the share whose photo is in the
top 10 of a plain query (`gallery search "WORD" --json`: today's ranking, whatever it is).

Every word is unique in the set (make_set.py: no word is part of another photo's text), so the
right answer is always exactly one photo. GALLERY_HOME must point at the indexed catalogue.

Usage: search_check.py --set DIR --gallery BIN [--json-out FILE]
"""
import argparse
import json
import os
import subprocess
import sys

KINDS = ["clean", "small", "rotated", "low_contrast", "cjk", "rotated90", "exif_rotated"]


def search(gallery, arguments):
    command = [gallery, "search", *arguments, "--json", "--limit", "10"]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"search_check: {' '.join(command)} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    try:
        return [os.path.realpath(result["path"]) for result in json.loads(done.stdout)["results"]]
    except (ValueError, KeyError, TypeError) as error:
        sys.exit(f"search_check: {' '.join(command)}: unexpected output ({error!r}): {done.stdout[:300]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", required=True)
    parser.add_argument("--gallery", required=True)
    parser.add_argument("--json-out")
    args = parser.parse_args()
    with open(os.path.join(args.set, "manifest.json"), encoding="utf-8") as f:
        images = json.load(f)["images"]

    per_kind = {}
    for truth in images:
        path = os.path.realpath(os.path.join(args.set, truth["file"]))
        for word in truth["words"]:
            filtered = search(args.gallery, ["--text", word])
            plain = search(args.gallery, [word])
            k = per_kind.setdefault(truth["kind"], {"words": 0, "text_first": 0, "text_results": 0, "plain_top10": 0, "misses": []})
            k["words"] += 1
            k["text_first"] += bool(filtered) and filtered[0] == path
            k["text_results"] += len(filtered)
            k["plain_top10"] += path in plain
            if not filtered or filtered[0] != path:
                k["misses"].append(word)

    print("Search: rendered words, their photo first for the OCR filter (--text WORD), photos that filter returns, "
          "in the top 10 of a plain query (today's ranking)")
    print(f"{'kind':<13}{'words':>6}{'--text first':>14}{'results/word':>14}{'plain top 10':>14}")
    totals = {"words": 0, "text_first": 0, "text_results": 0, "plain_top10": 0}
    for kind in KINDS:
        k = per_kind.get(kind)
        if not k:
            continue
        for key in totals:
            totals[key] += k[key]
        print(f"{kind:<13}{k['words']:>6}{k['text_first'] / k['words']:>14.1%}{k['text_results'] / k['words']:>14.2f}"
              f"{k['plain_top10'] / k['words']:>14.1%}")
    if totals["words"]:
        print(f"{'all':<13}{totals['words']:>6}{totals['text_first'] / totals['words']:>14.1%}"
              f"{totals['text_results'] / totals['words']:>14.2f}{totals['plain_top10'] / totals['words']:>14.1%}")
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as f:
            json.dump(per_kind, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
