/// A Hugging Face `tokenizers` pre-tokenizer, as `tokenizer.json` describes it (`pre_tokenizer`):
/// it cuts normalised text into the pieces the model encodes one by one.
indirect enum PreTokenizer: Sendable {
    /// Where Metaspace adds its replacement character in front of a piece.
    enum PrependScheme: String, Sendable {
        case always, first, never
    }

    /// A piece of normalised text. `atStart` when `tokenizers` aligns its first scalar with the
    /// start of the original text: when it is one of the `leading` scalars the text's first scalar
    /// normalised into (all of "..." from "…"), ``PreTokenizer/Piece/offset`` counting from there.
    struct Piece: Equatable {
        var scalars: [Unicode.Scalar]
        var offset: Int
        var leading: Int

        var atStart: Bool { offset < leading }

        /// The part `range` of this piece.
        func part(_ range: Range<Int>) -> Piece {
            Piece(scalars: Array(scalars[range]), offset: offset + range.lowerBound, leading: leading)
        }
    }

    /// SentencePiece's word boundaries: spaces become `replacement` (`▁`), one is put in front of a
    /// piece per `prepend`, and with `split` each `replacement` starts a new piece.
    case metaspace(replacement: Unicode.Scalar, prepend: PrependScheme, split: Bool)
    /// Splits on Unicode White_Space, dropping it.
    case whitespaceSplit
    /// Splits on a pattern's matches, which it drops, isolates or merges into a neighbour.
    case split(TextPattern, SplitBehavior)
    case sequence([PreTokenizer])

    static let supported = ["Metaspace", "WhitespaceSplit", "Split", "Sequence"]

    /// - Throws: ``TokenizerError/unsupportedComponent(kind:name:supported:)`` for another type.
    init(_ spec: PreTokenizerSpec) throws(TokenizerError) {
        switch spec.type {
        case "Metaspace":
            let replacement = spec.replacement ?? "\u{2581}"
            guard replacement.unicodeScalars.count == 1, let scalar = replacement.unicodeScalars.first else {
                throw .invalidTokenizer(reason: "Metaspace replacement \"\(replacement)\" is not one character")
            }
            let scheme: PrependScheme
            if let name = spec.prependScheme {
                guard let known = PrependScheme(rawValue: name) else {
                    throw .unsupportedComponent(kind: "Metaspace prepend_scheme", name: name, supported: ["always", "first", "never"])
                }
                scheme = known
            } else {
                scheme = spec.addPrefixSpace == false ? .never : .always
            }
            self = .metaspace(replacement: scalar, prepend: scheme, split: spec.split ?? true)
        case "WhitespaceSplit":
            self = .whitespaceSplit
        case "Split":
            guard let pattern = spec.pattern, let name = spec.behavior else {
                throw .invalidTokenizer(reason: "pre-tokenizer Split needs a pattern and a behavior")
            }
            guard let behavior = SplitBehavior(rawValue: name) else {
                throw .unsupportedComponent(
                    kind: "Split behavior", name: name, supported: SplitBehavior.allCases.map(\.rawValue))
            }
            guard spec.invert != true else {
                throw .unsupported(reason: "pre-tokenizer Split with invert (the pattern matches the pieces)")
            }
            self = .split(try TextPattern(pattern), behavior)
        case "Sequence":
            var parts: [PreTokenizer] = []
            for part in spec.pretokenizers ?? [] { parts.append(try PreTokenizer(part)) }
            self = .sequence(parts)
        case let other:
            throw .unsupportedComponent(kind: "pre-tokenizer", name: other, supported: Self.supported)
        }
    }

    /// The pieces of `pieces`, empty ones dropped (as `tokenizers` drops them).
    func apply(_ pieces: [Piece]) -> [Piece] {
        switch self {
        case .sequence(let parts):
            return parts.reduce(pieces) { $1.apply($0) }
        case .whitespaceSplit:
            return pieces.flatMap { piece in
                piece.scalars.indices.split { piece.scalars[$0].properties.isWhitespace }.map { word in
                    piece.part(word.startIndex..<word.endIndex)
                }
            }
        case .split(let pattern, let behavior):
            return pieces.flatMap { piece in
                behavior.pieces(of: piece.scalars, matches: pattern.matches(in: piece.scalars)).map(piece.part)
            }
        case .metaspace(let replacement, let prepend, let split):
            return pieces.flatMap { piece -> [Piece] in
                var scalars = piece.scalars.map { $0 == " " ? replacement : $0 }
                guard !scalars.isEmpty else { return [] }
                let prefix = prepend == .always || (prepend == .first && piece.atStart)
                if prefix, scalars.first != replacement { scalars.insert(replacement, at: 0) }
                let marked = Piece(scalars: scalars, offset: piece.offset, leading: piece.leading)
                guard split else { return [marked] }
                // Each replacement character starts a piece (MergedWithNext).
                let starts = scalars.indices.filter { $0 == 0 || scalars[$0] == replacement }
                return zip(starts, starts.dropFirst() + [scalars.count]).map { marked.part($0..<$1) }
            }
        }
    }
}
