/// A BPE vocabulary and its merge rules, working on token ids.
struct BPEMerges: Sendable {
    private struct Pair: Hashable {
        var first: Int32
        var second: Int32
    }

    private let vocabulary: [String: Int32]
    /// For each mergeable pair: its rank (lower merges first) and the id of the merged token.
    private let merges: [Pair: (rank: Int, merged: Int32)]
    private let endOfWordSuffix: String
    private let unknownID: Int32?

    init(
        vocabulary: [String: Int32], merges: [(String, String)], endOfWordSuffix: String, unknownID: Int32?
    ) throws(TokenizerError) {
        var table: [Pair: (rank: Int, merged: Int32)] = [:]
        table.reserveCapacity(merges.count)
        for (rank, merge) in merges.enumerated() {
            guard let first = vocabulary[merge.0], let second = vocabulary[merge.1],
                let merged = vocabulary[merge.0 + merge.1]
            else {
                throw .invalidTokenizer(reason: "merge \"\(merge.0) \(merge.1)\" uses a token missing from model.vocab")
            }
            let pair = Pair(first: first, second: second)
            if table[pair] == nil { table[pair] = (rank, merged) }
        }
        self.vocabulary = vocabulary
        self.merges = table
        self.endOfWordSuffix = endOfWordSuffix
        self.unknownID = unknownID
    }

    /// The ids of one pre-tokenised word given as byte-level characters: the last character carries
    /// the end-of-word suffix, then pairs merge lowest rank first until none applies.
    func encode(word characters: [String]) -> [Int32] {
        guard !characters.isEmpty else { return [] }
        var symbols: [Int32] = []
        symbols.reserveCapacity(characters.count)
        for (index, character) in characters.enumerated() {
            let token = index == characters.count - 1 ? character + endOfWordSuffix : character
            if let id = vocabulary[token] {
                symbols.append(id)
            } else if let unknownID {
                symbols.append(unknownID)
            }
        }
        while symbols.count > 1 {
            var best: (rank: Int, merged: Int32, pair: Pair)?
            for index in 0..<(symbols.count - 1) {
                let pair = Pair(first: symbols[index], second: symbols[index + 1])
                if let merge = merges[pair], merge.rank < (best?.rank ?? Int.max) {
                    best = (merge.rank, merge.merged, pair)
                }
            }
            guard let best else { break }
            var merged: [Int32] = []
            merged.reserveCapacity(symbols.count)
            var index = 0
            while index < symbols.count {
                if index + 1 < symbols.count, symbols[index] == best.pair.first, symbols[index + 1] == best.pair.second {
                    merged.append(best.merged)
                    index += 2
                } else {
                    merged.append(symbols[index])
                    index += 1
                }
            }
            symbols = merged
        }
        return symbols
    }

    func id(of token: String) -> Int32? { vocabulary[token] }
}
