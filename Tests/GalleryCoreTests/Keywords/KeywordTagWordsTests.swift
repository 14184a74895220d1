import Foundation
import GalleryTestSupport
import Testing

@testable import GalleryCore

/// The words built from Debian's wordnet-base by scripts/models/build-tag-words.sh.
@Suite("Keywords: WordNet words of the model's tags")
struct KeywordTagWordsTests {
    static func load() throws -> TagWords {
        let folder = Fixtures.repositoryRoot.appendingPathComponent(".cache/models/tag-words")
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(TagWords.fileName).path) else {
            throw FixtureError.missing(folder.path + " (run scripts/models.sh)")
        }
        return try TagWords.load(from: folder)
    }

    @Test func aTabbyCatIsACatAFelineAMammalAndAnAnimal() throws {
        let words = try Self.load().words(for: "tabby cat")
        for word in ["tabby", "domestic cat", "house cat", "cat", "feline", "carnivore", "placental", "mammal", "vertebrate", "animal"] {
            #expect(words.contains(word), "\(word) missing from \(words)")
        }
        for abstract in ["organism", "living thing", "whole", "object", "physical entity", "entity", "Felis catus"] {
            #expect(!words.contains(abstract), "\(abstract) should not be there")
        }
    }

    @Test(arguments: [
        ("sports car", ["car", "motor vehicle", "vehicle"]),
        ("banana", ["edible fruit", "fruit", "food"]),
        ("mountain bike", ["bicycle", "bike", "vehicle"]),
        ("goldfinch", ["finch", "bird"]),
    ])
    func classesKnowTheirKinds(label: String, expected: [String]) throws {
        let words = try Self.load().words(for: label)
        for word in expected { #expect(words.contains(word), "\(label): \(word) missing from \(words)") }
    }

    @Test func everyClassHasWords() throws {
        let words = try Self.load()
        #expect(words.wordsByLabel.count >= 990)  // 1,000 classes, a few sharing a name
        #expect(words.wordsByLabel.values.allSatisfy { !$0.isEmpty })
    }

    /// What an index run does at its end: the words installed from the model files reach the
    /// documents of photos tagged before.
    @Test func indexingInstallsTheWordsAndRebuildsTheDocuments() throws {
        let fixture = try KeywordCatalogFixture()
        let cat = try fixture.add("/p/IMG_1.jpg", hash: "c1") { $0.captions = PhotoCaptions() }
        let embedding = ImageEmbedding(vector: [1], visual: [1], tags: [Tag(label: "tabby cat", score: 0.6)])
        try fixture.catalog.apply([], embeddings: [EmbeddingRecord(contentHash: "c1", model: "m", embedding: embedding)])
        #expect(try fixture.find("feline").isEmpty)
        let folder = Fixtures.repositoryRoot.appendingPathComponent(".cache/models/tag-words")
        _ = try Self.load()
        try KeywordMaintenance(catalog: fixture.catalog, tagWordsFolder: folder, logger: .quiet)
            .run(collectionId: fixture.collectionId, decoder: PhotoDecoder())
        #expect(try fixture.catalog.pendingKeywordDocuments() == 0)
        for word in ["feline", "house cat", "mammal", "animal"] { #expect(try fixture.find(word) == [cat], "\(word)") }
    }
}
