import Foundation

/// Reads a model folder's `tokenizer.json` and `tokenizer_config.json` into the tokenizer its model
/// describes.
public enum TextTokenizers {
    /// The `model.type`s of `tokenizer.json` that load.
    public static let supportedModels = ["BPE", "Unigram"]

    /// OpenAI CLIP's byte-level BPE (a BPE model with the `</w>` suffix) as ``ClipBPETokenizer``;
    /// any other BPE or Unigram model as ``SentencePieceTokenizer``.
    /// - Parameters:
    ///   - contextLength: ids per text (`text_cfg.context_length` of the model's `config.json`).
    ///   - cleaning: Immich's query cleaning for this model (`canonicalize` for SigLIP).
    /// - Throws: ``TokenizerError``, e.g. ``TokenizerError/unsupportedComponent(kind:name:supported:)``
    ///   naming a model, normalizer, pre-tokenizer or post-processor type that is not implemented.
    public static func load(
        tokenizerJSON: Data, configJSON: Data, contextLength: Int, cleaning: ClipTextCleaning
    ) throws(TokenizerError) -> any TextTokenizer {
        let file = try TokenizerFile.decode(tokenizerJSON)
        let config = try TokenizerConfigFile.decode(configJSON)
        let type = file.model.type ?? (file.model.merges != nil ? "BPE" : "(none)")
        guard supportedModels.contains(type) else {
            throw .unsupportedComponent(kind: "tokenizer model", name: type, supported: supportedModels)
        }
        if type == "BPE", file.model.endOfWordSuffix == "</w>" {
            return try ClipBPETokenizer(file: file, config: config, contextLength: contextLength, cleaning: cleaning)
        }
        return try SentencePieceTokenizer(file: file, config: config, contextLength: contextLength, cleaning: cleaning)
    }
}
