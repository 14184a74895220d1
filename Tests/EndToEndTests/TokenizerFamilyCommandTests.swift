import Foundation
import GalleryCore
import GalleryTestSupport
import Testing

/// The whole path for a model of each tokenizer family besides CLIP's BPE, through the real binary:
/// `models import`, `index`, `search` (the vectors themselves are checked against Python in
/// GalleryCoreTests' ClipFamilyModelTests).
@Suite("gallery CLI: SigLIP, SigLIP2, XLM-R and NLLB models import, index and search")
struct TokenizerFamilyCommandTests {
    @Test(arguments: ["siglip", "siglip2", "xlm-roberta", "nllb"])
    func importIndexAndSearch(family: String) throws {
        let home = try TemporaryDirectory("gallery-family")
        let photos = try TemporaryDirectory("gallery-family-photos")
        defer { home.remove(); photos.remove() }
        for name in ["chelsea.png", "coffee.png", "rocket.jpg"] {
            try FileManager.default.copyItem(atPath: Fixtures.path("skimage/\(name)"), toPath: photos.path(name))
        }
        let gallery = GalleryProcess(home: home.path)
        let model = try ModelFixtures.folder("tiny-\(family)").path
        let imported = try gallery.run(["models", "import", model, "--name", family])
        #expect(imported.status == 0, "\(imported.standardError)")
        let indexed = try gallery.run(["index", photos.path])
        #expect(indexed.status == 0, "\(indexed.standardError)")
        for query in ["a photo of a cat", "une photo d'un chat", "猫の写真", "🐱🐱"] {
            let search = try gallery.run(["search", query, "--json"])
            #expect(search.status == 0, "\(query): \(search.standardError)")
            let results = try search.json()["results"] as? [[String: Any]]
            #expect(results?.isEmpty == false, "\(query): \(search.standardOutput)")
        }
    }

    @Test func aTokenizerFamilyWeDoNotReadIsRefusedOnImportNamingIt() throws {
        let home = try TemporaryDirectory("gallery-family-refused")
        let copy = try TemporaryDirectory("gallery-family-model")
        defer { home.remove(); copy.remove() }
        let folder = copy.url.appendingPathComponent("word-level")
        try FileManager.default.copyItem(at: try ModelFixtures.folder("tiny-xlm-roberta"), to: folder)
        let file = folder.appendingPathComponent("textual/tokenizer.json")
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any] ?? [:]
        json["model"] = ["type": "WordLevel", "vocab": ["a": 0], "unk_token": "a"]
        try JSONSerialization.data(withJSONObject: json).write(to: file)
        let result = try GalleryProcess(home: home.path).run(["models", "import", folder.path, "--name", "w"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("tokenizer model WordLevel is not supported (BPE, Unigram)"), "\(result.standardError)")
    }
}
