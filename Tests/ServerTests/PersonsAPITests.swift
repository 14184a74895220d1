import Foundation
import GalleryTestSupport
import Testing

@Suite("API: faces and persons")
struct PersonsAPITests {
    /// The face photos indexed: five of Barack Obama (two with a partly hidden face), one of Joe Biden.
    static let photos = ["obama.jpg", "obama2.jpg", "obama3.jpg", "obama_partial_face.jpg", "obama_partial_face2.jpg", "biden.jpg"]

    @Test("the directory: persons found at indexing, rename, search by person, faces, chips, another user sees nothing")
    func directory() async throws {
        let gallery = try await FaceGallery()
        defer { gallery.test.finish() }
        let server = gallery.test.server
        let admin = gallery.test.admin

        let barack = try await gallery.largestPerson()
        let barackId = barack["id"] as! Int
        #expect(barack["photos"] as! Int >= 3, "\(barack)")
        let renamed = try await server.request("PATCH", "/api/v1/collections/1/persons/\(barackId)", token: admin, json: ["name": "Barack"])
        #expect(renamed.status == 200, "\(renamed.text)")
        #expect(try renamed.json()["name"] as? String == "Barack")

        // His photos, by the person filter (name or id) and by a text that is only his name.
        let report = try await server.request("GET", "/api/v1/collections/1/persons/\(barackId)", token: admin).json()
        let hisPhotos = Set((report["photos"] as! [[String: Any]]).map { $0["id"] as! Int })
        #expect(hisPhotos.count == barack["photos"] as! Int)
        let biden = try await gallery.imageId(named: "biden.jpg")
        #expect(!hisPhotos.contains(biden))
        for query in ["person=Barack", "person=barack", "person=\(barackId)"] {
            let listing = try await server.request("GET", "/api/v1/collections/1/images?\(query)", token: admin)
            #expect(listing.status == 200, "\(listing.text)")
            #expect(Set(try Self.ids(listing)) == hisPhotos, "\(query)")
        }
        for text in ["Barack", "person:Barack", "  barack "] {
            let search = try await server.request("POST", "/api/v1/collections/1/search", token: admin, json: ["query": text])
            #expect(search.status == 200, "\(text): \(search.text)")
            #expect(Set(try Self.ids(search)) == hisPhotos, "\(text)")
        }
        let filtered = try await server.request(
            "POST", "/api/v1/collections/1/search", token: admin, json: ["query": "Barack", "filters": ["person": ["Barack"]]])
        #expect(Set(try Self.ids(filtered)) == hisPhotos)
        let unknown = try await server.request(
            "POST", "/api/v1/collections/1/search", token: admin, json: ["query": "person:Nobody at the beach"])
        #expect(unknown.status == 400)
        #expect(unknown.text.contains("no person named 'Nobody'"), "\(unknown.text)")
        #expect(try await server.request("GET", "/api/v1/collections/1/images?person=Nobody", token: admin).status == 400)
        #expect(try await server.request("GET", "/api/v1/collections/1/images?person=1&person_match=some", token: admin).status == 400)

        // Face boxes of one of his photos, normalised, named; the chip is a JPEG.
        let photo = hisPhotos.sorted()[0]
        let faces = try await server.request("GET", "/api/v1/images/\(photo)/faces", token: admin).json()["faces"] as! [[String: Any]]
        let his = try #require(faces.first { $0["person_id"] as? Int == barackId }, "\(faces)")
        #expect(his["person_name"] as? String == "Barack")
        let box = his["box"] as! [String: Double]
        for key in ["x", "y", "width", "height"] { #expect((0...1).contains(box[key] ?? -1), "\(box)") }
        let faceId = his["id"] as! Int
        let chip = try await server.request("GET", "/api/v1/faces/\(faceId)/chip", token: admin)
        #expect(chip.status == 200)
        #expect(chip.header("Content-Type") == "image/jpeg")
        #expect(chip.data.prefix(3) == Data([0xFF, 0xD8, 0xFF]))

        // Another user: everything of the admin's is missing.
        let bob = try await gallery.test.makeUser("bob")
        let attempts: [(String, String, Any?)] = [
            ("GET", "/api/v1/collections/1/persons", nil),
            ("POST", "/api/v1/collections/1/persons", ["name": "Mine"]),
            ("GET", "/api/v1/collections/1/persons/\(barackId)", nil),
            ("PATCH", "/api/v1/collections/1/persons/\(barackId)", ["name": "Mine"]),
            ("DELETE", "/api/v1/collections/1/persons/\(barackId)", nil),
            ("POST", "/api/v1/collections/1/persons/\(barackId)/merge", ["person_ids": [barackId]]),
            ("POST", "/api/v1/collections/1/persons/split", ["face_ids": [faceId]]),
            ("GET", "/api/v1/collections/1/faces/review", nil),
            ("POST", "/api/v1/collections/1/faces/scan", nil),
            ("POST", "/api/v1/collections/1/faces/cluster", ["full": true]),
            ("GET", "/api/v1/images/\(photo)/faces", nil),
            ("GET", "/api/v1/faces/\(faceId)/chip", nil),
            ("PUT", "/api/v1/faces/\(faceId)/person", ["person_id": barackId]),
            ("DELETE", "/api/v1/faces/\(faceId)/person", nil),
        ]
        for (method, path, json) in attempts {
            let reply = try await server.request(method, path, token: bob.token, json: json)
            #expect(reply.status == 404, "\(method) \(path): \(reply.status) \(reply.text)")
        }
        // Bob's own collection has no persons, and the admin's person names mean nothing there.
        let own = try await server.request("GET", "/api/v1/collections/\(bob.collection)/persons", token: bob.token).json()
        #expect((own["persons"] as? [Any])?.isEmpty == true)
        #expect(
            try await server.request("GET", "/api/v1/collections/\(bob.collection)/images?person=Barack", token: bob.token).status == 400)
        let stillThere = try await server.request("GET", "/api/v1/collections/1/persons/\(barackId)", token: admin).json()
        #expect(stillThere["name"] as? String == "Barack")
    }

