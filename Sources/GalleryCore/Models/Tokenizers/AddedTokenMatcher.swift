/// Splits text on a tokenizer's added tokens (`added_tokens` of `tokenizer.json`: `<s>`, `</s>`,
/// language codes ...) as Hugging Face `tokenizers` does: leftmost match first, the longest token
/// among those starting there; `lstrip` and `rstrip` tokens swallow the whitespace beside them.
struct AddedTokenMatcher: Sendable {
    /// A run of text between tokens, or a token's id.
    enum Segment: Equatable {
        /// `offset`: where the run starts in the text (Metaspace's `first` scheme needs it).
        case text([Unicode.Scalar], offset: Int)
        case token(Int32)
    }

    private struct Entry {
        var scalars: [Unicode.Scalar]
        var id: Int32
        var lstrip: Bool
        var rstrip: Bool
    }

    /// Longest first, so the first entry matching at a position is the longest.
    private let entries: [Entry]

    init(_ tokens: [TokenizerFile.AddedToken]) {
        entries = tokens.filter { !$0.content.isEmpty }
            .map { Entry(scalars: Array($0.content.unicodeScalars), id: $0.id, lstrip: $0.lstrip ?? false, rstrip: $0.rstrip ?? false) }
            .sorted { $0.scalars.count > $1.scalars.count }
    }

    func split(_ scalars: [Unicode.Scalar]) -> [Segment] {
        guard !entries.isEmpty else { return scalars.isEmpty ? [] : [.text(scalars, offset: 0)] }
        var segments: [Segment] = []
        var pending: [Unicode.Scalar] = []
        var pendingStart = 0
        var index = 0
        func flush() {
            if !pending.isEmpty { segments.append(.text(pending, offset: pendingStart)) }
            pending = []
        }
        scan: while index < scalars.count {
            for entry in entries where scalars[index] == entry.scalars[0] {
                let end = index + entry.scalars.count
                guard end <= scalars.count, scalars[index..<end].elementsEqual(entry.scalars) else { continue }
                if entry.lstrip {
                    while let last = pending.last, last.properties.isWhitespace { pending.removeLast() }
                }
                flush()
                segments.append(.token(entry.id))
                index = end
                if entry.rstrip {
                    while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
                }
                pendingStart = index
                continue scan
            }
            pending.append(scalars[index])
            index += 1
        }
        flush()
        return segments
    }
}
