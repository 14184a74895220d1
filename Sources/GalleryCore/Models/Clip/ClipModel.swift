import Foundation

/// A CLIP-family model (OpenAI CLIP, OpenCLIP, ...) in Immich's folder layout, run with ONNX Runtime.
///
/// Images and text go through two ONNX models (`visual/model.onnx`, `textual/model.onnx`); both
/// outputs are L2-normalised into one joint space. Models exported with a dynamic batch embed
/// images in batches; models with a fixed batch of 1 (Immich's newer exports) one at a time.
///
/// ```swift
/// let runtime = try OnnxRuntime.shared(libraryPath: path)
/// let model = try ClipModel(folder: modelsURL.appendingPathComponent("ViT-B-32__openai"), runtime: runtime)
/// let query = try model.embedText("a dog on a beach")
/// ```
public final class ClipModel: EmbeddingModel {
    /// `clip/<folder name>`, e.g. `clip/ViT-B-32__openai`.
    public let identifier: String
    public let dimension: Int
    public let preprocessing: ImagePreprocessing
    /// CLIP was trained on captions: queries keep "a photo of" and their punctuation.
    public var queryStyle: QueryCleaner.Style { .conversational }
    public let folder: ClipModelFolder

    private let visual: ClipEncoder
    private let textual: ClipEncoder

    /// Loads the folder's files and opens both ONNX models, checking their inputs and outputs.
    /// - Throws: ``ClipModelError`` naming the file at fault.
    public convenience init(
        folder url: URL, runtime: OnnxRuntime, options: SessionOptions = .init()
    ) throws(ClipModelError) {
        try self.init(folder: try ClipModelFolder(url: url), runtime: runtime, options: options)
    }

    /// Opens the ONNX models of an already checked folder.
    /// - Throws: ``ClipModelError`` naming the file at fault.
    public init(folder: ClipModelFolder, runtime: OnnxRuntime, options: SessionOptions = .init()) throws(ClipModelError) {
        let size = folder.preprocessing.size
        visual = try ClipEncoder(
            path: folder.visualModel.path, runtime: runtime, options: options, inputLayouts: [["image"]],
            elementTypes: [.float32], itemShape: [3, size, size], dimension: folder.dimension)
        textual = try ClipEncoder(
            path: folder.textualModel.path, runtime: runtime, options: options,
            inputLayouts: [["text"], ["input_ids", "attention_mask"]],
            elementTypes: [.int32, .int64], itemShape: [folder.contextLength], dimension: folder.dimension)
        self.folder = folder
        identifier = "clip/\(folder.name)"
        dimension = folder.dimension
        preprocessing = folder.preprocessing
    }

    /// Embeds prepared images (each `3 x size x size`); `visual` is the joint vector itself, and
    /// CLIP gives no tags.
    /// - Throws: ``ClipModelError/imageSizeMismatch(expected:got:)`` or ``ClipModelError/inference(path:error:)``.
    public func embedImages(_ images: [PreparedImage]) throws -> [ImageEmbedding] {
        let size = preprocessing.size
        for image in images where image.size != size || image.pixels.count != 3 * size * size {
            throw ClipModelError.imageSizeMismatch(expected: size, got: image.size)
        }
        let vectors = try visual.embed(images.map(\.pixels)) { values, batch in
            ["image": Tensor(float32: Array(values.joined()), shape: [batch, 3, size, size])]
        }
        return vectors.map { ImageEmbedding(vector: $0, visual: $0, tags: []) }
    }

    /// The FLORES-200 code an NLLB model's query starts with for `language` (nil: no language
    /// given, or not an NLLB model), as Immich's `textual.py` puts it there: see ``FloresLanguage``.
    public func languagePrefix(for language: String?) -> String? {
        guard folder.isNLLB, let language else { return nil }
        return FloresLanguage.code(for: language)
    }

    /// A query's ids as Immich's `textual.py` makes them: cleaned, then, for an NLLB model with a
    /// language, its FLORES-200 code in front without a space (`fra_Latnun chien`), tokenised.
    public func tokens(for text: String, language: String?) -> TextTokens {
        let cleaned = folder.tokenizer.cleaning.apply(to: text)
        return folder.tokenizer.tokens(forCleaned: (languagePrefix(for: language) ?? "") + cleaned)
    }

    /// Embeds a query (``tokens(for:language:)``), L2-normalised. The text model gets the ids as
    /// `text`, or, for M-CLIP's models, as `input_ids` with the `attention_mask`.
    /// - Throws: ``ClipModelError/inference(path:error:)``.
    public func embedText(_ text: String, language: String?) throws -> [Float] {
        let tokens = tokens(for: text, language: language)
        let int64 = textual.elementType == .int64
        let length = folder.contextLength
        let names = textual.inputNames
        return try textual.embed([tokens]) { rows, batch in
            var feeds: [String: Tensor] = [:]
            for name in names {
                let flat = rows.flatMap { name == "attention_mask" ? $0.attentionMask : $0.ids }
                feeds[name] =
                    int64
                    ? Tensor(int64: flat.map(Int64.init), shape: [batch, length])
                    : Tensor(int32: flat, shape: [batch, length])
            }
            return feeds
        }[0]
    }
}
