import Foundation
import Testing

@testable import GalleryCore

@Suite("Person directory")
struct PersonDirectoryTests {
    /// Anna: faces 0-3; Ben: faces 4-6; Carl: faces 7-9.
    static func library() throws -> (AppDatabase, Int64, [Int64]) {
        try SyntheticFaces.catalog(
            SyntheticFaces.person(centreAxis: 0, count: 4, firstSpreadAxis: 10)
                + SyntheticFaces.person(centreAxis: 1, count: 3, firstSpreadAxis: 20)
                + SyntheticFaces.person(centreAxis: 2, count: 3, firstSpreadAxis: 30))
    }

    func personOf(_ face: Int64, _ catalog: AppDatabase) throws -> Int64? {
        try catalog.reader.read { db in try Int64.fetchOne(db, sql: "SELECT personId FROM face WHERE id = ?", arguments: [face]) }
    }

    @Test("clustering makes the persons; list and show describe them")
    func listAndShow() throws {
        let (catalog, collection, faces) = try Self.library()
        let summary = try FaceClusterer(catalog: catalog, settings: .init()).cluster(collectionId: collection)
        #expect(summary.newPersons == 3 && summary.unassigned == 0 && summary.persons == 3)
        let persons = try catalog.persons(collectionId: collection)
        #expect(persons.map(\.faces) == [4, 3, 3])
        #expect(persons[0].photos == 4)
        #expect(persons[0].firstDate != nil && persons[0].firstDate! < persons[0].lastDate!)
        let anna = try #require(try personOf(faces[0], catalog))
        let report = try catalog.personReport(id: anna, collectionId: collection)
        #expect(report.photos.map(\.path).sorted() == (0..<4).map { "/photos/\($0).jpg" })
        // A second clustering run changes nothing.
        let again = try FaceClusterer(catalog: catalog, settings: .init()).cluster(collectionId: collection)
        #expect(again.newPersons == 0 && again.joined == 0)
    }

    @Test("user decisions survive a full re-clustering")
    func decisionsSurvive() throws {
        let (catalog, collection, faces) = try Self.library()
        let clusterer = FaceClusterer(catalog: catalog, settings: .init())
        _ = try clusterer.cluster(collectionId: collection)
        let anna = try #require(try personOf(faces[0], catalog))
        let ben = try #require(try personOf(faces[4], catalog))
        let carl = try #require(try personOf(faces[7], catalog))
        _ = try catalog.renamePerson(anna, to: "Anna", collectionId: collection)
        // Merge Carl into Ben (the user says they are one), split face 3 out of Anna into a new
        // person, and mark face 2 "not Anna".
        _ = try catalog.mergePersons(into: ben, from: [carl], collectionId: collection)
        let split = try catalog.moveFaces([faces[3]], to: nil, newName: "Dora", collectionId: collection)
        try catalog.rejectFace(faces[2], collectionId: collection)

        _ = try clusterer.cluster(collectionId: collection, full: true)
        #expect(try personOf(faces[0], catalog) == anna)
        #expect(try personOf(faces[1], catalog) == anna)
        #expect(try personOf(faces[2], catalog) != anna)
        #expect(try personOf(faces[3], catalog) == split.id)
        #expect(try (4...9).allSatisfy { try personOf(faces[$0], catalog) == ben })
        #expect(try catalog.persons(collectionId: collection).map(\.name).contains("Anna"))
    }

