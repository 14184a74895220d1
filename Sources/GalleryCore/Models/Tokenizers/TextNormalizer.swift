import Foundation

/// A Hugging Face `tokenizers` normalizer, as `tokenizer.json` describes it (`normalizer`).
indirect enum TextNormalizer: Sendable {
    case nfc, nfd, nfkc, nfkd
    /// Each scalar to its lowercase mapping (no context rules, like Rust's `char::to_lowercase`).
    case lowercase
    /// Removes Unicode White_Space at either end.
    case strip(left: Bool, right: Bool)
    case replace(TextPattern, with: [Unicode.Scalar])
    case precompiled(PrecompiledCharsmap)
    case sequence([TextNormalizer])

    static let supported = ["NFC", "NFD", "NFKC", "NFKD", "Lowercase", "Strip", "Replace", "Precompiled", "Sequence"]

    /// - Throws: ``TokenizerError/unsupportedComponent(kind:name:supported:)`` for another type.
    init(_ spec: NormalizerSpec) throws(TokenizerError) {
        switch spec.type {
        case "NFC": self = .nfc
        case "NFD": self = .nfd
        case "NFKC": self = .nfkc
        case "NFKD": self = .nfkd
        case "Lowercase": self = .lowercase
        case "Strip": self = .strip(left: spec.stripLeft ?? true, right: spec.stripRight ?? true)
        case "Replace":
            guard let pattern = spec.pattern, let content = spec.content else {
                throw .invalidTokenizer(reason: "normalizer Replace needs a pattern and a content")
            }
            self = .replace(try TextPattern(pattern), with: Array(content.unicodeScalars))
        case "Precompiled":
            guard let charsmap = spec.precompiledCharsmap else {
                throw .invalidTokenizer(reason: "normalizer Precompiled has no precompiled_charsmap")
            }
            self = .precompiled(try PrecompiledCharsmap(base64: charsmap))
        case "Sequence":
            var parts: [TextNormalizer] = []
            for part in spec.normalizers ?? [] { parts.append(try TextNormalizer(part)) }
            self = .sequence(parts)
        case let other:
            throw .unsupportedComponent(kind: "normalizer", name: other, supported: Self.supported)
        }
    }

    func apply(_ text: String) -> String {
        switch self {
        case .nfc: return text.precomposedStringWithCanonicalMapping
        case .nfd: return text.decomposedStringWithCanonicalMapping
        case .nfkc: return text.precomposedStringWithCompatibilityMapping
        case .nfkd: return text.decomposedStringWithCompatibilityMapping
        case .lowercase:
            var result = String.UnicodeScalarView()
            for scalar in text.unicodeScalars { result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars) }
            return String(result)
        case .strip(let left, let right):
            var scalars = Substring(text).unicodeScalars[...]
            if left { scalars = scalars.drop { $0.properties.isWhitespace } }
            if right { while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() } }
            return String(String.UnicodeScalarView(scalars))
        case .replace(let pattern, let content):
            return pattern.replaceAll(in: text, with: content)
        case .precompiled(let charsmap):
            return charsmap.normalize(text)
        case .sequence(let parts):
            return parts.reduce(text) { $1.apply($0) }
        }
    }
}

/// What `Replace` looks for: a literal string (matched scalar by scalar) or a regular expression.
struct TextPattern: @unchecked Sendable {
    // NSRegularExpression is immutable and safe to share between threads.
    private let literal: [Unicode.Scalar]?
    private let regex: NSRegularExpression?

    init(_ pattern: NormalizerSpec.Pattern) throws(TokenizerError) {
        if let string = pattern.string, !string.isEmpty {
            literal = Array(string.unicodeScalars)
            regex = nil
        } else if let expression = pattern.regex {
            do {
                regex = try NSRegularExpression(pattern: expression)
            } catch {
                throw .invalidTokenizer(reason: "Replace pattern /\(expression)/ is not a valid regular expression")
            }
            literal = nil
        } else {
            throw .invalidTokenizer(reason: "Replace needs a non-empty String or Regex pattern")
        }
    }

    /// The scalar ranges of the non-overlapping matches in `scalars`, left to right.
    func matches(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        if let literal {
            var found: [Range<Int>] = []
            var index = 0
            while index + literal.count <= scalars.count {
                if scalars[index..<(index + literal.count)].elementsEqual(literal) {
                    found.append(index..<(index + literal.count))
                    index += literal.count
                } else {
                    index += 1
                }
            }
            return found
        }
        guard let regex else { return [] }
        let text = String(String.UnicodeScalarView(scalars))
        // UTF-16 offsets back to scalar offsets.
        var scalarAt: [Int: Int] = [:]
        var utf16 = 0
        for (index, scalar) in scalars.enumerated() {
            scalarAt[utf16] = index
            utf16 += scalar.utf16.count
        }
        scalarAt[utf16] = scalars.count
        return regex.matches(in: text, range: NSRange(location: 0, length: utf16)).compactMap { match in
            guard match.range.length > 0, let start = scalarAt[match.range.location],
                let end = scalarAt[match.range.location + match.range.length]
            else { return nil }
            return start..<end
        }
    }

    func replaceAll(in text: String, with content: [Unicode.Scalar]) -> String {
        if let regex {
            let template = NSRegularExpression.escapedTemplate(for: String(String.UnicodeScalarView(content)))
            return regex.stringByReplacingMatches(
                in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
        }
        guard let literal else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == literal[0], index + literal.count <= scalars.count,
                scalars[index..<(index + literal.count)].elementsEqual(literal)
            {
                result.append(contentsOf: content)
                index += literal.count
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }
}
