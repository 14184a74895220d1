import Foundation

/// BERT's "basic tokenizer": text normalisation, then the split into words, exactly as Hugging Face
/// `tokenizers` does it with `BertNormalizer` (clean text, CJK characters, strip accents,
/// lowercase) and `BertPreTokenizer` (whitespace split, punctuation isolated).
///
/// The text is handled as Unicode scalars (as Rust's `char`s), never as Swift `Character`s.
/// Where Swift's Unicode tables are newer than those of the `tokenizers` package, the rules follow
/// the package (checked against it for every code point; see `scripts/models/make-tokenizer-golden.py`).
struct BertPreTokenizer: Sendable {
    /// Lower-case and strip accents (NFD, then drop non-spacing marks), as uncased BERT models do.
    var lowercase: Bool

    /// The words of `text`: no whitespace, each punctuation character and each CJK ideograph a
    /// word of its own.
    func words(_ text: String) -> [[Unicode.Scalar]] {
        var words: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for scalar in normalize(text) {
            if scalar.properties.isWhitespace {
                if !current.isEmpty { words.append(current) }
                current.removeAll(keepingCapacity: true)
            } else if Self.isPunctuation(scalar) {
                if !current.isEmpty { words.append(current) }
                current.removeAll(keepingCapacity: true)
                words.append([scalar])
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// `BertNormalizer`: drops control characters, maps whitespace to a space, surrounds CJK
    /// ideographs with spaces, and (when ``lowercase``) strips accents and lower-cases.
    func normalize(_ text: String) -> [Unicode.Scalar] {
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value == 0 || scalar.value == 0xFFFD || Self.isControl(scalar) { continue }
            if Self.isWhitespace(scalar) {
                cleaned.append(" ")
            } else if Self.isCJK(scalar) {
                cleaned.append(" ")
                cleaned.append(scalar)
                cleaned.append(" ")
            } else {
                cleaned.append(scalar)
            }
        }
        guard lowercase else { return Array(cleaned) }
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(cleaned.count)
        for scalar in Self.decomposed(cleaned) where !Self.isNonspacingMark(scalar) {
            if scalar.isASCII {
                result.append(scalar.value >= 0x41 && scalar.value <= 0x5A ? Unicode.Scalar(scalar.value + 32)! : scalar)
            } else {
                result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return result
    }

    /// NFD, except for characters newer than the package's normalisation tables (Unicode 13 on),
    /// which it leaves whole (e.g. U+11938).
    private static func decomposed(_ scalars: String.UnicodeScalarView) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        var run = String.UnicodeScalarView()
        func flush() {
            if !run.isEmpty { result.append(contentsOf: String(run).decomposedStringWithCanonicalMapping.unicodeScalars) }
            run.removeAll()
        }
        for scalar in scalars {
            if scalar.isASCII {
                run.append(scalar)
            } else if let age = scalar.properties.age, age.major >= 13 {
                flush()
                result.append(scalar)
            } else {
                run.append(scalar)
            }
        }
        flush()
        return result
    }

    /// Whether the scalar was a non-spacing mark (Mn) in Unicode 8.0, the package's tables.
    static func isNonspacingMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1734, 0x1171E: return true  // Mn in 8.0, Mc since
        case 0x1885, 0x1886, 0xA9BD, 0x111C9: return false  // not Mn in 8.0
        case 0..<0x300: return false
        default:
            return scalar.properties.generalCategory == .nonspacingMark && isInUnicode8(scalar)
        }
    }

    /// Whether the scalar was assigned by Unicode 8.0.
    private static func isInUnicode8(_ scalar: Unicode.Scalar) -> Bool {
        guard let age = scalar.properties.age else { return false }
        return age.major < 8 || (age.major == 8 && age.minor == 0)
    }

    /// Tab, newline and carriage return count as whitespace, not as control characters.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace
    }

    /// Control, surrogate and private-use characters, and format characters of Unicode 8.0 (tab,
    /// newline and return excepted).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        default:
            switch scalar.properties.generalCategory {
            case .control, .surrogate, .privateUse: return true
            case .format: return isInUnicode8(scalar)
            default: return false
            }
        }
    }

    /// ASCII symbols and punctuation (`!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~`), and Unicode
    /// punctuation (categories P*) as of Unicode 8.0, the tables the `tokenizers` package uses.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
        case 0..<0x80: return false
        case 0x166D, 0x111C9: return true  // punctuation in Unicode 8.0, no longer
        default: break
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return isInUnicode8(scalar)
        default: return false
        }
    }

    /// The CJK Unified Ideographs blocks BERT surrounds with spaces (not Hangul, kana or CJK
    /// punctuation). As in the `tokenizers` package, Extension E starts at U+2B920, not U+2B820.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F, 0x2B740...0x2B81F,
            0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default: return false
        }
    }
}
