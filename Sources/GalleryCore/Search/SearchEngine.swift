import Foundation

/// Ranks a collection's images against a text or an image, through one embedding model:
/// the data path's second half (query -> vector -> filters -> ranking).
///
/// Vectors come from the catalogue into in-memory indexes on first use (joint vectors for text,
/// visual features for image similarity); only embeddings of the active model are loaded, so
/// vector spaces never mix.
///
/// ```swift
/// let engine = SearchEngine(catalog: catalog, model: model)
/// let results = try engine.search(SemanticQuery(collectionId: 1, subject: .text("a dog on the beach")))
/// ```
public final class SearchEngine: @unchecked Sendable {
    public let catalog: AppDatabase
    public let model: any EmbeddingModel
    private let lock = NSLock()
    private var jointIndex: VectorIndex?
    private var visualIndex: VectorIndex?

    public init(catalog: AppDatabase, model: any EmbeddingModel) {
        self.catalog = catalog
        self.model = model
    }

    /// Runs a query.
    /// - Throws: ``SearchError`` for an empty query, an unknown or unembedded image or a bad
    ///   range; ``ImagingError`` for an unreadable query photo; model and catalogue errors.
    public func search(_ query: SemanticQuery) throws -> SemanticResults {
        guard query.limit >= 1, query.limit <= 1000 else { throw SearchError.invalidRange("limit must be between 1 and 1000") }
        guard query.offset >= 0 else { throw SearchError.invalidRange("offset cannot be negative") }
        let clock = ContinuousClock()
        let start = clock.now
        let (vector, index, excluding) = try queryVector(query)
        let encoded = clock.now
        guard index.count > 0 else {
            return SemanticResults(hits: [], total: 0, encodeSeconds: (encoded - start).seconds, rankSeconds: 0)
        }
        guard vector.count == index.dimension else {
            throw SearchError.invalidRange("the query vector has \(vector.count) values but the index holds \(index.dimension)")
        }
        let allowed = query.filter.isEmpty ? nil : try catalog.imageIds(matching: query.filter, collectionId: query.collectionId)
        let (hits, total) = index.search(
            vector, in: query.collectionId, allowed: allowed, excluding: excluding,
            minScore: query.minScore ?? -1, offset: query.offset, limit: query.limit)
        let images = try catalog.images(ids: hits.map(\.imageId))
        let tags = try catalog.tags(imageIds: hits.map(\.imageId), model: model.identifier)
        let scores = Dictionary(uniqueKeysWithValues: hits.map { ($0.imageId, $0.score) })
        let results = images.map { image in
            SemanticResults.Hit(image: image, score: scores[image.id!] ?? 0, tags: tags[image.id!] ?? [])
        }
        return SemanticResults(
            hits: results, total: total, encodeSeconds: (encoded - start).seconds, rankSeconds: (clock.now - encoded).seconds)
    }

    /// The query as a vector, the index to search, and an image to leave out of the results.
    private func queryVector(_ query: SemanticQuery) throws -> ([Float], VectorIndex, Int64?) {
        switch query.subject {
        case .text(let text):
            let cleaned = QueryCleaner.clean(text)
            guard !cleaned.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw SearchError.emptyQuery }
            return (VectorCoding.normalized(try model.embedText(cleaned)), try index(visual: false), nil)
        case .similarToImage(let id):
            guard let image = try catalog.image(id: id, collectionId: query.collectionId), let hash = image.contentHash else {
                throw SearchError.unknownImage("#\(id)")
            }
            guard let embedding = try catalog.embedding(contentHash: hash, model: model.identifier) else {
                throw SearchError.imageNotEmbedded("#\(id)")
            }
            return (VectorCoding.float16Vector(embedding.visual), try index(visual: true), id)
        case .similarToPhoto(let data):
            let preprocessing = model.preprocessing
            let side = Int(Double(preprocessing.size) / preprocessing.cropFraction) * 3
            let prepared = try PhotoDecoder().decodePreview(data, maxSide: side).prepared(for: preprocessing)
            guard let embedding = try model.embedImages([prepared]).first else {
                throw SearchError.invalidRange("the model returned no embedding for the photo")
            }
            return (embedding.visual, try index(visual: true), nil)
        }
    }

    /// Forgets the loaded vectors, so the next search reads them again from the catalogue
    /// (after indexing added or removed images).
    public func reload() {
        lock.withLock {
            jointIndex = nil
            visualIndex = nil
        }
    }

    /// The joint or visual index, loaded from the catalogue on first use.
    private func index(visual: Bool) throws -> VectorIndex {
        try lock.withLock {
            if let existing = visual ? visualIndex : jointIndex { return existing }
            let entries = try catalog.indexEntries(model: model.identifier, visual: visual)
            let index = VectorIndex(dimension: entries.first?.vector.count ?? model.dimension)
            index.insert(entries)
            if visual { visualIndex = index } else { jointIndex = index }
            return index
        }
    }
}
