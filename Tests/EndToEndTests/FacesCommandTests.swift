import Foundation
import GalleryTestSupport
import Testing

@Suite("gallery CLI: faces and persons as a user runs them")
struct FacesCommandTests {
    static let obama = ["obama.jpg", "obama2.jpg", "obama3.jpg", "obama_partial_face.jpg", "obama_partial_face2.jpg"]

    /// A data folder with the face models installed, and a photo folder with Obama's five
    /// photos, Biden's one, and two photos without a person's face.
    static func library() throws -> (GalleryProcess, TemporaryDirectory, TemporaryDirectory) {
        let home = try TemporaryDirectory("gallery-home")
        let photos = try TemporaryDirectory("gallery-photos")
        try FileManager.default.createDirectory(atPath: home.path("models"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: home.path("models/faces"), withDestinationPath: ModelFixtures.folder("faces").path)
        for name in obama + ["biden.jpg"] {
            try FileManager.default.copyItem(atPath: Fixtures.path("face-recognition/\(name)"), toPath: photos.path(name))
        }
        for name in ["chelsea.png", "coffee.png"] {
            try FileManager.default.copyItem(atPath: Fixtures.path("skimage/\(name)"), toPath: photos.path(name))
        }
        return (GalleryProcess(home: home.path), home, photos)
    }

    @Test func indexClusterNameAndSearchByPerson() throws {
        let (gallery, home, photos) = try Self.library()
        defer { home.remove(); photos.remove() }
        let index = try gallery.run(["index", photos.path, "--no-embed", "--json"])
        #expect(index.status == 0, "\(index.standardError)")
        let clustering = try #require((try index.json()["faces"] as? [String: Any])?["clustering"] as? [String: Any])
        #expect(clustering["faces"] as? Int == 6)
        #expect(clustering["persons"] as? Int == 1)

        let list = try gallery.run(["persons", "list", "--json"]).json()
        let persons = try #require(list["persons"] as? [[String: Any]])
        #expect(persons.count == 1)
        let person = try #require(persons.first)
        #expect(person["faces"] as? Int == 5 && person["photos"] as? Int == 5)
        let id = try #require(person["id"] as? Int)

        let named = try gallery.run(["persons", "name", "\(id)", "Barack"])
        #expect(named.status == 0, "\(named.standardError)")
        let show = try gallery.run(["persons", "show", "Barack", "--json"]).json()
        #expect(show["name"] as? String == "Barack")
        let shownPaths = try #require(show["photos"] as? [[String: Any]]).compactMap { $0["path"] as? String }
        #expect(Set(shownPaths) == Set(Self.obama.map { photos.path($0) }))

        for query in ["person:Barack", "barack", "person:\"Barack\""] {
            let search = try gallery.run(["search", query, "--json"])
            #expect(search.status == 0, "\(query): \(search.standardError)")
            let paths = try #require(try search.json()["results"] as? [[String: Any]]).compactMap { $0["path"] as? String }
            #expect(Set(paths) == Set(Self.obama.map { photos.path($0) }), "\(query)")
        }
        let byOption = try gallery.run(["search", "--person", "Barack", "--json"]).json()
        #expect(byOption["total"] as? Int == 5)
        let unknown = try gallery.run(["search", "person:Nobody"])
        #expect(unknown.status != 0 && unknown.standardError.contains("no person named 'Nobody'"))

        // Biden's face waits in the review queue, unassigned.
        let bidenFaces = try gallery.run(["faces", "list", photos.path("biden.jpg"), "--json"]).json()
        let bidenFace = try #require((bidenFaces["faces"] as? [[String: Any]])?.first)
        #expect(bidenFace["person_id"] == nil || bidenFace["person_id"] is NSNull)
        let review = try gallery.run(["faces", "review", "--json"]).json()
        #expect((review["faces"] as? [[String: Any]])?.contains { $0["id"] as? Int == bidenFace["id"] as? Int } == true)

        // Split one photo's face into a new person: a full re-clustering keeps it there.
        let obama3 = try gallery.run(["faces", "list", photos.path("obama3.jpg"), "--json"]).json()
        let face = try #require((obama3["faces"] as? [[String: Any]])?.first?["id"] as? Int)
        #expect(try gallery.run(["persons", "split", "\(face)", "--name", "Obama at work"]).status == 0)
        #expect(try gallery.run(["faces", "cluster", "--full"]).status == 0)
        let after = try gallery.run(["faces", "list", photos.path("obama3.jpg"), "--json"]).json()
        #expect((after["faces"] as? [[String: Any]])?.first?["person_name"] as? String == "Obama at work")
        let barack = try gallery.run(["persons", "show", "Barack", "--json"]).json()
        #expect((barack["photos"] as? [[String: Any]])?.count == 4)
    }

    @Test func facesScanCatchesUpAndMissingModelsAreNamed() throws {
        let (gallery, home, photos) = try Self.library()
        defer { home.remove(); photos.remove() }
        #expect(try gallery.run(["index", photos.path, "--no-embed", "--no-faces"]).status == 0)
        #expect((try gallery.run(["persons", "list", "--json"]).json()["persons"] as? [[String: Any]])?.isEmpty == true)
        let scan = try gallery.run(["faces", "scan", "--json"])
        #expect(scan.status == 0, "\(scan.standardError)")
        let report = try scan.json()
        #expect((report["scan"] as? [String: Any])?["images"] as? Int == 8)
        #expect((report["scan"] as? [String: Any])?["faces"] as? Int == 6)
        #expect((report["clustering"] as? [String: Any])?["persons"] as? Int == 1)
        // Nothing left to scan.
        let again = try gallery.run(["faces", "scan", "--json"]).json()
        #expect((again["scan"] as? [String: Any])?["images"] as? Int == 0)

        // Without the models, indexing goes on without faces and says which file is missing.
        try FileManager.default.removeItem(atPath: home.path("models/faces"))
        try FileManager.default.copyItem(atPath: Fixtures.path("skimage/astronaut.png"), toPath: photos.path("astronaut.png"))
        let index = try gallery.run(["index", photos.path, "--no-embed"])
        #expect(index.status == 0)
        #expect(index.standardError.contains("indexing without faces") && index.standardError.contains("blazeface-full-range.onnx"))
        let failedScan = try gallery.run(["faces", "scan"])
        #expect(failedScan.status != 0 && failedScan.standardError.contains("blazeface-full-range.onnx"))
    }
}
