import Foundation

/// The text steps of OpenAI CLIP's tokenizer before BPE, as in the Hugging Face `tokenizer.json`
/// of `openai/clip-vit-base-patch32`: normalise (NFC, whitespace runs to one space, lowercase),
/// then split into words with CLIP's pattern
/// `'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+`, dropping what no branch matches.
///
/// A hand-written scanner over Unicode scalars stands in for the regular expression.
enum ClipPreTokenizer {
    /// The `tokenizers` normalizer: NFC, then `\s+` to one space, then a per-scalar lowercase.
    static func normalize(_ text: String) -> String {
        let composed = text.precomposedStringWithCanonicalMapping
        var result = String.UnicodeScalarView()
        var inSpace = false
        for scalar in composed.unicodeScalars {
            if scalar.properties.isWhitespace {
                if !inSpace { result.append(" ") }
                inSpace = true
                continue
            }
            inSpace = false
            let lower = scalar.properties.lowercaseMapping
            if lower.unicodeScalars.count == 1, lower.unicodeScalars.first == scalar {
                result.append(scalar)
            } else {
                result.append(contentsOf: lower.unicodeScalars)
            }
        }
        return String(result)
    }

    /// Splits normalised text into CLIP's words.
    static func split(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var words: [String] = []
        var index = 0
        while index < scalars.count {
            let end = matchEnd(in: scalars, at: index)
            if end > index {
                var word = String.UnicodeScalarView()
                word.append(contentsOf: scalars[index..<end])
                words.append(String(word))
                index = end
            } else {
                index += 1  // whitespace: no branch matches here
            }
        }
        return words
    }

    private static let contractions: [[Unicode.Scalar]] = ["s", "t", "re", "ve", "m", "ll", "d"].map {
        Array($0.unicodeScalars)
    }

    /// The end of the first branch of the pattern that matches at `start`, or `start` if none does.
    private static func matchEnd(in scalars: [Unicode.Scalar], at start: Int) -> Int {
        let first = scalars[start]
        if first == "'" {
            for suffix in contractions where start + suffix.count < scalars.count {
                if Array(scalars[(start + 1)...(start + suffix.count)]) == suffix {
                    return start + 1 + suffix.count
                }
            }
        }
        switch kind(of: first) {
        case .letter:
            var end = start + 1
            while end < scalars.count, kind(of: scalars[end]) == .letter { end += 1 }
            return end
        case .number:
            return start + 1
        case .other:
            var end = start + 1
            while end < scalars.count, kind(of: scalars[end]) == .other { end += 1 }
            return end
        case .space:
            return start
        }
    }

    private enum Kind { case letter, number, space, other }

    private static func kind(of scalar: Unicode.Scalar) -> Kind {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return .letter
        case .decimalNumber, .letterNumber, .otherNumber:
            return .number
        default:
            return scalar.properties.isWhitespace ? .space : .other
        }
    }
}
