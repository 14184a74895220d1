import Foundation
import GalleryCore
import GalleryTestSupport
import Testing

@Suite("API: albums, favourites, ratings and zip downloads")
struct AlbumsAPITests {
    @Test("albums and marks: create, add, order, cover, smart, favourite, rate, limits, owners only")
    func albumsAndMarks() async throws {
        let test = try TestServer()
        defer { test.finish() }
        let server = test.server
        let admin = test.admin
        let uploaded = try await test.upload(
            ["skimage/astronaut.png", "skimage/coffee.png", "skimage/rocket.jpg"], collection: 1, token: admin)
        #expect(uploaded.status == 201, "\(uploaded.text)")
        let ids = (try uploaded.json()["images"] as! [[String: Any]]).map { ($0["image"] as! [String: Any])["id"] as! Int }
        let base = "/api/v1/collections/1/albums"

        let created = try await server.request("POST", base, token: admin, json: ["name": "Space"])
        #expect(created.status == 201, "\(created.text)")
        let album = try created.json()["id"] as! Int
        let added = try await server.request("POST", "\(base)/\(album)/images", token: admin, json: ["image_ids": ids])
        #expect(try added.json()["image_count"] as? Int == 3, "\(added.text)")
        let moved = try await server.request(
            "POST", "\(base)/\(album)/images/move", token: admin, json: ["image_ids": [ids[2]], "position": 0])
        #expect(moved.status == 200, "\(moved.text)")
        let page = try await server.request("GET", "\(base)/\(album)/images?limit=2", token: admin).json()
        #expect((page["results"] as! [[String: Any]]).map { $0["id"] as! Int } == [ids[2], ids[0]] && page["total"] as? Int == 3)
        let covered = try await server.request("PUT", "\(base)/\(album)/cover", token: admin, json: ["image_id": ids[1]])
        #expect(try covered.json()["cover_image_id"] as? Int == ids[1], "\(covered.text)")
        let renamed = try await server.request("PATCH", "\(base)/\(album)", token: admin, json: ["name": "Outer space"])
        #expect(try renamed.json()["name"] as? String == "Outer space")
        let containing = try await server.request("GET", "/api/v1/images/\(ids[0])/albums", token: admin).json()
        #expect((containing["albums"] as! [[String: Any]]).map { $0["id"] as! Int } == [album])

        let marked = try await server.request("PUT", "/api/v1/images/\(ids[0])/marks", token: admin, json: ["favorite": true, "rating": 5])
        #expect(try marked.json()["rating"] as? Int == 5 && marked.json()["favorite"] as? Bool == true, "\(marked.text)")
        let batch = try await server.request(
            "POST", "/api/v1/collections/1/marks", token: admin, json: ["image_ids": [ids[1], ids[2]], "rating": 4])
        #expect((try batch.json()["marks"] as! [[String: Any]]).map { $0["rating"] as! Int } == [4, 4], "\(batch.text)")
        let smart = try await server.request("POST", base, token: admin, json: ["name": "Favourites", "query": "is:favorite"])
        #expect(try smart.json()["kind"] as? String == "smart", "\(smart.text)")
        let smartPage = try await server.request("GET", "\(base)/\(try smart.json()["id"] as! Int)/images", token: admin).json()
        #expect((smartPage["results"] as! [[String: Any]]).map { $0["id"] as! Int } == [ids[0]])
        let searched = try await server.request("POST", "/api/v1/collections/1/search", token: admin, json: ["query": "rating:4"]).json()
        #expect(Set((searched["results"] as! [[String: Any]]).map { $0["id"] as! Int }) == [ids[1], ids[2]])
        let list = try await server.request("GET", base, token: admin).json()["albums"] as! [[String: Any]]
        #expect(list.map { $0["name"] as! String } == ["Favourites", "Outer space"] && list[1]["image_count"] as? Int == 3)

        // Bad bodies: clear errors, nothing changed.
        let bad: [(String, String, Any, Int, String)] = [
            ("POST", base, ["name": "outer SPACE"], 409, "already has an album named"),
            ("POST", base, ["name": " "], 400, "not a usable album name"),
            ("POST", base, ["name": "Bad", "query": "colour:blue"], 400, "unknown field"),
            ("POST", base, ["query": "x"], 400, "needs a 'name'"),
            ("POST", "\(base)/\(album)/images", ["image_ids": [ids[0], 999_999]], 404, "no image 999999"),
            ("POST", "\(base)/\(album)/images", ["image_ids": []], 400, "at least one image"),
            ("POST", "\(base)/\(album)/images", ["image_ids": [Int](repeating: ids[0], count: 10_001)], 413, "at most 10000"),
            ("POST", "\(base)/\(album)/images", ["image_ids": "all"], 400, "wrong type"),
            ("POST", "\(base)/\(try smart.json()["id"] as! Int)/images", ["image_ids": [ids[0]]], 409, "is a smart album"),
            ("POST", "\(base)/\(album)/images/move", ["image_ids": [ids[0]], "position": -1], 400, "from 0"),
            ("PUT", "/api/v1/images/\(ids[0])/marks", ["rating": 6], 400, "0 (none) to 5 stars"),
            ("PUT", "/api/v1/images/\(ids[0])/marks", [:] as [String: Any], 400, "'favorite', 'rating' or both"),
            ("GET", "\(base)/999999", [:] as [String: Any], 404, "no album 999999"),
        ]
        for (method, path, body, status, message) in bad {
            let reply = try await server.request(method, path, token: admin, json: method == "GET" ? nil : body)
            #expect(reply.status == status, "\(method) \(path): \(reply.text)")
            #expect(reply.text.contains(message), "\(reply.text)")
        }
        #expect(try await server.request("GET", "\(base)/\(album)", token: admin).json()["image_count"] as? Int == 3)
        #expect(try await server.request("GET", "/api/v1/images/\(ids[0])/marks", token: admin).json()["rating"] as? Int == 5)

        // Another user sees and changes nothing of the admin's, and cannot put the admin's photos in an album.
        let bob = try await test.makeUser("bob")
        let bobs = try await server.request(
            "POST", "/api/v1/collections/\(bob.collection)/albums", token: bob.token, json: ["name": "Mine"])
        let bobAlbum = try bobs.json()["id"] as! Int
        let attempts: [(String, String, Any?)] = [
            ("GET", base, nil), ("GET", "\(base)/\(album)", nil), ("GET", "\(base)/\(album)/images", nil),
            ("PATCH", "\(base)/\(album)", ["name": "mine"]), ("DELETE", "\(base)/\(album)", nil),
            ("POST", "\(base)/\(album)/images/remove", ["image_ids": [ids[0]]]), ("GET", "\(base)/\(album)/download", nil),
            ("PUT", "\(base)/\(album)/cover", ["image_id": NSNull()]), ("GET", "/api/v1/images/\(ids[0])/marks", nil),
            ("PUT", "/api/v1/images/\(ids[0])/marks", ["favorite": false]), ("GET", "/api/v1/images/\(ids[0])/albums", nil),
            ("POST", "/api/v1/collections/1/marks", ["image_ids": [ids[0]], "rating": 1]),
            ("POST", "/api/v1/collections/1/download", ["image_ids": [ids[0]]]),
            ("POST", "/api/v1/collections/\(bob.collection)/albums/\(bobAlbum)/images", ["image_ids": [ids[0]]]),
            ("POST", "/api/v1/collections/\(bob.collection)/download", ["image_ids": [ids[0]]]),
            ("POST", "/api/v1/collections/\(bob.collection)/marks", ["image_ids": [ids[0]], "favorite": true]),
        ]
        for (method, path, body) in attempts {
            let reply = try await server.request(method, path, token: bob.token, json: body)
            #expect(reply.status == 404, "\(method) \(path): \(reply.text)")
        }
        #expect(try await server.request("GET", "/api/v1/images/\(ids[0])/marks", token: admin).json()["favorite"] as? Bool == true)
        #expect(try await server.request("DELETE", "\(base)/\(album)", token: admin).status == 204)
        #expect(try await server.request("GET", "/api/v1/images/\(ids[0])", token: admin).status == 200)
    }

