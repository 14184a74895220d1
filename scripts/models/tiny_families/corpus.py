"""A seeded training corpus for the tiny SentencePiece tokenizers: words and random runs of many
scripts (Latin with accents, Greek, Cyrillic, CJK, kana, Hangul, Arabic, Devanagari), emoji and
combining marks, so that the trained vocabularies cover them partly (rare characters stay unknown)."""
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tiny_clip"))
import strings  # noqa: E402

COMBINING = "\u0300\u0301\u0302\u0303\u0308\u030a\u0327"
SENTENCES = [
    "a photo of a cat", "a dog on the beach", "sunset over the mountains", "birthday party with friends",
    "une photo d'un chat", "un chien sur la plage", "coucher de soleil sur les montagnes",
    "ein Foto einer Katze", "ein Hund am Strand", "фото кошки", "собака на пляже", "закат в горах",
    "φωτογραφία μιας γάτας", "ένας σκύλος στην παραλία", "猫の写真", "ビーチの犬", "山の夕日", "猫的照片",
    "海滩上的狗", "고양이 사진", "해변의 개", "صورة قطة", "कुत्ता समुद्र तट पर", "😀 🐱 🐶 🌅 🎂 ❤️ 👍🏽",
]


def lines(count=6000, seed=20241202):
    rng = random.Random(seed)
    out = list(SENTENCES) * 20
    out += strings.random_strings(count, seed=seed)
    for _ in range(count // 4):
        word = rng.choice(strings.WORDS)
        out.append("".join(c + (rng.choice(COMBINING) if rng.random() < 0.2 else "") for c in word))
    rng.shuffle(out)
    return [line for line in out if line.strip()]
