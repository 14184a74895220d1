import Foundation
import GalleryTestSupport
import Testing

@testable import GalleryCore

@Suite("Albums: manual albums in the catalogue")
struct AlbumCatalogTests {
    @Test func albumsAreNamedOncePerCollectionAndScopedToIt() throws {
        let fixture = try KeywordCatalogFixture()
        let catalog = fixture.catalog
        let mine = fixture.collectionId
        let owner = try catalog.createUser(name: "someone")
        let theirs = try catalog.createCollection(name: "theirs", ownerId: owner.user.id!).id!
        let album = try catalog.createAlbum(name: "  Summer   2019 ", collectionId: mine)
        #expect(album.name == "Summer 2019" && album.kind == "manual" && album.imageCount == 0)
        #expect(throws: AlbumError.nameTaken("summer 2019")) { try catalog.createAlbum(name: "summer 2019", collectionId: mine) }
        #expect(try catalog.createAlbum(name: "Summer 2019", collectionId: theirs).name == "Summer 2019")
        #expect(throws: AlbumError.invalidName(" \t")) { try catalog.createAlbum(name: " \t", collectionId: mine) }
        #expect(throws: AlbumError.invalidName("a\u{0}b")) { try catalog.createAlbum(name: "a\u{0}b", collectionId: mine) }
        let long = String(repeating: "x", count: AlbumLimits.maxNameLength + 1)
        #expect(throws: AlbumError.invalidName(long)) { try catalog.createAlbum(name: long, collectionId: mine) }

        // Another collection's album is not found by id, by name, nor changed.
        #expect(throws: AlbumError.albumNotFound(album.id)) { try catalog.album(id: album.id, collectionId: theirs) }
        #expect(throws: AlbumError.albumNotFound(album.id)) { try catalog.renameAlbum(id: album.id, to: "x", collectionId: theirs) }
        #expect(throws: AlbumError.albumNotFound(album.id)) { try catalog.deleteAlbum(id: album.id, collectionId: theirs) }
        #expect(try catalog.albums(collectionId: theirs).map(\.id) != [album.id])

        let other = try catalog.createAlbum(name: "Autumn", collectionId: mine)
        #expect(throws: AlbumError.nameTaken("AUTUMN")) { try catalog.renameAlbum(id: album.id, to: "AUTUMN", collectionId: mine) }
        #expect(try catalog.renameAlbum(id: album.id, to: "summer 2019", collectionId: mine).name == "summer 2019")
        #expect(try catalog.albums(collectionId: mine).map(\.name) == ["Autumn", "summer 2019"])
        try catalog.deleteAlbum(id: other.id, collectionId: mine)
        #expect(try catalog.albums(collectionId: mine).map(\.name) == ["summer 2019"])
    }

