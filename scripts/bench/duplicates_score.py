"""Scores `gallery duplicates list --json` against the benchmark's truth (see
duplicates_variants.py): precision and recall of the pairs each tier found (a group's `pairs`),
the recall of each kind of near-identical variant, and how many groups mix distinct photos.

Usage: python duplicates_score.py PHOTOS_DIR EXACT.json NEAR.json SIMILAR.json
"""
import hashlib
import itertools
import json
import os
import sys

TIERS = ("exact", "near", "similar")


def truth_tier(a, b, facts, digests):
    if digests[a] == digests[b]:
        return "exact"
    fa, fb = facts[a], facts[b]
    if fa["source"] is None or fa["source"] != fb["source"]:
        return None
    return "similar" if "burst" in (fa["kind"], fb["kind"]) else "near"


def main():
    photos, pages = sys.argv[1], dict(zip(TIERS, sys.argv[2:5]))
    facts = json.load(open(os.path.join(photos, "truth.json")))
    digests = {name: hashlib.sha256(open(os.path.join(photos, name), "rb").read()).hexdigest() for name in facts}
    truth = {tier: set() for tier in TIERS}
    for a, b in itertools.combinations(sorted(facts), 2):
        tier = truth_tier(a, b, facts, digests)
        if tier:
            truth[tier].add((a, b))
    predicted, mixed, counts = {}, {}, {}
    for tier, page in pages.items():
        groups = json.load(open(page))["groups"]
        predicted[tier] = set()
        counts[tier] = len(groups)
        mixed[tier] = 0
        for group in groups:
            names = {member["image_id"]: os.path.basename(member["path"]) for member in group["members"]}
            for pair in group["pairs"]:
                predicted[tier].add(tuple(sorted((names[pair["image_id"]], names[pair["other_id"]]))))
            sources = {facts[name]["source"] or name for name in names.values()}
            mixed[tier] += len(sources) > 1
    sources = len({f["source"] for f in facts.values() if f["source"]})
    negatives = sum(1 for f in facts.values() if f["source"] is None)
    print(f"{len(facts)} photos: {sources} real photos x {len(facts) // max(sources, 1) if sources else 0}-odd variants, {negatives} distinct negatives")
    print(f"{'tier':8} {'truth':>6} {'found':>6} {'right':>6} {'precision':>9} {'recall':>7}  wrong pairs (truth tier: count)")
    for tier in TIERS:
        right = predicted[tier] & truth[tier]
        wrong = predicted[tier] - truth[tier]
        kinds = {}
        for a, b in wrong:
            label = truth_tier(a, b, facts, digests) or "distinct"
            kinds[label] = kinds.get(label, 0) + 1
        precision = len(right) / len(predicted[tier]) if predicted[tier] else 1.0
        recall = len(right) / len(truth[tier]) if truth[tier] else 1.0
        print(f"{tier:8} {len(truth[tier]):6} {len(predicted[tier]):6} {len(right):6} {precision:9.3f} {recall:7.3f}  {kinds or ''}")
    print("groups: " + ", ".join(f"{tier} {counts[tier]} ({mixed[tier]} mixing distinct photos)" for tier in TIERS))
    print("near-identical recall per variant (pairs original ~ variant found in the near tier):")
    kinds = sorted({f["kind"] for f in facts.values() if f["source"] and f["kind"] not in ("original", "copy", "burst")})
    cells = []
    for kind in kinds:
        pairs = [
            tuple(sorted((name, f"{facts[name]['source']}-original.jpg")))
            for name, f in facts.items() if f["kind"] == kind
        ]
        found = sum(1 for pair in pairs if pair in predicted["near"])
        cells.append(f"{kind} {found}/{len(pairs)}")
    print("  " + ", ".join(cells))


if __name__ == "__main__":
    main()
