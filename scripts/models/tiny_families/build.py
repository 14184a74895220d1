"""Writes a tiny model of each tokenizer family in Immich's catalogue (SigLIP, SigLIP2, XLM-R as
M-CLIP, NLLB) in Immich's layout, with golden outputs for the Swift tests: token ids from the Python
`tokenizers` package used as Immich's textual.py uses it (clean_text, padding with pad_token's id,
truncation to context_length) on the project's golden strings, and text embeddings from Python
onnxruntime on those ids; for NLLB also queries with a language, given its FLORES-200 code in front
as Immich's textual.py does (`immich_nllb_text`). The visual tower is the tiny CLIP's (this is about the text side).

Usage: build.py --tiny-clip .cache/models/tiny-clip --out-root .cache/models
"""
import argparse
import json
import os
import shutil
import sys
import warnings

import numpy as np
import onnxruntime as ort
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "tiny_clip"))
import spm_tokenizers  # noqa: E402
import strings  # noqa: E402
import text_model  # noqa: E402
from tokenizer import immich_clean_text, immich_tokenizer  # noqa: E402

FAMILIES = {
    # name: (context_length, canonicalize, pooling, inputs)
    "siglip": (64, True, "last", ["text"]),
    "siglip2": (64, True, "last", ["text"]),
    "xlm-roberta": (77, False, "mean", ["input_ids", "attention_mask"]),
    "nllb": (77, False, "first", ["text"]),
    "components": (32, False, "first", ["text"]),
    # Not a catalogue family: XLM-R's tokenizer with whole-word translations of a few words
    # (spm_tokenizers.CONCEPTS) whose token embeddings are one per concept, by construction: the
    # multilingual mechanism test (a query in French or Japanese finds what its English finds).
    "multilingual": (77, False, "mean", ["input_ids", "attention_mask"]),
}
EXTRA_STRINGS = [
    "<s> hello </s>", "<pad><pad>", "a <mask> b", "hello<mask>", "<mask>", "<unk>", "</s>x", "<eos> <bos>",
    "fra_Latnune photo d'un chat", "jpn_Jpan猫の写真", "eng_Latn", "rus_Cyrl фото кошки", "<0x41>", "▁", "▁▁a",
    "😀", "😀😀 🐶", "🫠🫠🫠", "\u200b", "\u200b\u200b x", "   ", "\t\n", "e\u0301\u0301\u0301", "ｶﾀｶﾅ ＡＢＣ",
    "I'm   here  .  ", "A Photo Of A Dog.", "show me pictures of dogs on the beach", "  lead", "trail  ",
]
TEXTS = [
    "", "   ", "a photo of a cat", "A photo of a DOG.", "une photo d'un chat", "фото кошки", "猫の写真",
    "φωτογραφία μιας γάτας", "😀", "👍🏽 great photo", "naïve café", "cafe\u0301", "<s> inside text",
    "word " * 100, "東京" * 60,
]

# Queries with a language for the NLLB golden: codes of the tiny tokenizer's language tokens, a
# country variant ("fr-CA": "fr"), Japanese (Immich's jpn_Hira is not an NLLB token), languages
# Immich does not name ("gsw", "zh-HK": English), and no language (no code).
LANGUAGE_TEXTS = [
    ("a photo of a dog", "en"), ("une photo d'un chien", "fr"), ("une photo d'un chien", "fr-CA"), ("ein Hund", "de"),
    ("фото собаки", "ru"), ("犬の写真", "ja"), ("狗的照片", "zh-CN"), ("  spaced   out  ", "en"), ("", "fr"),
    ("a photo of a dog", "gsw"), ("狗的照片", "zh-HK"), ("a photo of a dog", None), ("word " * 100, "de"),
]
# Immich's WEBLATE_TO_FLORES200 (immich_ml/models/constants.py), the entries LANGUAGE_TEXTS reaches.
WEBLATE_TO_FLORES200 = {
    "de": "deu_Latn", "en": "eng_Latn", "fr": "fra_Latn", "ja": "jpn_Hira", "ru": "rus_Cyrl", "zh-CN": "zho_Hans",
    "zh-Hans": "zho_Hans", "zh-TW": "zho_Hant",
}


def immich_nllb_text(text, language, canonicalize):
    """The text an NLLB model's tokenizer gets in Immich's textual.py: cleaned, then the language's
    FLORES-200 code in front without a space (the whole tag, else its part before "-", else English)."""
    text = immich_clean_text(text, canonicalize=canonicalize)
    if language is None:
        return text
    code = WEBLATE_TO_FLORES200.get(language) or WEBLATE_TO_FLORES200.get(language.split("-")[0]) or "eng_Latn"
    return f"{code}{text}"


def write_json(path, value):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, ensure_ascii=False, indent=2)
        f.write("\n")