    @Test func photosAreAddedOrderedCoveredAndRemoved() throws {
        let fixture = try KeywordCatalogFixture()
        let catalog = fixture.catalog
        let collection = fixture.collectionId
        let ids = try (0..<4).map { try fixture.add("/p/\($0).jpg") }
        let album = try catalog.createAlbum(name: "Trip", collectionId: collection).id
        #expect(
            try catalog.addToAlbum([ids[0], ids[1], ids[2]], albumId: album, collectionId: collection)
                == AlbumEdit(changed: 3, unchanged: 0, imageCount: 3))
        #expect(
            try catalog.addToAlbum([ids[1], ids[3], ids[3]], albumId: album, collectionId: collection)
                == AlbumEdit(changed: 1, unchanged: 1, imageCount: 4))
        #expect(try order(catalog, album, collection) == [ids[0], ids[1], ids[2], ids[3]])
        try catalog.moveInAlbum([ids[3], ids[2]], to: 0, albumId: album, collectionId: collection)
        #expect(try order(catalog, album, collection) == [ids[3], ids[2], ids[0], ids[1]])
        try catalog.moveInAlbum([ids[3]], to: 99, albumId: album, collectionId: collection)
        #expect(try order(catalog, album, collection) == [ids[2], ids[0], ids[1], ids[3]])
        #expect(try catalog.album(id: album, collectionId: collection).coverImageId == ids[2])
        #expect(try catalog.setAlbumCover(ids[1], albumId: album, collectionId: collection).coverImageId == ids[1])
        #expect(try catalog.albums(containing: ids[1], collectionId: collection).map(\.id) == [album])

        let removed = try catalog.removeFromAlbum([ids[1], ids[0], 999_999], albumId: album, collectionId: collection)
        #expect(removed == AlbumEdit(changed: 2, unchanged: 1, imageCount: 2))
        #expect(try order(catalog, album, collection) == [ids[2], ids[3]])
        // The cover left with its photo: the first photo again.
        #expect(try catalog.album(id: album, collectionId: collection).coverImageId == ids[2])
        let positions = try catalog.reader.read { db in
            try Int.fetchAll(db, sql: "SELECT position FROM albumImage WHERE albumId = ? ORDER BY position", arguments: [album])
        }
        #expect(positions == [0, 1])

        // Bad edits say why and change nothing.
        #expect(throws: AlbumError.imagesNotFound([999_999])) {
            try catalog.addToAlbum([ids[0], 999_999], albumId: album, collectionId: collection)
        }
        #expect(throws: AlbumError.coverNotInAlbum(ids[0])) { try catalog.setAlbumCover(ids[0], albumId: album, collectionId: collection) }
        #expect(throws: AlbumError.imagesNotFound([ids[0]])) {
            try catalog.moveInAlbum([ids[0]], to: 0, albumId: album, collectionId: collection)
        }
        #expect(throws: AlbumError.noImages) { try catalog.addToAlbum([], albumId: album, collectionId: collection) }
        #expect(try order(catalog, album, collection) == [ids[2], ids[3]])

        // Deleting a photo takes it out of its albums; a photo added after goes last all the same.
        _ = try catalog.deleteImages(ids: [ids[2]])
        #expect(try order(catalog, album, collection) == [ids[3]])
        try catalog.addToAlbum([ids[0]], albumId: album, collectionId: collection)
        #expect(try order(catalog, album, collection) == [ids[3], ids[0]])
        try catalog.removeFromAlbum([ids[0]], albumId: album, collectionId: collection)
        // Deleting the album keeps the photos.
        try catalog.deleteAlbum(id: album, collectionId: collection)
        #expect(try catalog.image(id: ids[3], collectionId: collection) != nil)
    }

    @Test func anAlbumOfThousandsIsEditedInOneStepAndPagedInOrder() throws {
        let fixture = try KeywordCatalogFixture()
        let catalog = fixture.catalog
        let collection = fixture.collectionId
        var records: [CatalogChange] = []
        for number in 0..<6_000 {
            var record = ImageRecord(
                collectionId: collection, path: "/big/\(number).jpg", status: .indexed, fileSize: 10, modifiedAt: 1,
                contentHash: "h\(number)")
            record.format = .jpeg
            records.append(.upsert(record))
        }
        try catalog.apply(records)
        let ids = try catalog.findImages(ImageQuery(collectionId: collection, limit: 6_000)).images.map { $0.id! }.sorted()
        #expect(ids.count == 6_000)
        var random = SplitMix64(seed: 12)
        let shuffled = ids.shuffled(using: &random)
        let album = try catalog.createAlbum(name: "Everything", collectionId: collection).id
        let edit = try catalog.addToAlbum(Array(shuffled.prefix(AlbumLimits.maxImagesPerEdit)), albumId: album, collectionId: collection)
        #expect(edit.imageCount == 6_000)
        var paged: [Int64] = []
        while true {
            let page = try catalog.albumImages(albumId: album, collectionId: collection, offset: paged.count, limit: 1_000)
            #expect(page.total == 6_000)
            if page.images.isEmpty { break }
            paged += page.images.map { $0.id! }
        }
        #expect(paged == shuffled)

        try catalog.moveInAlbum(Array(shuffled.suffix(500)), to: 0, albumId: album, collectionId: collection)
        #expect(try order(catalog, album, collection).prefix(500) == shuffled.suffix(500)[...])
        #expect(try catalog.removeFromAlbum(Array(shuffled.prefix(3_000)), albumId: album, collectionId: collection).imageCount == 3_000)
        #expect(try order(catalog, album, collection) == Array(shuffled.suffix(500) + shuffled[3_000..<5_500]))

        let tooMany = [Int64](repeating: ids[0], count: AlbumLimits.maxImagesPerEdit + 1)
        #expect(throws: AlbumError.tooManyImagesAtOnce(limit: AlbumLimits.maxImagesPerEdit)) {
            try catalog.addToAlbum(tooMany, albumId: album, collectionId: collection)
        }
        #expect(try catalog.album(id: album, collectionId: collection).imageCount == 3_000)
    }

    @Test func resolvingDuplicatesGivesTheKeeperTheirAlbumsCoversAndMarks() throws {
        let fixture = try KeywordCatalogFixture()
        let catalog = fixture.catalog
        let collection = fixture.collectionId
        let keeper = try fixture.add("/p/keeper.jpg"), copy = try fixture.add("/p/copy.jpg"), other = try fixture.add("/p/other.jpg")
        let trip = try catalog.createAlbum(name: "Trip", collectionId: collection).id
        let both = try catalog.createAlbum(name: "Both", collectionId: collection).id
        try catalog.addToAlbum([other, copy], albumId: trip, collectionId: collection)
        try catalog.setAlbumCover(copy, albumId: trip, collectionId: collection)
        try catalog.addToAlbum([keeper, copy], albumId: both, collectionId: collection)
        try catalog.setMarks(favorite: true, rating: 2, imageIds: [copy], collectionId: collection)
        try catalog.setRating(4, imageIds: [keeper], collectionId: collection)

        try catalog.mergeAlbumsAndMarks(of: [copy], into: keeper, collectionId: collection)
        #expect(try order(catalog, trip, collection) == [other, keeper, copy])
        #expect(try order(catalog, both, collection) == [keeper, copy])
        #expect(try catalog.album(id: trip, collectionId: collection).coverImageId == keeper)
        #expect(try catalog.marks(imageId: keeper, collectionId: collection) == ImageMarks(imageId: keeper, favorite: true, rating: 4))
        _ = try catalog.deleteImages(ids: [copy])
        #expect(try order(catalog, trip, collection) == [other, keeper])
        #expect(throws: AlbumError.imagesNotFound([999])) {
            try catalog.mergeAlbumsAndMarks(of: [999], into: keeper, collectionId: collection)
        }
    }

    private func order(_ catalog: AppDatabase, _ album: Int64, _ collection: Int64) throws -> [Int64] {
        try catalog.albumImages(albumId: album, collectionId: collection, offset: 0, limit: 10_000).images.map { $0.id! }
    }
}
