import Foundation
import GalleryCore
import GalleryTestSupport
import Testing

@Suite("Configuration: models (query language, hub)")
struct ModelSettingsTests {
    @Test("models.language and models.hub_url from the file, GALLERY_LANGUAGE and HF_ENDPOINT over them")
    func fileThenEnvironment() throws {
        let home = try TemporaryDirectory()
        defer { home.remove() }
        let defaults = try ConfigurationLoader(environment: [:]).load(home: home.path)
        #expect(defaults.models.language == nil)
        #expect(defaults.models.hubURL.absoluteString == "https://huggingface.co")
        try "models: { language: fr-CA, hub_url: http://127.0.0.1:9000 }\n".write(
            toFile: home.path("config.yaml"), atomically: true, encoding: .utf8)
        let fromFile = try ConfigurationLoader(environment: [:]).load(home: home.path)
        #expect(fromFile.models.language == "fr-CA")
        #expect(fromFile.models.hubURL.absoluteString == "http://127.0.0.1:9000")
        let fromEnvironment = try ConfigurationLoader(environment: ["GALLERY_LANGUAGE": "ja", "HF_ENDPOINT": "https://hf-mirror.com"])
            .load(home: home.path)
        #expect(fromEnvironment.models.language == "ja")
        #expect(fromEnvironment.models.hubURL.absoluteString == "https://hf-mirror.com")
    }

    @Test("a language that is not a tag, a hub that is not http(s) and an unknown key are errors")
    func badValues() throws {
        let home = try TemporaryDirectory()
        defer { home.remove() }
        let cases = [
            "models: { language: 'fr FR' }": "models.language",
            "models: { hub_url: 'ftp://example.org' }": "models.hub_url must be an http or https URL",
            "models: { langauge: fr }": "models.langauge",
        ]
        for (text, message) in cases {
            try text.write(toFile: home.path("config.yaml"), atomically: true, encoding: .utf8)
            #expect(throws: (any Error).self, "\(text)") { try ConfigurationLoader(environment: [:]).load(home: home.path) }
            do {
                _ = try ConfigurationLoader(environment: [:]).load(home: home.path)
            } catch {
                #expect("\(error)".contains(message), "\(text): \(error)")
            }
        }
        try "".write(toFile: home.path("config.yaml"), atomically: true, encoding: .utf8)
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader(environment: ["HF_ENDPOINT": "nowhere"]).load(home: home.path) }
    }
}
