/// A tokenizer that turns a query into the fixed-length input of a CLIP-family text model, as
/// Immich's `textual.py` does with the Python `tokenizers` package: special tokens added, truncated
/// to the context length (the end token kept) and padded with the `pad_token`'s id.
///
/// ``ClipBPETokenizer`` (OpenAI CLIP's BPE) and ``SentencePieceTokenizer`` (Unigram and
/// byte-fallback BPE: SigLIP, SigLIP2, XLM-R, NLLB) implement it; ``TextTokenizers/load(tokenizerJSON:configJSON:contextLength:cleaning:)``
/// picks the one the folder's `tokenizer.json` describes.
public protocol TextTokenizer: Sendable {
    /// Ids per text, special tokens and padding included.
    var contextLength: Int { get }
    var padID: Int32 { get }
    /// Immich's `clean_text` for this model (``ClipTextCleaning``).
    var cleaning: ClipTextCleaning { get }
    /// The `contextLength` ids of a text already cleaned (``cleaning``), and its attention mask.
    func tokens(forCleaned text: String) -> TextTokens
}

extension TextTokenizer {
    /// The `contextLength` ids of `text`, cleaned first, and its attention mask.
    public func tokens(for text: String) -> TextTokens {
        tokens(forCleaned: cleaning.apply(to: text))
    }

    /// The `contextLength` ids of `text`.
    public func encode(_ text: String) -> [Int32] {
        tokens(for: text).ids
    }
}

/// One query's ids, padded to the context length, with the mask M-CLIP's models take (1 for each
/// token, 0 for each padding).
public struct TextTokens: Sendable, Equatable {
    public var ids: [Int32]
    public var attentionMask: [Int32]

    /// `prefix + content + suffix`, the content cut so the whole fits `contextLength`, then padded
    /// with `padID` (Hugging Face's truncation leaves room for the post-processor's tokens).
    init(content: [Int32], prefix: [Int32], suffix: [Int32], contextLength: Int, padID: Int32) {
        let room = max(0, contextLength - prefix.count - suffix.count)
        let used = Array((prefix + content.prefix(room) + suffix).prefix(contextLength))
        let padding = contextLength - used.count
        ids = used + repeatElement(padID, count: padding)
        attentionMask = [Int32](repeating: 1, count: used.count) + repeatElement(0, count: padding)
    }
}
