import Foundation

/// A CLIP-family model in Immich's folder layout, its files read and checked (the ONNX models are
/// only located here; ``ClipModel`` opens them).
///
/// ```
/// <name>/config.json                    embed_dim, text_cfg (context_length, tokenizer_kwargs), vision_cfg
/// <name>/visual/model.onnx              input "image", float32 [N, 3, size, size]
/// <name>/visual/preprocess_cfg.json     size, mean, std, interpolation, resize_mode
/// <name>/textual/model.onnx             input "text" (or M-CLIP's "input_ids" and "attention_mask"), int32 [N, context_length]
/// <name>/textual/tokenizer.json         Hugging Face tokenizers file (CLIP's BPE, SentencePiece Unigram or BPE)
/// <name>/textual/tokenizer_config.json  pad_token
/// ```
public struct ClipModelFolder: Sendable {
    public let url: URL
    /// The folder's name, e.g. `ViT-B-32__openai`.
    public let name: String
    /// Length of the joint-space vectors (`embed_dim`).
    public let dimension: Int
    public let contextLength: Int
    public let preprocessing: ImagePreprocessing
    /// The tokenizer `textual/tokenizer.json` describes (see ``TextTokenizers``).
    public let tokenizer: any TextTokenizer
    public let visualModel: URL
    public let textualModel: URL
    /// Whether this is one of the NLLB-CLIP models, whose queries start with a FLORES-200 language
    /// code: Immich's rule (the model's name starts with `nllb`), or a `tokenizer_config.json` whose
    /// `tokenizer_class` is `NllbTokenizer` (so a folder imported under another name keeps it).
    public let isNLLB: Bool

    /// Reads and checks every file of the layout.
    /// - Throws: ``ClipModelError`` naming the first file that is missing or malformed.
    public init(url: URL) throws(ClipModelError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw .folderNotFound(path: url.path)
        }
        let configURL = url.appendingPathComponent("config.json")
        let config = try Self.decode(ClipConfig.self, at: configURL)
        guard config.embedDim > 0 else { throw .invalidFile(path: configURL.path, reason: "embed_dim must be positive") }
        let contextLength = config.textCfg.contextLength ?? 77
        guard contextLength >= 2 else {
            throw .invalidFile(path: configURL.path, reason: "text_cfg.context_length \(contextLength) is below 2")
        }

        let visual = url.appendingPathComponent("visual")
        let preprocessURL = visual.appendingPathComponent("preprocess_cfg.json")
        let preprocessing = try Self.preprocessing(
            try Self.decode(ClipPreprocessConfig.self, at: preprocessURL), file: preprocessURL)
        let visualModel = try Self.existing(visual.appendingPathComponent("model.onnx"))

        let textual = url.appendingPathComponent("textual")
        let textualModel = try Self.existing(textual.appendingPathComponent("model.onnx"))
        let tokenizerURL = textual.appendingPathComponent("tokenizer.json")
        let tokenizerConfigURL = textual.appendingPathComponent("tokenizer_config.json")
        let tokenizerData = try Self.read(tokenizerURL)
        let tokenizerConfigData = try Self.read(tokenizerConfigURL)
        let tokenizer: any TextTokenizer
        do {
            tokenizer = try TextTokenizers.load(
                tokenizerJSON: tokenizerData, configJSON: tokenizerConfigData, contextLength: contextLength,
                cleaning: config.cleaning)
        } catch {
            let file = error.isConfigFault ? tokenizerConfigURL : tokenizerURL
            throw .invalidFile(path: file.path, reason: error.description)
        }

        self.url = url
        self.name = url.lastPathComponent
        self.dimension = config.embedDim
        self.contextLength = contextLength
        self.preprocessing = preprocessing
        self.tokenizer = tokenizer
        self.visualModel = visualModel
        self.textualModel = textualModel
        let tokenizerClass = (try? JSONDecoder().decode(TokenizerClass.self, from: tokenizerConfigData))?.tokenizerClass
        self.isNLLB = url.lastPathComponent.hasPrefix("nllb") || tokenizerClass == "NllbTokenizer"
    }

    /// `tokenizer_class` of `tokenizer_config.json`.
    private struct TokenizerClass: Decodable {
        var tokenizerClass: String?

        enum CodingKeys: String, CodingKey {
            case tokenizerClass = "tokenizer_class"
        }
    }

    private static func preprocessing(
        _ config: ClipPreprocessConfig, file: URL
    ) throws(ClipModelError) -> ImagePreprocessing {
        guard config.size > 0, config.size <= 4096 else {
            throw .invalidFile(path: file.path, reason: "size \(config.size) is out of range")
        }
        guard config.mean.count == 3, config.std.count == 3, config.std.allSatisfy({ $0 > 0 }) else {
            throw .invalidFile(path: file.path, reason: "mean and std need three values each, std above 0")
        }
        let resizeMode: ImagePreprocessing.ResizeMode
        switch config.resizeMode ?? "shortest" {  // open_clip's default for older configurations
        case "shortest": resizeMode = .shortest
        case "squash": resizeMode = .squash
        case let other:
            throw .invalidFile(path: file.path, reason: "resize_mode \"\(other)\" is not supported (shortest, squash)")
        }
        let interpolation: ImagePreprocessing.Interpolation
        switch (config.interpolation ?? "bicubic").lowercased() {
        case "bicubic": interpolation = .bicubic
        case "bilinear": interpolation = .bilinear
        case let other:
            throw .invalidFile(
                path: file.path, reason: "interpolation \"\(other)\" is not supported (bicubic, bilinear)")
        }
        return ImagePreprocessing(
            size: config.size, resizeMode: resizeMode, cropFraction: 1, interpolation: interpolation,
            mean: config.mean, std: config.std)
    }

    private static func existing(_ file: URL) throws(ClipModelError) -> URL {
        guard FileManager.default.fileExists(atPath: file.path) else { throw .missingFile(path: file.path) }
        return file
    }

    private static func read(_ file: URL) throws(ClipModelError) -> Data {
        guard let data = FileManager.default.contents(atPath: try existing(file).path) else {
            throw .invalidFile(path: file.path, reason: "cannot be read")
        }
        return data
    }

    private static func decode<T: Decodable>(_ type: T.Type, at file: URL) throws(ClipModelError) -> T {
        let data = try read(file)
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw .invalidFile(path: file.path, reason: "missing \"\(key.stringValue)\"")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw .invalidFile(path: file.path, reason: "\"\(path)\": \(context.debugDescription)")
        } catch let DecodingError.dataCorrupted(context) {
            throw .invalidFile(path: file.path, reason: "not valid JSON: \(context.debugDescription)")
        } catch {
            throw .invalidFile(path: file.path, reason: "\(error)")
        }
    }
}
