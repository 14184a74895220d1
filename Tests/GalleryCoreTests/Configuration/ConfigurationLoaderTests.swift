import Foundation
import GalleryCore
import GalleryTestSupport
import Testing

@Suite("Configuration: defaults, file, environment")
struct ConfigurationLoaderTests {
    @Test func defaultsWithoutFileOrEnvironment() throws {
        let home = try TemporaryDirectory()
        defer { home.remove() }
        let configuration = try ConfigurationLoader(environment: [:]).load(home: home.path)
        #expect(configuration.home.path == home.url.standardizedFileURL.path)
        #expect(configuration.limits.maxPixels == 100_000_000)
        #expect(configuration.followSymlinks)
        #expect(configuration.exclusionPatterns.contains(".*"))
        #expect(configuration.catalogURL.lastPathComponent == "catalog.sqlite")
    }

    @Test func environmentOverridesFileWhichOverridesDefaults() throws {
        let home = try TemporaryDirectory()
        defer { home.remove() }
        try """
        roots: [/srv/photos]
        exclude: ["*.tmp"]
        threads: 3
        max_pixels: 5000
        thumbnails: { small: 128, quality: 70 }
        """.write(toFile: home.path("config.yaml"), atomically: true, encoding: .utf8)
        let fromFile = try ConfigurationLoader(environment: [:]).load(home: home.path)
        #expect(fromFile.roots == ["/srv/photos"])
        #expect(fromFile.exclude == ["*.tmp"])
        #expect(fromFile.threads == 3)
        #expect(fromFile.limits.maxPixels == 5000)
        #expect(fromFile.thumbnails == ThumbnailSettings(small: 128, large: 1440, quality: 70))

        let fromEnvironment = try ConfigurationLoader(environment: ["GALLERY_THREADS": "5", "GALLERY_MAX_PIXELS": "9"])
            .load(home: home.path)
        #expect(fromEnvironment.threads == 5)
        #expect(fromEnvironment.limits.maxPixels == 9)
        #expect(fromEnvironment.roots == ["/srv/photos"])
    }

    @Test func galleryHomeComesFromTheEnvironment() throws {
        let home = try TemporaryDirectory()
        defer { home.remove() }
        let configuration = try ConfigurationLoader(environment: ["GALLERY_HOME": home.path]).load()
        #expect(configuration.home.path == home.url.standardizedFileURL.path)
    }

    @Test func unknownKeyIsAnError() throws {
        let home = try TemporaryDirectory()
        defer { home.remove() }
        try "thread: 2\n".write(toFile: home.path("config.yaml"), atomically: true, encoding: .utf8)
        #expect(throws: ConfigurationError.unknownKey(path: home.path("config.yaml"), key: "thread")) {
            try ConfigurationLoader(environment: [:]).load(home: home.path)
        }
    }

    @Test func duplicateThresholdsFromTheFileAreCheckedAndUsed() throws {
        let home = try TemporaryDirectory()
        defer { home.remove() }
        let file = home.path("config.yaml")
        try "duplicates: { max_hash_distance: 20, max_similar_seconds: 3 }\n".write(toFile: file, atomically: true, encoding: .utf8)
        let configuration = try ConfigurationLoader(environment: [:]).load(home: home.path)
        #expect(configuration.duplicates == DuplicateSettings(maxHashDistance: 20, maxSimilarSeconds: 3))
        try "duplicates: { max_hash_bits: 20 }\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: ConfigurationError.unknownKey(path: file, key: "duplicates.max_hash_bits")) {
            try ConfigurationLoader(environment: [:]).load(home: home.path)
        }
        try "duplicates: { max_hash_distance: 200 }\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: ConfigurationError.outOfRange(name: "duplicates.max_hash_distance", value: "200", allowed: "0...128")) {
            try ConfigurationLoader(environment: [:]).load(home: home.path)
        }
    }

    @Test func badValuesAreErrors() throws {
        let home = try TemporaryDirectory()
        defer { home.remove() }
        #expect(throws: ConfigurationError.invalidEnvironment(name: "GALLERY_THREADS", value: "many")) {
            try ConfigurationLoader(environment: ["GALLERY_THREADS": "many"]).load(home: home.path)
        }
        #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader(environment: ["GALLERY_THREADS": "0"]).load(home: home.path)
        }
        try "threads: [1, 2]\n".write(toFile: home.path("config.yaml"), atomically: true, encoding: .utf8)
        #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader(environment: [:]).load(home: home.path)
        }
    }
}