    @Test("decisions: split, merge, not this person, assign, review, hide, delete; clustering and scans keep them")
    func decisions() async throws {
        let gallery = try await FaceGallery()
        defer { gallery.test.finish() }
        let server = gallery.test.server
        let admin = gallery.test.admin
        let barack = try await gallery.largestPerson()
        let barackId = barack["id"] as! Int
        let photoCount = barack["photos"] as! Int
        _ = try await server.request("PATCH", "/api/v1/collections/1/persons/\(barackId)", token: admin, json: ["name": "Barack"])
        let report = try await server.request("GET", "/api/v1/collections/1/persons/\(barackId)", token: admin).json()
        let faceId = ((report["photos"] as! [[String: Any]])[0]["face_ids"] as! [Int])[0]

        // Split one face off into a new person, then merge it back.
        let split = try await server.request(
            "POST", "/api/v1/collections/1/persons/split", token: admin, json: ["face_ids": [faceId], "name": "Someone"])
        #expect(split.status == 200, "\(split.text)")
        let someone = try split.json()
        #expect(someone["name"] as? String == "Someone")
        #expect(someone["faces"] as? Int == 1)
        #expect(try await gallery.photoCount(barackId) == photoCount - 1)
        let merged = try await server.request(
            "POST", "/api/v1/collections/1/persons/\(barackId)/merge", token: admin, json: ["person_ids": [someone["id"] as! Int]])
        #expect(merged.status == 200, "\(merged.text)")
        #expect(try merged.json()["photos"] as? Int == photoCount)
        #expect(try await server.request("GET", "/api/v1/collections/1/persons/\(someone["id"] as! Int)", token: admin).status == 404)
        let nothing = try await server.request(
            "POST", "/api/v1/collections/1/persons/\(barackId)/merge", token: admin, json: ["person_ids": []])
        #expect(nothing.status == 400)

        // Not this person: the face leaves him and waits for review; assigning brings it back.
        #expect(try await server.request("DELETE", "/api/v1/faces/\(faceId)/person", token: admin).status == 204)
        #expect(try await gallery.photoCount(barackId) == photoCount - 1)
        var review = try await gallery.review()
        #expect(review.contains { $0["id"] as? Int == faceId }, "\(review)")
        let assigned = try await server.request("PUT", "/api/v1/faces/\(faceId)/person", token: admin, json: ["person_id": barackId])
        #expect(assigned.status == 200, "\(assigned.text)")
        #expect(try assigned.json()["photos"] as? Int == photoCount)
        #expect(try await server.request("PUT", "/api/v1/faces/\(faceId)/person", token: admin, json: ["person_id": 987654]).status == 404)

        // Joe Biden's face is alone: it waits for review until someone names it.
        review = try await gallery.review()
        let biden = try await gallery.imageId(named: "biden.jpg")
        let bidenFace = try #require(review.first { $0["image_id"] as? Int == biden }, "\(review)")
        let created = try await server.request("POST", "/api/v1/collections/1/persons", token: admin, json: ["name": "Joe"])
        #expect(created.status == 201, "\(created.text)")
        let joeId = try created.json()["id"] as! Int
        #expect(try await server.request("POST", "/api/v1/collections/1/persons", token: admin, json: ["name": "  "]).status == 400)
        let joe = try await server.request(
            "PUT", "/api/v1/faces/\(bidenFace["id"] as! Int)/person", token: admin, json: ["person_id": joeId])
        #expect(try joe.json()["photos"] as? Int == 1)
        let any = try await server.request("GET", "/api/v1/collections/1/images?person=Barack&person=Joe&person_match=any", token: admin)
        #expect(try Self.ids(any).count == photoCount + 1)
        let all = try await server.request("GET", "/api/v1/collections/1/images?person=Barack&person=Joe", token: admin)
        #expect(try Self.ids(all).isEmpty)

        // A full re-clustering and a face scan (nothing left to scan) keep every decision.
        let cluster = try await gallery.runJob("/api/v1/collections/1/faces/cluster", json: ["full": true])
        #expect((cluster["result"] as? [String: Any])?["clustering"] != nil, "\(cluster)")
        let scan = try await gallery.runJob("/api/v1/collections/1/faces/scan", json: nil)
        #expect(((scan["result"] as? [String: Any])?["scan"] as? [String: Any])?["images"] as? Int == 0, "\(scan)")
        #expect(try await gallery.photoCount(barackId) == photoCount)
        #expect(try await gallery.photoCount(joeId) == 1)

        // Hide, cover face, remove the name, delete.
        let hidden = try await server.request("PATCH", "/api/v1/collections/1/persons/\(joeId)", token: admin, json: ["hidden": true])
        #expect(try hidden.json()["hidden"] as? Bool == true)
        let visible = try await server.request("GET", "/api/v1/collections/1/persons", token: admin).json()["persons"] as! [[String: Any]]
        #expect(!visible.contains { $0["id"] as? Int == joeId })
        let everyone = try await server.request("GET", "/api/v1/collections/1/persons?hidden=true", token: admin).json()
        #expect((everyone["persons"] as! [[String: Any]]).contains { $0["id"] as? Int == joeId })
        let cover = try await server.request(
            "PATCH", "/api/v1/collections/1/persons/\(barackId)", token: admin, json: ["cover_face_id": faceId])
        #expect(try cover.json()["cover_face_id"] as? Int == faceId)
        let badCover = try await server.request(
            "PATCH", "/api/v1/collections/1/persons/\(barackId)", token: admin, json: ["cover_face_id": bidenFace["id"] as! Int])
        #expect(badCover.status == 404)
        let unnamed = try await server.request("PATCH", "/api/v1/collections/1/persons/\(joeId)", token: admin, json: ["name": NSNull()])
        #expect(unnamed.status == 200)
        #expect(try unnamed.json()["name"] is NSNull)
        #expect(try await server.request("PATCH", "/api/v1/collections/1/persons/\(joeId)", token: admin, json: [:]).status == 400)
        #expect(try await server.request("DELETE", "/api/v1/collections/1/persons/\(joeId)", token: admin).status == 204)
        #expect(try await server.request("GET", "/api/v1/collections/1/persons/\(joeId)", token: admin).status == 404)
    }

