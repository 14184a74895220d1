/// The Unigram (SentencePiece) model of Hugging Face `tokenizers`: each piece of text is cut into
/// the vocabulary entries of highest total score (Viterbi over scalar boundaries, the first of
/// equal-scoring paths kept); a scalar no entry covers is unknown, scored the lowest score minus 10;
/// runs of unknowns are fused, then looked up again and, with byte fallback, spelt as `<0xXX>`
/// byte tokens when the vocabulary has them all, else given `unk_id`.
struct UnigramModel: Sendable {
    private let entries: [[UInt8]: (id: Int32, score: Double)]
    private let longestEntry: Int
    private let unknownID: Int32
    private let unknownScore: Double
    private let byteFallback: Bool
    private let byteIDs: [Int32?]

    init(_ model: TokenizerFile.Model) throws(TokenizerError) {
        guard let vocabulary = model.scoredVocab, !vocabulary.isEmpty else {
            throw .invalidTokenizer(reason: "Unigram model without a vocab of [token, score] pairs")
        }
        guard let unknown = model.unkID, vocabulary.indices.contains(unknown) else {
            throw .invalidTokenizer(reason: "Unigram model without a valid unk_id")
        }
        var entries: [[UInt8]: (id: Int32, score: Double)] = [:]
        entries.reserveCapacity(vocabulary.count)
        for (id, entry) in vocabulary.enumerated() {
            let key = Array(entry.token.utf8)
            if entries[key] == nil { entries[key] = (Int32(id), entry.score) }
        }
        self.entries = entries
        longestEntry = entries.keys.map(\.count).max() ?? 1
        unknownID = Int32(unknown)
        unknownScore = (vocabulary.map(\.score).min() ?? 0) - 10
        byteFallback = model.byteFallback ?? false
        byteIDs = (0...255).map { entries[Array(ByteFallback.token(for: UInt8($0)).utf8)]?.id }
    }

    /// The ids of one pre-tokenised piece.
    func encode(_ scalars: [Unicode.Scalar]) -> [Int32] {
        guard !scalars.isEmpty else { return [] }
        var bytes: [UInt8] = []
        var boundaries = [0]
        for scalar in scalars {
            bytes.append(contentsOf: String(scalar).utf8)
            boundaries.append(bytes.count)
        }
        let count = scalars.count
        // best[end]: the best path over scalars[0..<end]: its score, the start of its last token
        // and that token's id.
        var score = [Double](repeating: 0, count: count + 1)
        var start = [Int](repeating: -1, count: count + 1)
        var tokenID = [Int32](repeating: 0, count: count + 1)
        func offer(end: Int, from begin: Int, id: Int32, value: Double) {
            if start[end] < 0 || value > score[end] {
                score[end] = value
                start[end] = begin
                tokenID[end] = id
            }
        }
        for begin in 0..<count {
            let base = score[begin]
            var coversOneScalar = false
            var end = begin + 1
            while end <= count, boundaries[end] - boundaries[begin] <= longestEntry {
                if let entry = entries[Array(bytes[boundaries[begin]..<boundaries[end]])] {
                    offer(end: end, from: begin, id: entry.id, value: base + entry.score)
                    if end == begin + 1 { coversOneScalar = true }
                }
                end += 1
            }
            if !coversOneScalar { offer(end: begin + 1, from: begin, id: unknownID, value: base + unknownScore) }
        }
        // Back from the end, fusing runs of unknowns.
        var pieces: [Range<Int>] = []
        var end = count
        var unknownRun: Range<Int>?
        while end > 0 {
            let begin = start[end]
            if tokenID[end] == unknownID {
                unknownRun = begin..<(unknownRun?.upperBound ?? end)
            } else {
                if let run = unknownRun { pieces.append(run) }
                unknownRun = nil
                pieces.append(begin..<end)
            }
            end = begin
        }
        if let run = unknownRun { pieces.append(run) }
        return pieces.reversed().flatMap { range in
            let piece = Array(bytes[boundaries[range.lowerBound]..<boundaries[range.upperBound]])
            if let entry = entries[piece] { return [entry.id] }
            if byteFallback, let ids = ByteFallback.ids(of: piece, in: byteIDs) { return ids }
            return [unknownID]
        }
    }
}
