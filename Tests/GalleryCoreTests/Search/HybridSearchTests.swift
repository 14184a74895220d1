import Foundation
import GalleryTestSupport
import Testing

@testable import GalleryCore

@Suite("Hybrid search: the keyword side (names, user tags, exclusions) fused with the semantic side")
struct HybridSearchTests {
    static let photos = [
        "skimage/chelsea.png": "IMG_0001.png", "skimage/coffee.png": "morning espresso.png", "skimage/rocket.jpg": "IMG_0002.jpg",
        "skimage/astronaut.png": "IMG_0003.png",
    ]

    private func name(_ result: SearchReport.Result) -> String { URL(fileURLWithPath: result.path).lastPathComponent }

    private func id(of file: String, _ library: SearchServiceTests.Library) throws -> Int64 {
        try #require(
            library.harness.catalog.findImages(ImageQuery(collectionId: library.collectionId, limit: 10)).images.first {
                $0.path.hasSuffix(file)
            }?.id)
    }

    @Test func aWordInAFileNameRanksItsPhotoFirstAndSaysWhy() async throws {
        let library = try await SearchServiceTests.Library(Self.photos)
        defer { library.harness.remove() }
        let report = try library.service.search(SearchRequest(collectionId: library.collectionId, text: "espressos"))
        let first = try #require(report.results.first)
        #expect(name(first) == "morning espresso.png")
        // The file name, and the model's own tag (ImageNet has an espresso class).
        #expect(first.matched?.contains(MatchReason(field: "names", terms: ["espresso"])) == true)
        #expect(first.keywordScore == 1)
        #expect(report.relevant >= 1 && report.fusion == .standard)
        // Keywords only: the one match; semantic only: no keyword score at all.
        var keywordsOnly = SearchRequest(collectionId: library.collectionId, text: "espresso")
        keywordsOnly.semanticWeight = 0
        #expect(try library.service.search(keywordsOnly).results.map(name) == ["morning espresso.png"])
        var semanticOnly = keywordsOnly
        semanticOnly.semanticWeight = 1
        #expect(try library.service.search(semanticOnly).results.allSatisfy { $0.keywordScore == nil })
        // A last word typed in part is the beginning of a known one; a known word is only itself.
        var partial = SearchRequest(collectionId: library.collectionId, text: "morning espre")
        partial.semanticWeight = 0
        let completed = try #require(try library.service.search(partial).results.first)
        #expect(name(completed) == "morning espresso.png")
        #expect(completed.matched?.contains(MatchReason(field: "names", terms: ["morning", "espresso"])) == true)
        keywordsOnly.text = "img"
        #expect(try library.service.search(keywordsOnly).results.count == 3)
    }

    @Test func userTagsFilterAndExcludedWordsLeaveOut() async throws {
        let library = try await SearchServiceTests.Library(Self.photos)
        defer { library.harness.remove() }
        let id = library.collectionId
        let rocket = try self.id(of: "IMG_0002.jpg", library)
        try library.harness.catalog.addTags(["space trip"], to: rocket, collectionId: id)
        let tagged = try library.service.search(SearchRequest(collectionId: id, text: #"tag:"space trip""#))
        #expect(tagged.results.map(\.id) == [rocket])
        let ranked = try library.service.search(SearchRequest(collectionId: id, text: #"a photo tag:"space trip""#, all: true))
        #expect(ranked.results.map(\.id) == [rocket])
        let without = try library.service.search(SearchRequest(collectionId: id, text: "a photo -espresso -trip", all: true))
        #expect(without.results.count == 2)
        #expect(!without.results.contains { name($0) == "morning espresso.png" || $0.id == rocket })
        #expect(try library.service.search(SearchRequest(collectionId: id, text: "tag:nothing-like-this")).results.isEmpty)
    }

    @Test func ftsSyntaxInUserTextIsOnlyText() async throws {
        let library = try await SearchServiceTests.Library(Self.photos)
        defer { library.harness.remove() }
        for text in [#"espresso* NEAR(a b) ^x "a" + b : ( ) AND NOT"#, "espresso:", "col:espresso", "-*", "NOT", #""""#, "tag:*"] {
            do {
                _ = try library.service.search(SearchRequest(collectionId: library.collectionId, text: text, all: true))
            } catch let error as SearchError {
                // A clear refusal is fine; an FTS5 error is not.
                #expect(!"\(error)".contains("fts5"), "\(text)")
            }
        }
    }
}
