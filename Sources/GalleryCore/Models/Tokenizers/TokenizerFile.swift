import Foundation

/// The parts of a Hugging Face `tokenizer.json` that the tokenizers here read: the model (BPE or
/// Unigram), the added tokens and the normalizer, pre-tokenizer and post-processor descriptions.
struct TokenizerFile: Decodable {
    struct Model: Decodable {
        var type: String?
        /// BPE's `{token: id}`.
        var vocab: [String: Int32]?
        /// Unigram's `[[token, score], ...]`, in id order.
        var scoredVocab: [ScoredToken]?
        var merges: [Merge]?
        var endOfWordSuffix: String?
        var continuingSubwordPrefix: String?
        var unkToken: String?
        var unkID: Int?
        var byteFallback: Bool?
        var fuseUnk: Bool?
        var ignoreMerges: Bool?
        var dropout: Double?

        enum CodingKeys: String, CodingKey {
            case type, vocab, merges, dropout
            case endOfWordSuffix = "end_of_word_suffix"
            case continuingSubwordPrefix = "continuing_subword_prefix"
            case unkToken = "unk_token"
            case unkID = "unk_id"
            case byteFallback = "byte_fallback"
            case fuseUnk = "fuse_unk"
            case ignoreMerges = "ignore_merges"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            type = try container.decodeIfPresent(String.self, forKey: .type)
            if let scored = try? container.decodeIfPresent([ScoredToken].self, forKey: .vocab) {
                scoredVocab = scored
            } else {
                vocab = try container.decodeIfPresent([String: Int32].self, forKey: .vocab)
            }
            merges = try container.decodeIfPresent([Merge].self, forKey: .merges)
            endOfWordSuffix = try container.decodeIfPresent(String.self, forKey: .endOfWordSuffix)
            continuingSubwordPrefix = try container.decodeIfPresent(String.self, forKey: .continuingSubwordPrefix)
            unkToken = try container.decodeIfPresent(String.self, forKey: .unkToken)
            unkID = try container.decodeIfPresent(Int.self, forKey: .unkID)
            byteFallback = try container.decodeIfPresent(Bool.self, forKey: .byteFallback)
            fuseUnk = try container.decodeIfPresent(Bool.self, forKey: .fuseUnk)
            ignoreMerges = try container.decodeIfPresent(Bool.self, forKey: .ignoreMerges)
            dropout = try container.decodeIfPresent(Double.self, forKey: .dropout)
        }
    }

    /// One Unigram entry: `["▁photo", -8.25]`.
    struct ScoredToken: Decodable {
        var token: String
        var score: Double

        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            token = try container.decode(String.self)
            score = try container.decode(Double.self)
        }
    }

    /// One merge rule: `"a b"` in older files, `["a", "b"]` in newer ones.
    struct Merge: Decodable {
        var first: String
        var second: String

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let pair = try? container.decode([String].self) {
                guard pair.count == 2 else {
                    throw DecodingError.dataCorruptedError(
                        in: container, debugDescription: "a merge pair must have two parts")
                }
                (first, second) = (pair[0], pair[1])
                return
            }
            let text = try container.decode(String.self)
            let parts = text.split(separator: " ", omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "merge \"\(text)\" is not two symbols")
            }
            (first, second) = (String(parts[0]), String(parts[1]))
        }
    }

    struct AddedToken: Decodable {
        var id: Int32
        var content: String
        var normalized: Bool?
        var special: Bool?
        var lstrip: Bool?
        var rstrip: Bool?
        var singleWord: Bool?

        enum CodingKeys: String, CodingKey {
            case id, content, normalized, special, lstrip, rstrip
            case singleWord = "single_word"
        }
    }

    var model: Model
    var addedTokens: [AddedToken]?
    var normalizer: NormalizerSpec?
    var preTokenizer: PreTokenizerSpec?
    var postProcessor: PostProcessorSpec?

    enum CodingKeys: String, CodingKey {
        case model, normalizer
        case addedTokens = "added_tokens"
        case preTokenizer = "pre_tokenizer"
        case postProcessor = "post_processor"
    }

    /// Decodes `tokenizer.json`.
    /// - Throws: ``TokenizerError/invalidTokenizer(reason:)``.
    static func decode(_ data: Data) throws(TokenizerError) -> TokenizerFile {
        do {
            return try JSONDecoder().decode(TokenizerFile.self, from: data)
        } catch {
            throw .invalidTokenizer(reason: "\(error)")
        }
    }
}

/// The parts of `tokenizer_config.json` that matter here. `pad_token` is a string, or an object
/// with `content` in files written by older versions of transformers.
struct TokenizerConfigFile: Decodable {
    var padToken: String?

    enum CodingKeys: String, CodingKey {
        case padToken = "pad_token"
    }

    private struct TokenObject: Decodable {
        var content: String
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let text = try? container.decode(String.self, forKey: .padToken) {
            padToken = text
        } else {
            padToken = try container.decodeIfPresent(TokenObject.self, forKey: .padToken)?.content
        }
    }

    /// Decodes `tokenizer_config.json`.
    /// - Throws: ``TokenizerError/invalidConfig(reason:)``.
    static func decode(_ data: Data) throws(TokenizerError) -> TokenizerConfigFile {
        do {
            return try JSONDecoder().decode(TokenizerConfigFile.self, from: data)
        } catch {
            throw .invalidConfig(reason: "\(error)")
        }
    }
}
