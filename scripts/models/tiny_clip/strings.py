"""Test strings for the CLIP tokenizer golden file: hand-picked edge cases plus seeded random mixes."""
import random

HANDPICKED = [
    "", " ", "   ", "\t\n", "a", "A", "a photo of a cat", "A photo of a DOG.", "two dogs playing in the snow",
    "sunset over the ocean", "Sunset   over\tthe\nocean  ", "  leading and trailing  ",
    "don't", "DON'T", "it's", "IT'S", "we're", "they've", "I'm", "you'll", "he'd", "rock'n'roll",
    "'s", "'t'", "o'clock", "l'été", "’s curly apostrophe’s", "‘quoted’ “double”",
    "café", "cafe\u0301", "naïve résumé", "Ångström", "Œuvre", "straße", "STRASSE", "İstanbul", "ısı",
    "ΟΔΟΣ", "Σίσυφος", "ὈΔΥΣΣΕΎΣ", "Привет, мир!", "Ёлка", "Ελληνικά", "ﬁne ﬂowers", "Ǆ ǅ ǆ",
    "東京タワーの夜景", "北京", "我爱你", "日本語のテキスト", "カタカナ", "ﾊﾝｶｸ", "한국어 문장", "\u1100\u1161\u11a8",
    "ภาษาไทย", "हिन्दी भाषा", "नमस्ते", "தமிழ்", "العربية", "مرحبا بالعالم", "עברית", "Ελλάδα 2024",
    "ქართული", "Հայերեն", "አማርኛ", "ᚠᚢᚦᚨᚱᚲ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "𝐁𝐨𝐥𝐝", "ＦＵＬＬＷＩＤＴＨ ｔｅｘｔ １２３",
    "😀", "😀😀😀", "👍🏽", "👨‍👩‍👧‍👦 family", "🇫🇷🇯🇵", "❤️", "🏳️‍🌈", "cat 🐱 and dog 🐶", "☃ ★ ☂", "🀄",
    "1", "12", "123", "2024-06-07", "3.14159", "1,000,000", "½ ¾ ²³", "Ⅻ ⅻ", "٣٤٥", "१२३", "①②③", "0x1F",
    "https://example.com/path?q=1&r=2#frag", "www.immich.app", "user@example.org", "C:\\Users\\photos\\IMG_0001.JPG",
    "IMG_20240607_123456.jpg", "#hashtag @mention", "$100 €50 £20 ¥1000", "100%", "a+b=c", "x*y/z", "(parens)",
    "[brackets] {braces} <angles>", "!!!", "???", "...", "—", "–", "--", "-", "_", "__init__", "~tilde~", "`code`",
    "\"quoted\"", "semi;colon:colon", "a|b|c", "^caret^", "back\\slash", "•bullet", "…", "©®™", "§¶†‡",
    "<|startoftext|>", "<|endoftext|>", "<|ENDOFTEXT|>", "hello<|endoftext|>world", "a <|startoftext|> b",
    "<|endoftext|><|endoftext|>", "<|endoftext", "endoftext|>", "<|unknown|>", "<s> </s> <pad>",
    "\u00a0nbsp\u00a0here", "ideographic\u3000space", "zero\u200bwidth", "line\u2028sep", "para\u2029sep",
    "info\u001fsep", "tab\tseparated\tvalues", "carriage\rreturn", "vertical\u000btab", "form\u000cfeed",
    "next\u0085line", "thin\u2009space", "soft\u00adhyphen", "bidi\u200emark", "bom\ufeffhere", "\ufffd",
    "control\u0007bell", "null\u0000byte", "e\u0301\u0302\u0303", "\u0301leading combining", "a\u0308o\u0308u\u0308",
    "ñ vs n\u0303", "Å vs A\u030a vs \u212b", "ᄀ", "ﬀ", "ß".upper(), "K\u212a", "µ vs μ", "ς σ Σ",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "abababababababababab", "zzzzzzzzzzzz",
    "supercalifragilisticexpialidocious", "pneumonoultramicroscopicsilicovolcanoconiosis",
    "the the the the the", "Photo", "photo", "PHOTO", "pHoTo", "photos", "photographic", "photograph's",
    "New York City at night", "Eiffel Tower, Paris", "Mount Everest base camp", "a red car", "a blue bicycle",
    "birthday cake with candles", "beach volleyball", "snowy mountain landscape", "golden retriever puppy",
    "cappuccino with latte art", "rocket launch", "tabby cat on a sofa", "coffee cup on a wooden table",
    "x" * 200, "word " * 100, "👍" * 80, "東京" * 60, "1 2 3 4 5 6 7 8 9 0 " * 10,
    "A very long caption that goes on and on describing every single detail of the scene: " * 4,
    "wörds wïth àccents everywhere " * 8, "Émile Zola écrivait à Médan", "São Paulo", "Kraków", "Zürich",
    "Reykjavík", "Malmö", "Ærø", "Łódź", "Dvořák", "Škoda", "Ğ ş ç ö ü", "Nguyễn Thị Minh Khai", "Tiếng Việt",
]


