import Foundation

/// The parts of a Hugging Face `tokenizer.json` that a BPE tokenizer needs.
struct TokenizerFile: Decodable {
    struct Model: Decodable {
        var type: String?
        var vocab: [String: Int32]?
        var merges: [Merge]?
        var endOfWordSuffix: String?
        var continuingSubwordPrefix: String?
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
    }

    var model: Model
    var addedTokens: [AddedToken]?

    enum CodingKeys: String, CodingKey {
        case model
        case addedTokens = "added_tokens"
    }
}

extension TokenizerFile.Model {
    enum CodingKeys: String, CodingKey {
        case type, vocab, merges
        case endOfWordSuffix = "end_of_word_suffix"
        case continuingSubwordPrefix = "continuing_subword_prefix"
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
}
