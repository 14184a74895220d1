import Foundation
import GalleryCore
import GalleryTestSupport
import Testing

@Suite("Configuration: the server section")
struct ServerSettingsTests {
    func load(_ yaml: String, environment: [String: String] = [:]) throws -> ServerSettings {
        let home = try TemporaryDirectory()
        defer { home.remove() }
        try yaml.write(toFile: home.path("config.yaml"), atomically: true, encoding: .utf8)
        return try ConfigurationLoader(environment: environment).load(home: home.path).server
    }

    @Test("server settings come from config.yaml, the environment overriding the file")
    func layers() throws {
        #expect(try load("") == ServerSettings())
        let yaml = """
            server:
              host: 0.0.0.0
              port: 9000
              max_json_bytes: 2048
              max_upload_file_bytes: 3000000
              max_upload_request_bytes: 9000000
              max_url_fetch_bytes: 4000000
              url_fetch_timeout: 2.5
              allow_private_urls: true
              public_metrics: false
              job_retention_days: 1.5
              jobs_kept_per_user: 10
            """
        let fromFile = try load(yaml)
        #expect(fromFile.host == "0.0.0.0" && fromFile.port == 9000 && fromFile.maxJSONBytes == 2048)
        #expect(fromFile.maxUploadFileBytes == 3_000_000 && fromFile.maxUploadRequestBytes == 9_000_000)
        #expect(fromFile.maxURLFetchBytes == 4_000_000 && fromFile.urlFetchTimeout == 2.5)
        #expect(fromFile.allowPrivateURLs && !fromFile.publicMetrics)
        #expect(fromFile.jobRetentionDays == 1.5 && fromFile.jobsKeptPerUser == 10)

        let fromEnvironment = try load(
            yaml, environment: ["GALLERY_SERVER_PORT": "9100", "GALLERY_SERVER_PUBLIC_METRICS": "true", "GALLERY_SERVER_HOST": "::1"])
        #expect(fromEnvironment.port == 9100 && fromEnvironment.publicMetrics && fromEnvironment.host == "::1")
        #expect(fromEnvironment.maxJSONBytes == 2048)
    }

    @Test("unknown server keys, values of the wrong type and values out of range are errors")
    func errors() throws {
        #expect(throws: ConfigurationError.self) { try load("server: { prot: 80 }") }
        do {
            _ = try load("server: { prot: 80 }")
        } catch let error as ConfigurationError {
            guard case .unknownKey(_, let key) = error else { throw error }
            #expect(key == "server.prot")
        }
        #expect(throws: ConfigurationError.self) { try load("server: { port: eighty }") }
        #expect(throws: ConfigurationError.outOfRange(name: "server.port", value: "70000", allowed: "0...65535")) {
            try load("server: { port: 70000 }")
        }
        #expect(throws: ConfigurationError.invalidEnvironment(name: "GALLERY_SERVER_PUBLIC_METRICS", value: "maybe")) {
            try load("", environment: ["GALLERY_SERVER_PUBLIC_METRICS": "maybe"])
        }
        #expect(throws: ConfigurationError.self) { try load("server: { max_upload_file_bytes: 0 }") }
    }
}