def golden_strings():
    return list(dict.fromkeys(strings.all_strings() + EXTRA_STRINGS))


def build_family(name, tiny_clip, out):
    context, canonicalize, pool, inputs = FAMILIES[name]
    tmp = out + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(os.path.join(tiny_clip, "visual"), os.path.join(tmp, "visual"))
    os.makedirs(os.path.join(tmp, "textual"))

    tokenizer, special = getattr(spm_tokenizers, name.replace("-", "_"))()
    tokenizer_path = os.path.join(tmp, "textual", "tokenizer.json")
    tokenizer.save(tokenizer_path)
    tokenizer_cfg = dict(special, model_max_length=context)
    write_json(os.path.join(tmp, "textual", "tokenizer_config.json"), tokenizer_cfg)
    vocab_size = tokenizer.get_vocab_size()
    text_cfg = {"context_length": context, "vocab_size": vocab_size, "width": text_model.WIDTH}
    if canonicalize:
        text_cfg["tokenizer_kwargs"] = {"clean": "canonicalize"}
    write_json(os.path.join(tmp, "config.json"), {
        "embed_dim": text_model.EMBED_DIM, "vision_cfg": {"image_size": 224}, "text_cfg": text_cfg,
    })

    immich = immich_tokenizer(tokenizer_path, context, tokenizer_cfg["pad_token"])
    tokens = []
    for text in golden_strings():
        encoding = immich.encode(immich_clean_text(text, canonicalize=canonicalize))
        assert len(encoding.ids) == context
        tokens.append({"text": text, "ids": encoding.ids, "mask": encoding.attention_mask})

    tower = text_model.TextTower(vocab_size, context, pool, seed=sum(map(ord, name)))
    tower.eval()
    concepts = {}
    if name == "multilingual":
        for concept, words in spm_tokenizers.CONCEPTS.items():
            ids = []
            for word in words:
                content = [i for i in immich.encode(word).ids if i > 3]
                assert len(content) == 1, f"{word}: {content}"
                ids.append(content[0])
            with torch.no_grad():
                tower.token_embedding.weight[ids] = tower.token_embedding.weight[ids[0]].clone()
            concepts[concept] = {"words": words, "ids": ids}
    module = text_model.WithMask(tower) if len(inputs) == 2 else text_model.TextOnly(tower)
    example = tuple(torch.ones(1, context, dtype=torch.int32) for _ in inputs)
    onnx_path = os.path.join(tmp, "textual", "model.onnx")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(module, example, onnx_path, input_names=inputs, output_names=["embedding"], opset_version=17)
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    session = ort.InferenceSession(onnx_path, options, providers=["CPUExecutionProvider"])

    def embed(prepared):
        encoding = immich.encode(prepared)
        feeds = {"text": np.array([encoding.ids], dtype=np.int32)} if len(inputs) == 1 else {
            "input_ids": np.array([encoding.ids], dtype=np.int32),
            "attention_mask": np.array([encoding.attention_mask], dtype=np.int32),
        }
        embedding = session.run(None, feeds)[0][0]
        with torch.no_grad():
            reference = module(*(torch.from_numpy(v) for v in feeds.values()))[0].numpy()
        assert np.abs(embedding - reference).max() < 1e-5, f"{name}: ONNX text export differs from torch"
        return encoding.ids, embedding.tolist()

    texts = []
    for text in TEXTS:
        ids, embedding = embed(immich_clean_text(text, canonicalize=canonicalize))
        texts.append({"text": text, "ids": ids, "embedding": embedding})
    language_texts = []
    if name == "nllb":
        for text, language in LANGUAGE_TEXTS:
            ids, embedding = embed(immich_nllb_text(text, language, canonicalize))
            language_texts.append({"text": text, "language": language, "ids": ids, "embedding": embedding})

    write_json(os.path.join(tmp, "golden.json"), {
        "about": f"Golden outputs for the tiny {name} model: ids from the Python tokenizers package "
                 "loaded as Immich's textual.py does; embeddings from Python onnxruntime " + ort.__version__ + ".",
        "family": name,
        "context_length": context,
        "pad_id": immich.token_to_id(tokenizer_cfg["pad_token"]),
        "inputs": inputs,
        "tokens": tokens,
        "texts": texts,
        "language_texts": language_texts,
        "concepts": concepts,
    })
    shutil.rmtree(out, ignore_errors=True)
    os.replace(tmp, out)
    return len(tokens)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tiny-clip", required=True)
    parser.add_argument("--out-root", required=True)
    args = parser.parse_args()
    torch.set_num_threads(2)
    for name in FAMILIES:
        count = build_family(name, args.tiny_clip, os.path.join(args.out_root, "tiny-" + name))
        print(f"tiny-{name}: {count} tokenizer strings")


if __name__ == "__main__":
    main()
