"""Tiny tokenizers of the families in Immich's catalogue, trained with SentencePiece on a seeded
corpus and written as Hugging Face `tokenizer.json` files laid out as the real ones are:

- siglip:       T5-style Unigram (SigLIP's c4_en vocabulary layout: <pad> 0, </s> 1, <unk> 2), NMT-NFKC
                precompiled charsmap, WhitespaceSplit + Metaspace, "$A </s>", padded with </s>
- siglip2:      Gemma-style BPE with byte fallback (<pad> 0, <eos> 1, <bos> 2, <unk> 3, <0x00>..<0xFF>),
                " " replaced by "▁", no pre-tokenizer, "$A <eos>", padded with <pad>
- xlm-roberta:  XLM-R Unigram (fairseq layout <s> 0, <pad> 1, </s> 2, <unk> 3, ..., <mask>), NMT-NFKC
                charsmap, Metaspace, "<s> $A </s>", padded with <pad>
- nllb:         NLLB Unigram (XLM-R layout plus FLORES-200 language tokens), charsmap then " {2,}" to
                " ", Metaspace, "eng_Latn $A </s>", padded with <pad>
"""
import io
import json

import sentencepiece as spm
from tokenizers import AddedToken, Regex, Tokenizer, models, normalizers, pre_tokenizers, processors

import corpus

LANGUAGES = ["eng_Latn", "fra_Latn", "deu_Latn", "rus_Cyrl", "ell_Grek", "jpn_Jpan", "zho_Hans", "kor_Hang"]


def _varint(data, pos):
    value = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, pos


def _fields(data):
    """(field number, wire type, value) of a serialized protobuf message (no nesting)."""
    pos = 0
    while pos < len(data):
        key, pos = _varint(data, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = _varint(data, pos)
        elif wire == 1:
            value, pos = data[pos:pos + 8], pos + 8
        elif wire == 2:
            length, pos = _varint(data, pos)
            value, pos = data[pos:pos + length], pos + length
        elif wire == 5:
            value, pos = data[pos:pos + 4], pos + 4
        else:
            raise ValueError(f"wire type {wire}")
        yield number, wire, value


def precompiled_charsmap(model_proto):
    """ModelProto.normalizer_spec (3).precompiled_charsmap (2)."""
    for number, _, value in _fields(model_proto):
        if number == 3:
            for inner, _, blob in _fields(value):
                if inner == 2:
                    return bytes(blob)
    raise ValueError("no precompiled charsmap")


def train(model_type, vocab_size, normalization, **options):
    proto = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(corpus.lines()), model_writer=proto, model_type=model_type,
        vocab_size=vocab_size, hard_vocab_limit=False, normalization_rule_name=normalization,
        character_coverage=0.995, seed_sentencepiece_size=20000, num_threads=1, minloglevel=2,
        **options,
    )
    data = proto.getvalue()
    return data, spm.SentencePieceProcessor(model_proto=data)


def _pieces(processor, start):
    return [(processor.id_to_piece(i), processor.get_score(i)) for i in range(start, processor.get_piece_size())]


def _special(content, lstrip=False):
    return AddedToken(content, lstrip=lstrip, rstrip=False, single_word=False, normalized=False, special=True)


