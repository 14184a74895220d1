/// A model that places images and text in one vector space, so a text query can find images.
///
/// Two families implement it: the built-in offline pack (``OfflinePackModel``: an ImageNet
/// classifier and a sentence encoder joined through label semantics) and CLIP-family models
/// in Immich's folder layout (``ClipModel``). Vectors from different models never meet in one
/// ranking: every stored embedding records its model's ``identifier``.
public protocol EmbeddingModel: Sendable {
    /// Names the vector space, e.g. `offline-pack/1/t2.0k20` or `clip/ViT-B-32__openai`.
    var identifier: String { get }
    /// Length of the joint-space vectors.
    var dimension: Int { get }
    /// How images must be prepared for ``embedImages(_:)``.
    var preprocessing: ImagePreprocessing { get }
    /// How much of a search query ``embedText(_:)`` should be given.
    var queryStyle: QueryCleaner.Style { get }

    /// Embeds a batch of prepared images (each `3 x size x size`, channel-major).
    func embedImages(_ images: [PreparedImage]) throws -> [ImageEmbedding]

    /// Embeds a query text into the joint space (L2-normalised). `language` is the query's
    /// language tag (`fr`, `pt-BR`); only NLLB models use it (``ClipModel/languagePrefix(for:)``).
    func embedText(_ text: String, language: String?) throws -> [Float]
}

extension EmbeddingModel {
    /// Embeds a query text of no stated language (L2-normalised).
    public func embedText(_ text: String) throws -> [Float] {
        try embedText(text, language: nil)
    }
}

/// How a model wants its input image: geometry, interpolation and normalisation.
public struct ImagePreprocessing: Sendable, Equatable, Codable {
    public enum ResizeMode: String, Sendable, Codable {
        /// Resize the shorter side to `size / cropFraction`, then take the centre `size x size`.
        case shortest
        /// Stretch to `size x size` whatever the aspect ratio.
        case squash
    }

    public enum Interpolation: String, Sendable, Codable {
        case bicubic, bilinear
    }

    /// Output side in pixels.
    public var size: Int
    public var resizeMode: ResizeMode
    /// Fraction of the resized shorter side kept by the centre crop (1 for CLIP, 224/256 for
    /// EfficientNet).
    public var cropFraction: Double
    public var interpolation: Interpolation
    /// Per-channel mean and standard deviation, applied to pixel values scaled to 0...1.
    public var mean: [Float]
    public var std: [Float]

    public init(
        size: Int, resizeMode: ResizeMode, cropFraction: Double = 1, interpolation: Interpolation,
        mean: [Float], std: [Float]
    ) {
        self.size = size
        self.resizeMode = resizeMode
        self.cropFraction = cropFraction
        self.interpolation = interpolation
        self.mean = mean
        self.std = std
    }
}

/// One image ready for a model: normalised float pixels, channel-major (`3 x size x size`).
public struct PreparedImage: Sendable {
    public var pixels: [Float]
    public var size: Int

    public init(pixels: [Float], size: Int) {
        self.pixels = pixels
        self.size = size
    }
}

/// What a model says about one image.
public struct ImageEmbedding: Sendable, Equatable {
    /// L2-normalised vector in the joint (text and image) space.
    public var vector: [Float]
    /// L2-normalised visual features for image-to-image similarity (the joint vector itself for
    /// CLIP; the classifier's pooled features for the offline pack).
    public var visual: [Float]
    /// Labels with probabilities, best first (empty for models without a classifier).
    public var tags: [Tag]

    public init(vector: [Float], visual: [Float], tags: [Tag]) {
        self.vector = vector
        self.visual = visual
        self.tags = tags
    }
}

/// A label the model sees in an image.
public struct Tag: Sendable, Equatable, Codable {
    public var label: String
    public var score: Float

    public init(label: String, score: Float) {
        self.label = label
        self.score = score
    }
}
