/// `normalizer` of `tokenizer.json`: one of Hugging Face's normalizers, by `type`.
struct NormalizerSpec: Decodable {
    /// `Replace`'s pattern: `{"String": " "}` or `{"Regex": " {2,}"}`.
    struct Pattern: Decodable {
        var string: String?
        var regex: String?

        enum CodingKeys: String, CodingKey {
            case string = "String"
            case regex = "Regex"
        }
    }

    var type: String
    var normalizers: [NormalizerSpec]?
    var precompiledCharsmap: String?
    var pattern: Pattern?
    var content: String?
    var stripLeft: Bool?
    var stripRight: Bool?

    enum CodingKeys: String, CodingKey {
        case type, normalizers, pattern, content
        case precompiledCharsmap = "precompiled_charsmap"
        case stripLeft = "strip_left"
        case stripRight = "strip_right"
    }
}

/// `pre_tokenizer` of `tokenizer.json`, by `type`.
struct PreTokenizerSpec: Decodable {
    var type: String
    var pretokenizers: [PreTokenizerSpec]?
    /// `Split`'s pattern, its `behavior` (`Removed`, `Isolated`, `MergedWithPrevious`,
    /// `MergedWithNext`, `Contiguous`) and `invert`.
    var pattern: NormalizerSpec.Pattern?
    var behavior: String?
    var invert: Bool?
    var replacement: String?
    /// `always`, `first` or `never` (newer files).
    var prependScheme: String?
    /// Older files' spelling of `prepend_scheme`: true is `always`.
    var addPrefixSpace: Bool?
    var split: Bool?

    enum CodingKeys: String, CodingKey {
        case type, pretokenizers, replacement, split, pattern, behavior, invert
        case prependScheme = "prepend_scheme"
        case addPrefixSpace = "add_prefix_space"
    }
}

/// `post_processor` of `tokenizer.json`, by `type`: `TemplateProcessing` (its `single` template),
/// `RobertaProcessing` or `BertProcessing` (their `cls` and `sep` pairs).
struct PostProcessorSpec: Decodable {
    /// `{"SpecialToken": {"id": "</s>"}}` or `{"Sequence": {"id": "A"}}`.
    struct TemplatePiece: Decodable {
        struct Reference: Decodable {
            var id: String
        }

        var specialToken: Reference?
        var sequence: Reference?

        enum CodingKeys: String, CodingKey {
            case specialToken = "SpecialToken"
            case sequence = "Sequence"
        }
    }

    struct SpecialTokenIDs: Decodable {
        var ids: [Int32]
    }

    /// `["</s>", 2]`.
    struct TokenAndID: Decodable {
        var token: String
        var id: Int32

        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            token = try container.decode(String.self)
            id = try container.decode(Int32.self)
        }
    }

    var type: String
    var single: [TemplatePiece]?
    var specialTokens: [String: SpecialTokenIDs]?
    var cls: TokenAndID?
    var sep: TokenAndID?

    enum CodingKeys: String, CodingKey {
        case type, single, cls, sep
        case specialTokens = "special_tokens"
    }
}