def siglip():
    data, sp = train("unigram", 1200, "nmt_nfkc", pad_id=0, eos_id=1, unk_id=2, bos_id=-1)
    vocab = [("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0)] + _pieces(sp, 3)
    tokenizer = Tokenizer(models.Unigram(vocab, unk_id=2, byte_fallback=False))
    tokenizer.normalizer = normalizers.Precompiled(precompiled_charsmap(data))
    tokenizer.pre_tokenizer = pre_tokenizers.Sequence(
        [pre_tokenizers.WhitespaceSplit(), pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")])
    tokenizer.post_processor = processors.TemplateProcessing(
        single="$A </s>", pair="$A </s> $B </s>", special_tokens=[("</s>", 1)])
    tokenizer.add_special_tokens([_special("<pad>"), _special("</s>"), _special("<unk>")])
    return tokenizer, {"pad_token": "</s>", "eos_token": "</s>", "unk_token": "<unk>", "tokenizer_class": "T5Tokenizer"}


def _merges(vocab):
    """BPE merges from a SentencePiece BPE vocabulary, ordered by the merged piece's id."""
    merges = []
    for piece, merged_id in sorted(vocab.items(), key=lambda item: item[1]):
        splits = [(piece[:i], piece[i:]) for i in range(1, len(piece)) if piece[:i] in vocab and piece[i:] in vocab]
        merges += sorted(splits, key=lambda pair: (vocab[pair[0]], vocab[pair[1]]))
    return merges


def siglip2():
    data, sp = train("bpe", 1400, "identity", pad_id=0, eos_id=1, bos_id=2, unk_id=3, pad_piece="<pad>", eos_piece="<eos>",
                     bos_piece="<bos>", byte_fallback=True,
                     add_dummy_prefix=False, remove_extra_whitespaces=False, split_digits=True)
    vocab = {sp.id_to_piece(i): i for i in range(sp.get_piece_size())}
    mergeable = {piece: i for piece, i in vocab.items()
                 if not (sp.is_control(i) or sp.is_unknown(i) or sp.is_byte(i))}
    tokenizer = Tokenizer(models.BPE(vocab=vocab, merges=_merges(mergeable), unk_token="<unk>",
                                     byte_fallback=True, fuse_unk=True, dropout=None))
    tokenizer.normalizer = normalizers.Replace(" ", "▁")
    tokenizer.post_processor = processors.TemplateProcessing(
        single="$A <eos>", pair="$A <eos> $B <eos>", special_tokens=[("<eos>", 1)])
    tokenizer.add_special_tokens([_special("<pad>"), _special("<eos>"), _special("<bos>"), _special("<unk>")])
    return tokenizer, {"pad_token": "<pad>", "eos_token": "<eos>", "bos_token": "<bos>", "unk_token": "<unk>",
                       "tokenizer_class": "GemmaTokenizer"}


def _fairseq_vocab(sp, extra):
    return [("<s>", 0.0), ("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0)] + _pieces(sp, 3) + [(t, 0.0) for t in extra]


def xlm_roberta():
    data, sp = train("unigram", 1500, "nmt_nfkc")
    vocab = _fairseq_vocab(sp, ["<mask>"])
    tokenizer = Tokenizer(models.Unigram(vocab, unk_id=3, byte_fallback=False))
    tokenizer.normalizer = normalizers.Precompiled(precompiled_charsmap(data))
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tokenizer.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", pair="<s> $A </s> </s> $B </s>", special_tokens=[("<s>", 0), ("</s>", 2)])
    tokenizer.add_special_tokens(
        [_special("<s>"), _special("<pad>"), _special("</s>"), _special("<unk>"), _special("<mask>", lstrip=True)])
    return tokenizer, {"pad_token": "<pad>", "bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>",
                       "mask_token": "<mask>", "tokenizer_class": "XLMRobertaTokenizer"}


# Translations that the tiny multilingual model gives one token each, tied to one embedding per
# concept (build.py): a mechanism for "a query in French or Japanese finds what its English finds".
CONCEPTS = {
    "cat": ["cat", "chat", "猫"], "coffee": ["coffee", "café", "コーヒー"], "rocket": ["rocket", "fusée", "ロケット"],
    "dog": ["dog", "chien", "犬"],
}


def multilingual():
    """XLM-R's layout (M-CLIP's inputs) with each word of CONCEPTS a whole piece ("▁chien"), scored
    above any segmentation so that the word alone is one token."""
    tokenizer, special = xlm_roberta()
    model = json.loads(tokenizer.to_str())["model"]
    vocab = [(piece, score) for piece, score in model["vocab"]]
    mask = vocab.pop()
    pieces = {piece: i for i, (piece, _) in enumerate(vocab)}
    for words in CONCEPTS.values():
        for word in words:
            piece = "▁" + word
            if piece in pieces:
                vocab[pieces[piece]] = (piece, 0.0)
            else:
                pieces[piece] = len(vocab)
                vocab.append((piece, 0.0))
    vocab.append(mask)
    rebuilt = Tokenizer(models.Unigram(vocab, unk_id=3, byte_fallback=False))
    rebuilt.normalizer = tokenizer.normalizer
    rebuilt.pre_tokenizer = tokenizer.pre_tokenizer
    rebuilt.post_processor = tokenizer.post_processor
    rebuilt.add_special_tokens(
        [_special("<s>"), _special("<pad>"), _special("</s>"), _special("<unk>"), _special("<mask>", lstrip=True)])
    return rebuilt, special


def nllb():
    data, sp = train("unigram", 1300, "nmt_nfkc")
    vocab = _fairseq_vocab(sp, LANGUAGES + ["<mask>"])
    ids = {piece: i for i, (piece, _) in enumerate(vocab)}
    tokenizer = Tokenizer(models.Unigram(vocab, unk_id=3, byte_fallback=False))
    tokenizer.normalizer = normalizers.Sequence(
        [normalizers.Precompiled(precompiled_charsmap(data)), normalizers.Replace(Regex(" {2,}"), " ")])
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tokenizer.post_processor = processors.TemplateProcessing(
        single="eng_Latn $A </s>", pair="eng_Latn $A $B </s>",
        special_tokens=[("eng_Latn", ids["eng_Latn"]), ("</s>", 2)])
    tokenizer.add_special_tokens(
        [_special(t) for t in ["<s>", "<pad>", "</s>", "<unk>"] + LANGUAGES] + [_special("<mask>", lstrip=True)])
    return tokenizer, {"pad_token": "<pad>", "bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>",
                       "src_lang": "eng_Latn", "tokenizer_class": "NllbTokenizer"}


def components():
    """Not a catalogue family: the normalizers, pre-tokenizers and post-processor the real files
    above do not use (NFKC, Lowercase, Strip, literal Replace, Split with each behaviour, Metaspace's
    "first" scheme without split, Unigram byte fallback, RobertaProcessing), so they are checked
    against `tokenizers` too."""
    _, sp = train("unigram", 900, "identity")
    vocab = _fairseq_vocab(sp, [f"<0x{byte:02X}>" for byte in range(256)])
    vocab = vocab[:4] + [(piece, score if not piece.startswith("<0x") else -20.0) for piece, score in vocab[4:]]
    tokenizer = Tokenizer(models.Unigram(vocab, unk_id=3, byte_fallback=True))
    tokenizer.normalizer = normalizers.Sequence([
        normalizers.NFKC(), normalizers.Replace("``", '"'), normalizers.Lowercase(),
        normalizers.Strip(left=True, right=True), normalizers.Replace(Regex(" {2,}"), " "),
    ])
    tokenizer.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Split(Regex(r"\p{N}"), behavior="isolated"),
        pre_tokenizers.Split("-", behavior="merged_with_previous"),
        pre_tokenizers.Split(".", behavior="merged_with_next"),
        pre_tokenizers.Split("!", behavior="contiguous"),
        pre_tokenizers.Split("#", behavior="removed"),
        pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="first", split=False),
    ])
    tokenizer.post_processor = processors.RobertaProcessing(("</s>", 2), ("<s>", 0))
    tokenizer.add_special_tokens([_special("<s>"), _special("<pad>"), _special("</s>"), _special("<unk>")])
    return tokenizer, {"pad_token": "<pad>", "bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>"}


FAMILIES = {
    "siglip": siglip, "siglip2": siglip2, "xlm-roberta": xlm_roberta, "nllb": nllb, "components": components,
    "multilingual": multilingual,
}
