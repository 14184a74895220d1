#!/usr/bin/env python3
"""Writes Tests/GalleryCoreTests/Resources/wordpiece-golden.json: >= 1,000 texts and the ids Hugging
Face `tokenizers` gives them with all-MiniLM-L6-v2's tokenizer.json (BERT uncased WordPiece,
truncation to 128, no padding). The Swift WordPieceTokenizer must reproduce every one exactly.

Usage: python3 scripts/models/make-tokenizer-golden.py [path/to/tokenizer.json]
(default .cache/models/offline-pack/tokenizer.json, written by scripts/models/build-offline-pack.sh).
The `tokenizers` package is installed (pinned) into .cache/venv-testmodels on first use. The output
is deterministic (fixed seed); it is committed, so this only needs re-running when cases change.
"""
import hashlib
import json
import os
import random
import sys

import venv_bootstrap

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TOKENIZERS_PIN = "tokenizers==0.23.3"
OUTPUT = os.path.join(ROOT, "Tests", "GalleryCoreTests", "Resources", "wordpiece-golden.json")
MAX_LENGTH = 128


def ensure_tokenizers():
    venv_bootstrap.ensure("tokenizers", TOKENIZERS_PIN, __file__)


HANDWRITTEN = [
    "", " ", "   \t\n  ", "\n", "\r\n", "\u3000", "\u00a0", "a", "A", "[CLS]", "[SEP] [PAD] [UNK] [MASK]",
    "x[CLS]y", "[cls]", "[ CLS ]", "a[MASK]b[PAD]", "[[SEP]]", "\u00a0[SEP]\u00a0", "[SEP\u0301]", "[SEP]\u0301x",
    "A photo of a cat", "a dog playing in the snow", "Sunset over the Golden Gate Bridge, San Francisco.",
    "my kids at the beach (summer 2019)!!!", "IMG_20190704_183512.jpg", "DSC-0042.NEF",
    "Café au lait", "naïve résumé façade", "Crème brûlée à la française", "Ångström Øresund Æsir",
    "Straße Größe ÄÖÜ äöü", "İstanbul ıi İI", "ΣΊΣΥΦΟΣ σίσυφος ς", "Москва, Красная площадь", "Ελλάδα",
    "ﬁnal ﬂoor ﬀ", "ｆｕｌｌｗｉｄｔｈ ＡＢＣ １２３", "①②③ ⅻ Ⅻ", "x² + y³ = z½", "℃ ℉ № ™ ©",
    "東京タワーの夜景", "北京故宫博物院", "我爱自然语言处理", "中文和English混合", "𠀀𠀁𪜀𫝀𫠠𬺰",
    "한국어 사진 검색", "서울의 밤", "ひらがな カタカナ ｶﾀｶﾅ", "日本語のテキスト、句読点。「引用」",
    "مرحبا بالعالم", "שלום עולם", "नमस्ते दुनिया", "สวัสดีชาวโลก", "ভালোবাসা", "தமிழ்", "ქართული", "Հայերեն",
    "😀 😂 🥺 🫠 🐱 🐶", "👨‍👩‍👧‍👦 family", "👍🏽 thumbs", "🇫🇷 🇯🇵 flags", "❤️ love ♥", "☀️🌧️⛄",
    "cat🐱dog🐶", "emoji😀inside😀words",
    "hello, world! how's it going?", "e.g. i.e. etc...", "--- *** ### $$$ %%%", "\"quoted\" 'single' `back`",
    "a+b=c; x<y>z; {braces} [brackets] (parens)", "¿Qué? ¡Sí! «guillemets» „Anführung“", "…—–‒―",
    "12345 3.14159 1,000,000 -42 +7 1e10 0x1F", "2024-01-31 12:34:56", "50% off $19.99 €5 £3 ¥100",
    "https://example.com/photos?id=123&sort=desc#top", "user@example.org", "C:\\Users\\me\\Pictures",
    "/home/me/photos/2021/IMG_0001.HEIC", "#hashtag @mention", "snake_case camelCase kebab-case",
    "tab\tseparated\tvalues", "line1\nline2\rline3", "null\x00byte", "bell\x07char\x1b[31mred",
    "\ufeffBOM at start", "zero\u200bwidth\u200cjoiner\u200d", "soft\u00adhyphen", "replacement\ufffdchar",
    "private\ue000use", "rtl\u202emark\u202c", "combining e\u0301 a\u0308 n\u0303", "Zalgo t̸̢̛e̵x̷t̶",
    "\u0085next line", "\u2028line sep\u2029para sep", "word\u2060joiner",
    "a" * 100, "a" * 101, "unbelievable" * 9, "supercalifragilisticexpialidocious",
    "pneumonoultramicroscopicsilicovolcanoconiosis", "antidisestablishmentarianism",
    "\U0002B820\U0002B920\U00011938\u166d\u1734\U0001171e\u1885\ua9bd\U000111c9",
    "\u2e42\u2e43\u2e4a\u08be\u20bf\u0860", "ꞯꞮ", "\U0001F97A\U0001FAE0",
    " ".join(["the quick brown fox jumps over the lazy dog"] * 20),
    "word " * 200, "超" * 300, "😀" * 200, "a,b," * 100,
]

