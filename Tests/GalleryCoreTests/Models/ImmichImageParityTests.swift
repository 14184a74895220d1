import Foundation
import GalleryCore
import GalleryTestSupport
import Testing

@Suite("Model inputs and image vectors equal Immich's (Python reference, tiny CLIP)")
struct ImmichImageParityTests {
    private static func results() throws -> [ModelInputParity.Result] {
        let runtime = try OnnxRuntime.shared(libraryPath: ModelFixtures.runtimePath)
        let model = try ClipModel(folder: try ModelFixtures.folder("tiny-clip"), runtime: runtime)
        return try ModelInputParity(folder: try ModelFixtures.folder("image-golden")).compare(with: model)
    }

    @Test("every photo of every shape and kind: the same preview, input and vector")
    func everyPhoto() throws {
        let results = try Self.results()
        #expect(results.count >= 20)
        for result in results {
            #expect(result.previewMatches, "\(result.photo): preview size differs")
            // Pillow's resampling reproduced bit for bit: only float32 rounding may differ.
            #expect(result.maxInputDifference < 1e-5, "\(result.photo): input differs by \(result.maxInputDifference)")
            #expect(result.maxEmbeddingDifference < 1e-4, "\(result.photo): vector differs by \(result.maxEmbeddingDifference)")
            #expect(result.cosine >= 0.99999, "\(result.photo): cosine \(result.cosine)")
        }
    }

    @Test("one photo, one vector: a first index and a re-embedding over existing thumbnails agree")
    func oneVectorWhicheverPathRan() async throws {
        let golden = try ModelFixtures.folder("image-golden")
        let harness = try IndexerTests.Harness()
        defer { harness.remove() }
        for name in ["huge.jpg", "rotated-270-huge.jpg", "rgba.png", "tall.jpg"] {
            try FileManager.default.copyItem(
                at: golden.appendingPathComponent("photos/\(name)"), to: harness.photos.url.appendingPathComponent(name))
        }
        let runtime = try OnnxRuntime.shared(libraryPath: ModelFixtures.runtimePath)
        let model = try ClipModel(folder: try ModelFixtures.folder("tiny-clip"), runtime: runtime)
        let indexer = Indexer(configuration: harness.configuration, catalog: harness.catalog, logger: .quiet, model: model)
        _ = try await indexer.index(roots: [harness.photos.path], collection: harness.collection)
        let hashes = try harness.records().values.compactMap(\.contentHash)
        #expect(hashes.count == 4)
        let first = try hashes.map { try harness.catalog.embedding(contentHash: $0, model: model.identifier)?.vector }
        // Thumbnails stay; only the vectors go, as `gallery index --reembed` does.
        #expect(try harness.catalog.deleteEmbeddings(model: model.identifier) == 4)
        _ = try await indexer.index(roots: [harness.photos.path], collection: harness.collection)
        let second = try hashes.map { try harness.catalog.embedding(contentHash: $0, model: model.identifier)?.vector }
        #expect(first.allSatisfy { $0 != nil })
        #expect(first == second)
    }
}
