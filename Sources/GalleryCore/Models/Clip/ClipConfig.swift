import Foundation

/// `config.json` of an Immich CLIP model folder (open_clip's model configuration).
struct ClipConfig: Decodable {
    struct TextConfig: Decodable {
        var contextLength: Int?
        var tokenizerKwargs: TokenizerKwargs?

        enum CodingKeys: String, CodingKey {
            case contextLength = "context_length"
            case tokenizerKwargs = "tokenizer_kwargs"
        }
    }

    struct VisionConfig: Decodable {
        var imageSize: IntOrPair?

        enum CodingKeys: String, CodingKey {
            case imageSize = "image_size"
        }
    }

    /// `image_size` is an int or `[height, width]`.
    enum IntOrPair: Decodable {
        case int(Int)
        case pair([Int])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let value = try? container.decode(Int.self) {
                self = .int(value)
            } else {
                self = .pair(try container.decode([Int].self))
            }
        }
    }

    struct TokenizerKwargs: Decodable {
        var clean: String?
    }

    var embedDim: Int
    var textCfg: TextConfig
    /// Only checked for presence; the visual geometry comes from `preprocess_cfg.json`.
    var visionCfg: VisionConfig

    enum CodingKeys: String, CodingKey {
        case embedDim = "embed_dim"
        case textCfg = "text_cfg"
        case visionCfg = "vision_cfg"
    }

    /// Immich canonicalizes query text only when `tokenizer_kwargs.clean` is `canonicalize`.
    var cleaning: ClipTextCleaning {
        textCfg.tokenizerKwargs?.clean == "canonicalize" ? .canonicalize : .whitespace
    }
}

/// `visual/preprocess_cfg.json` (open_clip's preprocessing configuration).
struct ClipPreprocessConfig: Decodable {
    /// An int, or `[height, width]`.
    var size: Int
    var mean: [Float]
    var std: [Float]
    var interpolation: String?
    var resizeMode: String?

    enum CodingKeys: String, CodingKey {
        case size, mean, std, interpolation
        case resizeMode = "resize_mode"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let side = try? container.decode(Int.self, forKey: .size) {
            size = side
        } else {
            let sides = try container.decode([Int].self, forKey: .size)
            guard let first = sides.first, sides.allSatisfy({ $0 == first }) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .size, in: container, debugDescription: "size \(sides) is not square")
            }
            size = first
        }
        mean = try container.decode([Float].self, forKey: .mean)
        std = try container.decode([Float].self, forKey: .std)
        interpolation = try container.decodeIfPresent(String.self, forKey: .interpolation)
        resizeMode = try container.decodeIfPresent(String.self, forKey: .resizeMode)
    }
}
