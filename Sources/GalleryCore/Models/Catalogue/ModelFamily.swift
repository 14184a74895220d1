/// How a CLIP-family model reads text: its tokenizer and what its text encoder is fed.
public enum ModelFamily: String, Sendable, Codable, CaseIterable {
    /// OpenAI's and OpenCLIP's CLIP: byte-level BPE, 77 tokens.
    case openCLIP = "openclip"
    /// Google's SigLIP (English): SentencePiece Unigram, 64 tokens.
    case sigLIP = "siglip"
    /// SigLIP i18n: a multilingual SentencePiece vocabulary.
    case sigLIPMultilingual = "siglip-i18n"
    /// SigLIP 2: Gemma's multilingual SentencePiece vocabulary.
    case sigLIP2 = "siglip2"
    /// OpenCLIP's XLM-RoBERTa text towers: multilingual SentencePiece with RoBERTa's special tokens.
    case xlmRoberta = "xlm-roberta"
    /// NLLB-CLIP: NLLB's multilingual SentencePiece text tower with a SigLIP image tower.
    case nllb = "nllb"
    /// M-CLIP (multilingual XLM-R text towers distilled onto CLIP): ids and an attention mask.
    case multilingualCLIP = "m-clip"
    /// M-CLIP with LaBSE's cased WordPiece text tower.
    case labse = "m-clip-labse"

    /// Whether the family's text side is trained on many languages.
    public var isMultilingual: Bool {
        switch self {
        case .openCLIP, .sigLIP: false
        case .sigLIPMultilingual, .sigLIP2, .xlmRoberta, .nllb, .multilingualCLIP, .labse: true
        }
    }

    /// Whether this project reads the family's tokenizer (the tiny model of each family proves
    /// the path: `scripts/models/build-tiny-families.sh`).
    public var isSupported: Bool { self != .labse }
}
