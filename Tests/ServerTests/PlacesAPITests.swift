import Foundation
import GalleryTestSupport
import Testing

@Suite("API: the place of uploaded GPS photos, and the place filter")
struct PlacesAPITests {
    @Test func anUploadedGPSPhotoHasItsPlaceAndIsFoundByIt() async throws {
        let test = try TestServer { directory in
            let target = URL(fileURLWithPath: directory.path("home")).appendingPathComponent("models/places")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for name in ["places.tsv", "countries.tsv", "manifest.json"] {
                try FileManager.default.copyItem(
                    at: try ModelFixtures.folder("places").appendingPathComponent(name), to: target.appendingPathComponent(name))
            }
            return []
        }
        defer { test.finish() }
        let user = try await test.makeUser("traveller")
        let uploaded = try await test.upload(
            ["pillow-heif/heif_other/pug.heic", "skimage/coffee.png"], collection: user.collection, token: user.token)
        #expect(uploaded.status == 201, "\(uploaded.text)")
        let images = try #require(try uploaded.json()["images"] as? [[String: Any]])
        let ids = images.compactMap { ($0["image"] as? [String: Any])?["id"] as? Int }
        #expect(ids.count == 2)

        let pug = try await test.server.request("GET", "/api/v1/images/\(ids[0])", token: user.token).json()
        let place = try #require((pug["image"] as? [String: Any])?["place"] as? [String: Any])
        #expect(place["city"] as? String == "Sudak" && place["country_code"] as? String == "UA")
        let coffee = try await test.server.request("GET", "/api/v1/images/\(ids[1])", token: user.token).json()
        #expect((coffee["image"] as? [String: Any])?["place"] == nil)

        let inUkraine = try await test.server.request(
            "GET", "/api/v1/collections/\(user.collection)/images?place=ukraine", token: user.token)
        #expect(try inUkraine.json()["total"] as? Int == 1, "\(inUkraine.text)")
        let badPlace = try await test.server.request(
            "GET", "/api/v1/collections/\(user.collection)/images?place=Paris,", token: user.token)
        #expect(badPlace.status == 400)
    }
}
