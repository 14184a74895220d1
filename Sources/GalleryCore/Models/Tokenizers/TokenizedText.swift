/// One text's token ids for a BERT-style model, `[CLS]` first and `[SEP]` last, unpadded.
public struct TokenizedText: Sendable, Equatable {
    public var ids: [Int64]
    /// 1 for every token (padding, added by ``WordPieceTokenizer/batch(_:)``, gets 0).
    public var attentionMask: [Int64]
    /// 0 for every token of a single-sentence input.
    public var typeIds: [Int64]

    public init(ids: [Int64], attentionMask: [Int64], typeIds: [Int64]) {
        self.ids = ids
        self.attentionMask = attentionMask
        self.typeIds = typeIds
    }

    /// How many tokens, `[CLS]` and `[SEP]` included.
    public var count: Int { ids.count }
}
