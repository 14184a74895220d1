"""Reference tokenisation (Hugging Face `tokenizers` with the model's tokenizer.json) and batched
ONNX Runtime text embedding."""
import numpy as np
from tokenizers import Tokenizer

MAX_LENGTH = 128


def load_tokenizer(path):
    tokenizer = Tokenizer.from_file(path)
    tokenizer.no_padding()  # tokenizer.json ships with fixed padding to 128; pad per batch instead
    tokenizer.enable_truncation(MAX_LENGTH)
    return tokenizer


def encode_batch(tokenizer, texts):
    """int64 arrays (input_ids, attention_mask, token_type_ids), right-padded with 0 to the longest."""
    encodings = tokenizer.encode_batch(texts)
    length = max(len(e.ids) for e in encodings)
    shape = (len(texts), length)
    ids, mask, types = np.zeros(shape, np.int64), np.zeros(shape, np.int64), np.zeros(shape, np.int64)
    for row, e in enumerate(encodings):
        n = len(e.ids)
        ids[row, :n], mask[row, :n], types[row, :n] = e.ids, e.attention_mask, e.type_ids
    return ids, mask, types


def embed(session, tokenizer, texts, batch=64):
    """Embeddings [len(texts), D] through the ONNX text model; batches are length-bucketed."""
    order = sorted(range(len(texts)), key=lambda i: len(tokenizer.encode(texts[i]).ids))
    out = [None] * len(texts)
    for start in range(0, len(order), batch):
        chunk = order[start : start + batch]
        ids, mask, types = encode_batch(tokenizer, [texts[i] for i in chunk])
        (vectors,) = session.run(["embedding"], {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})
        for i, v in zip(chunk, vectors):
            out[i] = v
    return np.stack(out).astype(np.float32)
