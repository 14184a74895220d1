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
public struct ClipBPETokenizer: Sendable {
    /// Ids per text, `<|startoftext|>` and padding included.
    public let contextLength: Int
    public let cleaning: ClipTextCleaning
    public let startID: Int32
    public let endID: Int32
    public let padID: Int32
    /// The highest id + 1 (added tokens included).
    public let vocabularySize: Int

    let merges: BPEMerges
    /// Special tokens matched in the normalised text, longest first.
    private let specialTokens: [(scalars: [Unicode.Scalar], id: Int32)]

    public static let startToken = "<|startoftext|>"
    public static let endToken = "<|endoftext|>"

    /// - Parameters:
    ///   - tokenizerJSON: the contents of `tokenizer.json` (a BPE model with the `</w>` suffix).
    ///   - configJSON: the contents of `tokenizer_config.json` (its `pad_token`).
    /// - Throws: ``TokenizerError`` when a file is malformed or describes another kind of tokenizer.
    public init(
        tokenizerJSON: Data, configJSON: Data, contextLength: Int, cleaning: ClipTextCleaning = .whitespace
    ) throws(TokenizerError) {
        let file: TokenizerFile
        let config: TokenizerConfigFile
        do {
            file = try JSONDecoder().decode(TokenizerFile.self, from: tokenizerJSON)
        } catch {
            throw .invalidTokenizer(reason: "\(error)")
        }
        do {
            config = try JSONDecoder().decode(TokenizerConfigFile.self, from: configJSON)
        } catch {
            throw .invalidConfig(reason: "\(error)")
        }
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
        self.specialTokens = (file.addedTokens ?? [])
            .filter { !$0.content.isEmpty }
            .map { (Array($0.content.unicodeScalars), $0.id) }
            .sorted { $0.scalars.count > $1.scalars.count }
        self.contextLength = contextLength
        self.cleaning = cleaning
        self.startID = start
        self.endID = end
        self.padID = pad
        self.vocabularySize = Int(tokens.values.max() ?? -1) + 1
    }

    /// The `contextLength` ids for `text`.
    public func encode(_ text: String) -> [Int32] {
        let normalized = ClipPreTokenizer.normalize(cleaning.apply(to: text))
        var content: [Int32] = []
        let limit = contextLength - 2
        for piece in splitOnSpecialTokens(normalized) {
            switch piece {
            case .special(let id):
                content.append(id)
            case .text(let text):
                for word in ClipPreTokenizer.split(text) {
                    let characters = Array(word.utf8).map { ByteLevelAlphabet.characters[Int($0)] }
                    content.append(contentsOf: merges.encode(word: characters))
                    if content.count >= limit { break }
                }
            }
            if content.count >= limit { break }
        }
        var ids = [startID] + content.prefix(limit) + [endID]
        ids.append(contentsOf: repeatElement(padID, count: contextLength - ids.count))
        return ids
    }

    private enum Piece {
        case text(String)
        case special(Int32)
    }

    /// Splits out the added tokens (leftmost, longest first), as `tokenizers` does for tokens
    /// marked `normalized`, which CLIP's are.
    private func splitOnSpecialTokens(_ text: String) -> [Piece] {
        let scalars = Array(text.unicodeScalars)
        var pieces: [Piece] = []
        var pending = String.UnicodeScalarView()
        var index = 0
        scan: while index < scalars.count {
            for token in specialTokens where scalars[index] == token.scalars[0] {
                let end = index + token.scalars.count
                if end <= scalars.count, Array(scalars[index..<end]) == token.scalars {
                    if !pending.isEmpty { pieces.append(.text(String(pending))) }
                    pending = String.UnicodeScalarView()
                    pieces.append(.special(token.id))
                    index = end
                    continue scan
                }
            }
            pending.append(scalars[index])
            index += 1
        }
        if !pending.isEmpty { pieces.append(.text(String(pending))) }
        return pieces
    }
}
