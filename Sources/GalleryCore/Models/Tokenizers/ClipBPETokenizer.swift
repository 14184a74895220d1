import Foundation

/// OpenAI CLIP's byte-level BPE tokenizer, loaded from a Hugging Face `tokenizer.json` and
/// `tokenizer_config.json` (Immich's `textual/` folder), giving the ids Immich feeds its models.
///
/// The steps match Immich's `OpenClipTextualEncoder` with the `tokenizers` package: Immich's
/// `clean_text`; the tokenizer's normaliser (NFC, whitespace, lowercase); the special tokens
/// `<|startoftext|>` and `<|endoftext|>` found in the normalised text; CLIP's word pattern;
/// byte-level characters; BPE with `</w>`; then `<|startoftext|>` ids `<|endoftext|>`, truncated
/// to the context length (the end token kept) and padded with the `pad_token`'s id.
///
/// ```swift
/// let tokenizer = try ClipBPETokenizer(tokenizerJSON: json, configJSON: config, contextLength: 77)
/// let ids = tokenizer.encode("a photo of a cat")  // [49406, 320, 1125, 539, 320, 2368, 49407, ...]
/// ```
public struct ClipBPETokenizer: TextTokenizer {
    /// Ids per text, `<|startoftext|>` and padding included.
    public let contextLength: Int
    public let cleaning: ClipTextCleaning
    public let startID: Int32
    public let endID: Int32
    public let padID: Int32
    /// The highest id + 1 (added tokens included).
    public let vocabularySize: Int

    let merges: BPEMerges
    /// The added tokens, matched in the normalised text (CLIP's are marked `normalized`).
    private let specialTokens: AddedTokenMatcher

    public static let startToken = "<|startoftext|>"
    public static let endToken = "<|endoftext|>"

    /// - Parameters:
    ///   - tokenizerJSON: the contents of `tokenizer.json` (a BPE model with the `</w>` suffix).
    ///   - configJSON: the contents of `tokenizer_config.json` (its `pad_token`).
    /// - Throws: ``TokenizerError`` when a file is malformed or describes another kind of tokenizer.
    public init(
        tokenizerJSON: Data, configJSON: Data, contextLength: Int, cleaning: ClipTextCleaning = .whitespace
    ) throws(TokenizerError) {
        try self.init(
            file: try TokenizerFile.decode(tokenizerJSON), config: try TokenizerConfigFile.decode(configJSON),
            contextLength: contextLength, cleaning: cleaning)
    }

    init(
        file: TokenizerFile, config: TokenizerConfigFile, contextLength: Int, cleaning: ClipTextCleaning
    ) throws(TokenizerError) {
        guard file.model.type == nil || file.model.type == "BPE" else {
            throw .unsupported(reason: "model type \(file.model.type ?? "?") (only CLIP's BPE is implemented)")
        }
        guard let vocabulary = file.model.vocab, let merges = file.model.merges else {
            throw .invalidTokenizer(reason: "no model.vocab or model.merges")
        }
        guard file.model.endOfWordSuffix == "</w>" else {
            throw .unsupported(reason: "BPE without the \"</w>\" end-of-word suffix is not CLIP's tokenizer")
        }
        guard contextLength >= 2 else { throw .invalidConfig(reason: "context length \(contextLength) is below 2") }
        var tokens = vocabulary
        for added in file.addedTokens ?? [] { tokens[added.content] = added.id }
        guard let start = tokens[Self.startToken] else { throw .missingToken(Self.startToken) }
        guard let end = tokens[Self.endToken] else { throw .missingToken(Self.endToken) }
        guard let padToken = config.padToken else {
            throw .invalidConfig(reason: "no pad_token")
        }
        guard let pad = tokens[padToken] else { throw .missingToken(padToken) }

        self.merges = try BPEMerges(
            vocabulary: vocabulary, merges: merges.map { ($0.first, $0.second) }, endOfWordSuffix: "</w>",
            unknownID: end)
        self.specialTokens = AddedTokenMatcher(file.addedTokens ?? [])
        self.contextLength = contextLength
        self.cleaning = cleaning
        self.startID = start
        self.endID = end
        self.padID = pad
        self.vocabularySize = Int(tokens.values.max() ?? -1) + 1
    }

    /// The `contextLength` ids for `text` (cleaned already), and its attention mask.
    public func tokens(forCleaned text: String) -> TextTokens {
        let normalized = ClipPreTokenizer.normalize(text)
        var content: [Int32] = []
        let limit = contextLength - 2
        for segment in specialTokens.split(Array(normalized.unicodeScalars)) {
            switch segment {
            case .token(let id):
                content.append(id)
            case .text(let scalars, _):
                var text = String.UnicodeScalarView()
                text.append(contentsOf: scalars)
                for word in ClipPreTokenizer.split(String(text)) {
                    let characters = Array(word.utf8).map { ByteLevelAlphabet.characters[Int($0)] }
                    content.append(contentsOf: merges.encode(word: characters))
                    if content.count >= limit { break }
                }
            }
            if content.count >= limit { break }
        }
        return TextTokens(content: content, prefix: [startID], suffix: [endID], contextLength: contextLength, padID: padID)
    }
}
