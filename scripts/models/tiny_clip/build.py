"""Writes the tiny CLIP in Immich's model layout, plus golden outputs for the Swift tests.

Usage: build.py --bpe bpe_simple_vocab_16e6.txt.gz --fixtures .cache/fixtures/skimage --out DIR
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
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import model as tiny  # noqa: E402
import strings  # noqa: E402
import tokenizer as tok  # noqa: E402

MEAN = [0.48145466, 0.4578275, 0.40821073]  # OpenAI CLIP
STD = [0.26862954, 0.26130258, 0.27577711]
IMAGES = ["chelsea.png", "coffee.png", "rocket.jpg"]
TEXTS = [
    "", "a photo of a cat", "a cup of coffee", "a rocket on the launch pad", "DON'T PANIC!",
    "東京タワーの夜景", "👍🏽 great photo", "naïve café", "<|endoftext|> inside text", "word " * 100,
]


def write_json(path, value):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, ensure_ascii=False, indent=2)
        f.write("\n")


def export(module, example, path, input_name, output_name, dynamic_batch):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            module, (example,), path, input_names=[input_name], output_names=[output_name],
            opset_version=17, dynamic_axes={input_name: {0: "batch_size"}} if dynamic_batch else None,
        )


def immich_preprocess(path, size):
    """Immich's OpenClipVisualEncoder.transform for resize_mode "shortest" (PIL bicubic, centre crop)."""
    image = Image.open(path)
    image.load()
    image = image.convert("RGB")
    if image.width < image.height:
        image = image.resize((size, int((image.height / image.width) * size)), resample=Image.BICUBIC)
    else:
        image = image.resize((int((image.width / image.height) * size), size), resample=Image.BICUBIC)
    left, upper = int(image.size[0] / 2 - size / 2), int(image.size[1] / 2 - size / 2)
    image = image.crop((left, upper, left + size, upper + size))
    pixels = np.asarray(image, dtype=np.float32) / 255.0
    pixels = (pixels - np.array(MEAN, dtype=np.float32)) / np.array(STD, dtype=np.float32)
    return np.ascontiguousarray(pixels.transpose(2, 0, 1)[None], dtype=np.float32)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bpe", required=True)
    parser.add_argument("--fixtures", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    out = args.out
    tmp = out + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(os.path.join(tmp, "visual"))
    os.makedirs(os.path.join(tmp, "textual"))
    os.makedirs(os.path.join(tmp, "golden-images"))

    cfg = tiny.CONFIG
    size = cfg["vision_cfg"]["image_size"]
    context = cfg["text_cfg"]["context_length"]
    torch.set_num_threads(2)
    image_encoder, text_encoder = tiny.build()

    # Immich's older exports (most published models) have a dynamic batch and name the output
    # image_embedding/text_embedding; newer ones have batch 1 and name it embedding. Cover both.
    visual_path = os.path.join(tmp, "visual", "model.onnx")
    textual_path = os.path.join(tmp, "textual", "model.onnx")
    export(image_encoder, torch.randn(1, 3, size, size), visual_path, "image", "image_embedding", True)
    export(text_encoder, torch.ones(1, context, dtype=torch.int32), textual_path, "text", "embedding", False)

    write_json(os.path.join(tmp, "config.json"), cfg)
    write_json(os.path.join(tmp, "visual", "preprocess_cfg.json"), {
        "size": [size, size], "mode": "RGB", "mean": MEAN, "std": STD,
        "interpolation": "bicubic", "resize_mode": "shortest", "fill_color": 0,
    })
    tok.build_tokenizer(args.bpe).save(os.path.join(tmp, "textual", "tokenizer.json"))
    tokenizer_cfg = tok.tokenizer_config(context)
    write_json(os.path.join(tmp, "textual", "tokenizer_config.json"), tokenizer_cfg)

    tokenizer = tok.immich_tokenizer(
        os.path.join(tmp, "textual", "tokenizer.json"), context, tokenizer_cfg["pad_token"]
    )
    texts = strings.all_strings()
    tokens = []
    for text in texts:
        ids = tokenizer.encode(tok.immich_clean_text(text)).ids
        canonical = tokenizer.encode(tok.immich_clean_text(text, canonicalize=True)).ids
        assert len(ids) == context and len(canonical) == context
        tokens.append({"text": text, "ids": ids, "ids_canonicalize": canonical})

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    visual = ort.InferenceSession(visual_path, options, providers=["CPUExecutionProvider"])
    textual = ort.InferenceSession(textual_path, options, providers=["CPUExecutionProvider"])

    text_golden = []
    for text in TEXTS:
        ids = np.array([tokenizer.encode(tok.immich_clean_text(text)).ids], dtype=np.int32)
        embedding = textual.run(None, {"text": ids})[0][0]
        with torch.no_grad():
            reference = text_encoder(torch.from_numpy(ids))[0].numpy()
        assert np.abs(embedding - reference).max() < 1e-5, "ONNX text export differs from torch"
        text_golden.append({"text": text, "ids": ids[0].tolist(), "embedding": embedding.tolist()})

    image_golden = []
    batch = []
    for name in IMAGES:
        pixels = immich_preprocess(os.path.join(args.fixtures, name), size)
        tensor_name = os.path.splitext(name)[0] + ".f32"
        pixels.astype("<f4").tofile(os.path.join(tmp, "golden-images", tensor_name))
        embedding = visual.run(None, {"image": pixels})[0][0]
        with torch.no_grad():
            reference = image_encoder(torch.from_numpy(pixels))[0].numpy()
        assert np.abs(embedding - reference).max() < 1e-5, "ONNX image export differs from torch"
        batch.append(pixels)
        image_golden.append({
            "image": name, "tensor": "golden-images/" + tensor_name, "shape": list(pixels.shape),
            "embedding": embedding.tolist(),
        })
    batched = visual.run(None, {"image": np.concatenate(batch)})[0]
    for row, entry in zip(batched, image_golden):
        assert np.abs(row - np.array(entry["embedding"])).max() < 1e-5, "batched image run differs"

    write_json(os.path.join(tmp, "golden.json"), {
        "about": "Golden outputs for the tiny CLIP: ids from the Python tokenizers package loaded as "
                 "Immich does (clean_text, padding with pad_token's id, truncation to context_length); "
                 "embeddings from Python onnxruntime " + ort.__version__ + ".",
        "context_length": context,
        "pad_id": tokenizer.token_to_id(tokenizer_cfg["pad_token"]),
        "tokens": tokens,
        "texts": text_golden,
        "images": image_golden,
    })

    shutil.rmtree(out, ignore_errors=True)
    os.replace(tmp, out)
    print(f"tiny-clip: wrote {out} ({len(tokens)} tokenizer strings)")


if __name__ == "__main__":
    main()
