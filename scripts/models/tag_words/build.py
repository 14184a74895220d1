"""Writes the offline pack's class words: every ImageNet class of the pack's classes.json with
its WordNet 3.0 synonyms and hypernyms, for the keyword index (tags that know their words).

Usage: build.py --classes classes.json --data-noun data.noun --source NAME --out DIR
Writes DIR/tag-words.json ({"source", "classes": [{"wnid", "name", "synonyms", "hypernyms",
"parents"}]}) and DIR/tag-words.manifest.json (file, sha256, counts)."""
import argparse
import hashlib
import json
import os

import wordnet


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--classes", required=True)
    parser.add_argument("--data-noun", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    with open(args.classes, encoding="utf-8") as f:
        classes = json.load(f)
    synsets = wordnet.read_nouns(args.data_noun)
    entries = []
    for cls in classes:
        words = wordnet.class_words(synsets, cls["wnid"])
        entries.append({"wnid": cls["wnid"], "name": cls["name"], **words})
    if len(entries) != 1000:
        raise RuntimeError(f"expected 1000 classes, got {len(entries)}")
    os.makedirs(args.out, exist_ok=True)
    body = json.dumps({"source": args.source, "classes": entries}, ensure_ascii=False, indent=1).encode("utf-8")
    with open(os.path.join(args.out, "tag-words.json"), "wb") as f:
        f.write(body)
    manifest = {
        "file": "tag-words.json",
        "sha256": hashlib.sha256(body).hexdigest(),
        "classes": len(entries),
        "words": sum(len(e["synonyms"]) + len(e["hypernyms"]) for e in entries),
        "source": args.source,
    }
    with open(os.path.join(args.out, "tag-words.manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1)


if __name__ == "__main__":
    main()
