import Foundation
import GalleryCore
import GalleryTestSupport
import Testing

/// The offline pack built by `scripts/models/build-offline-pack.sh`, run from Swift, against the
/// values Python computed on the same files (`golden.json`).
@Suite("Offline pack: classifier + sentence encoder through ONNX Runtime")
struct OfflinePackModelTests {
    struct Golden: Decodable {
        struct Image: Decodable {
            var path: String
            var top5: [Int]
        }

        struct Text: Decodable {
            var text: String
            var embeddingFirst8: [Float]
        }

        var images: [Image]
        var texts: [Text]
    }

    static let folder = Fixtures.repositoryRoot.appendingPathComponent(".cache/models/offline-pack")

    func load() throws -> (OfflinePackModel, Golden) {
        guard FileManager.default.fileExists(atPath: Self.folder.appendingPathComponent("manifest.json").path) else {
            throw FixtureError.missing("\(Self.folder.path) (run scripts/models/build-offline-pack.sh)")
        }
        let runtime = try OnnxRuntime.shared(libraryPath: ModelFixtures.runtimePath)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let golden = try decoder.decode(Golden.self, from: Data(contentsOf: Self.folder.appendingPathComponent("golden.json")))
        return (try OfflinePackModel(folder: Self.folder, runtime: runtime), golden)
    }

    @Test func textEmbeddingsMatchPython() throws {
        let (model, golden) = try load()
        let bank = model.manifest.classBank
        #expect(model.identifier == "offline-pack/\(model.manifest.version)/t\(String(bank.temperature))k\(bank.topK)")
        for text in golden.texts {
            let embedding = try model.embedText(text.text)
            #expect(embedding.count == 384)
            let difference = zip(embedding.prefix(8), text.embeddingFirst8).map { abs($0 - $1) }.max() ?? 1
            #expect(difference < 1e-4, "\(text.text): differs by \(difference)")
        }
    }

    @Test func realPhotosGetTheirClassesAsTagsAndLandNearTheirWords() throws {
        let (model, golden) = try load()
        let decoder = PhotoDecoder()
        for image in golden.images where !image.path.contains("astronaut") {
            let data = try Data(contentsOf: Fixtures.url(image.path))
            let prepared = try decoder.decodePreview(data, maxSide: 768).prepared(for: model.preprocessing)
            let embedding = try #require(try model.embedImages([prepared]).first)
            #expect(embedding.vector.count == 384 && embedding.visual.count == 1280)
            // Resizers differ from PIL's: the top class must be among Python's top 5.
            let python = Set(image.top5)
            let names = try JSONDecoder().decode(
                [[String: AnyCodable]].self, from: Data(contentsOf: Self.folder.appendingPathComponent("classes.json"))
            )
            .compactMap { $0["name"]?.string }
            let expected = Set(python.map { names[$0] })
            #expect(
                expected.contains(embedding.tags[0].label), "\(image.path): top tag \(embedding.tags[0].label), Python's top 5 \(expected)")
        }
        let cat = try model.embedText("a photo of a cat")
        let rocket = try model.embedText("a rocket")
        let chelsea = try model.embedImages([
            try decoder.decodePreview(Data(contentsOf: Fixtures.url("skimage/chelsea.png")), maxSide: 768).prepared(
                for: model.preprocessing)
        ])[0].vector
        func cosine(_ a: [Float], _ b: [Float]) -> Float { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
        #expect(cosine(cat, chelsea) > cosine(rocket, chelsea) + 0.2)
    }

    @Test func batchesGiveTheSameVectorsAsSingleImages() throws {
        let (model, _) = try load()
        let decoder = PhotoDecoder()
        let images = try ["skimage/coffee.png", "skimage/rocket.jpg"].map {
            try decoder.decodePreview(Data(contentsOf: Fixtures.url($0)), maxSide: 768).prepared(for: model.preprocessing)
        }
        let batch = try model.embedImages(images)
        for (index, image) in images.enumerated() {
            let single = try model.embedImages([image])[0]
            let difference = zip(single.vector, batch[index].vector).map { abs($0 - $1) }.max() ?? 1
            #expect(difference < 1e-4)
        }
    }

    @Test func aBrokenPackNamesTheFileAtFault() throws {
        let copy = try TemporaryDirectory("broken-pack")
        defer { copy.remove() }
        let target = copy.url.appendingPathComponent("pack")
        try FileManager.default.copyItem(at: Self.folder, to: target)
        try FileManager.default.removeItem(at: target.appendingPathComponent("vocab.txt"))
        let runtime = try OnnxRuntime.shared(libraryPath: ModelFixtures.runtimePath)
        #expect(throws: ModelError.missingFile(path: target.appendingPathComponent("vocab.txt").path)) {
            try OfflinePackModel(folder: target, runtime: runtime)
        }
    }
}

/// A JSON value, enough to read a string field of an array of objects.
struct AnyCodable: Decodable {
    var string: String?

    init(from decoder: any Decoder) throws {
        string = try? decoder.singleValueContainer().decode(String.self)
    }
}