SCRIPTS = {
    "latin": "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "accents": "àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßœÀÉÎÕÜÇŁŚŻ",
    "greek": "αβγδεζηθικλμνξοπρσςτυφχψωΑΒΓΔΣΩ",
    "cyrillic": "абвгдежзийклмнопрстуфхцчшщъыьэюяАБВГД",
    "cjk": "日本語中文字東京北京山川人口大小上下左右花鳥風月",
    "kana": "あいうえおかきくけこアイウエオカキクケコー",
    "hangul": "가나다라마바사아자차카타파하한국어",
    "arabic": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
    "devanagari": "कखगघचछजझटठडढणतथदधनपफबभमयरलवशसह्ािीुू",
    "digits": "0123456789٠١٢٣४५६７８９",
    "punct": "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~¡¿«»“”‘’—–…·•",
    "emoji": "😀😂🥲😍🤔👍👎🙏🐱🐶🌸🌍🔥✨🎉🚀🍕☕⚽🏔",
    "space": "  \t\n\u00a0\u3000",
}
WORDS = [
    "cat", "dog", "beach", "sunset", "mountain", "car", "city", "night", "snow", "tree", "flower", "coffee",
    "rocket", "portrait", "family", "birthday", "wedding", "food", "street", "river", "bridge", "museum",
    "don't", "it's", "we'll", "I'd", "photo", "Paris", "Tokyo", "café", "naïve", "東京", "Москва", "😀",
    "2019", "IMG_0042", "http://a.b/c", "#tag", "@me", "u.s.a.", "e-mail", "re-edit", "1st", "3D", "4K",
]


def random_strings(count, seed=7):
    rng = random.Random(seed)
    out = []
    names = list(SCRIPTS)
    for index in range(count):
        kind = index % 4
        if kind == 0:  # words
            out.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 12))))
        elif kind == 1:  # characters from a couple of scripts
            pools = "".join(SCRIPTS[name] for name in rng.sample(names, rng.randint(1, 3)))
            out.append("".join(rng.choice(pools) for _ in range(rng.randint(1, 40))))
        elif kind == 2:  # words and symbols mixed, sometimes very long
            length = rng.choice([3, 8, 20, 60, 120])
            parts = []
            for _ in range(length):
                pool = SCRIPTS[rng.choice(names)]
                parts.append(rng.choice(WORDS) if rng.random() < 0.5 else rng.choice(pool) * rng.randint(1, 3))
            out.append(rng.choice(["", " ", "-", "", " "]).join(parts))
        else:  # case and spacing variations of words
            words = [rng.choice(WORDS) for _ in range(rng.randint(1, 6))]
            words = [w.upper() if rng.random() < 0.3 else w.title() if rng.random() < 0.3 else w for w in words]
            out.append(rng.choice(["  ", "\t", " ", "\n", "\u00a0"]).join(words) + rng.choice(["", ".", "!", " ", "?!"]))
    return out


def all_strings():
    strings = list(dict.fromkeys(HANDPICKED))
    for s in random_strings(1000):
        if s not in strings:
            strings.append(s)
    return strings
