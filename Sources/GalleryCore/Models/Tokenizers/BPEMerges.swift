import HeapModule

/// A BPE vocabulary and its merge rules, working on token ids. Tokens are keyed by their UTF-8
/// bytes: Swift's `String` equality would take "é" and "e\u{301}" for one token.
struct BPEMerges: Sendable {
    private struct Pair: Hashable {
        var first: Int32
        var second: Int32
    }

    private let vocabulary: [[UInt8]: Int32]
    /// For each mergeable pair: its rank (lower merges first) and the id of the merged token.
    private let merges: [Pair: (rank: Int, merged: Int32)]
    private let endOfWordSuffix: String
    private let unknownID: Int32?

    init(
        vocabulary: [String: Int32], merges: [(String, String)], endOfWordSuffix: String, unknownID: Int32?
    ) throws(TokenizerError) {
        var tokens: [[UInt8]: Int32] = [:]
        tokens.reserveCapacity(vocabulary.count)
        for (token, id) in vocabulary { tokens[Array(token.utf8)] = id }
        var table: [Pair: (rank: Int, merged: Int32)] = [:]
        table.reserveCapacity(merges.count)
        for (rank, merge) in merges.enumerated() {
            let left = Array(merge.0.utf8)
            let right = Array(merge.1.utf8)
            guard let first = tokens[left], let second = tokens[right], let merged = tokens[left + right] else {
                throw .invalidTokenizer(reason: "merge \"\(merge.0) \(merge.1)\" uses a token missing from model.vocab")
            }
            let pair = Pair(first: first, second: second)
            if table[pair] == nil { table[pair] = (rank, merged) }
        }
        self.vocabulary = tokens
        self.merges = table
        self.endOfWordSuffix = endOfWordSuffix
        self.unknownID = unknownID
    }

    /// The ids of one pre-tokenised word given as byte-level characters: the last character carries
    /// the end-of-word suffix, then pairs merge lowest rank first (leftmost first among equal ranks)
    /// until none applies.
    func encode(word characters: [String]) -> [Int32] {
        var lookups = 0
        return encode(word: characters, lookups: &lookups)
    }

    /// A merge waiting in the queue: the pair starting at `position` when it was queued.
    private struct Candidate: Comparable {
        var rank: Int
        var position: Int
        var merged: Int32

        static func < (lhs: Self, rhs: Self) -> Bool {
            (lhs.rank, lhs.position) < (rhs.rank, rhs.position)
        }
    }

    /// ``encode(word:)``, adding to `lookups` how many times it looked up a pair in the merge table
    /// (fewer than 6 per character, whatever the word: the complexity tests check it).
    ///
    /// As in Hugging Face `tokenizers`, the symbols form a linked list and the candidate merges a
    /// priority queue, so a word of n characters takes O(n log n): a queued merge whose pair has
    /// changed since is dropped when it comes out.
    func encode(word characters: [String], lookups: inout Int) -> [Int32] {
        var symbols: [Int32] = []
        symbols.reserveCapacity(characters.count)
        for (index, character) in characters.enumerated() {
            let token = index == characters.count - 1 ? character + endOfWordSuffix : character
            if let id = id(of: token) {
                symbols.append(id)
            } else if let unknownID {
                symbols.append(unknownID)
            }
        }
        return merge(symbols, lookups: &lookups)
    }

    /// Applies the merges to a word already turned into symbol ids.
    func merge(_ initial: [Int32], lookups: inout Int) -> [Int32] {
        var symbols = initial
        guard symbols.count > 1 else { return symbols }
        let end = symbols.count
        // Neighbours in the list (-1 and `end` past the ends); a merged-away symbol is marked removed.
        var previous = Array(-1..<(end - 1))
        var next = Array(1...end)
        var removed = [Bool](repeating: false, count: end)
        var queue = Heap<Candidate>()
        func merge(at position: Int) -> (rank: Int, merged: Int32)? {
            lookups += 1
            return merges[Pair(first: symbols[position], second: symbols[next[position]])]
        }
        for position in 0..<(end - 1) {
            if let merge = merge(at: position) {
                queue.insert(Candidate(rank: merge.rank, position: position, merged: merge.merged))
            }
        }
        while let candidate = queue.popMin() {
            let position = candidate.position
            guard !removed[position], next[position] < end, merge(at: position)?.merged == candidate.merged else {
                continue
            }
            let right = next[position]
            symbols[position] = candidate.merged
            removed[right] = true
            next[position] = next[right]
            if next[position] < end { previous[next[position]] = position }
            if previous[position] >= 0, let merge = merge(at: previous[position]) {
                queue.insert(Candidate(rank: merge.rank, position: previous[position], merged: merge.merged))
            }
            if next[position] < end, let merge = merge(at: position) {
                queue.insert(Candidate(rank: merge.rank, position: position, merged: merge.merged))
            }
        }
        return symbols.indices.filter { !removed[$0] }.map { symbols[$0] }
    }

    func id(of token: String) -> Int32? { vocabulary[Array(token.utf8)] }

    func id(ofBytes token: [UInt8]) -> Int32? { vocabulary[token] }
}
