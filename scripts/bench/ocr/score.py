#!/usr/bin/env python3
"""Scores OCR results (JSON lines shaped like `gallery ocr read --json`) against the benchmark set's
ground truth and prints, per kind and per pipeline: character error rate, word recall, lines read
on photos without text, and ms per image for detection and recognition.

Character error rate: each line read is matched, by text, to the ground-truth line it fits best
(its best-matching stretch of that line, so a line read in two pieces counts once and reading order
does not matter); lines that fit no ground-truth line (more than half their characters wrong) are
extra. CER = (edit distance of every ground-truth line to the lines matched to it, joined by
spaces in the reader's order or by place on the line, whichever is closer, + characters of the
extra lines) / characters of the ground truth; case-sensitive, whitespace collapsed, NFKC. Word recall: the share of rendered words (whitespace-separated; each
Chinese word whole) found, case-insensitively, in the image's text.

Usage: score.py --set DIR NAME=RESULTS.jsonl [NAME=RESULTS.jsonl ...] [--json-out FILE]
"""
import argparse
import json
import os
import re
import statistics
import sys
import unicodedata

KINDS = ["clean", "small", "rotated", "low_contrast", "cjk", "rotated90", "exif_rotated", "real", "no_text"]


def normalise(text):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def edit_distance(a, b):
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def best_stretch(read, truth):
    """(edit distance, start) of `read` against its best-matching stretch of `truth`."""
    previous = [0] * (len(truth) + 1)
    starts = list(range(len(truth) + 1))
    for i, cr in enumerate(read, 1):
        current, current_starts = [i], [0]
        for j, ct in enumerate(truth, 1):
            options = [(previous[j] + 1, starts[j]), (current[j - 1] + 1, current_starts[j - 1]),
                       (previous[j - 1] + (cr != ct), starts[j - 1])]
            cost, start = min(options)
            current.append(cost)
            current_starts.append(start)
        previous, starts = current, current_starts
    best = min(range(len(truth) + 1), key=lambda j: previous[j])
    return previous[best], starts[best]


def ordered_distance(truth, reads):
    """Edit distance of a ground-truth line to its matched reads joined in the reader's order or in
    the order of their places on the line, whichever is closer (rotated lines read in pieces come
    out of the reader's top-to-bottom order; repeated words confuse the places)."""
    by_reader = " ".join(r for _, _, r in sorted(reads, key=lambda m: m[1]))
    by_place = " ".join(r for _, _, r in sorted(reads))
    return min(edit_distance(truth, by_reader), edit_distance(truth, by_place))


def score_image(truth, result):
    """Errors, ground-truth characters, words found, words, extra lines for one image."""
    truth_lines = [normalise(item["text"]) for item in truth["items"]]
    matched = [[] for _ in truth_lines]
    extra = []
    last = 0
    for order, line in enumerate(result["lines"]):
        read = normalise(line["text"])
        if not read:
            continue
        fits = [(best_stretch(read, t), k) for k, t in enumerate(truth_lines)]
        if fits:
            # Equal fits (a word found on several lines) go to a line not yet read in full, then
            # to the line the reader is on.
            def preference(fit):
                k = fit[1]
                full = sum(len(r) for _, _, r in matched[k]) >= len(truth_lines[k])
                return (fit[0][0], full, k < last, abs(k - last))

            (cost, start), k = min(fits, key=preference)
            if cost <= len(read) / 2:
                matched[k].append((start, order, read))
                last = k
                continue
        extra.append(read)
    errors = sum(ordered_distance(t, m) for t, m in zip(truth_lines, matched))
    errors += sum(len(e) for e in extra)
    text = " ".join(normalise(line["text"]) for line in result["lines"]).casefold()
    words = [w for line in truth_lines for w in line.split()]
    found = sum(1 for w in words if normalise(w).casefold() in text)
    return errors, sum(len(t) for t in truth_lines), found, len(words), len(extra)


def load_results(path):
    results = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            try:
                data = json.loads(line)
                results[os.path.realpath(data["path"])] = data
                data["lines"], data["timings"]["detection_ms"], data["timings"]["recognition_ms"]
            except (ValueError, KeyError, TypeError) as error:
                sys.exit(f"score: {path}:{number}: not an OCR result line ({error!r}): {line[:200]}")
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", required=True)
    parser.add_argument("--json-out")
    parser.add_argument("runs", nargs="+", metavar="NAME=RESULTS.jsonl")
    args = parser.parse_args()
    with open(os.path.join(args.set, "manifest.json"), encoding="utf-8") as f:
        images = json.load(f)["images"]

    summary = {}
    for run in args.runs:
        name, _, path = run.partition("=")
        results = load_results(path)
        per_kind = {}
        for truth in images:
            key = os.path.realpath(os.path.join(args.set, truth["file"]))
            if key not in results:
                sys.exit(f"score: {name}: no result for {truth['file']} in {path}")
            result = results[key]
            errors, chars, found, words, extra = score_image(truth, result)
            k = per_kind.setdefault(truth["kind"], {"images": 0, "errors": 0, "chars": 0, "found": 0, "words": 0,
                                                    "extra_lines": 0, "detection_ms": [], "recognition_ms": []})
            k["images"] += 1
            k["errors"] += errors
            k["chars"] += chars
            k["found"] += found
            k["words"] += words
            k["extra_lines"] += extra
            k["detection_ms"].append(result["timings"]["detection_ms"])
            k["recognition_ms"].append(result["timings"]["recognition_ms"])
        summary[name] = per_kind

    names = list(summary)
    print("Accuracy per kind: CER (lower is better) / word recall; no_text: lines read per photo")
    print(f"{'kind':<13}{'images':>7}{'words':>6}  " + "".join(f"{n:>17}" for n in names))
    for kind in KINDS:
        rows = [summary[n].get(kind) for n in names]
        if not rows[0]:
            continue
        cells = []
        for k in rows:
            if kind == "no_text":
                cells.append(f"{k['extra_lines'] / k['images']:.2f} lines")
            else:
                cells.append(f"{k['errors'] / max(k['chars'], 1):.1%} / {k['found'] / max(k['words'], 1):.1%}")
        print(f"{kind:<13}{rows[0]['images']:>7}{rows[0]['words']:>6}  " + "".join(f"{c:>17}" for c in cells))
    for label, pick in (("all with text", lambda kind: kind != "no_text"),):
        cells = []
        for n in names:
            ks = [k for kind, k in summary[n].items() if pick(kind)]
            errors, chars = sum(k["errors"] for k in ks), sum(k["chars"] for k in ks)
            found, words = sum(k["found"] for k in ks), sum(k["words"] for k in ks)
            cells.append(f"{errors / max(chars, 1):.1%} / {found / max(words, 1):.1%}")
        print(f"{label:<26}" + "".join(f"{c:>17}" for c in cells))

    print("\nSpeed: ms per image, detection + recognition (mean; median in brackets)")
    for n in names:
        for label, pick in (("photos with text", lambda kind: kind != "no_text"), ("photos without text", lambda kind: kind == "no_text")):
            det = [v for kind, k in summary[n].items() if pick(kind) for v in k["detection_ms"]]
            rec = [v for kind, k in summary[n].items() if pick(kind) for v in k["recognition_ms"]]
            if det:
                print(f"  {n:<15} {label:<20} detection {statistics.mean(det):7.1f} ({statistics.median(det):6.1f})"
                      f"   recognition {statistics.mean(rec):7.1f} ({statistics.median(rec):6.1f})   n={len(det)}")
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as f:
            json.dump(summary, f, indent=1)


if __name__ == "__main__":
    main()
