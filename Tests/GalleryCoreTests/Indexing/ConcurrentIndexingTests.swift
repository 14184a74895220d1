import Foundation
import GalleryTestSupport
import Logging
import Testing

@testable import GalleryCore

/// The server's two job lanes may index one collection at once.
@Suite("Indexer: two runs over one collection at once")
struct ConcurrentIndexingTests {
    typealias Harness = IndexerTests.Harness

    func index(_ harness: Harness, _ roots: [String]) async throws -> IndexSummary {
        try await Indexer(configuration: harness.configuration, catalog: harness.catalog, logger: Logger.quiet)
            .index(roots: roots, collection: harness.collection)
    }

    @Test("two runs over the same files write each path once, and neither loses a thumbnail to the other")
    func sameFiles() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let names = ["astronaut.png", "coffee.png", "chelsea.png", "camera.png", "rocket.jpg", "hubble_deep_field.jpg"]
        for name in names { try harness.copy("skimage/\(name)", to: name) }
        async let first = index(harness, [harness.photos.path])
        async let second = index(harness, names.map { harness.photos.path($0) })
        let summaries = try await [first, second]
        #expect(summaries.allSatisfy { $0.counts.failed == 0 }, "\(summaries.map(\.failuresByReason))")
        let records = try harness.records()
        #expect(records.keys.sorted() == names.map { harness.photos.path($0) }.sorted())
        #expect(records.values.allSatisfy { $0.status == .indexed })
    }

    @Test("two copies of a missing photo found by two runs at once: one takes its record, the other gets its own")
    func sameMissingRecord() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        try harness.copy("skimage/rocket.jpg", to: "rocket.jpg")
        _ = try await harness.index()
        let id = try #require(try harness.records().values.first?.id)
        try FileManager.default.removeItem(atPath: harness.photos.path("rocket.jpg"))
        #expect(try await harness.index().counts.missing == 1)
        for folder in ["a", "b"] {
            try FileManager.default.createDirectory(atPath: harness.photos.path(folder), withIntermediateDirectories: true)
            try harness.copy("skimage/rocket.jpg", to: "\(folder)/rocket.jpg")
        }
        async let first = index(harness, [harness.photos.path("a")])
        async let second = index(harness, [harness.photos.path("b")])
        _ = try await [first, second]
        // A move dropped because the other run took the record is indexed by the next run.
        _ = try await harness.index()
        let records = try harness.records()
        #expect(records.keys.sorted() == [harness.photos.path("a/rocket.jpg"), harness.photos.path("b/rocket.jpg")])
        #expect(records.values.filter { $0.id == id }.count == 1)
    }
}
