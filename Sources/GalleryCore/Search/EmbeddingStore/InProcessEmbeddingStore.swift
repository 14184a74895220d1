/// The embedded ``EmbeddingStore``: a ``VectorIndex`` in this process (4-bit scan, exact re-rank),
/// its vectors read from the SQLite catalogue at start (``load(from:model:visual:)``) and kept in
/// step by the indexing path.
///
/// ```swift
/// let store = try InProcessEmbeddingStore.load(from: catalog, model: model.identifier, dimension: model.dimension)
/// let hits = try await store.nearest(NearestQuery(vector: q, collectionId: 1, limit: 10))
/// ```
public struct InProcessEmbeddingStore: EmbeddingStore {
    public let index: VectorIndex
    public var dimension: Int { index.dimension }

    /// An empty store over a new ``VectorIndex``.
    public init(dimension: Int) {
        index = VectorIndex(dimension: dimension)
    }

    /// A store over an existing index (the one a ``SearchEngine`` loaded, for example).
    public init(index: VectorIndex) {
        self.index = index
    }

    /// A store holding the catalogue's vectors of `model` (joint vectors, or visual features when
    /// `visual`), read in batches.
    public static func load(from catalog: AppDatabase, model: String, visual: Bool = false, dimension: Int) throws -> Self {
        let store = Self(dimension: dimension)
        try catalog.indexEntries(model: model, visual: visual, batchSize: 10_000) { batch in
            try store.index.insert(batch)
        }
        return store
    }

    public func put(_ entries: [VectorIndex.Entry]) async throws(EmbeddingStoreError) {
        try validate(entries)
        do { try index.insert(Self.lastPerImage(entries)) } catch { throw .storage(error) }
    }

    public func delete(imageIds: [Int64]) async throws(EmbeddingStoreError) {
        do { try index.remove(imageIds: imageIds) } catch { throw .storage(error) }
    }

    public func nearest(_ query: NearestQuery) async throws(EmbeddingStoreError) -> [VectorIndex.Hit] {
        index.search(
            VectorQuery(
                vector: query.vector, collectionId: query.collectionId, allowed: query.allowed, excluding: query.excluding,
                limit: query.limit)
        ).hits
    }

    public func count() async throws(EmbeddingStoreError) -> Int { index.count }
}