    @Test("a zip of an album of thousands streams every photo; a selection's too; over the limits is a 413")
    func hugeAlbumZip() async throws {
        let photos = try TemporaryDirectory("gallery-zip-photos")
        let test = try TestServer()
        defer { test.finish(); photos.remove() }
        let server = test.server
        let admin = test.admin
        // Thousands of real files (hard links to one small PNG), catalogued directly.
        let count = 3_000
        let source = try Fixtures.path("pillow-heif/non_heif/RGB_8__29x100.png")
        let size = try FileManager.default.attributesOfItem(atPath: source)[.size] as! Int
        let catalog = try AppDatabase.open(at: URL(fileURLWithPath: server.home).appendingPathComponent("catalog.sqlite"))
        var changes: [CatalogChange] = []
        for number in 0..<count {
            let path = photos.path("folder\(number % 3)/IMG_\(number / 3).png")
            if number < 3 {
                try FileManager.default.createDirectory(atPath: photos.path("folder\(number)"), withIntermediateDirectories: true)
            }
            try FileManager.default.linkItem(atPath: source, toPath: path)
            var record = ImageRecord(
                collectionId: 1, path: path, status: .indexed, fileSize: Int64(size), modifiedAt: 1_562_000_000, contentHash: "hash")
            record.format = .png
            changes.append(.upsert(record))
        }
        try catalog.apply(changes)
        let ids = try catalog.findImages(ImageQuery(collectionId: 1, limit: count)).images.map { Int($0.id!) }.sorted()
        #expect(ids.count == count)

        let album =
            try await server.request("POST", "/api/v1/collections/1/albums", token: admin, json: ["name": "Everything"]).json()["id"]
            as! Int
        let added = try await server.request("POST", "/api/v1/collections/1/albums/\(album)/images", token: admin, json: ["image_ids": ids])
        #expect(try added.json()["image_count"] as? Int == count, "\(added.text)")
        let zip = try await server.request("GET", "/api/v1/collections/1/albums/\(album)/download", token: admin)
        #expect(zip.status == 200 && zip.header("Content-Type") == "application/zip", "\(zip.status)")
        #expect(zip.header("Content-Disposition")?.contains("Everything.zip") == true)
        let archive = photos.path("album.zip")
        try zip.data.write(to: URL(fileURLWithPath: archive))
        let checked = try Self.python(
            """
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            names = z.namelist()
            data = open(sys.argv[2], 'rb').read()
            print(len(names), len(set(n.lower() for n in names)), all(z.read(n) == data for n in names[:50]), 'IMG_0 (2).png' in names)
            """, archive, source)
        #expect(checked == "\(count) \(count) True True\n")

        let selection = try await server.request(
            "POST", "/api/v1/collections/1/download", token: admin, json: ["image_ids": Array(ids.prefix(3))])
        #expect(selection.status == 200 && selection.data.count > 3 * size, "\(selection.text)")
        let unknown = try await server.request(
            "POST", "/api/v1/collections/1/download", token: admin, json: ["image_ids": [ids[0], 999_999]])
        #expect(unknown.status == 404 && unknown.text.contains("999999"))
        let none = try await server.request("POST", "/api/v1/collections/1/download", token: admin, json: ["image_ids": []])
        #expect(none.status == 400 && none.text.contains("at least one photo"))

        // Over the number of entries one zip takes: refused before anything is read.
        let overLimit = ExportLimits.maxZipEntries + 1
        let tooMany = try await server.request(
            "POST", "/api/v1/collections/1/download", token: admin, json: ["image_ids": [Int](repeating: ids[0], count: overLimit)])
        #expect(tooMany.status == 413 && tooMany.text.contains("more than the \(ExportLimits.maxZipEntries)"), "\(tooMany.text)")
        let smart = try await server.request(
            "POST", "/api/v1/collections/1/albums", token: admin, json: ["name": "All PNG", "query": "type:png"])
        let smartZip = try await server.request(
            "GET", "/api/v1/collections/1/albums/\(try smart.json()["id"] as! Int)/download", token: admin)
        #expect(smartZip.status == 200 && smartZip.data.count > count * size, "\(smartZip.status)")
        var more: [CatalogChange] = []
        for number in 0..<(overLimit - count) {
            var record = ImageRecord(
                collectionId: 1, path: "/nowhere/\(number).png", status: .indexed, fileSize: 1, modifiedAt: 1, contentHash: "gone")
            record.format = .png
            more.append(.upsert(record))
        }
        try catalog.apply(more)
        let tooBig = try await server.request(
            "GET", "/api/v1/collections/1/albums/\(try smart.json()["id"] as! Int)/download", token: admin)
        #expect(tooBig.status == 413 && tooBig.errorCode == "payload_too_large", "\(tooBig.text)")
    }

    private static func python(_ script: String, _ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
