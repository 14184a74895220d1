/// The special tokens a post-processor puts around one text (`post_processor` of
/// `tokenizer.json`): `TemplateProcessing`'s `single` template, or `RobertaProcessing` /
/// `BertProcessing`'s `cls ... sep`.
struct TokenTemplate: Sendable {
    var prefix: [Int32]
    var suffix: [Int32]

    static let supported = ["TemplateProcessing", "RobertaProcessing", "BertProcessing"]

    /// - Throws: ``TokenizerError/unsupportedComponent(kind:name:supported:)`` for another type.
    init(_ spec: PostProcessorSpec?) throws(TokenizerError) {
        guard let spec else {
            (prefix, suffix) = ([], [])
            return
        }
        switch spec.type {
        case "RobertaProcessing", "BertProcessing":
            guard let cls = spec.cls, let sep = spec.sep else {
                throw .invalidTokenizer(reason: "post-processor \(spec.type) without cls and sep")
            }
            (prefix, suffix) = ([cls.id], [sep.id])
        case "TemplateProcessing":
            guard let single = spec.single, single.filter({ $0.sequence != nil }).count == 1 else {
                throw .invalidTokenizer(reason: "TemplateProcessing's single template must hold one sequence ($A)")
            }
            var before: [Int32] = []
            var after: [Int32] = []
            var seenSequence = false
            for piece in single {
                if piece.sequence != nil {
                    seenSequence = true
                    continue
                }
                guard let name = piece.specialToken?.id, let ids = spec.specialTokens?[name]?.ids else {
                    throw .invalidTokenizer(reason: "TemplateProcessing names a special token missing from special_tokens")
                }
                if seenSequence { after += ids } else { before += ids }
            }
            (prefix, suffix) = (before, after)
        case let other:
            throw .unsupportedComponent(kind: "post-processor", name: other, supported: Self.supported)
        }
    }
}
