import Foundation
import GalleryTestSupport
import Testing

@testable import GalleryCore

@Suite("Search box suggestions: fields, the collection's tags and persons, cameras")
struct SearchSuggestionsTests {
    @Test func completesFieldsAndValuesOfTheCollectionOnly() async throws {
        let library = try await SearchServiceTests.Library(["skimage/rocket.jpg": "rocket.jpg", "piexif/r_canon.jpg": "canon.jpg"])
        defer { library.harness.remove() }
        let catalog = library.harness.catalog
        let id = library.collectionId
        let rocket = try #require(catalog.findImages(ImageQuery(collectionId: id)).images.first { $0.path.hasSuffix("rocket.jpg") }?.id)
        try catalog.addTags(["space trip", "Spaceport"], to: rocket, collectionId: id)
        let other = try #require(try catalog.collection(named: "other", ownerId: nil, createIfMissing: true))

        let fields = try catalog.suggestions(collectionId: id, typing: "pl")
        #expect(fields.first == SearchSuggestion(kind: .field, text: "place:", insert: "place:"))
        let tags = try catalog.suggestions(collectionId: id, typing: "tag:spa")
        #expect(tags.prefix(2).map(\.insert) == [#"tag:"space trip""#, "tag:Spaceport"])
        #expect(tags.allSatisfy { $0.kind == .tag })
        #expect(try catalog.suggestions(collectionId: other.id!, typing: "tag:spa").allSatisfy { $0.text != "space trip" })
        let cameras = try catalog.suggestions(collectionId: id, typing: "camera:can")
        #expect(cameras.map(\.text) == ["Canon", "Canon PowerShot G1 X Mark II"])
        // LIKE's wildcards are text; nothing typed, nothing suggested.
        #expect(try catalog.suggestions(collectionId: id, typing: "%").isEmpty)
        #expect(try catalog.suggestions(collectionId: id, typing: "").isEmpty)
    }
}
