"""ImageNet-1k class list: WordNet ids, lemmas and glosses from timm's wheel (`timm/data/_info/`),
curated short names from open_clip's `zero_shot_metadata.py` (read with `ast`, not imported), and
the nearest kinds of each class (its WordNet hypernyms, from Debian's wordnet-base)."""
import ast

import wordnet


def _read_tsv(path):
    table = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line:
                key, value = line.split("\t", 1)
                table[key] = value
    return table


def curated_names(zero_shot_metadata_py):
    with open(zero_shot_metadata_py, encoding="utf-8") as f:
        tree = ast.parse(f.read())
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "IMAGENET_CLASSNAMES" for t in node.targets):
            return list(ast.literal_eval(node.value))
    raise RuntimeError("IMAGENET_CLASSNAMES not found in " + zero_shot_metadata_py)


def build_classes(timm_info_dir, zero_shot_metadata_py):
    with open(f"{timm_info_dir}/imagenet_synsets.txt", encoding="utf-8") as f:
        wnids = [line.strip() for line in f if line.strip()]
    lemmas = _read_tsv(f"{timm_info_dir}/imagenet_synset_to_lemma.txt")
    glosses = _read_tsv(f"{timm_info_dir}/imagenet_synset_to_definition.txt")
    names = curated_names(zero_shot_metadata_py)
    if len(wnids) != 1000 or len(names) != 1000 or len(set(wnids)) != 1000:
        raise RuntimeError(f"expected 1000 classes, got {len(wnids)} wnids and {len(names)} names")
    if wnids != sorted(wnids):
        raise RuntimeError("timm's imagenet_synsets.txt is not in the sorted-wnid (classifier) order")
    return [
        {
            "index": i,
            "wnid": wnid,
            "name": names[i],
            "lemmas": [s.strip() for s in lemmas[wnid].split(",") if s.strip()],
            "gloss": glosses[wnid].strip(),
        }
        for i, wnid in enumerate(wnids)
    ]


def add_kinds(classes, data_noun, count):
    """Sets each class's "kinds": the first lemmas of its `count` nearest WordNet hypernyms
    ("tabby cat" -> ["domestic cat", "cat"])."""
    synsets = wordnet.read_nouns(data_noun)
    for cls in classes:
        cls["kinds"] = wordnet.class_words(synsets, cls["wnid"])["parents"][:count]
