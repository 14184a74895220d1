"""Builds a Hugging Face tokenizers file with OpenAI CLIP's BPE, like openai/clip-vit-base-patch32's.

Vocabulary and merges come from `bpe_simple_vocab_16e6.txt.gz` (shipped in open_clip_torch's
wheel), laid out as OpenAI CLIP does: 256 byte symbols, the same with `</w>`, 48,894 merges, then
`<|startoftext|>` (49406) and `<|endoftext|>` (49407).
"""
import gzip
import json
import string

from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

SOT = "<|startoftext|>"
EOT = "<|endoftext|>"
SPLIT_PATTERN = r"""<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+"""


def bytes_to_unicode():
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, [chr(c) for c in cs]))


def build_tokenizer(bpe_path):
    lines = gzip.open(bpe_path).read().decode("utf-8").split("\n")
    merges = [tuple(line.split()) for line in lines[1 : 49152 - 256 - 2 + 1]]
    symbols = list(bytes_to_unicode().values())
    vocab_list = symbols + [s + "</w>" for s in symbols] + ["".join(m) for m in merges] + [SOT, EOT]
    vocab = {token: index for index, token in enumerate(vocab_list)}
    assert len(vocab) == 49408, len(vocab)

    tokenizer = Tokenizer(
        models.BPE(
            vocab=vocab,
            merges=merges,
            unk_token=EOT,
            continuing_subword_prefix="",
            end_of_word_suffix="</w>",
            fuse_unk=False,
        )
    )
    tokenizer.normalizer = normalizers.Sequence(
        [normalizers.NFC(), normalizers.Replace(Regex(r"\s+"), " "), normalizers.Lowercase()]
    )
    tokenizer.pre_tokenizer = pre_tokenizers.Sequence(
        [
            pre_tokenizers.Split(Regex(SPLIT_PATTERN), behavior="removed", invert=True),
            pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False),
        ]
    )
    tokenizer.post_processor = processors.RobertaProcessing(
        (EOT, vocab[EOT]), (SOT, vocab[SOT]), trim_offsets=False, add_prefix_space=False
    )
    tokenizer.decoder = decoders.ByteLevel()
    tokenizer.add_special_tokens(
        [
            AddedToken(SOT, single_word=False, lstrip=False, rstrip=False, normalized=True, special=True),
            AddedToken(EOT, single_word=False, lstrip=False, rstrip=False, normalized=True, special=True),
        ]
    )
    return tokenizer


def tokenizer_config(context_length):
    entry = lambda content: {
        "content": content, "lstrip": False, "normalized": True, "rstrip": False,
        "single_word": False, "special": True,
    }
    return {
        "add_prefix_space": False,
        "added_tokens_decoder": {"49406": entry(SOT), "49407": entry(EOT)},
        "bos_token": SOT,
        "clean_up_tokenization_spaces": True,
        "do_lower_case": True,
        "eos_token": EOT,
        "errors": "replace",
        "model_max_length": context_length,
        "pad_token": EOT,
        "tokenizer_class": "CLIPTokenizer",
        "unk_token": EOT,
    }


_PUNCTUATION = str.maketrans("", "", string.punctuation)


def immich_clean_text(text, canonicalize=False):
    """Immich's `clean_text` (machine-learning/immich_ml/models/transforms.py), applied before encoding."""
    text = " ".join(text.split())
    if canonicalize:
        text = text.translate(_PUNCTUATION).lower()
    return text


def immich_tokenizer(path, context_length, pad_token):
    """Loads a tokenizer the way Immich's OpenClipTextualEncoder does: pad and truncate to the context."""
    tokenizer = Tokenizer.from_file(path)
    pad_id = tokenizer.token_to_id(pad_token)
    tokenizer.enable_padding(length=context_length, pad_token=pad_token, pad_id=pad_id)
    tokenizer.enable_truncation(max_length=context_length)
    return tokenizer
