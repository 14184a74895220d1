import Foundation
import GalleryCore
import GalleryTestSupport
import Testing

@Suite("API: timeline, map markers and colours, scoped to their owner")
struct BrowseAPITests {
    /// A server with the world outline installed, and a user with three uploaded photos: two with
    /// GPS and a capture date (pug.heic, xiaomi.heic), one with neither (coffee.png).
    func library() async throws -> (test: TestServer, user: (token: String, collection: Int), ids: [String: Int]) {
        let test = try TestServer { directory in
            let target = URL(fileURLWithPath: directory.path("home")).appendingPathComponent("models/map")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: try ModelFixtures.folder("map").appendingPathComponent("world.geojson"),
                to: target.appendingPathComponent("world.geojson"))
            return []
        }
        let user = try await test.makeUser("walker")
        let names = ["pillow-heif/heif_other/pug.heic", "pillow-heif/heif_special/xiaomi.heic", "skimage/coffee.png"]
        let uploaded = try await test.upload(names, collection: user.collection, token: user.token)
        #expect(uploaded.status == 201, "\(uploaded.text)")
        let images = try #require(try uploaded.json()["images"] as? [[String: Any]])
        let ids = images.compactMap { ($0["image"] as? [String: Any])?["id"] as? Int }
        #expect(ids.count == 3)
        return (test, user, Dictionary(uniqueKeysWithValues: zip(["pug", "xiaomi", "coffee"], ids)))
    }

    @Test func theTimelineCountsListsAndRemembersForItsOwnerOnly() async throws {
        let (test, user, ids) = try await library()
        defer { test.finish() }
        let server = test.server
        let base = "/api/v1/collections/\(user.collection)/timeline"
        let counts = try await server.request("GET", base, token: user.token)
        #expect(counts.status == 200, "\(counts.text)")
        let counted = try counts.json()
        #expect(counted["total"] as? Int == 3 && counted["file_dated"] as? Int == 1)
        let years = try #require(counted["years"] as? [[String: Any]])
        let year = try #require(years.first?["key"] as? String)
        let page = try await server.request("GET", "\(base)/photos?period=\(year)&limit=1", token: user.token).json()
        #expect((page["photos"] as? [[String: Any]])?.count == 1 && page["limit"] as? Int == 1)
        let coffee = try await server.request("GET", "/api/v1/images/\(ids["coffee"]!)", token: user.token).json()
        #expect((coffee["image"] as? [String: Any])?["taken_at"] == nil)
        let memories = try await server.request("GET", "\(base)/memories?date=2099-01-01", token: user.token)
        #expect(memories.status == 200)
        #expect(try memories.json()["day"] as? String == "01-01")

        for bad in [
            "\(base)?within=2019-13", "\(base)?by=week", "\(base)/photos", "\(base)/photos?period=x", "\(base)/photos?period=2019&limit=0",
            "\(base)/memories?date=2019", "\(base)/memories?per_year=500",
        ] {
            let reply = try await server.request("GET", bad, token: user.token)
            #expect(reply.status == 400, "\(bad): \(reply.text)")
        }
        let other = try await test.makeUser("stranger")
        #expect(try await server.request("GET", base, token: other.token).status == 404)
        #expect(try await server.request("GET", "\(base)/photos?period=2019", token: other.token).status == 404)
        #expect(try await server.request("GET", "\(base)/memories", token: other.token).status == 404)
        #expect(try await server.request("GET", base).status == 401)
    }

    @Test func markersLeaveOutNullIslandAndOutOfRangeAndFollowBoxesAndOwners() async throws {
        let (test, user, ids) = try await library()
        defer { test.finish() }
        let server = test.server
        let base = "/api/v1/collections/\(user.collection)/map/markers"
        let all = try await server.request("GET", base, token: user.token).json()
        #expect(all["total"] as? Int == 2 && all["unplaceable"] as? Int == 0 && all["truncated"] as? Bool == false)
        let markers = try #require(all["markers"] as? [[Double]])
        #expect(Set(markers.map { Int($0[0]) }) == [ids["pug"]!, ids["xiaomi"]!])
        // pug.heic was taken in the Crimea (about 44.8 N, 35 E), xiaomi.heic in Rostov-on-Don (47.2 N, 39.7 E).
        let crimea = try await server.request("GET", "\(base)?bbox=33,44,36.5,45.5", token: user.token).json()
        #expect((crimea["markers"] as? [[Double]])?.map { Int($0[0]) } == [ids["pug"]!], "\(crimea)")
        let truncated = try await server.request("GET", "\(base)?max_markers=1", token: user.token).json()
        #expect((truncated["markers"] as? [[Double]])?.count == 1 && truncated["truncated"] as? Bool == true)

        // Positions a camera wrote without a fix (0,0) or that are out of range are counted, not placed.
        let catalog = try AppDatabase.open(at: URL(fileURLWithPath: test.directory.path("home")).appendingPathComponent("catalog.sqlite"))
        try await catalog.writer.write { db in
            try db.execute(sql: "UPDATE image SET latitude = 0, longitude = 0 WHERE id = ?", arguments: [ids["xiaomi"]!])
            try db.execute(sql: "UPDATE image SET latitude = 95, longitude = 200 WHERE id = ?", arguments: [ids["coffee"]!])
        }
        let cleaned = try await server.request("GET", base, token: user.token).json()
        #expect((cleaned["markers"] as? [[Double]])?.map { Int($0[0]) } == [ids["pug"]!])
        #expect(cleaned["total"] as? Int == 1 && cleaned["unplaceable"] as? Int == 2)
        let listed = try await server.request(
            "GET", "/api/v1/collections/\(user.collection)/images?bbox=-180,-90,180,90", token: user.token)
        #expect(try listed.json()["total"] as? Int == 2, "\(listed.text)")

        for bad in [
            "\(base)?bbox=1,2,3", "\(base)?bbox=0,50,10,40", "\(base)?max_markers=0", "\(base)?max_markers=100000", "\(base)?color=bleu",
        ] {
            let reply = try await server.request("GET", bad, token: user.token)
            #expect(reply.status == 400, "\(bad): \(reply.text)")
        }
        let other = try await test.makeUser("stranger")
        #expect(try await server.request("GET", base, token: other.token).status == 404)

        let settings = try await server.request("GET", "/api/v1/map", token: user.token).json()
        #expect(settings["outline"] as? String == "/map/world.geojson" && settings["tile_url"] is NSNull)
        let world = try await server.request("GET", "/map/world.geojson")
        let features = try world.json()["features"] as? [Any]
        #expect(world.status == 200 && (features?.count ?? 0) > 100)
        if settings["leaflet"] as? Bool == true {
            for file in ["leaflet.js", "leaflet.markercluster.js", "MarkerCluster.css", "images/layers.png"] {
                #expect(try await server.request("GET", "/vendor/leaflet/\(file)").status == 200, "\(file)")
            }
        }
    }

    @Test func coloursOfImagesAndCollectionsAndTheColourFilter() async throws {
        let (test, user, ids) = try await library()
        defer { test.finish() }
        let server = test.server
        let palette = try await server.request("GET", "/api/v1/images/\(ids["coffee"]!)/colors", token: user.token).json()
        let swatches = try #require(palette["swatches"] as? [[String: Any]])
        let top = try #require(swatches.first?["name"] as? String)
        let counts = try await server.request("GET", "/api/v1/collections/\(user.collection)/colors", token: user.token).json()
        let colours = try #require(counts["colors"] as? [[String: Any]])
        #expect(colours.count == 12)
        #expect((colours.first { $0["name"] as? String == top }?["images"] as? Int ?? 0) >= 1)
        let filtered = try await server.request("GET", "/api/v1/collections/\(user.collection)/images?color=\(top)", token: user.token)
            .json()
        #expect((filtered["results"] as? [[String: Any]])?.contains { $0["id"] as? Int == ids["coffee"]! } == true)
        let searched = try await server.request(
            "POST", "/api/v1/collections/\(user.collection)/search", token: user.token,
            json: ["query": "mostly \(top)", "semantic_weight": 0])
        #expect(searched.status == 200, "\(searched.text)")
        #expect((try searched.json()["parts"] as? [[String: Any]])?.contains { $0["kind"] as? String == "color" } == true)
        let other = try await test.makeUser("stranger")
        #expect(try await server.request("GET", "/api/v1/images/\(ids["coffee"]!)/colors", token: other.token).status == 404)
        #expect(try await server.request("GET", "/api/v1/collections/\(user.collection)/colors", token: other.token).status == 404)
    }
}
