import Foundation
import GalleryCore
import GalleryTestSupport
import Testing

/// The index past its exact re-rank's reach: thousands of seeded random vectors in clusters
/// (near-duplicates, as in a real library), where the page comes from the 4-bit scan's
/// candidates, checked against a brute-force float32 search over the same vectors.
@Suite("Vector index at scale: 4-bit scan and exact re-rank against brute force")
struct QuantizedVectorIndexTests {
    static let dimension = 384

    /// Unit vectors around `clusters` centres (each value moved by up to ±0.02).
    static func vectors(_ count: Int, clusters: Int = 200, seed: UInt64) -> [[Float]] {
        var random = SplitMix64(seed: seed)
        let centres = (0..<clusters).map { _ in unit((0..<dimension).map { _ in Float.random(in: -1...1, using: &random) }) }
        return (0..<count).map { position in
            unit(centres[position % clusters].map { $0 + Float.random(in: -0.02...0.02, using: &random) })
        }
    }

    static func unit(_ vector: [Float]) -> [Float] { VectorCoding.normalized(vector) }

    /// A brute-force model of the index: every vector, scored in float32, in the index's order.
    struct Reference {
        var vectors: [Int64: [Float]] = [:]
        var collections: [Int64: Int64] = [:]

        func ranked(
            _ query: [Float], collection: Int64 = 1, allowed: Set<Int64>? = nil, excluding: Int64? = nil, minScore: Float = -1
        ) -> [VectorIndex.Hit] {
            vectors.compactMap { id, vector -> VectorIndex.Hit? in
                guard collections[id] == collection, id != excluding, allowed?.contains(id) ?? true else { return nil }
                let score = zip(query, vector).reduce(Float(0)) { $0 + $1.0 * $1.1 }
                return score >= minScore ? VectorIndex.Hit(imageId: id, score: score) : nil
            }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.imageId < $1.imageId }
        }
    }

    /// 6,000 vectors in two collections (every third in collection 2).
    func makeIndex(parallelism: Int = 1) throws -> (VectorIndex, Reference) {
        let index = VectorIndex(dimension: Self.dimension, parallelism: parallelism)
        var reference = Reference()
        var entries: [VectorIndex.Entry] = []
        for (position, vector) in Self.vectors(6000, seed: 1).enumerated() {
            let id = Int64(position)
            let collection: Int64 = position % 3 == 2 ? 2 : 1
            entries.append(VectorIndex.Entry(imageId: id, collectionId: collection, vector: vector))
            reference.vectors[id] = vector
            reference.collections[id] = collection
        }
        try index.insert(entries)
        return (index, reference)
    }

    /// Ids and scores equal to brute force (scores to float rounding).
    func expectSame(_ hits: [VectorIndex.Hit], _ expected: ArraySlice<VectorIndex.Hit>, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(hits.map(\.imageId) == expected.map(\.imageId), sourceLocation: sourceLocation)
        for (hit, truth) in zip(hits, expected) {
            #expect(abs(hit.score - truth.score) < 1e-5, sourceLocation: sourceLocation)
        }
    }

    @Test func pagesMatchBruteForceOrder() throws {
        let (index, reference) = try makeIndex()
        for query in Self.vectors(12, clusters: 12, seed: 2) {
            let truth = reference.ranked(query)
            expectSame(index.search(VectorQuery(vector: query, collectionId: 1, limit: 10)).hits, truth.prefix(10))
            expectSame(index.search(VectorQuery(vector: query, collectionId: 1, offset: 30, limit: 20)).hits, truth[30..<50])
            #expect(index.search(VectorQuery(vector: query, collectionId: 1, limit: 1)).total == truth.count)
        }
    }

    @Test func filtersMatchBruteForce() throws {
        let (index, reference) = try makeIndex()
        var random = SplitMix64(seed: 3)
        let allowed = Set((0..<6000).filter { _ in Int.random(in: 0..<10, using: &random) == 0 }.map(Int64.init))
        let few: Set<Int64> = [5, 17, 4000, 5999, 123_456]
        for query in Self.vectors(8, clusters: 8, seed: 4) {
            let filtered = reference.ranked(query, allowed: allowed)
            let results = index.search(VectorQuery(vector: query, collectionId: 1, allowed: allowed, limit: 15))
            expectSame(results.hits, filtered.prefix(15))
            #expect(results.total == filtered.count)
            expectSame(
                index.search(VectorQuery(vector: query, collectionId: 1, allowed: few, limit: 10)).hits,
                reference.ranked(query, allowed: few)[...])
            expectSame(
                index.search(VectorQuery(vector: query, collectionId: 2, limit: 10)).hits, reference.ranked(query, collection: 2).prefix(10)
            )
            let best = reference.ranked(query)[0].imageId
            expectSame(
                index.search(VectorQuery(vector: query, collectionId: 1, excluding: best, limit: 10)).hits,
                reference.ranked(query, excluding: best).prefix(10))
            // A minimum between two scores (not on one: the index and this reference may round
            // that cosine apart): the page is exactly those above it.
            let ranked = reference.ranked(query)
            let minimum = (ranked[40].score + ranked[41].score) / 2
            let strict = index.search(VectorQuery(vector: query, collectionId: 1, minScore: minimum, limit: 100))
            expectSame(strict.hits, reference.ranked(query, minScore: minimum)[...])
        }
    }

    @Test func updatesAndRemovalsKeepMatchingBruteForce() throws {
        var (index, reference) = try makeIndex()
        var random = SplitMix64(seed: 5)
        let removed = (0..<1500).map { _ in Int64.random(in: 0..<6000, using: &random) }
        try index.remove(imageIds: removed)
        for id in removed {
            reference.vectors[id] = nil
            reference.collections[id] = nil
        }
        let replacements = Self.vectors(500, seed: 6)
        let replaced = (0..<500).map { Int64($0 * 7) }
        let added = (0..<300).map { Int64(10_000 + $0) }
        let fresh = Self.vectors(300, seed: 7)
        try index.update(
            upserting: zip(replaced, replacements).map { VectorIndex.Entry(imageId: $0, collectionId: 1, vector: $1) }
                + zip(added, fresh).map { VectorIndex.Entry(imageId: $0, collectionId: 1, vector: $1) },
            removing: [])
        for (id, vector) in zip(replaced + added, replacements + fresh) {
            reference.vectors[id] = vector
            reference.collections[id] = 1
        }
        #expect(index.count == reference.vectors.count)
        for query in replacements.prefix(4) + fresh.prefix(4) + Self.vectors(4, clusters: 4, seed: 8) {
            expectSame(index.search(VectorQuery(vector: query, collectionId: 1, limit: 10)).hits, reference.ranked(query).prefix(10))
        }
    }

    /// The scores asked for are exact; their ranks and the floor count the others at their
    /// approximate scores, so they may differ from brute force by a few places.
    @Test func scoredImagesAndTheFloorFollowBruteForce() throws {
        let (index, reference) = try makeIndex()
        let query = Self.vectors(1, clusters: 1, seed: 9)[0]
        let truth = reference.ranked(query)
        let asked: Set<Int64> = [truth[3].imageId, truth[500].imageId, truth[3000].imageId, 2]
        let results = index.search(VectorQuery(vector: query, collectionId: 1, limit: 10, floor: .standard, scoring: asked))
        #expect(results.scored[2] == nil)  // collection 2
        for (rank, hit) in truth.enumerated() where asked.contains(hit.imageId) {
            let scored = try #require(results.scored[hit.imageId])
            #expect(abs(scored.score - hit.score) < 1e-5)
            #expect(abs(scored.rank - (rank + 1)) <= max(3, rank / 20))
        }
        #expect(abs((results.best ?? 0) - truth[0].score) < 1e-5)
        let floor = try #require(results.floorScore)
        let exactRelevant = truth.filter { $0.score >= floor }.count
        #expect(abs(results.relevant - exactRelevant) <= max(3, exactRelevant / 20))
        #expect(results.hits.allSatisfy { $0.score >= floor })
    }

    @Test func emptyIndexMismatchedQueryAndHugeOffsets() throws {
        let empty = VectorIndex(dimension: Self.dimension)
        let query = Self.vectors(1, seed: 10)[0]
        #expect(empty.search(VectorQuery(vector: query, collectionId: 1, limit: 10)) == VectorResults(hits: [], total: 0, relevant: 0))
        let (index, reference) = try makeIndex()
        #expect(index.search(VectorQuery(vector: [1, 0, 0], collectionId: 1, limit: 10)).hits.isEmpty)
        let far = index.search(VectorQuery(vector: query, collectionId: 1, offset: .max, limit: .max))
        #expect(far.hits.isEmpty)
        #expect(far.total == reference.ranked(query).count)
        let last = index.search(VectorQuery(vector: query, collectionId: 1, offset: 3995, limit: 10))
        expectSame(last.hits, reference.ranked(query)[3995...])
    }

    /// Past the size where a scan is split over threads, two threads give the same results.
    @Test func aSplitScanGivesTheSameResults() throws {
        let index = VectorIndex(dimension: 16, parallelism: 1)
        var random = SplitMix64(seed: 11)
        let entries = (0..<140_000).map { id in
            VectorIndex.Entry(
                imageId: Int64(id), collectionId: 1, vector: Self.unit((0..<16).map { _ in Float.random(in: -1...1, using: &random) }))
        }
        try index.insert(entries)
        let query = Self.unit((0..<16).map { _ in Float.random(in: -1...1, using: &random) })
        let alone = index.search(VectorQuery(vector: query, collectionId: 1, limit: 25, floor: .standard))
        index.parallelism = 2
        let split = index.search(VectorQuery(vector: query, collectionId: 1, limit: 25, floor: .standard))
        #expect(split == alone)
        #expect(split.total == 140_000)
        let exact = entries.map { entry in
            VectorIndex.Hit(imageId: entry.imageId, score: zip(query, entry.vector).reduce(Float(0)) { $0 + $1.0 * $1.1 })
        }
        .sorted { $0.score != $1.score ? $0.score > $1.score : $0.imageId < $1.imageId }
        #expect(split.hits.map(\.imageId) == exact.prefix(split.hits.count).map(\.imageId))
    }

    /// A library that shrinks: an image whose id the row table covered while the library was
    /// large is moved into a freed row after most images are gone, and must still be found at
    /// its new row (it was left at its old, removed one: a wrong vector, or a row past the end).
    @Test func anImageMovedAfterTheLibraryShrankIsFoundAtItsNewRow() throws {
        let index = VectorIndex(dimension: 16, parallelism: 1)
        var random = SplitMix64(seed: 5)
        let ids = Array(Int64(1)...40_000) + [70_000]
        let entries = ids.map { id in
            VectorIndex.Entry(
                imageId: id, collectionId: 1, vector: Self.unit((0..<16).map { _ in Float.random(in: -1...1, using: &random) }))
        }
        try index.insert(entries)
        try index.remove(imageIds: Array(Int64(10_001)...40_000))  // 10,001 left; id 70,000 moved up
        try index.remove(imageIds: [1])  // the last row (id 70,000) moves into row 0
        let moved = entries.last!
        let found = index.search(VectorQuery(vector: moved.vector, collectionId: 1, limit: 1))
        #expect(found.hits.first?.imageId == 70_000)
        #expect(abs((found.hits.first?.score ?? 0) - 1) < 1e-3)
        #expect(found.total == 10_000)
        let filtered = index.search(VectorQuery(vector: moved.vector, collectionId: 1, allowed: [70_000, 2], limit: 5))
        #expect(filtered.hits.map(\.imageId) == [70_000, 2])
        try index.remove(imageIds: [70_000])
        #expect(index.search(VectorQuery(vector: moved.vector, collectionId: 1, limit: 1)).hits.first?.imageId != 70_000)
    }

    /// `count` entries of collection 1 from `vectors`, with ids from `id`.
    static func entries(_ vectors: [[Float]], id: (Int) -> Int64 = { Int64($0) }) -> [VectorIndex.Entry] {
        vectors.enumerated().map { VectorIndex.Entry(imageId: id($0.offset), collectionId: 1, vector: $0.element) }
    }

    /// Image ids far apart (past the flat table of rows, and negative ones) rank, filter and
    /// leave as dense ids do.
    @Test func sparseImageIdsMatchDenseOnes() throws {
        func sparseId(_ position: Int) -> Int64 {
            switch position % 3 {
            case 0: Int64(position)
            case 1: (Int64(1) << 40) + Int64(position)
            default: -Int64(position) - 1
            }
        }
        let vectors = Self.vectors(3000, seed: 12)
        let dense = VectorIndex(dimension: Self.dimension)
        let sparse = VectorIndex(dimension: Self.dimension)
        try dense.insert(Self.entries(vectors))
        try sparse.insert(Self.entries(vectors, id: sparseId))
        let removed = Array(stride(from: 1, to: 3000, by: 11))
        try dense.remove(imageIds: removed.map(Int64.init))
        try sparse.remove(imageIds: removed.map(sparseId))
        #expect(sparse.count == dense.count)
        let allowed = Array(stride(from: 0, to: 3000, by: 7))
        for query in Self.vectors(6, clusters: 6, seed: 13) {
            let plain = dense.search(VectorQuery(vector: query, collectionId: 1, limit: 20)).hits
            let other = sparse.search(VectorQuery(vector: query, collectionId: 1, limit: 20)).hits
            #expect(other.map(\.imageId) == plain.map { sparseId(Int($0.imageId)) })
            let filtered = dense.search(VectorQuery(vector: query, collectionId: 1, allowed: Set(allowed.map(Int64.init)), limit: 20))
            let sparseFiltered = sparse.search(VectorQuery(vector: query, collectionId: 1, allowed: Set(allowed.map(sparseId)), limit: 20))
            #expect(sparseFiltered.hits.map(\.imageId) == filtered.hits.map { sparseId(Int($0.imageId)) })
            #expect(sparseFiltered.total == filtered.total)
        }
    }

    /// One insert of many rows (their codes encoded over threads, the vectors written in runs)
    /// holds the same index as many small ones, also with an image given twice in one batch
    /// (its last vector wins), new or already there.
    @Test func oneLargeInsertMatchesManySmallOnes() throws {
        let vectors = Self.vectors(9000, seed: 14)
        let entries = Self.entries(vectors)
        let bulk = VectorIndex(dimension: Self.dimension, parallelism: 2)
        let stale = Self.vectors(100, seed: 15).enumerated().map {
            VectorIndex.Entry(imageId: Int64($0.offset), collectionId: 2, vector: $0.element)
        }
        try bulk.insert(stale + entries)
        let piecewise = VectorIndex(dimension: Self.dimension, parallelism: 1)
        for start in stride(from: 0, to: entries.count, by: 700) {
            try piecewise.insert(Array(entries[start..<min(start + 700, entries.count)]))
        }
        let replacements = Self.entries(Self.vectors(50, seed: 16)) { Int64($0 * 3) }
        let overwritten = replacements.map { VectorIndex.Entry(imageId: $0.imageId, collectionId: 1, vector: vectors[8999]) }
        try bulk.update(upserting: overwritten + replacements, removing: [])
        try piecewise.update(upserting: replacements, removing: [])
        #expect(bulk.count == piecewise.count)
        for query in Self.vectors(6, clusters: 6, seed: 17) + replacements.prefix(3).map(\.vector) {
            let asked = VectorQuery(vector: query, collectionId: 1, limit: 20, floor: .standard)
            #expect(bulk.search(asked) == piecewise.search(asked))
        }
        #expect(bulk.search(VectorQuery(vector: vectors[0], collectionId: 2, limit: 5)).hits.isEmpty)
    }

    /// The float32 vectors go to a file in the folder given, unlinked at once: nothing is left
    /// there; a folder that cannot hold it fails the insert with a typed error.
    @Test func theVectorFileLeavesNothingInItsFolder() throws {
        let folder = try TemporaryDirectory("vector-file")
        defer { folder.remove() }
        let vectors = Self.vectors(300, seed: 18)
        let index = VectorIndex(dimension: Self.dimension, folder: folder.url)
        try index.insert(Self.entries(vectors))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        let hits = index.search(VectorQuery(vector: vectors[42], collectionId: 1, limit: 1)).hits
        #expect(hits.map(\.imageId) == [42])
        #expect(abs(hits[0].score - 1) < 1e-5)
        let missing = VectorIndex(dimension: Self.dimension, folder: folder.url.appendingPathComponent("absent"))
        #expect(throws: VectorIndexError.self) { try missing.insert(Self.entries(vectors)) }
    }

    /// The vector file is read through a mapping that grows with it: an index growing past the
    /// first mapping (16 MiB: 10,923 vectors of 384 values), then shrinking and growing again,
    /// scores every page exactly, as brute force does.
    @Test func theVectorFileIsReadExactlyAsItGrowsAndShrinks() throws {
        let vectors = Self.vectors(12_000, seed: 19)
        let index = VectorIndex(dimension: Self.dimension)
        var reference = Reference()
        for start in stride(from: 0, to: vectors.count, by: 4000) {
            let batch = Self.entries(Array(vectors[start..<(start + 4000)])) { Int64(start + $0) }
            try index.insert(batch)
            for entry in batch {
                reference.vectors[entry.imageId] = entry.vector
                reference.collections[entry.imageId] = 1
            }
            for query in [vectors[start], vectors[start + 3999]] {
                expectSame(index.search(VectorQuery(vector: query, collectionId: 1, limit: 10)).hits, reference.ranked(query).prefix(10))
            }
        }
        let removed = (5000..<11_000).map(Int64.init)
        try index.remove(imageIds: removed)
        for id in removed { reference.vectors[id] = nil }
        let again = Self.entries(Self.vectors(3000, seed: 20)) { Int64(20_000 + $0) }
        try index.insert(again)
        for entry in again {
            reference.vectors[entry.imageId] = entry.vector
            reference.collections[entry.imageId] = 1
        }
        #expect(index.count == 9000)
        for query in [vectors[11_999], vectors[100], again[2999].vector] + Self.vectors(3, clusters: 3, seed: 21) {
            expectSame(index.search(VectorQuery(vector: query, collectionId: 1, limit: 10)).hits, reference.ranked(query).prefix(10))
        }
    }

    /// A catalogue on disk names its data folder (where the search engine keeps the vector file).
    @Test func theCatalogueNamesItsFolder() throws {
        let folder = try TemporaryDirectory("catalogue-folder")
        defer { folder.remove() }
        let catalog = try AppDatabase.open(at: folder.url.appendingPathComponent("catalog.sqlite"))
        #expect(catalog.folder?.standardizedFileURL.path == folder.url.standardizedFileURL.path)
        #expect(try AppDatabase.inMemory().folder == nil)
    }
}
