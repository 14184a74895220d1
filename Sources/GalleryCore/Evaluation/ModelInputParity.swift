import Foundation

/// Compares what this project feeds a model, and the vectors it gets back, with a reference set
/// made by Python following Immich's code (`scripts/models/build-image-golden.sh`): for each
/// photo, the preview size, the model input tensor and the embedding.
///
/// ```swift
/// let results = try ModelInputParity(folder: golden).compare(with: model)
/// print(results.map(\.cosine).min()!)
/// ```
public struct ModelInputParity: Sendable {
    /// One photo of the reference set.
    public struct Reference: Sendable, Decodable {
        /// The photo and its input tensor (little-endian float32, `3 x size x size`), relative to the folder.
        public var photo: String
        public var tensor: String
        /// Width and height of the preview the input was made from.
        public var preview: [Int]
        public var embedding: [Float]
    }

    /// How one photo compares.
    public struct Result: Sendable {
        public var photo: String
        /// Whether the preview had the reference's size.
        public var previewMatches: Bool
        /// Largest difference between the two model inputs, in normalised units.
        public var maxInputDifference: Float
        /// Largest difference between the two L2-normalised embeddings, and their cosine.
        public var maxEmbeddingDifference: Float
        public var cosine: Float
    }

    private struct GoldenFile: Decodable {
        var photos: [Reference]
    }

    public let folder: URL
    public let references: [Reference]

    /// Reads `golden.json` in `folder`.
    public init(folder: URL) throws {
        self.folder = folder
        let data = try Data(contentsOf: folder.appendingPathComponent("golden.json"))
        references = try JSONDecoder().decode(GoldenFile.self, from: data).photos
    }

    /// Prepares and embeds every photo as indexing does, and compares with the reference.
    public func compare(with model: any EmbeddingModel, decoder: PhotoDecoder = PhotoDecoder()) throws -> [Result] {
        try references.map { reference in
            let source = try decoder.decodeModelSource(Data(contentsOf: folder.appendingPathComponent(reference.photo)))
            let prepared = try source.prepared(for: model.preprocessing)
            let expected = try Self.tensor(folder.appendingPathComponent(reference.tensor))
            guard expected.count == prepared.pixels.count else {
                throw ModelInputParityError.tensorSize(reference.tensor, expected.count, prepared.pixels.count)
            }
            let inputDifference = zip(expected, prepared.pixels).map { abs($0 - $1) }.max() ?? 0
            guard let embedding = try model.embedImages([prepared]).first else {
                throw ModelInputParityError.noEmbedding(reference.photo)
            }
            let ours = VectorCoding.normalized(embedding.vector), theirs = VectorCoding.normalized(reference.embedding)
            return Result(
                photo: reference.photo, previewMatches: [source.width, source.height] == reference.preview,
                maxInputDifference: inputDifference,
                maxEmbeddingDifference: zip(ours, theirs).map { abs($0 - $1) }.max() ?? 0,
                cosine: zip(ours, theirs).map(*).reduce(0, +))
        }
    }

    /// A tensor file: little-endian float32, as the catalogue stores vectors.
    private static func tensor(_ file: URL) throws -> [Float] {
        VectorCoding.float32Vector(try Data(contentsOf: file))
    }
}

/// Why a reference set cannot be compared.
public enum ModelInputParityError: Error, CustomStringConvertible {
    case tensorSize(String, Int, Int)
    case noEmbedding(String)

    public var description: String {
        switch self {
        case let .tensorSize(file, expected, actual): "\(file) holds \(expected) values, the model input has \(actual)"
        case let .noEmbedding(photo): "the model returned no embedding for \(photo)"
        }
    }
}
