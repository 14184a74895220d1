"""Class bank for ConSE: one 384-d MiniLM vector per ImageNet class, in the joint text space."""
import numpy as np

import textenc

TEMPLATES = [
    "itap of a {}.",
    "a bad photo of the {}.",
    "a origami {}.",
    "a photo of the large {}.",
    "a {} in a video game.",
    "art of the {}.",
    "a photo of the small {}.",
]
GLOSS_TEMPLATE = "a photo of a {name}: {gloss}"
RECIPE = (
    "row = l2norm(mean of the 8 embeddings [7 templates formatted with the curated name, "
    "plus 'a photo of a {name}: {gloss}']); then subtract the mean row over the 1000 classes; "
    "then l2norm again. Embeddings from the exported text.onnx (fp32) via onnxruntime, reference "
    "tokenizer (tokenizer.json, truncation 128)."
)


def prompts(cls):
    return [t.format(cls["name"]) for t in TEMPLATES] + [GLOSS_TEMPLATE.format(name=cls["name"], gloss=cls["gloss"])]


def l2norm(x):
    return x / np.maximum(np.linalg.norm(x, axis=-1, keepdims=True), 1e-12)


def build(session, tokenizer, classes):
    texts = [p for cls in classes for p in prompts(cls)]
    per = len(TEMPLATES) + 1
    vectors = textenc.embed(session, tokenizer, texts).astype(np.float64).reshape(len(classes), per, -1)
    rows = l2norm(vectors.mean(axis=1))
    rows = l2norm(rows - rows.mean(axis=0, keepdims=True))
    return rows.astype("<f4")
