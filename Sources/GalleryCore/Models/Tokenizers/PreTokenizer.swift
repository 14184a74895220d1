/// A Hugging Face `tokenizers` pre-tokenizer, as `tokenizer.json` describes it (`pre_tokenizer`):
/// it cuts normalised text into the pieces the model encodes one by one.
indirect enum PreTokenizer: Sendable {
    /// Where Metaspace adds its replacement character in front of a piece.
    enum PrependScheme: String, Sendable {
        case always, first, never
    }

    /// A piece of text; `atStart` when it begins the whole text.
    struct Piece: Equatable {
        var scalars: [Unicode.Scalar]
        var atStart: Bool
    }

    /// SentencePiece's word boundaries: spaces become `replacement` (`▁`), one is put in front of a
    /// piece per `prepend`, and with `split` each `replacement` starts a new piece.
    case metaspace(replacement: Unicode.Scalar, prepend: PrependScheme, split: Bool)
    /// Splits on Unicode White_Space, dropping it.
    case whitespaceSplit
    case sequence([PreTokenizer])

    static let supported = ["Metaspace", "WhitespaceSplit", "Sequence"]

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
                var words: [Piece] = []
                var current: [Unicode.Scalar] = []
                var currentStart = 0
                for (index, scalar) in piece.scalars.enumerated() {
                    if scalar.properties.isWhitespace {
                        if !current.isEmpty { words.append(Piece(scalars: current, atStart: piece.atStart && currentStart == 0)) }
                        current = []
                        currentStart = index + 1
                    } else {
                        current.append(scalar)
                    }
                }
                if !current.isEmpty { words.append(Piece(scalars: current, atStart: piece.atStart && currentStart == 0)) }
                return words
            }
        case .metaspace(let replacement, let prepend, let split):
            return pieces.flatMap { piece -> [Piece] in
                var scalars = piece.scalars.map { $0 == " " ? replacement : $0 }
                guard !scalars.isEmpty else { return [] }
                let prefix = prepend == .always || (prepend == .first && piece.atStart)
                if prefix, scalars.first != replacement { scalars.insert(replacement, at: 0) }
                guard split else { return [Piece(scalars: scalars, atStart: piece.atStart)] }
                var words: [Piece] = []
                var current: [Unicode.Scalar] = []
                for scalar in scalars {
                    if scalar == replacement, !current.isEmpty {
                        words.append(Piece(scalars: current, atStart: piece.atStart && words.isEmpty))
                        current = []
                    }
                    current.append(scalar)
                }
                if !current.isEmpty { words.append(Piece(scalars: current, atStart: piece.atStart && words.isEmpty)) }
                return words
            }
        }
    }
}
