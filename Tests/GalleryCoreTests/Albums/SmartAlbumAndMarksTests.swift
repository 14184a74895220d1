import Foundation
import Testing

@testable import GalleryCore

@Suite("Albums: favourites, ratings, smart albums and the query-language hooks")
struct SmartAlbumAndMarksTests {
    @Test func favouritesAndRatingsAreSetTogetherAndBadEditsChangeNothing() throws {
        let fixture = try KeywordCatalogFixture()
        let catalog = fixture.catalog
        let collection = fixture.collectionId
        let a = try fixture.add("/p/a.jpg"), b = try fixture.add("/p/b.jpg")
        #expect(try catalog.setFavorite(true, imageIds: [a, b], collectionId: collection).map(\.favorite) == [true, true])
        #expect(try catalog.setRating(4, imageIds: [a], collectionId: collection) == [ImageMarks(imageId: a, favorite: true, rating: 4)])
        #expect(throws: AlbumError.invalidRating(6)) { try catalog.setRating(6, imageIds: [a], collectionId: collection) }
        #expect(throws: AlbumError.imagesNotFound([77])) { try catalog.setFavorite(false, imageIds: [a, 77], collectionId: collection) }
        #expect(try catalog.marks(imageId: a, collectionId: collection) == ImageMarks(imageId: a, favorite: true, rating: 4))
        try catalog.setMarks(favorite: false, rating: 0, imageIds: [b], collectionId: collection)
        #expect(try catalog.marks(imageIds: [a, b]).keys.sorted() == [a])
        #expect(try catalog.marks(imageId: b, collectionId: collection) == ImageMarks(imageId: b))

        // Another collection's photo cannot be marked or read.
        let owner = try catalog.createUser(name: "other")
        let theirs = try catalog.createCollection(name: "theirs", ownerId: owner.user.id!).id!
        #expect(throws: AlbumError.imagesNotFound([a])) { try catalog.setFavorite(false, imageIds: [a], collectionId: theirs) }
        #expect(throws: AlbumError.imagesNotFound([a])) { try catalog.marks(imageId: a, collectionId: theirs) }
    }

    @Test func queryFieldsFindFavouritesRatingsAndAlbums() throws {
        let fixture = try KeywordCatalogFixture()
        let catalog = fixture.catalog
        let collection = fixture.collectionId
        let ids = try (0..<5).map { try fixture.add("/p/photo\($0).jpg") }
        for (id, stars) in zip(ids, [0, 2, 3, 4, 5]) where stars > 0 {
            try catalog.setRating(stars, imageIds: [id], collectionId: collection)
        }
        try catalog.setFavorite(true, imageIds: [ids[0], ids[4]], collectionId: collection)
        let album = try catalog.createAlbum(name: "Summer 2019", collectionId: collection).id
        try catalog.addToAlbum([ids[1], ids[4]], albumId: album, collectionId: collection)
        let service = SearchService(catalog: catalog, engine: nil)
        func found(_ query: String) throws -> Set<Int64> {
            Set(try service.search(SearchRequest(collectionId: collection, text: query, limit: 100)).results.map(\.id))
        }
        #expect(try found("is:favorite") == [ids[0], ids[4]])
        #expect(try found("rating:>=4") == [ids[3], ids[4]])
        #expect(try found("rating:>3") == [ids[3], ids[4]])
        #expect(try found("rating:<3") == [ids[0], ids[1]])
        #expect(try found("rating:2-3") == [ids[1], ids[2]])
        #expect(try found("rating:0") == [ids[0]])
        #expect(try found("album:\"summer 2019\"") == [ids[1], ids[4]])
        #expect(try found("album:\"Summer 2019\" is:favorite rating:5") == [ids[4]])
        for bad in ["rating:6", "rating:>5", "rating:4-2", "rating:many", "is:blurry", "album:Nowhere"] {
            #expect(throws: SearchError.self, "\(bad)") { try found(bad) }
        }
    }

