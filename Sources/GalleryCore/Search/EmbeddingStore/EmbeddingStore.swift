/// Where the vectors of one embedding space live and are searched: a model's joint vectors (text
/// search) or its visual features (similar photos), one vector per image.
///
/// Two implementations pass the same test suite: ``InProcessEmbeddingStore`` (the embedded
/// default: a ``VectorIndex`` in memory, filled from the SQLite catalogue) and
/// ``PostgresEmbeddingStore`` (pgvector with an HNSW cosine index, shared by several servers).
///
/// ```swift
/// let store: any EmbeddingStore = InProcessEmbeddingStore(dimension: 512)
/// try await store.put([VectorIndex.Entry(imageId: 7, collectionId: 1, vector: v)])
/// let hits = try await store.nearest(NearestQuery(vector: q, collectionId: 1, limit: 10))
/// ```
public protocol EmbeddingStore: Sendable {
    /// The length of every vector the store holds.
    var dimension: Int { get }

    /// Adds or replaces images' vectors, all of them or none (the last entry wins for an image
    /// listed twice).
    /// - Throws: ``EmbeddingStoreError/invalidVector(imageId:reason:)`` for a vector of another
    ///   dimension or with a non-finite value (nothing is then written); other
    ///   ``EmbeddingStoreError`` cases when the store cannot be written.
    func put(_ entries: [VectorIndex.Entry]) async throws(EmbeddingStoreError)

    /// Removes images' vectors; ids the store does not hold are ignored.
    func delete(imageIds: [Int64]) async throws(EmbeddingStoreError)

    /// The images of a collection nearest to the query by cosine similarity, best first (ties by
    /// image id), at most `query.limit`.
    func nearest(_ query: NearestQuery) async throws(EmbeddingStoreError) -> [VectorIndex.Hit]

    /// How many vectors the store holds.
    func count() async throws(EmbeddingStoreError) -> Int
}

/// A top-k search of an ``EmbeddingStore``.
public struct NearestQuery: Sendable {
    /// The query, unit length.
    public var vector: [Float]
    public var collectionId: Int64
    /// When set, only these images are considered (what a filter or a collection allows).
    public var allowed: Set<Int64>?
    /// An image left out (the example of a "similar to" search).
    public var excluding: Int64?
    /// Hits to return at most.
    public var limit: Int

    public init(vector: [Float], collectionId: Int64, allowed: Set<Int64>? = nil, excluding: Int64? = nil, limit: Int) {
        self.vector = vector
        self.collectionId = collectionId
        self.allowed = allowed
        self.excluding = excluding
        self.limit = limit
    }
}

extension EmbeddingStore {
    /// Checks entries before anything is written: each vector has the store's dimension and
    /// finite values.
    func validate(_ entries: [VectorIndex.Entry]) throws(EmbeddingStoreError) {
        for entry in entries {
            guard entry.vector.count == dimension else {
                throw .invalidVector(imageId: entry.imageId, reason: "it has \(entry.vector.count) values, the store holds \(dimension)")
            }
            guard entry.vector.allSatisfy(\.isFinite) else {
                throw .invalidVector(imageId: entry.imageId, reason: "it has a value that is not a finite number")
            }
        }
    }

    /// The entries with one per image, the last one listed winning.
    static func lastPerImage(_ entries: [VectorIndex.Entry]) -> [VectorIndex.Entry] {
        var position: [Int64: Int] = [:]
        var unique: [VectorIndex.Entry] = []
        for entry in entries {
            if let index = position[entry.imageId] {
                unique[index] = entry
            } else {
                position[entry.imageId] = unique.count
                unique.append(entry)
            }
        }
        return unique
    }
}
