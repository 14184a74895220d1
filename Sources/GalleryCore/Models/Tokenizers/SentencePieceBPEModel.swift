/// The BPE model of Hugging Face `tokenizers` as SentencePiece-converted files use it (Gemma,
/// hence SigLIP2): no byte-level alphabet and no end-of-word suffix; each scalar is a symbol, a
/// scalar missing from the vocabulary becomes its `<0xXX>` byte tokens (byte fallback) or the
/// unknown token (runs of unknowns fused into one with `fuse_unk`); then the merges apply.
struct SentencePieceBPEModel: Sendable {
    private let merges: BPEMerges
    private let unknownID: Int32?
    private let fuseUnknown: Bool
    private let byteFallback: Bool
    private let ignoreMerges: Bool
    private let byteIDs: [Int32?]

    init(_ model: TokenizerFile.Model) throws(TokenizerError) {
        guard let vocabulary = model.vocab, let rules = model.merges else {
            throw .invalidTokenizer(reason: "BPE model without vocab or merges")
        }
        for (name, value) in [("continuing_subword_prefix", model.continuingSubwordPrefix), ("end_of_word_suffix", model.endOfWordSuffix)] {
            if let value, !value.isEmpty {
                throw .unsupported(reason: "BPE with \(name) \"\(value)\" (only CLIP's \"</w>\" or none)")
            }
        }
        if let dropout = model.dropout, dropout > 0 {
            throw .unsupported(reason: "BPE dropout \(dropout) (tokenization would be random)")
        }
        self.merges = try BPEMerges(
            vocabulary: vocabulary, merges: rules.map { ($0.first, $0.second) }, endOfWordSuffix: "", unknownID: nil)
        if let token = model.unkToken {
            guard let id = self.merges.id(of: token) else { throw .missingToken(token) }
            unknownID = id
        } else {
            unknownID = nil
        }
        fuseUnknown = model.fuseUnk ?? false
        byteFallback = model.byteFallback ?? false
        ignoreMerges = model.ignoreMerges ?? false
        let table = self.merges
        byteIDs = (0...255).map { table.id(of: ByteFallback.token(for: UInt8($0))) }
    }

    /// The ids of one pre-tokenised piece.
    func encode(_ scalars: [Unicode.Scalar]) -> [Int32] {
        let whole = Array(String(String.UnicodeScalarView(scalars)).utf8)
        if ignoreMerges, let id = merges.id(ofBytes: whole) { return [id] }
        var symbols: [Int32] = []
        var pendingUnknown = false
        for scalar in scalars {
            let bytes = Array(String(scalar).utf8)
            if let id = merges.id(ofBytes: bytes) {
                if pendingUnknown, let unknownID { symbols.append(unknownID) }
                pendingUnknown = false
                symbols.append(id)
                continue
            }
            if byteFallback, let ids = ByteFallback.ids(of: bytes, in: byteIDs) {
                symbols.append(contentsOf: ids)
                continue
            }
            guard let unknownID else { continue }
            if pendingUnknown, !fuseUnknown { symbols.append(unknownID) }
            pendingUnknown = true
        }
        if pendingUnknown, let unknownID { symbols.append(unknownID) }
        var lookups = 0
        return merges.merge(symbols, lookups: &lookups)
    }
}