    static func ids(_ reply: ServerProcess.Reply) throws -> [Int] {
        (try reply.json()["results"] as? [[String: Any]] ?? []).map { $0["id"] as! Int }
    }
}

/// A server with the face models, whose admin collection 1 holds the indexed face photos.
struct FaceGallery {
    let test: TestServer

    init() async throws {
        let models = try ModelFixtures.folder("faces")
        let sources = try PersonsAPITests.photos.map { try Fixtures.path("face-recognition/\($0)") }
        var root = ""
        test = try TestServer { directory in
            root = directory.path("faces")
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            for source in sources {
                try FileManager.default.copyItem(atPath: source, toPath: root + "/" + URL(fileURLWithPath: source).lastPathComponent)
            }
            // The face models through config.yaml; ONNX Runtime where the server looks in its home
            // (GALLERY_ONNXRUNTIME wins when set).
            let home = directory.path("home")
            try FileManager.default.createDirectory(atPath: home + "/runtime", withIntermediateDirectories: true)
            try "faces:\n  models: \(models.path)\n".write(toFile: home + "/config.yaml", atomically: true, encoding: .utf8)
            let runtime = URL(fileURLWithPath: ModelFixtures.runtimePath)
            try FileManager.default.createSymbolicLink(
                atPath: home + "/runtime/" + runtime.lastPathComponent, withDestinationPath: runtime.path)
            return ["--allow-root", root]
        }
        let stats = try await test.server.request("GET", "/api/v1/collections/1/stats", token: test.admin).json()
        let faces = stats["faces"] as? [String: Any]
        try #require(faces?["available"] as? Bool == true, "face models not loaded: \(faces ?? [:])")
        let job = try await runJob("/api/v1/collections/1/folders", json: ["path": root])
        let result = job["result"] as? [String: Any]
        #expect((result?["counts"] as? [String: Any])?["added"] as? Int == PersonsAPITests.photos.count, "\(job)")
        #expect(result?["faces"] != nil, "indexing did not find faces: \(job)")
    }

