import COpenBLAS
import Foundation

/// Ranks a collection's images against a text or an image, through one embedding model:
/// the data path's second half (query -> vector -> filters -> ranking).
///
/// Vectors come from the catalogue into in-memory indexes (joint vectors for text, visual
/// features for image similarity), loaded on first use or by ``warmUp()``, then kept in step
/// with the catalogue by ``refresh()``, which loads only what changed. Only embeddings of the
/// active model are loaded, so vector spaces never mix. Searches run concurrently; query
/// vectors of repeated texts come from a cache.
///
/// ```swift
/// let engine = SearchEngine(catalog: catalog, model: model)
/// let results = try engine.search(SemanticQuery(collectionId: 1, subject: .text("a dog on the beach")))
/// ```
public final class SearchEngine: @unchecked Sendable {
    public let catalog: AppDatabase
    public let model: any EmbeddingModel
    /// Query texts whose vectors are kept.
    public static let cachedQueries = 1024
    private let lock = NSLock()
    private let refreshing = NSLock()
    private var jointIndex: VectorIndex?
    private var visualIndex: VectorIndex?
    /// Loads, updates and drops of the indexes so far (``indexVersion``).
    private var indexChanges: UInt64 = 0
    private let queryVectors = RecentCache<String, [Float]>(capacity: SearchEngine.cachedQueries)

    public init(catalog: AppDatabase, model: any EmbeddingModel) {
        self.catalog = catalog
        self.model = model
        // One OpenBLAS thread per search: concurrent requests already use every core, and
        // OpenBLAS's own pool spins (sched_yield) between calls, taking the CPU from them
        // (measured: half the server's CPU at 16 connections over 10,000 images).
        openblas_set_num_threads(1)
    }

    /// Runs a query: its page of images, with scores and tags.
    /// - Throws: ``SearchError`` for an empty query, an unknown or unembedded image or a bad
    ///   range; ``ImagingError`` for an unreadable query photo; model and catalogue errors.
    public func search(_ query: SemanticQuery) throws -> SemanticResults {
        guard (1...SearchLimits.maxLimit).contains(query.limit) else {
            throw SearchError.invalidRange("limit must be between 1 and \(SearchLimits.maxLimit)")
        }
        let clock = ContinuousClock()
        let start = clock.now
        let ranking = try rank(query)
        let ids = ranking.results.hits.map(\.imageId)
        let images = try catalog.images(ids: ids)
        let tags = try catalog.tags(imageIds: ids, model: model.identifier)
        let scores = Dictionary(uniqueKeysWithValues: ranking.results.hits.map { ($0.imageId, $0.score) })
        let results = images.map { image in
            SemanticResults.Hit(image: image, score: scores[image.id!] ?? 0, tags: tags[image.id!] ?? [])
        }
        let ranked = ranking.results
        return SemanticResults(
            hits: results, total: ranked.total, relevant: ranked.relevant, floorScore: ranked.floorScore, median: ranked.median,
            best: ranked.best, scored: ranked.scored, encodeSeconds: ranking.encodeSeconds,
            rankSeconds: (clock.now - start).seconds - ranking.encodeSeconds)
    }

    /// Ranks a query without loading its images: ids and scores of the page (any `limit` of 1 or
    /// more: the hybrid search asks for a pool deeper than a page), and the seconds spent
    /// embedding the query.
    public func rank(_ query: SemanticQuery) throws -> (results: VectorResults, encodeSeconds: Double) {
        guard query.limit >= 1 else { throw SearchError.invalidRange("limit must be at least 1") }
        guard query.offset >= 0 else { throw SearchError.invalidRange("offset cannot be negative") }
        let clock = ContinuousClock()
        let start = clock.now
        let (vector, index, excluding) = try queryVector(query)
        let encoded = (clock.now - start).seconds
        guard index.count > 0 else { return (VectorResults(hits: [], total: 0, relevant: 0), encoded) }
        guard vector.count == index.dimension else {
            throw SearchError.invalidRange("the query vector has \(vector.count) values but the index holds \(index.dimension)")
        }
        let allowed = query.filter.isEmpty ? nil : try catalog.imageIds(matching: query.filter, collectionId: query.collectionId)
        let results = index.search(
            VectorQuery(
                vector: vector, collectionId: query.collectionId, allowed: allowed, excluding: excluding,
                minScore: query.minScore ?? -1, offset: query.offset, limit: query.limit, floor: query.floor,
                pastFloor: query.pastFloor, scoring: query.scoring))
        return (results, encoded)
    }

    /// The query as a vector, the index to search, and an image to leave out of the results.
    private func queryVector(_ query: SemanticQuery) throws -> ([Float], VectorIndex, Int64?) {
        switch query.subject {
        case .text(let text):
            return (try textVector(text, language: query.language), try index(visual: false), nil)
        case .similarToImage(let id):
            return (try indexedEmbedding(id, query.collectionId).visual, try index(visual: true), id)
        case .similarToPhoto(let data):
            return (try photoEmbedding(data).visual, try index(visual: true), nil)
        case .blend(let blend):
            var positive: [Float]?
            if !blend.texts.isEmpty {
                positive = VectorCoding.normalized(
                    VectorCoding.mean(try blend.texts.map { try textVector($0, language: query.language) }))
            }
            var excluding: Int64?
            if let example = blend.example {
                let joint: [Float]
                switch example {
                case .image(let id):
                    joint = try indexedEmbedding(id, query.collectionId).vector
                    excluding = id
                case .photo(let data): joint = try photoEmbedding(data).vector
                }
                let weight = Float(blend.exampleWeight)
                positive =
                    positive.map { text in zip(text, VectorCoding.normalized(joint)).map { (1 - weight) * $0 + weight * $1 } } ?? joint
            }
            guard var vector = positive else { throw SearchError.emptyQuery }
            if !blend.negatives.isEmpty {
                let negative = VectorCoding.mean(try blend.negatives.map { try textVector($0, language: query.language) })
                vector = zip(VectorCoding.normalized(vector), negative).map { $0 - $1 }
            }
            return (VectorCoding.normalized(vector), try index(visual: false), excluding)
        }
    }

