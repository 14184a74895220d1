import Foundation
import GalleryTestSupport
import Testing

@Suite("gallery CLI: models and semantic search as a user runs them")
struct SemanticSearchCommandTests {
    @Test func importIndexSearchBySimilarityAndModelErrors() throws {
        let home = try TemporaryDirectory("gallery-home")
        let photos = try TemporaryDirectory("gallery-photos")
        defer { home.remove(); photos.remove() }
        for name in ["chelsea.png", "coffee.png", "rocket.jpg"] {
            try FileManager.default.copyItem(atPath: Fixtures.path("skimage/\(name)"), toPath: photos.path(name))
        }
        let gallery = GalleryProcess(home: home.path)

        let imported = try gallery.run(["models", "import", try ModelFixtures.folder("offline-pack").path])
        #expect(imported.status == 0, "\(imported.standardError)")
        let models = try gallery.run(["models", "list", "--json"]).json()
        #expect(models["active"] as? String == "offline-pack")

        #expect(try gallery.run(["index", photos.path]).status == 0)
        let search = try gallery.run(["search", "show me pictures of a cat", "--json"])
        #expect(search.status == 0, "\(search.standardError)")
        let results = try #require(try search.json()["results"] as? [[String: Any]])
        #expect(results.first?["path"] as? String == photos.path("chelsea.png"))
        #expect(results.first?["score"] as? Double ?? 0 > 0.3)
        #expect((results.first?["tags"] as? [[String: Any]])?.isEmpty == false)

        let similar = try gallery.run(["search", "--similar-to", try Fixtures.path("skimage/rocket.jpg"), "--limit", "1", "--json"]).json()
        #expect((similar["results"] as? [[String: Any]])?.first?["path"] as? String == photos.path("rocket.jpg"))

        // Bad input: only whitespace is refused plainly; only emoji is embedded and ranked (every
        // photo of three, none refused).
        for blank in ["   ", "\t\n \u{3000}"] {
            let empty = try gallery.run(["search", blank])
            #expect(empty.status != 0 && empty.standardError.contains("the search text is empty"), "\(blank.debugDescription)")
        }
        for emoji in ["😀", "🐱🐱", "👍🏽 🫠"] {
            let ranked = try gallery.run(["search", emoji, "--json"])
            #expect(ranked.status == 0, "\(emoji): \(ranked.standardError)")
            #expect((try ranked.json()["results"] as? [[String: Any]])?.count == 3, "\(emoji): \(ranked.standardOutput)")
        }
        let unknown = try gallery.run(["models", "use", "no-such-model"])
        #expect(unknown.status != 0 && unknown.standardError.contains("no model named 'no-such-model'"))
        let notAModel = try gallery.run(["models", "import", photos.path])
        #expect(notAModel.status != 0 && notAModel.standardError.contains("is not a model folder"))
        // No network here: the download fails with the URL it tried.
        let pull = try gallery.run(["models", "pull", "ViT-B-32__openai"])
        #expect(
            pull.status != 0
                && pull.standardError.contains("cannot download https://huggingface.co/api/models/immich-app/ViT-B-32__openai/tree/main"))
        #expect(pull.standardError.contains("gallery models import FOLDER"))

        // Immich's catalogue, to choose from: best English recall first.
        let available = try gallery.run(["models", "list", "--available"])
        #expect(available.status == 0)
        #expect(available.standardOutput.contains("ViT-B-16-SigLIP2__webli"))
        let catalogue = try #require(
            try JSONSerialization.jsonObject(
                with: Data(gallery.run(["models", "list", "--available", "--json"]).standardOutput.utf8)) as? [[String: Any]])
        #expect(catalogue.count >= 50)
        let openai = try #require(catalogue.first { $0["name"] as? String == "ViT-B-32__openai" })
        #expect(openai["dimension"] as? Int == 512 && openai["recall"] as? Double == 59.37 && openai["family"] as? String == "openclip")
        #expect(catalogue.first { $0["name"] as? String == "LABSE-Vit-L-14" }?["supported"] as? Bool == false)
    }
}
