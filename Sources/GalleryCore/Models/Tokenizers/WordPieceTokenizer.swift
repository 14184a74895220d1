import Foundation

/// BERT's WordPiece tokenizer (uncased by default), giving the same ids as Hugging Face
/// `tokenizers` with all-MiniLM-L6-v2's `tokenizer.json`: ``BertPreTokenizer`` splits the text into
/// words, each word becomes the longest vocabulary pieces from the left (`##` marking a piece
/// inside a word) or `[UNK]` when it cannot be covered or has more than 100 characters, and the
/// result is wrapped in `[CLS]` ... `[SEP]`, truncated to ``maxLength`` with `[SEP]` kept last.
/// As in `tokenizers`, the special tokens written literally in the text (`[CLS]`, `[SEP]`, `[PAD]`,
/// `[UNK]`, `[MASK]`, case-sensitive) become their ids.
///
/// ```swift
/// let tokenizer = try WordPieceTokenizer(vocabularyFile: packURL.appendingPathComponent("vocab.txt"))
/// tokenizer.encode("A photo of a cat").ids  // [101, 1037, 6302, 1997, 1037, 4937, 102]
/// ```
public struct WordPieceTokenizer: Sendable {
    /// The most ids ``encode(_:)`` returns, `[CLS]` and `[SEP]` included.
    public let maxLength: Int
    public let lowercase: Bool
    public let classifierID: Int64
    public let separatorID: Int64
    public let unknownID: Int64
    public let paddingID: Int64

    /// Token (as scalars, so that canonically equivalent tokens stay distinct) to id.
    private let vocabulary: [[Unicode.Scalar]: Int64]
    private let preTokenizer: BertPreTokenizer
    /// The special tokens matched in raw text, with their ids.
    private let specialTokens: [(scalars: [Unicode.Scalar], id: Int64)]
    /// The longest token's length in scalars: no longer piece is worth looking up.
    private let longestToken: Int

    /// Words longer than this many characters (Unicode scalars) become `[UNK]`.
    public static let maxWordLength = 100
    private static let continuationPrefix: [Unicode.Scalar] = ["#", "#"]

    /// Loads a `vocab.txt` (one token per line, the line number being the id).
    /// - Parameters:
    ///   - lowercase: lower-case and strip accents first, as uncased models expect.
    ///   - maxLength: the most ids per text, at least 2.
    /// - Throws: ``TokenizerError/invalidTokenizer(reason:)`` when the file cannot be read,
    ///   ``TokenizerError/missingToken(_:)`` when `[CLS]`, `[SEP]`, `[UNK]` or `[PAD]` is absent.
    public init(vocabularyFile: URL, lowercase: Bool = true, maxLength: Int = 128) throws(TokenizerError) {
        let data: Data
        do {
            data = try Data(contentsOf: vocabularyFile)
        } catch {
            throw .invalidTokenizer(reason: "cannot read the vocabulary \(vocabularyFile.path): \(error.localizedDescription)")
        }
        try self.init(vocabulary: data, lowercase: lowercase, maxLength: maxLength)
    }