    /// A text's unit vector (cached by text and language), after filler is stripped in the
    /// model's style.
    private func textVector(_ text: String, language: String?) throws -> [Float] {
        let cleaned = QueryCleaner.clean(text, style: model.queryStyle)
        guard !cleaned.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw SearchError.emptyQuery }
        let key = language.map { "\($0)\u{0}\(cleaned)" } ?? cleaned
        return try queryVectors.value(for: key) { VectorCoding.normalized(try model.embedText(cleaned, language: language)) }
    }

    /// The stored joint and visual vectors of one of the collection's images.
    private func indexedEmbedding(_ id: Int64, _ collectionId: Int64) throws -> (vector: [Float], visual: [Float]) {
        guard let image = try catalog.image(id: id, collectionId: collectionId), let hash = image.contentHash else {
            throw SearchError.unknownImage("#\(id)")
        }
        guard let embedding = try catalog.embedding(contentHash: hash, model: model.identifier) else {
            throw SearchError.imageNotEmbedded("#\(id)")
        }
        return (VectorCoding.float32Vector(embedding.vector), VectorCoding.float16Vector(embedding.visual))
    }

    /// A photo's embedding, decoded and prepared as indexing does.
    private func photoEmbedding(_ data: Data) throws -> ImageEmbedding {
        let prepared = try PhotoDecoder().decodeModelSource(data).prepared(for: model.preprocessing)
        guard let embedding = try model.embedImages([prepared]).first else {
            throw SearchError.invalidRange("the model returned no embedding for the photo")
        }
        return embedding
    }

    /// A number that changes whenever an index is loaded, brought in step with the catalogue or
    /// dropped: a search made before it changed may rank differently now.
    public var indexVersion: UInt64 { lock.withLock { indexChanges } }

    /// Loads the text index now, so that the first search does not wait for it.
    public func warmUp() throws {
        _ = try index(visual: false)
    }

    /// Brings the loaded indexes in step with the catalogue: vectors of new and changed images
    /// are read and put in place, removed images leave; nothing else is read again. Safe to call
    /// from several threads (one refresh runs at a time; searches go on meanwhile).
    public func refresh() throws {
        try refreshing.withLock {
            let loaded = lock.withLock { [jointIndex, visualIndex] }
            guard loaded.contains(where: { $0 != nil }) else { return }
            let keys = try catalog.indexKeys(model: model.identifier)
            if let joint = loaded[0] { try sync(joint, to: keys, visual: false) }
            if let visual = loaded[1] { try sync(visual, to: keys, visual: true) }
        }
    }

    private func sync(_ index: VectorIndex, to keys: [IndexKey], visual: Bool) throws {
        let (load, remove) = index.changes(toMatch: keys)
        guard !load.isEmpty || !remove.isEmpty else { return }
        let entries = try catalog.indexEntries(model: model.identifier, visual: visual, imageIds: load)
        defer { lock.withLock { indexChanges += 1 } }
        do {
            try index.update(upserting: entries, removing: remove)
        } catch {
            // An index that missed an update is incomplete: the next search loads it afresh.
            lock.withLock { if visual { visualIndex = nil } else { jointIndex = nil } }
            throw error
        }
    }

    /// Where the indexes keep their float32 vectors: beside the catalogue, in the data folder
    /// (a `/tmp` on tmpfs would hold them in memory); the temporary folder for a catalogue in memory.
    private var vectorFolder: URL { catalog.folder ?? FileManager.default.temporaryDirectory }

    /// The joint or visual index, loaded from the catalogue on first use.
    private func index(visual: Bool) throws -> VectorIndex {
        try lock.withLock {
            if let existing = visual ? visualIndex : jointIndex { return existing }
            let index = try loadIndex(visual: visual)
            if visual { visualIndex = index } else { jointIndex = index }
            indexChanges += 1
            return index
        }
    }

    /// Batches of vectors read ahead of the one the index takes in.
    private static let batchesAhead = 2

    /// A new index of the catalogue's joint or visual vectors, read in batches of 10,000: the
    /// index keeps an eighth of each vector in memory and the catalogue's copy is let go. Each
    /// batch goes into the index on another thread while the next ones are read (the read and
    /// the encoding take about as long). Joint vectors have the model's dimension (older
    /// vectors of another import of the same name are left out); visual features have their own.
    private func loadIndex(visual: Bool) throws -> VectorIndex {
        let building = DispatchQueue(label: "gallery.search.index-load")
        let room = DispatchSemaphore(value: Self.batchesAhead)
        // Written on `building` only, read after it has drained.
        nonisolated(unsafe) var failure: VectorIndexError?
        var loaded: VectorIndex?
        do {
            defer { building.sync {} }
            try catalog.indexEntries(model: model.identifier, visual: visual, batchSize: 10_000) { batch in
                let index =
                    loaded
                    ?? VectorIndex(
                        dimension: visual ? (batch.first?.vector.count ?? model.dimension) : model.dimension, folder: vectorFolder)
                loaded = index
                room.wait()
                building.async {
                    defer { room.signal() }
                    guard failure == nil else { return }
                    do throws(VectorIndexError) { try index.insert(batch) } catch { failure = error }
                }
            }
        }
        if let failure { throw failure }
        return loaded ?? VectorIndex(dimension: model.dimension, folder: vectorFolder)
    }
}
