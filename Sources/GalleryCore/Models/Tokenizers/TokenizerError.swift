/// Why a tokenizer's files cannot be used.
public enum TokenizerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `tokenizer.json` is not valid JSON of the expected shape.
    case invalidTokenizer(reason: String)
    /// `tokenizer_config.json` is not valid JSON of the expected shape (e.g. no `pad_token`).
    case invalidConfig(reason: String)
    /// The file describes a tokenizer this type does not implement.
    case unsupported(reason: String)
    /// A part of `tokenizer.json` (its `kind`: "tokenizer model", "normalizer", "pre-tokenizer",
    /// "post-processor") names a `type` that is not implemented; `supported` lists those that are.
    case unsupportedComponent(kind: String, name: String, supported: [String])
    /// A token the tokenizer needs (start, end or padding) is not in the vocabulary.
    case missingToken(String)

    /// Whether the fault lies in `tokenizer_config.json` rather than `tokenizer.json`.
    public var isConfigFault: Bool {
        if case .invalidConfig = self { true } else { false }
    }

    public var description: String {
        switch self {
        case .invalidTokenizer(let reason): reason
        case .invalidConfig(let reason): reason
        case .unsupported(let reason): "unsupported tokenizer: \(reason)"
        case .unsupportedComponent(let kind, let name, let supported):
            "\(kind) \(name) is not supported (\(supported.joined(separator: ", ")))"
        case .missingToken(let token): "the vocabulary has no token \(token)"
        }
    }
}
