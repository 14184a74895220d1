import GalleryTestSupport

@testable import GalleryCore

/// Random texts for the fuzz tests of the query cleaner and the tokenizers: ASCII words, filler
/// phrases, punctuation, whitespace of every kind, CJK, emoji, combining marks, right-to-left text,
/// control and replacement characters, special tokens, any scalar at all, and very long words.
struct FuzzText {
    private var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    static let words = [
        "a", "the", "cat", "dog", "beach", "sunset", "photo", "Photos", "SHOW", "me", "my", "of", "with", "i'd",
        "can't", "we're", "it's", "IMG_0001.JPG", "2019", "3.14", "naïve", "Straße", "İstanbul", "ΣΊΣΥΦΟΣ",
        "Москва", "東京", "사진", "ｆｕｌｌ", "ﬁne", "①", "x²",
    ]
    static let punctuation =
        Array("?!.,;:'\"()[]{}<>-_/\\@#$%^&*+=|~`").map(String.init) + [
            "…", "—", "«", "»", "「", "」", "、", "。", "¿", "¡", "\u{37E}",
        ]
    /// Every White_Space scalar, Python's extra separators (U+001C-U+001F) and the invisible
    /// characters that are not whitespace (zero-width space, BOM, word joiner).
    static let spaces =
        [" ", "  ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1D}", "\u{1E}", "\u{1F}", "\u{85}", "\u{A0}"]
        + ["\u{1680}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{200B}", "\u{FEFF}", "\u{2060}"]
        + (0x2000...0x200A).map { String(Unicode.Scalar($0)!) }
    static let specialTokens = [
        "<|startoftext|>", "<|endoftext|>", "<|endof", "[CLS]", "[SEP]", "[PAD]", "[UNK]", "[MASK]", "[SEP",
    ]
    static let emoji = ["😀", "👨‍👩‍👧‍👦", "👍🏽", "🇫🇷", "❤️", "🏳️‍🌈", "🫠", "🐱"]
    static let oddScalars: [Unicode.Scalar] = [
        "\u{0}", "\u{1}", "\u{7}", "\u{1B}", "\u{7F}", "\u{80}", "\u{9F}", "\u{AD}", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}",
        "\u{10FFFF}", "\u{E000}", "\u{E0001}", "\u{202E}", "\u{202D}", "\u{202C}", "\u{2066}", "\u{2069}", "\u{200D}",
        "\u{200E}", "\u{200F}", "\u{FE0F}",
    ]

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    mutating func scalar(_ range: ClosedRange<UInt32>) -> Unicode.Scalar {
        while true {
            if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &random)) { return scalar }
        }
    }

    mutating func scalars(_ count: Int, _ range: ClosedRange<UInt32>) -> String {
        var result = String.UnicodeScalarView()
        for _ in 0..<count { result.append(scalar(range)) }
        return String(result)
    }

    mutating func element(_ array: [String]) -> String { array[int(0...(array.count - 1))] }

    /// A word of `count` random lower-case ASCII letters.
    mutating func letters(_ count: Int) -> String { scalars(count, 0x61...0x7A) }

    /// One random piece of text.
    mutating func piece() -> String {
        switch int(0...19) {
        case 0...3: return element(Self.words)
        case 4: return letters(int(1...30))
        case 5...6: return element(QueryCleaner.leadingPhrases).uppercasedRandomly(using: &random)
        case 7...8: return element(Self.punctuation)
        case 9...10: return element(Self.spaces)
        case 11: return scalars(int(1...8), 0x4E00...0x9FFF) + scalars(int(0...3), 0x3040...0x30FF)
        case 12: return element(Self.emoji) + scalars(int(0...2), 0x1F300...0x1FAFF)
        case 13: return element(Self.words) + scalars(int(1...6), 0x300...0x36F)
        case 14: return scalars(int(1...10), 0x5D0...0x5EA) + " " + scalars(int(1...10), 0x620...0x64A)
        case 15: return String(String.UnicodeScalarView([Self.oddScalars[int(0...(Self.oddScalars.count - 1))]]))
        case 16: return element(Self.specialTokens)
        case 17: return scalars(int(1...4), 0...0x10FFFF)
        case 18: return scalars(int(1...20), 0x300...0x36F)
        default: return int(0...299) == 0 ? letters(10_000) : element(Self.words)
        }
    }

    /// A text of up to `maximumPieces` random pieces.
    mutating func text(maximumPieces: Int = 60) -> String {
        var text = ""
        for _ in 0..<int(0...maximumPieces) {
            text += piece()
            if int(0...3) != 0 { text += " " }
        }
        return text
    }

    /// Inputs of about 100 KB: filler repeated, one huge word, a long run of combining marks, CJK,
    /// emoji, and random pieces.
    mutating func hugeTexts() -> [String] {
        var mixed = ""
        while mixed.utf8.count < 100_000 { mixed += piece() + element(Self.spaces) }
        return [
            String(repeating: "my ", count: 34_000), String(repeating: "show me ", count: 12_500) + "a cat",
            letters(100_000), String(repeating: "e\u{301}\u{316}", count: 20_000), scalars(33_000, 0x4E00...0x9FFF),
            String(repeating: "👨‍👩‍👧‍👦", count: 4_000), String(repeating: "<|endoftext|>[SEP]", count: 6_000), mixed,
        ]
    }
}

extension String {
    /// The text with a random mix of upper- and lower-case letters.
    fileprivate func uppercasedRandomly(using random: inout SplitMix64) -> String {
        map { Bool.random(using: &random) ? $0.uppercased() : String($0) }.joined()
    }
}