    @Test func theSameAsFieldsOfTheAPIAndFlagsOfTheCLI() throws {
        let fixture = try KeywordCatalogFixture()
        let catalog = fixture.catalog
        let collection = fixture.collectionId
        let ids = try (0..<3).map { try fixture.add("/p/photo\($0).jpg") }
        try catalog.setRating(5, imageIds: [ids[1]], collectionId: collection)
        try catalog.setFavorite(true, imageIds: [ids[1], ids[2]], collectionId: collection)
        let album = try catalog.createAlbum(name: "Best", collectionId: collection).id
        try catalog.addToAlbum([ids[1]], albumId: album, collectionId: collection)
        let service = SearchService(catalog: catalog, engine: nil)
        func found(_ parameters: [(name: String, value: String)]) throws -> Set<Int64> {
            var request = SearchRequest(collectionId: collection, text: nil, limit: 100)
            request.filters = try SearchFilters(parameters: parameters)
            return Set(try service.search(request).results.map(\.id))
        }
        #expect(try found([("favorite", "true")]) == [ids[1], ids[2]])
        #expect(try found([("favorite", "false")]) == [ids[0]])
        #expect(try found([("rating", ">=4"), ("album", "best")]) == [ids[1]])
        let body = try JSONDecoder().decode(SearchFilters.self, from: Data(#"{"favorite": true, "rating": "5", "album": "Best"}"#.utf8))
        #expect(body.favorite == true && body.rating == "5" && body.album == "Best")
        #expect(throws: SearchError.invalidFilter(.favorite, "must be true or false")) {
            try SearchFilters(parameters: [("favorite", "maybe")])
        }
    }

    @Test func aSmartAlbumIsItsQuerySearchedWhenOpened() throws {
        let fixture = try KeywordCatalogFixture()
        let catalog = fixture.catalog
        let collection = fixture.collectionId
        let a = try fixture.add("/p/a.jpg"), b = try fixture.add("/p/b.jpg")
        let albums = AlbumService(catalog: catalog, search: SearchService(catalog: catalog, engine: nil))
        let best = try albums.create(name: "Best", query: " rating:>=4 ", collectionId: collection)
        #expect(best.kind == "smart" && best.query == "rating:>=4" && best.imageCount == nil)
        #expect(try albums.open(best.id, collectionId: collection, offset: 0, limit: 10).results.isEmpty)
        try catalog.setRating(5, imageIds: [b], collectionId: collection)
        #expect(try albums.open(best.id, collectionId: collection, offset: 0, limit: 10).results.map(\.id) == [b])
        try catalog.setRating(4, imageIds: [a], collectionId: collection)
        #expect(try albums.images(ofAlbum: best.id, collectionId: collection, limit: 10).map(\.path).sorted() == ["/p/a.jpg", "/p/b.jpg"])
        #expect(throws: ExportError.tooManyEntries(count: 2, limit: 1)) {
            try albums.images(ofAlbum: best.id, collectionId: collection, limit: 1)
        }

        // A smart album's photos are its query's: they cannot be added; its query can change.
        #expect(throws: AlbumError.smartAlbum("Best")) { try catalog.addToAlbum([a], albumId: best.id, collectionId: collection) }
        #expect(try albums.setQuery("is:favorite", albumId: best.id, collectionId: collection).query == "is:favorite")
        #expect(try albums.open(best.id, collectionId: collection, offset: 0, limit: 10).results.isEmpty)

        // A query that does not parse or resolve is refused when saved.
        for bad in ["", "colour:blue", "\"unbalanced", "album:Nowhere", "person:Nobody"] {
            #expect(throws: AlbumError.self, "\(bad)") { try albums.create(name: "Bad", query: bad, collectionId: collection) }
        }
        #expect(try catalog.albums(collectionId: collection).map(\.name) == ["Best"])
        let manual = try catalog.createAlbum(name: "Manual", collectionId: collection)
        #expect(throws: AlbumError.self) { try albums.setQuery("is:favorite", albumId: manual.id, collectionId: collection) }
    }
}
