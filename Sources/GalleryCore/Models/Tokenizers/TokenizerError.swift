/// Why a tokenizer's files cannot be used.
public enum TokenizerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `tokenizer.json` is not valid JSON of the expected shape.
    case invalidTokenizer(reason: String)
    /// `tokenizer_config.json` is not valid JSON of the expected shape (e.g. no `pad_token`).
    case invalidConfig(reason: String)
    /// The file describes a tokenizer this type does not implement (e.g. SigLIP's Unigram model).
    case unsupported(reason: String)
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
        case .missingToken(let token): "the vocabulary has no token \(token)"
        }
    }
}