    /// Starts a job, waits for it (at most 3 minutes) and returns its last state; it must complete.
    func runJob(_ path: String, json: Any?) async throws -> [String: Any] {
        let started = try await test.server.request("POST", path, token: test.admin, json: json)
        try #require(started.status == 202, "\(path): \(started.text)")
        let id = try started.json()["id"] as! Int
        var job: [String: Any] = [:]
        for _ in 0..<900 {
            job = try await test.server.request("GET", "/api/v1/jobs/\(id)", token: test.admin).json()
            if ["completed", "failed", "cancelled"].contains(job["state"] as? String) { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        try #require(job["state"] as? String == "completed", "\(job)\n\(test.server.log.suffix(2000))")
        return job
    }

    /// The person with the most photos.
    func largestPerson() async throws -> [String: Any] {
        let persons = try await test.server.request("GET", "/api/v1/collections/1/persons", token: test.admin).json()["persons"]
        let list = persons as? [[String: Any]] ?? []
        return try #require(list.max { ($0["photos"] as! Int) < ($1["photos"] as! Int) }, "no persons after indexing")
    }

    /// The number of photos of a person's report (`photos` lists them).
    func photoCount(_ id: Int) async throws -> Int? {
        let report = try await test.server.request("GET", "/api/v1/collections/1/persons/\(id)", token: test.admin).json()
        return (report["photos"] as? [Any])?.count
    }

    func review() async throws -> [[String: Any]] {
        try await test.server.request("GET", "/api/v1/collections/1/faces/review", token: test.admin).json()["faces"] as! [[String: Any]]
    }

    func imageId(named name: String) async throws -> Int {
        let listing = try await test.server.request("GET", "/api/v1/collections/1/images?limit=100", token: test.admin).json()
        let results = listing["results"] as! [[String: Any]]
        return try #require(results.first { ($0["path"] as? String)?.hasSuffix("/" + name) == true }?["id"] as? Int)
    }
}