    @Test("search by persons: all of them or any")
    func searchByPersons() throws {
        let (catalog, collection, faces) = try Self.library()
        _ = try FaceClusterer(catalog: catalog, settings: .init()).cluster(collectionId: collection)
        let anna = try #require(try personOf(faces[0], catalog))
        let ben = try #require(try personOf(faces[4], catalog))
        _ = try catalog.renamePerson(anna, to: "Anna", collectionId: collection)
        // Put a face of Ben's into one of Anna's photos: that photo has both.
        try catalog.save([
            FaceScan(
                collectionId: collection, path: "/photos/0.jpg", contentHash: "hash0",
                faces: [
                    FoundFace(
                        box: FaceBox(x: 0.1, y: 0.1, width: 0.2, height: 0.2), keypoints: [], score: 0.9,
                        descriptor: SyntheticFaces.axis(0), chip: nil),
                    FoundFace(
                        box: FaceBox(x: 0.5, y: 0.1, width: 0.2, height: 0.2), keypoints: [], score: 0.9,
                        descriptor: SyntheticFaces.axis(1), chip: nil),
                ])
        ])
        _ = try FaceClusterer(catalog: catalog, settings: .init()).cluster(collectionId: collection)
        var filter = ImageFilter()
        filter.persons = [anna, ben]
        let both = try catalog.findImages(ImageQuery(collectionId: collection, filter: filter, offset: 0, limit: 50))
        #expect(both.images.map(\.path) == ["/photos/0.jpg"])
        filter.personMatch = .any
        let either = try catalog.findImages(ImageQuery(collectionId: collection, filter: filter, offset: 0, limit: 50))
        #expect(either.total == 7)

        let named = try catalog.resolvePeople(in: "anna", collectionId: collection)
        #expect(named == PeopleInQuery(text: nil, personIds: [anna]))
        let explicit = try catalog.resolvePeople(in: "person:Anna person:\(ben) at the beach", collectionId: collection)
        #expect(explicit == PeopleInQuery(text: "at the beach", personIds: [anna, ben]))
        #expect(throws: SearchError.unknownPerson("Zed")) { try catalog.resolvePeople(in: "person:Zed", collectionId: collection) }
        #expect(try catalog.resolvePeople(in: "a dog", collectionId: collection) == PeopleInQuery(text: "a dog", personIds: []))
        _ = try catalog.renamePerson(ben, to: "Ben Smith", collectionId: collection)
        #expect(
            try catalog.resolvePeople(in: "Anna and Ben Smith at the beach", collectionId: collection)
                == PeopleInQuery(text: "at the beach", personIds: [anna, ben]))
        // Only capitalised names count inside a longer text: "anna" in lower case stays a word.
        #expect(
            try catalog.resolvePeople(in: "a photo of anna", collectionId: collection)
                == PeopleInQuery(text: "a photo of anna", personIds: []))
    }

    @Test("bad requests are refused with clear errors")
    func errors() throws {
        let (catalog, collection, _) = try Self.library()
        #expect(throws: PersonError.personNotFound(999)) { try catalog.renamePerson(999, to: "X", collectionId: collection) }
        #expect(throws: PersonError.faceNotFound(999)) { try catalog.rejectFace(999, collectionId: collection) }
        let person = try catalog.createPerson(name: "Eve", collectionId: collection)
        #expect(throws: PersonError.invalidName("  ")) { try catalog.renamePerson(person.id, to: "  ", collectionId: collection) }
        #expect(throws: PersonError.nothingToMerge) {
            try catalog.mergePersons(into: person.id, from: [person.id], collectionId: collection)
        }
        // Another collection's person is not found.
        let other = try catalog.collection(named: "other", ownerId: nil, createIfMissing: true)!.id!
        #expect(throws: PersonError.personNotFound(person.id)) { try catalog.person(id: person.id, collectionId: other) }
    }

    @Test("changed content loses the faces of the old content")
    func contentChange() throws {
        let (catalog, collection, _) = try Self.library()
        var record = try #require(try catalog.image(path: "/photos/0.jpg", collectionId: collection))
        record.contentHash = "new"
        try catalog.apply([.upsert(record)])
        #expect(try catalog.faces(imageId: record.id!).isEmpty)
        #expect(try catalog.imagesNeedingFaceScan(collectionId: collection).map(\.path) == ["/photos/0.jpg"])
    }
}