    /// ``init(vocabularyFile:lowercase:maxLength:)`` with the file's contents.
    public init(vocabulary data: Data, lowercase: Bool = true, maxLength: Int = 128) throws(TokenizerError) {
        guard let text = String(data: data, encoding: .utf8) else {
            throw .invalidTokenizer(reason: "the vocabulary is not UTF-8 text")
        }
        var vocabulary: [[Unicode.Scalar]: Int64] = [:]
        var line: [Unicode.Scalar] = []
        var id: Int64 = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if line.last == "\r" { line.removeLast() }
                vocabulary[line] = id
                id += 1
                line.removeAll(keepingCapacity: true)
            } else {
                line.append(scalar)
            }
        }
        if !line.isEmpty { vocabulary[line] = id }
        func special(_ token: String) throws(TokenizerError) -> Int64 {
            guard let id = vocabulary[Array(token.unicodeScalars)] else { throw .missingToken(token) }
            return id
        }
        classifierID = try special("[CLS]")
        separatorID = try special("[SEP]")
        unknownID = try special("[UNK]")
        paddingID = try special("[PAD]")
        specialTokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"].compactMap { token in
            let scalars = Array(token.unicodeScalars)
            return vocabulary[scalars].map { (scalars, $0) }
        }
        self.vocabulary = vocabulary
        longestToken = vocabulary.keys.map(\.count).max() ?? 0
        self.lowercase = lowercase
        self.maxLength = max(maxLength, 2)
        preTokenizer = BertPreTokenizer(lowercase: lowercase)
    }

    /// The vocabulary's size (the highest id + 1 for a well-formed file).
    public var vocabularySize: Int { vocabulary.count }

    /// The ids of `text`: `[CLS]`, the WordPiece ids truncated to ``maxLength`` - 2, `[SEP]`.
    public func encode(_ text: String) -> TokenizedText {
        let budget = maxLength - 2
        var ids: [Int64] = [classifierID]
        for segment in segments(of: text) {
            switch segment {
            case .special(let id):
                ids.append(id)
            case .text(let text):
                for word in preTokenizer.words(text) {
                    ids.append(contentsOf: pieces(of: word))
                    if ids.count > budget { break }
                }
            }
            if ids.count > budget { break }
        }
        if ids.count - 1 > budget { ids.removeLast(ids.count - 1 - budget) }
        ids.append(separatorID)
        return TokenizedText(
            ids: ids, attentionMask: Array(repeating: 1, count: ids.count), typeIds: Array(repeating: 0, count: ids.count))
    }

    private enum Segment {
        case text(String)
        case special(Int64)
    }

    /// The text split around the special tokens written in it.
    private func segments(of text: String) -> [Segment] {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains("[") else { return [.text(text)] }
        var segments: [Segment] = []
        var start = 0
        var index = 0
        func flush(to end: Int) {
            if start < end { segments.append(.text(String(String.UnicodeScalarView(scalars[start..<end])))) }
        }
        while index < scalars.count {
            if scalars[index] == "[",
                let match = specialTokens.first(where: { scalars[index...].starts(with: $0.scalars) })
            {
                flush(to: index)
                segments.append(.special(match.id))
                index += match.scalars.count
                start = index
            } else {
                index += 1
            }
        }
        flush(to: scalars.count)
        return segments
    }

    /// Greedy longest-match-first WordPiece for one word; `[UNK]` alone when any part fails.
    func pieces(of word: [Unicode.Scalar]) -> [Int64] {
        var lookups = 0
        return pieces(of: word, lookups: &lookups)
    }

    /// ``pieces(of:)``, adding to `lookups` how many candidate pieces it looked up: at most the
    /// longest token's length per scalar, as no candidate is longer than that.
    func pieces(of word: [Unicode.Scalar], lookups: inout Int) -> [Int64] {
        guard word.count <= Self.maxWordLength else { return [unknownID] }
        var ids: [Int64] = []
        var start = 0
        var candidate: [Unicode.Scalar] = []
        while start < word.count {
            let prefix = start > 0 ? Self.continuationPrefix.count : 0
            var end = min(word.count, start + longestToken - prefix)
            var found: Int64?
            while start < end {
                lookups += 1
                candidate.removeAll(keepingCapacity: true)
                if start > 0 { candidate.append(contentsOf: Self.continuationPrefix) }
                candidate.append(contentsOf: word[start..<end])
                if let id = vocabulary[candidate] {
                    found = id
                    break
                }
                end -= 1
            }
            guard let found else { return [unknownID] }
            ids.append(found)
            start = end
        }
        return ids
    }

    /// Pads `texts` with `[PAD]` (id 0, mask 0) to the longest and flattens them row by row, ready
    /// for `[N, length]` model inputs.
    public static func batch(
        _ texts: [TokenizedText], paddingID: Int64 = 0
    )
        -> (ids: [Int64], attentionMask: [Int64], typeIds: [Int64], length: Int)
    {
        let length = texts.map(\.count).max() ?? 0
        var ids: [Int64] = []
        var mask: [Int64] = []
        var types: [Int64] = []
        ids.reserveCapacity(length * texts.count)
        mask.reserveCapacity(length * texts.count)
        types.reserveCapacity(length * texts.count)
        for text in texts {
            let padding = length - text.count
            ids += text.ids + Array(repeating: paddingID, count: padding)
            mask += text.attentionMask + Array(repeating: 0, count: padding)
            types += text.typeIds + Array(repeating: 0, count: padding)
        }
        return (ids, mask, types, length)
    }
}
