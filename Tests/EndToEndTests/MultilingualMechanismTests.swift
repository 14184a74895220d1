import Foundation
import GalleryTestSupport
import Testing

/// A mechanism test, not a quality measure: the tiny multilingual model (XLM-R's tokenizer, M-CLIP's
/// inputs, random weights) gives "cat", "chat" and "猫" (and so on for coffee, rocket, dog) one token
/// each and one token embedding per concept, by construction (scripts/models/tiny_families). Through
/// the real path (`models import`, `index`, tokenizer, ONNX model, vector search) the French and
/// Japanese words must then rank the photos exactly as the English word does, and other concepts
/// otherwise. Whether a real multilingual model translates well is not measured here.
@Suite("Multilingual mechanism (tiny model, by construction): a word in French or Japanese ranks as its English")
struct MultilingualMechanismTests {
    static let concepts = [["cat", "chat", "猫"], ["coffee", "café", "コーヒー"], ["rocket", "fusée", "ロケット"], ["dog", "chien", "犬"]]

    @Test("French and Japanese words find the same photos, in the same order and scores, as the English word")
    func translationsRankAsEnglish() throws {
        let home = try TemporaryDirectory("gallery-multilingual")
        let photos = try TemporaryDirectory("gallery-multilingual-photos")
        defer { home.remove(); photos.remove() }
        let names = ["chelsea.png", "coffee.png", "rocket.jpg", "astronaut.png", "camera.png", "horse.png", "hubble_deep_field.jpg"]
        for name in names {
            try FileManager.default.copyItem(atPath: Fixtures.path("skimage/\(name)"), toPath: photos.path(name))
        }
        let gallery = GalleryProcess(home: home.path)
        let imported = try gallery.run(["models", "import", try ModelFixtures.folder("tiny-multilingual").path, "--name", "multilingual"])
        #expect(imported.status == 0, "\(imported.standardError)")
        let indexed = try gallery.run(["index", photos.path, "--no-faces", "--no-ocr"])
        #expect(indexed.status == 0, "\(indexed.standardError)")

        /// The ranking by meaning alone (no keyword side: "coffee" is also a file name).
        func ranking(_ query: String) throws -> [String] {
            let search = try gallery.run(["search", query, "--semantic-weight", "1", "--all", "--limit", "50", "--json"])
            #expect(search.status == 0, "\(query): \(search.standardError)")
            let results = try search.json()["results"] as? [[String: Any]] ?? []
            return results.map {
                "\(($0["path"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent } ?? "?") \($0["score"] ?? "")"
            }
        }
        var english: [[String]] = []
        for words in Self.concepts {
            let reference = try ranking(words[0])
            #expect(reference.count == names.count, "\(words[0]): \(reference)")
            for word in words.dropFirst() {
                #expect(try ranking(word) == reference, "\(word) against \(words[0])")
            }
            english.append(reference)
        }
        // Not every query ranks alike: the concepts' rankings differ from one another.
        #expect(Set(english).count == Self.concepts.count, "\(english)")
    }
}