WORDS = (
    "the a of and photo picture image cat dog beach mountain sunset birthday party wedding car bike city "
    "night snow rain flower garden food pizza sushi coffee friends family baby kids portrait selfie "
    "landscape sky cloud river lake forest tree bird horse museum church bridge tower street market "
    "unbelievable running jumped happily photographs photographer organizations internationalization "
    "xylophone zebra quokka axolotl fjord naïve café façade jalapeño piñata über straße ångström "
    "东京 北京 上海 猫 狗 写真 風景 사진 고양이 강아지 кошка собака фото γάτα σκύλος قطة كلب חתול "
    "कुत्ता แมว 🐱 🐶 📷 🌅 🏔️ 🎂 ❤️ 👍🏽 2019 2020 07/04 3.5mm 1080p 4K HDR f/1.8 ISO100 "
    "iPhone Canon EOS-5D Nikon_D850 DJI-Mavic IMG_1234.JPG https://x.io/a?b=c user@mail.com "
).split()
PUNCT = list(".,;:!?-_()[]{}\"'/\\@#$%^&*+=<>|~`") + ["…", "—", "«", "»", "「", "」", "、", "。", "¿", "¡"]
SPACES = [" ", " ", " ", "  ", "\t", "\n", "\u00a0", "\u3000", "\u200b", "\r\n"]
BLOCKS = [(0x20, 0x7E), (0xA0, 0x24F), (0x300, 0x36F), (0x370, 0x3FF), (0x400, 0x4FF), (0x590, 0x6FF),
          (0x900, 0x97F), (0xE00, 0xE7F), (0x1100, 0x11FF), (0x2000, 0x206F), (0x2100, 0x22FF),
          (0x3000, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0xE000, 0xE0FF),
          (0xF900, 0xFAFF), (0xFB00, 0xFB4F), (0xFE00, 0xFE6F), (0xFF00, 0xFFEF), (0x10000, 0x1007F),
          (0x11000, 0x1197F), (0x1F300, 0x1FAFF), (0x20000, 0x2FA1F), (0xE0000, 0xE007F), (0x0, 0x1F)]


def generated(rng):
    texts = []
    for _ in range(600):  # sentences of words, punctuation and odd spaces
        parts = []
        for _ in range(rng.choice([1, 2, 3, 5, 8, 13, 21, 40, 90])):
            roll = rng.random()
            piece = rng.choice(PUNCT) if roll < 0.15 else rng.choice(WORDS)
            if rng.random() < 0.2:
                piece = piece.upper() if rng.random() < 0.5 else piece.capitalize()
            parts.append(piece)
            parts.append(rng.choice(SPACES) if rng.random() < 0.8 else "")
        texts.append("".join(parts))
    for _ in range(400):  # random code points from many blocks
        low, high = rng.choice(BLOCKS)
        chars = [chr(c) for c in (rng.randint(low, high) for _ in range(rng.randint(1, 40)))
                 if not 0xD800 <= c <= 0xDFFF]
        if rng.random() < 0.5:
            chars = [c + (" " if rng.random() < 0.3 else "") for c in chars]
        texts.append("".join(chars))
    for _ in range(60):  # long inputs, far over 128 tokens
        texts.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(100, 400))))
    return texts


def main():
    ensure_tokenizers()
    from tokenizers import Tokenizer

    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".cache/models/offline-pack/tokenizer.json")
    if not os.path.exists(path):
        sys.exit(f"{path} is missing: run scripts/models/build-offline-pack.sh, or pass a tokenizer.json")
    tokenizer = Tokenizer.from_file(path)
    tokenizer.no_padding()
    tokenizer.enable_truncation(MAX_LENGTH)
    vocab = tokenizer.get_vocab()
    vocab_text = "".join(token + "\n" for token, _ in sorted(vocab.items(), key=lambda item: item[1]))
    texts = HANDWRITTEN + generated(random.Random(20240131))
    cases = []
    for text in texts:
        encoding = tokenizer.encode(text)
        assert all(t == 0 for t in encoding.type_ids) and all(m == 1 for m in encoding.attention_mask)
        cases.append({"text": text, "ids": encoding.ids})
    golden = {
        "source": "tokenizers " + __import__("tokenizers").__version__ + ", all-MiniLM-L6-v2 tokenizer.json",
        "vocabSHA256": hashlib.sha256(vocab_text.encode("utf-8")).hexdigest(),
        "maxLength": MAX_LENGTH,
        "cases": cases,
    }
    os.makedirs(os.path.dirname(OUTPUT), exist_ok=True)
    with open(OUTPUT, "w", encoding="utf-8") as file:
        json.dump(golden, file, ensure_ascii=True, separators=(",", ":"))
        file.write("\n")
    print(f"wrote {len(cases)} cases to {os.path.relpath(OUTPUT, ROOT)} ({os.path.getsize(OUTPUT)} bytes)")


if __name__ == "__main__":
    main()
