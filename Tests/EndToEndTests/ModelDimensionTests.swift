import Foundation
import GalleryCore
import GalleryTestSupport
import Testing

@Suite("gallery CLI: a model re-imported with another dimension never crashes a search")
struct ModelDimensionTests {
    @Test func vectorsOfAnOlderDimensionAreDroppedOnImportAndNeverCrashASearch() throws {
        let home = try TemporaryDirectory("gallery-home")
        let photos = try TemporaryDirectory("gallery-photos")
        defer { home.remove(); photos.remove() }
        for name in ["chelsea.png", "coffee.png", "rocket.jpg"] {
            try FileManager.default.copyItem(atPath: Fixtures.path("skimage/\(name)"), toPath: photos.path(name))
        }
        let gallery = GalleryProcess(home: home.path)
        let model = try ModelFixtures.folder("tiny-clip").path
        #expect(try gallery.run(["models", "import", model, "--name", "m"]).status == 0)
        #expect(try gallery.run(["index", photos.path]).status == 0)

        // What an older model named "m" with 64-value vectors left behind for one photo.
        let catalog = try AppDatabase.open(at: URL(fileURLWithPath: home.path("catalog.sqlite")))
        try catalog.writer.write { db in
            try db.execute(
                sql: "UPDATE embedding SET vector = ? WHERE rowid = (SELECT MIN(rowid) FROM embedding)",
                arguments: [VectorCoding.float32Data([Float](repeating: 0.125, count: 64))])
        }
        let mixed = try gallery.run(["search", "a rocket", "--json"])
        #expect([0, 1].contains(mixed.status), "crashed: \(mixed.status) \(mixed.standardError)")
        #expect(!mixed.standardError.contains("Fatal error"))

        let reimported = try gallery.run(["models", "import", model, "--name", "m"])
        #expect(reimported.status == 0, "\(reimported.standardError)")
        #expect(reimported.standardOutput.contains("Dropped 1 embeddings of an older 'm' with another dimension"))
        #expect(try gallery.run(["index", photos.path]).status == 0)
        let search = try gallery.run(["search", "a rocket", "--json"])
        #expect(search.status == 0, "\(search.standardError)")
        #expect((try search.json()["results"] as? [[String: Any]])?.isEmpty == false)
    }
}
