/// How a query is cleaned before tokenization, as Immich's `clean_text` does
/// (`machine-learning/immich_ml/models/transforms.py`).
public enum ClipTextCleaning: String, Sendable, Codable {
    /// Collapse whitespace runs to one space and trim (Python's `" ".join(text.split())`).
    case whitespace
    /// As `whitespace`, then drop ASCII punctuation and lowercase (Python's `str.lower`): models
    /// whose `config.json` says `text_cfg.tokenizer_kwargs.clean` is `canonicalize` (SigLIP).
    case canonicalize

    /// Applies the cleaning to `text`.
    public func apply(to text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if Self.isPythonWhitespace(scalar) {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace {
                scalars.append(" ")
                pendingSpace = false
            }
            scalars.append(scalar)
        }
        guard self == .canonicalize else { return String(scalars) }
        let kept = Array(scalars.filter { !Self.isASCIIPunctuation($0) })
        return Self.pythonLowercased(kept)
    }

    /// Python's `str.isspace()`: Unicode White_Space plus the information separators U+001C-U+001F.
    static func isPythonWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
            0x3000:
            true
        default: false
        }
    }

    /// Python's `string.punctuation`.
    static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: true
        default: false
        }
    }

    /// Python's `str.lower()`: full lowercase mappings, with capital sigma becoming final sigma at
    /// the end of a word.
    static func pythonLowercased(_ scalars: [Unicode.Scalar]) -> String {
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar.value == 0x3A3 {
                result.append(isFinalSigma(at: index, in: scalars) ? "\u{3C2}" : "\u{3C3}")
            } else {
                result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(result)
    }

    /// Unicode's Final_Sigma condition: a cased letter before (skipping case-ignorables) and none after.
    private static func isFinalSigma(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var before = index - 1
        while before >= 0, scalars[before].properties.isCaseIgnorable { before -= 1 }
        guard before >= 0, scalars[before].properties.isCased else { return false }
        var after = index + 1
        while after < scalars.count, scalars[after].properties.isCaseIgnorable { after += 1 }
        return after == scalars.count || !scalars[after].properties.isCased
    }
}
