import Foundation
import GalleryCore
import GalleryTestSupport
import Testing

@Suite("Configuration: places and the query rewriter")
struct PlaceAndRewriterSettingsTests {
    func load(_ yaml: String, environment: [String: String] = [:]) throws -> GalleryConfiguration {
        let home = try TemporaryDirectory()
        defer { home.remove() }
        try yaml.write(toFile: home.path("config.yaml"), atomically: true, encoding: .utf8)
        return try ConfigurationLoader(environment: environment).load(home: home.path)
    }

    @Test func placesAreOnAndTheRewriterOffByDefault() throws {
        let configuration = try load("")
        #expect(configuration.places.enabled)
        #expect(configuration.placesURL == configuration.home.appendingPathComponent("models/places"))
        #expect(!configuration.rewriter.isEnabled)
        #expect(configuration.rewriter.timeout == 3)
    }

    @Test func fileThenEnvironment() throws {
        let yaml = """
            places: { enabled: false, data: /srv/places, max_distance_km: 20 }
            rewriter: { url: "http://127.0.0.1:8000/v1/chat/completions", model: small, timeout: 1.5 }
            """
        let fromFile = try load(yaml)
        #expect(!fromFile.places.enabled)
        #expect(fromFile.placesURL.path == "/srv/places")
        #expect(fromFile.places.maxDistanceKilometres == 20)
        #expect(fromFile.rewriter.isEnabled && fromFile.rewriter.model == "small" && fromFile.rewriter.timeout == 1.5)
        #expect(fromFile.rewriter.apiKey == nil)

        let fromEnvironment = try load(
            yaml,
            environment: [
                "GALLERY_PLACES": "1", "GALLERY_PLACES_DATA": "/opt/places", "GALLERY_REWRITER_MODEL": "large",
                "GALLERY_REWRITER_API_KEY": "secret", "GALLERY_REWRITER_TIMEOUT": "2",
            ])
        #expect(fromEnvironment.places.enabled && fromEnvironment.placesURL.path == "/opt/places")
        #expect(fromEnvironment.rewriter.model == "large" && fromEnvironment.rewriter.apiKey == "secret")
        #expect(fromEnvironment.rewriter.timeout == 2)
        #expect(!"\(fromEnvironment.rewriter)".contains("secret"))
        #expect(!"\(fromEnvironment)".contains("secret") && !String(reflecting: fromEnvironment).contains("secret"))
    }

    @Test func badValuesAreClearErrors() throws {
        // The key is never read from the file.
        #expect {
            _ = try load("rewriter: { api_key: secret }")
        } throws: { error in
            "\(error)".contains("unknown key 'rewriter.api_key'")
        }
        #expect(throws: ConfigurationError.self) { _ = try load("rewriter: { url: \"ftp://host/x\" }") }
        #expect(throws: ConfigurationError.self) { _ = try load("rewriter: { timeout: 0 }") }
        #expect(throws: ConfigurationError.self) { _ = try load("places: { max_distance_km: -1 }") }
        #expect(throws: ConfigurationError.self) { _ = try load("", environment: ["GALLERY_REWRITER_URL": "not a url"]) }
        #expect(throws: ConfigurationError.self) { _ = try load("", environment: ["GALLERY_PLACES": "maybe"]) }
    }
}
