import Foundation
import GalleryTestSupport
import Testing

@testable import GalleryCore

@Suite("Semantic side of the query language: OR alternatives, subtracted concepts, text with an example image")
struct SemanticBlendTests {
    static let photos = [
        "skimage/chelsea.png": "chelsea.png", "skimage/coffee.png": "coffee.png", "skimage/rocket.jpg": "rocket.jpg",
        "skimage/astronaut.png": "astronaut.png",
    ]

    private func names(_ report: SearchReport) -> [String] {
        report.results.map { URL(fileURLWithPath: $0.path).lastPathComponent }
    }

    @Test func orFindsEitherAndASubtractedConceptSinks() async throws {
        let library = try await SearchServiceTests.Library(Self.photos)
        defer { library.harness.remove() }
        let id = library.collectionId
        let either = try library.service.search(SearchRequest(collectionId: id, text: "cat OR rocket", all: true))
        #expect(Set(names(either).prefix(2)) == ["chelsea.png", "rocket.jpg"])
        let minusRocket = try library.service.search(SearchRequest(collectionId: id, text: #"cat OR rocket -"rocket""#, all: true))
        #expect(names(minusRocket).first == "chelsea.png")
        func rocketScore(_ report: SearchReport) -> Double? { report.results.first { $0.path.hasSuffix("rocket.jpg") }?.score }
        #expect(try #require(rocketScore(minusRocket)) < (try #require(rocketScore(either))) - 0.1)
        #expect(minusRocket.parts.map(\.text) == ["cat OR rocket", #"-"rocket""#])
    }

    @Test func anExampleImageAndWordsMakeOneQuery() async throws {
        let library = try await SearchServiceTests.Library(Self.photos)
        defer { library.harness.remove() }
        let id = library.collectionId
        let rocket = try #require(
            library.harness.catalog.findImages(ImageQuery(collectionId: id, limit: 10)).images.first { $0.path.hasSuffix("rocket.jpg") }?.id
        )
        var request = SearchRequest(collectionId: id, text: "a cup of coffee", example: .image(id: rocket), all: true)
        request.exampleWeight = 0.2
        let blended = try library.service.search(request)
        // The example itself is left out; the words pull the coffee up.
        #expect(!blended.results.contains { $0.id == rocket })
        #expect(names(blended).first == "coffee.png")
        request.exampleWeight = 1.5
        #expect(throws: SearchError.self) { try library.service.search(request) }
    }

    @Test func datesAndFieldsInTheTextFilterWithoutEmbedding() async throws {
        let library = try await SearchServiceTests.Library(Self.photos)
        defer { library.harness.remove() }
        let id = library.collectionId
        // No photo here has a capture date: a year in the text filters them all out.
        let dated = try library.service.search(SearchRequest(collectionId: id, text: "a cat 2019"))
        #expect(dated.results.isEmpty)
        #expect(dated.parts.first == QueryPart(kind: .date, text: "2019"))
        let typed = try library.service.search(SearchRequest(collectionId: id, text: "type:jpeg OR type:png"))
        #expect(typed.total == 4 && typed.results.allSatisfy { $0.score == nil })
        #expect(throws: SearchError.self) { try library.service.search(SearchRequest(collectionId: id, text: "colour:red")) }
    }
}
