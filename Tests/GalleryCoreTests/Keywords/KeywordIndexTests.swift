import Foundation
import GRDB
import Testing

@testable import GalleryCore

@Suite("Keywords: the FTS5 index kept in step with the catalogue")
struct KeywordIndexTests {
    @Test func newImagesAreFoundByTheirNamesCaptionsAndCamera() throws {
        let fixture = try KeywordCatalogFixture()
        let beach = try fixture.add("/photos/2019/Spain/IMG_2019-07-14_beachParty.jpg") {
            $0.keywords = ["Sitges"]
            $0.captions = PhotoCaptions(title: "Sunset over the sea")
            $0.cameraMake = "Canon"
            $0.cameraModel = "Canon EOS 40D"
        }
        try fixture.add("/photos/2020/office.jpg")
        #expect(try fixture.find("beach party") == [beach])
        #expect(try fixture.find("spain") == [beach])
        #expect(try fixture.find("sitges sunset") == [beach])
        #expect(try fixture.find("eos") == [beach])
        let match = try #require(
            try fixture.catalog.keywordMatches(
                collectionId: fixture.collectionId, query: .allWords("party sunset"), filter: ImageFilter(), limit: 5
            ).first)
        #expect(match.matched == [.names: ["party"], .captions: ["sunset"]])
    }

    @Test func namingRenamingAndMergingPersonsUpdateTheirPhotos() throws {
        let fixture = try KeywordCatalogFixture()
        let photo = try fixture.add("/p/one.jpg")
        let other = try fixture.add("/p/two.jpg")
        let face = try fixture.addFace(to: "/p/one.jpg")
        let otherFace = try fixture.addFace(to: "/p/two.jpg")
        let anna = try fixture.catalog.createPerson(name: "Anna", collectionId: fixture.collectionId)
        _ = try fixture.catalog.assignFace(face, to: anna.id, collectionId: fixture.collectionId)
        #expect(try fixture.find("anna") == [photo])
        _ = try fixture.catalog.renamePerson(anna.id, to: "Annabel", collectionId: fixture.collectionId)
        #expect(try fixture.find("anna").isEmpty)
        #expect(try fixture.find("annabel") == [photo])
        let ben = try fixture.catalog.createPerson(name: "Ben", collectionId: fixture.collectionId)
        _ = try fixture.catalog.assignFace(otherFace, to: ben.id, collectionId: fixture.collectionId)
        _ = try fixture.catalog.mergePersons(into: anna.id, from: [ben.id], collectionId: fixture.collectionId)
        #expect(Set(try fixture.find("annabel")) == [photo, other])
        #expect(try fixture.find("ben").isEmpty)
        try fixture.catalog.deletePerson(anna.id, collectionId: fixture.collectionId)
        #expect(try fixture.find("annabel").isEmpty)
    }

    @Test func userTagsAndDescriptionsAreIndexedAndUnindexed() throws {
        let fixture = try KeywordCatalogFixture()
        let id = try fixture.add("/p/a.jpg")
        try fixture.catalog.addTags(["Grandma's birthday", "cake"], to: id, collectionId: fixture.collectionId)
        #expect(try fixture.find("birthday") == [id])
        try fixture.catalog.renameTag("cake", to: "torte", collectionId: fixture.collectionId)
        #expect(try fixture.find("cake").isEmpty)
        #expect(try fixture.find("torte") == [id])
        try fixture.catalog.removeTags(["TORTE"], from: id, collectionId: fixture.collectionId)
        #expect(try fixture.find("torte").isEmpty)
        try fixture.catalog.setDescription("Candles on the table", of: id, collectionId: fixture.collectionId)
        #expect(try fixture.find("candles") == [id])
        try fixture.catalog.setDescription(nil, of: id, collectionId: fixture.collectionId)
        #expect(try fixture.find("candles").isEmpty)
    }

    @Test func deletedImagesLeaveTheIndex() throws {
        let fixture = try KeywordCatalogFixture()
        let id = try fixture.add("/p/zebra.jpg")
        #expect(try fixture.find("zebra") == [id])
        _ = try fixture.catalog.deleteImages(ids: [id])
        #expect(try fixture.find("zebra").isEmpty)
        let rows = try fixture.catalog.reader.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM keywordIndex") }
        #expect(rows == 0)
    }

    @Test func modelTagsComeWithTheirWords() throws {
        let fixture = try KeywordCatalogFixture()
        let cat = try fixture.add("/p/IMG_1.jpg", hash: "c1")
        try fixture.add("/p/IMG_2.jpg", hash: "c2")
        let embedding = ImageEmbedding(
            vector: [1, 0], visual: [1, 0], tags: [Tag(label: "tabby cat", score: 0.7), Tag(label: "lynx", score: 0.01)])
        try fixture.catalog.apply([], embeddings: [EmbeddingRecord(contentHash: "c1", model: "m", embedding: embedding)])
        #expect(try fixture.find("tabby") == [cat])
        #expect(try fixture.find("lynx").isEmpty)  // below the score a second tag needs
        #expect(try fixture.find("feline").isEmpty)
        let words = TagWords(wordsByLabel: ["tabby cat": ["tabby", "domestic cat", "cat", "feline", "animal"]])
        #expect(try fixture.catalog.installTagWords(words))
        #expect(try !fixture.catalog.installTagWords(words))  // the same words: nothing to redo
        #expect(try fixture.find("feline") == [cat])
        #expect(try fixture.find("animal") == [cat])
    }

    /// Copies share an embedding: writing it again (an upsert) while their documents are still
    /// marked must not trip over the marks (an indexing run of the Tux Paint stamps did).
    @Test func anEmbeddingWrittenAgainForMarkedCopiesIsFine() throws {
        let fixture = try KeywordCatalogFixture()
        let first = try fixture.add("/p/a.jpg", hash: "same")
        let copy = try fixture.add("/p/copy of a.jpg", hash: "same")
        let embedding = ImageEmbedding(vector: [1, 0], visual: [1, 0], tags: [Tag(label: "tabby cat", score: 0.7)])
        let record = EmbeddingRecord(contentHash: "same", model: "m", embedding: embedding)
        try fixture.catalog.apply([], embeddings: [record])
        try fixture.catalog.apply([], embeddings: [record])
        #expect(try Set(fixture.find("tabby")) == [first, copy])
    }

    /// A change is marked in its own transaction; a refresh that never ran (a crash) is finished
    /// by the next one, and a catalogue from before the migration gets every document.
    @Test func pendingDocumentsSurviveAndAreFinishedLater() throws {
        let fixture = try KeywordCatalogFixture()
        for index in 0..<7 { try fixture.add("/p/walrus-\(index).jpg") }
        #expect(try fixture.catalog.pendingKeywordDocuments() == 7)
        #expect(try fixture.catalog.refreshKeywordIndex(batchSize: 3) == 7)
        #expect(try fixture.catalog.pendingKeywordDocuments() == 0)
        #expect(try fixture.find("walrus").count == 7)
        try fixture.catalog.writer.write { db in
            try db.execute(sql: "DELETE FROM keywordIndex")
            try db.execute(sql: "INSERT INTO keywordDirty(imageId) SELECT id FROM image")
        }
        #expect(try fixture.find("walrus").count == 7)
    }

    @Test func theMigrationIndexesImagesAlreadyThere() throws {
        let queue = try DatabaseQueue()
        try CatalogMigrations.migrator.migrate(queue, upTo: "v6: jobs")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO collection(name, createdAt) VALUES ('default', ?)", arguments: [Date()])
            try db.execute(
                sql: """
                    INSERT INTO image(collectionId, path, status, fileSize, modifiedAt, contentHash, indexedAt)
                    VALUES (1, '/old/photos/narwhal.jpg', 'indexed', 1, 1, 'h', ?)
                    """, arguments: [Date()])
        }
        let catalog = try AppDatabase(queue)
        #expect(try catalog.keywordMatches(collectionId: 1, query: .allWords("narwhal"), filter: ImageFilter(), limit: 5).count == 1)
        let captions = try queue.read { db in try String.fetchOne(db, sql: "SELECT captions FROM image") }
        #expect(captions == nil)  // read again by CaptionBackfill
    }
}
