import Foundation
import GalleryTestSupport
import Logging
import Testing

@testable import GalleryServer

@Suite("Add by URL: the fetcher against a local HTTP server")
struct URLFetcherTests {
    /// Names only the test's resolver knows: a fetch that resolved them a second time (as the
    /// HTTP client would on its own) could not connect.
    final class Resolutions: @unchecked Sendable {
        private let lock = NSLock()
        private var names: [String] = []
        var all: [String] { lock.withLock { names } }

        func resolve(_ name: String) -> [String] {
            lock.withLock { names.append(name) }
            return name.hasSuffix(".invalid") ? ["127.0.0.1"] : []
        }
    }

    /// A fetcher; its default deadline is long, so that a fetch that must succeed does even when
    /// the whole suite keeps both cores busy.
    static func fetcher(
        _ resolutions: Resolutions, maxBytes: Int64 = 1 << 20, timeout: Double = 120, slots: FetchSlots = FetchSlots(limit: 4)
    )
        -> URLFetcher
    {
        URLFetcher(
            maxBytes: maxBytes, timeout: timeout, addresses: AddressPolicy(allowPrivate: true, resolver: resolutions.resolve),
            slots: slots, logger: .quiet)
    }

    static let png = try! Data(contentsOf: Fixtures.url("skimage/camera.png"))

    @Test("connects to the address it checked (one resolution a hop), sends the host name, follows a checked redirect")
    func checkedAddress() async throws {
        let server = try StubHTTPServer(replies: [
            "/photo.png": StubHTTPServer.response(status: "200 OK", headers: ["Content-Type": "image/png"], body: Self.png),
            "/moved": StubHTTPServer.response(status: "302 Found", headers: ["Location": "/photo.png"]),
        ])
        defer { server.stop() }
        let resolutions = Resolutions()
        let data = try await Self.fetcher(resolutions).fetch("http://pictures.invalid:\(server.port)/moved")
        #expect(data == Self.png)
        #expect(resolutions.all == ["pictures.invalid", "pictures.invalid"])
        #expect(server.requests.count == 2)
        #expect(server.requests.allSatisfy { $0.lowercased().contains("host: pictures.invalid:\(server.port)") })
    }

    @Test("upstream failures all get one message that names no status, address or port")
    func genericFailures() async throws {
        let server = try StubHTTPServer(replies: [
            "/missing": StubHTTPServer.response(status: "404 Not Found"),
            "/broken": StubHTTPServer.response(status: "500 Internal Server Error"),
            "/loop": StubHTTPServer.response(status: "302 Found", headers: ["Location": "/loop"]),
            "/ftp": StubHTTPServer.response(status: "301 Moved Permanently", headers: ["Location": "ftp://pictures.invalid/x.png"]),
            "/elsewhere": StubHTTPServer.response(status: "307 Temporary Redirect", headers: ["Location": "http://unknown.example/x.png"]),
        ])
        defer { server.stop() }
        let closed = try StubHTTPServer(replies: [:])
        closed.stop()
        // A refused connection is retried until the timeout, like one that gets no answer.
        let fetcher = Self.fetcher(Resolutions(), timeout: 3)
        for address in [
            "http://pictures.invalid:\(server.port)/missing", "http://pictures.invalid:\(server.port)/broken",
            "http://pictures.invalid:\(server.port)/loop", "http://pictures.invalid:\(server.port)/ftp",
            "http://pictures.invalid:\(server.port)/elsewhere", "http://pictures.invalid:\(closed.port)/photo.png",
            "http://nowhere.example/photo.png",
        ] {
            let error = await #expect(throws: APIError.self, "\(address)") { try await fetcher.fetch(address) }
            #expect(error?.status == .badGateway, "\(address)")
            #expect(error?.message == URLFetcher.fetchFailed.message, "\(address): \(error?.message ?? "")")
        }
    }

    @Test("a body over the limit is stopped while it streams, with or without a declared length; non-images are refused")
    func limits() async throws {
        let big = Data(repeating: 0xFF, count: 300_000)
        let server = try StubHTTPServer(replies: [
            "/declared": StubHTTPServer.response(status: "200 OK", body: big),
            "/streamed": StubHTTPServer.response(status: "200 OK", body: big, declareLength: false),
            "/text": StubHTTPServer.response(status: "200 OK", body: Data("hello".utf8)),
        ])
        defer { server.stop() }
        let fetcher = Self.fetcher(Resolutions(), maxBytes: 100_000)
        for path in ["/declared", "/streamed"] {
            let error = await #expect(throws: APIError.self) { try await fetcher.fetch("http://pictures.invalid:\(server.port)\(path)") }
            #expect(error?.status == .contentTooLarge, "\(path)")
        }
        let text = await #expect(throws: APIError.self) { try await fetcher.fetch("http://pictures.invalid:\(server.port)/text") }
        #expect(text?.status == .unsupportedMediaType)
        let scheme = await #expect(throws: APIError.self) { try await fetcher.fetch("file:///etc/passwd") }
        #expect(scheme?.status == .badRequest)
    }

    @Test("a server that never answers runs into the timeout")
    func timeout() async throws {
        let server = try StubHTTPServer(replies: ["/slow": .hang])
        defer { server.stop() }
        // No timed assertion (the machine may be busy): the fetch must end, with the generic 502.
        let error = await #expect(throws: APIError.self) {
            try await Self.fetcher(Resolutions(), timeout: 1).fetch("http://pictures.invalid:\(server.port)/slow")
        }
        #expect(error?.status == .badGateway)
    }

    @Test("past the concurrent fetch limit a fetch is refused with 503")
    func concurrencyCap() async throws {
        let slots = FetchSlots(limit: 2)
        #expect(slots.take() && slots.take())
        #expect(!slots.take())
        let error = await #expect(throws: APIError.self) {
            try await Self.fetcher(Resolutions(), slots: slots).fetch("http://pictures.invalid:1/photo.png")
        }
        #expect(error?.status == .serviceUnavailable)
        slots.give()
        #expect(slots.take())
    }

    @Test("a URL whose host resolves to a private address is refused before any connection (no --allow-private-urls)")
    func privateRefused() async throws {
        let server = try StubHTTPServer(replies: ["/photo.png": StubHTTPServer.response(status: "200 OK", body: Self.png)])
        defer { server.stop() }
        let fetcher = URLFetcher(
            maxBytes: 1 << 20, timeout: 5, addresses: AddressPolicy(allowPrivate: false), slots: FetchSlots(limit: 4), logger: .quiet)
        for host in ["localhost", "127.0.0.1", "[::ffff:127.0.0.1]"] {
            let error = await #expect(throws: APIError.self) { try await fetcher.fetch("http://\(host):\(server.port)/photo.png") }
            #expect(error?.status == .forbidden, "\(host)")
        }
        #expect(server.requests.isEmpty)
    }
}
