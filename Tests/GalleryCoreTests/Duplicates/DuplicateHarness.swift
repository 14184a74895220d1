import Foundation
import GRDB
import GalleryTestSupport
import Logging

@testable import GalleryCore

/// A data folder and a photo folder of real photos and variants of them, indexed by the real
/// indexer (without a model: embeddings are added by hand where a test needs them).
struct DuplicateHarness {
    let home: TemporaryDirectory
    let photos: TemporaryDirectory
    let configuration: GalleryConfiguration
    let catalog: AppDatabase

    init() throws {
        home = try TemporaryDirectory("gallery-home")
        photos = try TemporaryDirectory("gallery-photos")
        configuration = GalleryConfiguration(home: home.url)
        catalog = try AppDatabase.open(at: configuration.catalogURL)
    }

    /// Copies a fixture into the photo folder (or a subfolder).
    func copy(_ fixture: String, as name: String) throws {
        let url = photos.url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: try Fixtures.url(fixture), to: url)
    }

    /// Writes a variant of a fixture: its decoded pixels changed by `make`, encoded by it.
    func variant(of fixture: String, as name: String, _ make: (DecodedImage) throws -> Data) throws {
        let image = try PhotoDecoder().decodePreview(try Data(contentsOf: try Fixtures.url(fixture)), maxSide: 4096)
        let url = photos.url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try make(image).write(to: url)
    }

    @discardableResult
    func index(_ folder: String? = nil, into collection: CollectionRecord? = nil) async throws -> IndexSummary {
        try await Indexer(configuration: configuration, catalog: catalog, logger: Logger.quiet)
            .index(roots: [folder.map { photos.path($0) } ?? photos.path], collection: try collection ?? catalog.defaultCollection())
    }

    func id(_ name: String, collectionId: Int64? = nil) throws -> Int64 {
        let collection = try collectionId ?? catalog.defaultCollection().id!
        guard let id = try catalog.fingerprints(collectionId: collection)[photos.path(name)]?.id else {
            throw FixtureError.missing(photos.path(name))
        }
        return id
    }

    /// The groups of a tier as sets of file names.
    func groups(_ tier: DuplicateTier, collectionId: Int64? = nil) throws -> [Set<String>] {
        try catalog.duplicateGroups(collectionId: collectionId ?? catalog.defaultCollection().id!, tier: tier).groups.map { group in
            Set(group.members.map { URL(fileURLWithPath: $0.path).lastPathComponent })
        }
    }

    /// Gives an image an embedding (its visual features `visual`, normalised) and a capture time.
    func set(_ name: String, visual: [Float]? = nil, takenAt: Date? = nil) throws {
        let id = try id(name)
        try catalog.writer.write { db in
            let hash = try String.fetchOne(db, sql: "SELECT contentHash FROM image WHERE id = ?", arguments: [id])!
            if let visual {
                let norm = visual.map { $0 * $0 }.reduce(0, +).squareRoot()
                let unit = visual.map { $0 / norm }
                try EmbeddingRecord(contentHash: hash, model: "test", embedding: ImageEmbedding(vector: unit, visual: unit, tags: []))
                    .upsert(db)
            }
            if let takenAt { try db.execute(sql: "UPDATE image SET takenAt = ? WHERE id = ?", arguments: [takenAt, id]) }
            // Looked up again with what changed.
            try db.execute(sql: "DELETE FROM duplicateLookup WHERE imageId = ?", arguments: [id])
        }
    }
}
