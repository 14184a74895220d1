import Foundation
import GalleryCore
import GalleryTestSupport
import Testing

@Suite("Model registry: safe names, and vectors of another dimension never searched")
struct ModelRegistrySafetyTests {
    /// A model that only names its vector space (nothing is embedded with it).
    struct NamedModel: EmbeddingModel {
        var identifier: String
        var dimension: Int
        var preprocessing: ImagePreprocessing {
            ImagePreprocessing(size: 1, resizeMode: .squash, interpolation: .bilinear, mean: [0, 0, 0], std: [1, 1, 1])
        }
        var queryStyle: QueryCleaner.Style { .subjectOnly }
        func embedImages(_ images: [PreparedImage]) throws -> [ImageEmbedding] { [] }
        func embedText(_ text: String, language: String?) throws -> [Float] { [] }
    }

    @Test(arguments: ["..", ".", "", "a/b", "../models", ".hidden", "name with space", "naïve", String(repeating: "m", count: 101)])
    func unsafeNamesAreRefusedAndNothingIsDeleted(name: String) throws {
        let home = try TemporaryDirectory()
        defer { home.remove() }
        let source = home.url.appendingPathComponent("source")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: source.appendingPathComponent("config.json"))
        try Data("keep".utf8).write(to: home.url.appendingPathComponent("catalog.sqlite"))
        let registry = ModelRegistry(home: home.url)
        #expect(throws: ModelError.invalidName(name)) { try registry.importModel(from: source, name: name) }
        #expect(throws: ModelError.invalidName(name)) { try registry.use(name) }
        #expect(FileManager.default.fileExists(atPath: home.path("catalog.sqlite")))
        #expect(FileManager.default.fileExists(atPath: source.appendingPathComponent("config.json").path))
    }

    @Test func safeNamesAreInstalledPrivately() throws {
        let home = try TemporaryDirectory()
        defer { home.remove() }
        let source = home.url.appendingPathComponent("source")
        try FileManager.default.createDirectory(at: source.appendingPathComponent("visual"), withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: source.appendingPathComponent("config.json"))
        chmod(source.path, 0o755)
        chmod(source.appendingPathComponent("config.json").path, 0o644)
        let registry = ModelRegistry(home: home.url)
        #expect(try registry.importModel(from: source, name: "ViT-B-32__openai.v2") == "ViT-B-32__openai.v2")
        let installed = registry.folder.appendingPathComponent("ViT-B-32__openai.v2")
        let modes = try [installed, installed.appendingPathComponent("visual"), installed.appendingPathComponent("config.json")].map {
            try FileManager.default.attributesOfItem(atPath: $0.path)[.posixPermissions] as? Int
        }
        #expect(modes == [0o700, 0o700, 0o600])
    }

    @Test func aFolderWithAnotherKindOfManifestIsNotAModel() throws {
        let home = try TemporaryDirectory()
        defer { home.remove() }
        let registry = ModelRegistry(home: home.url)
        for (name, kind) in [("places", "places"), ("offline-pack", "offline-pack")] {
            let folder = registry.folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(#"{"kind": "\#(kind)"}"#.utf8).write(to: folder.appendingPathComponent("manifest.json"))
        }
        #expect(registry.installed().map(\.name) == ["offline-pack"])
        #expect(ModelRegistry.layout(of: registry.folder.appendingPathComponent("places")) == nil)
        #expect(registry.activeName() == "offline-pack")
    }

    @Test func embeddingsOfAnotherDimensionAreDroppedInOneGo() throws {
        let catalog = try AppDatabase.inMemory()
        let collection = try catalog.defaultCollection().id!
        let old = ImageEmbedding(vector: [Float](repeating: 0.1, count: 8), visual: [0.1, 0.2], tags: [])
        let new = ImageEmbedding(vector: [Float](repeating: 0.2, count: 4), visual: [0.1, 0.2], tags: [])
        var images: [CatalogChange] = []
        for (index, hash) in ["a", "b", "c"].enumerated() {
            images.append(
                .upsert(
                    ImageRecord(
                        collectionId: collection, path: "/p/\(index).jpg", status: .indexed, fileSize: 1, modifiedAt: 1, contentHash: hash))
            )
        }
        try catalog.apply(
            images,
            embeddings: [
                EmbeddingRecord(contentHash: "a", model: "clip/m", embedding: old),
                EmbeddingRecord(contentHash: "b", model: "clip/m", embedding: new),
                EmbeddingRecord(contentHash: "c", model: "clip/other", embedding: old),
            ])
        #expect(try catalog.deleteEmbeddings(ofOtherDimensionThan: NamedModel(identifier: "clip/m", dimension: 4)) == 1)
        #expect(try catalog.embeddedHashes(model: "clip/m") == ["b"])
        #expect(try catalog.embeddedHashes(model: "clip/other") == ["c"])
    }

    @Test func theVectorIndexSkipsVectorsOfAnotherLength() throws {
        let index = VectorIndex(dimension: 4)
        try index.insert([
            VectorIndex.Entry(imageId: 1, collectionId: 1, vector: [1, 0, 0, 0]),
            VectorIndex.Entry(imageId: 2, collectionId: 1, vector: [Float](repeating: 0.5, count: 8)),
        ])
        #expect(index.count == 1)
        #expect(index.search(VectorQuery(vector: [1, 0, 0, 0], collectionId: 1, limit: 5)).hits.map(\.imageId) == [1])
    }
}
