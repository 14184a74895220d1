import Foundation

/// A Hugging Face `tokenizer.json` of the SentencePiece families in Immich's catalogue, read
/// generically: SigLIP (T5-style Unigram), SigLIP2 (Gemma's byte-fallback BPE), XLM-R (M-CLIP and
/// OpenCLIP's multilingual models) and NLLB, giving the ids Immich feeds their text models.
///
/// The steps follow `tokenizers`' `encode` as Immich's `textual.py` calls it: Immich's `clean_text`
/// (with `canonicalize` for SigLIP); the added tokens not marked `normalized` split out of the raw
/// text; each run between them normalised (``TextNormalizer``), the `normalized` added tokens split
/// out of that; pre-tokenised (``PreTokenizer``); each piece encoded by the model
/// (``UnigramModel`` or ``SentencePieceBPEModel``); then the post-processor's tokens around it
/// (``TokenTemplate``), the content truncated to leave them room, padded with `pad_token`'s id.
///
/// ```swift
/// let tokenizer = try TextTokenizers.load(tokenizerJSON: json, configJSON: config, contextLength: 64, cleaning: .canonicalize)
/// let tokens = tokenizer.tokens(for: "A photo of a cat")
/// ```
public struct SentencePieceTokenizer: TextTokenizer {
    enum Model: Sendable {
        case unigram(UnigramModel)
        case bpe(SentencePieceBPEModel)

        func encode(_ scalars: [Unicode.Scalar]) -> [Int32] {
            switch self {
            case .unigram(let model): model.encode(scalars)
            case .bpe(let model): model.encode(scalars)
            }
        }
    }

    public let contextLength: Int
    public let padID: Int32
    public let cleaning: ClipTextCleaning
    /// The highest id + 1 (added tokens included).
    public let vocabularySize: Int
    private let rawTokens: AddedTokenMatcher
    private let normalizedTokens: AddedTokenMatcher
    private let normalizer: TextNormalizer?
    private let preTokenizer: PreTokenizer?
    private let model: Model
    private let template: TokenTemplate

    init(
        file: TokenizerFile, config: TokenizerConfigFile, contextLength: Int, cleaning: ClipTextCleaning
    ) throws(TokenizerError) {
        switch file.model.type {
        case "Unigram": model = .unigram(try UnigramModel(file.model))
        case "BPE": model = .bpe(try SentencePieceBPEModel(file.model))
        case let other:
            throw .unsupportedComponent(kind: "tokenizer model", name: other ?? "(none)", supported: TextTokenizers.supportedModels)
        }
        normalizer = try file.normalizer.map { spec throws(TokenizerError) in try TextNormalizer(spec) }
        preTokenizer = try file.preTokenizer.map { spec throws(TokenizerError) in try PreTokenizer(spec) }
        template = try TokenTemplate(file.postProcessor)
        let added = file.addedTokens ?? []
        // tokenizers' default: special tokens are matched in the raw text, others after normalising.
        rawTokens = AddedTokenMatcher(added.filter { !($0.normalized ?? !($0.special ?? false)) })
        normalizedTokens = AddedTokenMatcher(added.filter { $0.normalized ?? !($0.special ?? false) })
        guard contextLength > template.prefix.count + template.suffix.count else {
            throw .invalidConfig(reason: "context length \(contextLength) leaves no room between the special tokens")
        }
        guard let padToken = config.padToken else { throw .invalidConfig(reason: "no pad_token") }
        guard let pad = added.first(where: { $0.content == padToken })?.id ?? Self.vocabularyID(of: padToken, in: file.model)
        else { throw .missingToken(padToken) }
        let modelSize = file.model.scoredVocab?.count ?? Int((file.model.vocab?.values.max() ?? -1) + 1)
        self.vocabularySize = max(modelSize, Int((added.map(\.id).max() ?? -1) + 1))
        self.padID = pad
        self.contextLength = contextLength
        self.cleaning = cleaning
    }

    private static func vocabularyID(of token: String, in model: TokenizerFile.Model) -> Int32? {
        if let scored = model.scoredVocab {
            return scored.firstIndex { Array($0.token.utf8) == Array(token.utf8) }.map(Int32.init)
        }
        return model.vocab?.first { Array($0.key.utf8) == Array(token.utf8) }?.value
    }

    /// The `contextLength` ids for `text` (cleaned already), and its attention mask.
    public func tokens(forCleaned text: String) -> TextTokens {
        let room = contextLength - template.prefix.count - template.suffix.count
        var content: [Int32] = []
        outer: for segment in rawTokens.split(Array(text.unicodeScalars)) {
            guard case .text(let raw, let rawOffset) = segment else {
                if case .token(let id) = segment { content.append(id) }
                continue
            }
            let text = String(String.UnicodeScalarView(raw))
            let normalized = normalizer?.apply(text) ?? text
            // How many normalised scalars tokenizers aligns with the text's first scalar (none
            // when a left Strip removes it; all three of "..." for "…").
            let leading = rawOffset == 0 ? (normalizer?.apply(String(raw[0])).unicodeScalars.count ?? 1) : 0
            for inner in normalizedTokens.split(Array(normalized.unicodeScalars)) {
                switch inner {
                case .token(let id):
                    content.append(id)
                case .text(let scalars, let offset):
                    let piece = PreTokenizer.Piece(scalars: scalars, offset: offset, leading: leading)
                    for word in preTokenizer?.apply([piece]) ?? [piece] {
                        content.append(contentsOf: model.encode(word.scalars))
                        if content.count >= room { break outer }
                    }
                }
            }
            if content.count >= room { break }
        }
        return TextTokens(
            content: content, prefix: template.prefix, suffix: template.suffix, contextLength: contextLength, padID: padID)
    }
}
