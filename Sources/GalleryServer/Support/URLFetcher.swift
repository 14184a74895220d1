import AsyncHTTPClient
import Foundation
import GalleryCore
import Hummingbird
import Logging

/// Downloads an image by URL (AsyncHTTPClient): http and https only, public hosts only
/// (``AddressPolicy``), each host resolved once and connected to at the address that was
/// checked, redirects followed by hand (each hop checked again, at most ``maxRedirects``), a size
/// limit enforced while the body streams in, one deadline for the whole fetch, and at most a few
/// fetches at once server-wide. Whatever goes wrong upstream is answered with one message
/// (``fetchFailed``) so that the answers cannot map the network; the detail is logged at debug.
struct URLFetcher: Sendable {
    let maxBytes: Int64
    /// Seconds the whole fetch may take, redirects included.
    let timeout: Double
    /// Which hosts may be fetched (public addresses only, unless configured).
    let addresses: AddressPolicy
    /// Fetches running at once, server-wide.
    let slots: FetchSlots
    let logger: Logger

    static let maxRedirects = 5
    /// The one answer for an upstream failure: unreachable, refused, timed out, an error status,
    /// a redirect loop.
    static let fetchFailed = APIError.badGateway("could not fetch the image at the URL")

    /// The bytes at `address`.
    /// - Throws: ``APIError`` 400 for a bad URL, 403 for a private host, 413 when too large, 502
    ///   when the fetch fails, 415 when the content is not an image, 503 when too many fetches
    ///   are running.
    func fetch(_ address: String) async throws -> Data {
        guard let url = Self.fetchableURL(address) else { throw APIError.badRequest("image_url must be an http or https URL") }
        guard slots.take() else {
            throw APIError(
                .serviceUnavailable, code: "busy", message: "too many images are being fetched by URL right now; try again in a moment")
        }
        defer { slots.give() }
        // One deadline for everything: connections, redirects and the body, however slowly it drips.
        let data = try await withThrowingTaskGroup(of: Data.self) { group in
            group.addTask { try await follow(url) }
            group.addTask {
                try await Task.sleep(for: .nanoseconds(Int64(timeout * 1e9)))
                logger.debug("url fetch: timed out", metadata: ["url.host": "\(url.host ?? "")"])
                throw Self.fetchFailed
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
        guard ImageFormat.sniffHeader(data) != nil else {
            throw APIError.unsupportedMedia("the content at the URL is not an image Smart Gallery can read")
        }
        return data
    }

    /// The content at `url`, following at most ``maxRedirects`` redirects.
    private func follow(_ start: URL) async throws -> Data {
        var url = start
        for _ in 0...Self.maxRedirects {
            switch try await fetchOnce(url) {
            case .content(let data):
                return data
            case .redirect(let location):
                guard let next = URL(string: location, relativeTo: url).flatMap({ Self.fetchableURL($0.absoluteString) }) else {
                    logger.debug("url fetch: redirect to a URL that is not http or https", metadata: ["url.location": "\(location)"])
                    throw Self.fetchFailed
                }
                url = next
            }
        }
        logger.debug("url fetch: too many redirects", metadata: ["url.host": "\(url.host ?? "")"])
        throw Self.fetchFailed
    }

    private enum Hop {
        case content(Data)
        case redirect(String)
    }

    /// One request, to the checked address of `url`'s host.
    private func fetchOnce(_ url: URL) async throws -> Hop {
        let host = url.host ?? ""
        let checked = try addresses.addresses(of: host)
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
        // Connect to the checked address; TLS still verifies (and SNI still names) the host.
        configuration.dnsOverride = [host: checked[0]]
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        do {
            let hop = try await request(url, client: client)
            try? await client.shutdown()
            return hop
        } catch let error as APIError {
            try? await client.shutdown()
            throw error
        } catch {
            try? await client.shutdown()
            logger.debug("url fetch failed", metadata: ["url.host": "\(host)", "error": "\(error)"])
            throw Self.fetchFailed
        }
    }

    private func request(_ url: URL, client: HTTPClient) async throws -> Hop {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.headers.add(name: "User-Agent", value: "smart-gallery")
        request.headers.add(name: "Accept", value: "image/*")
        let response = try await client.execute(request, timeout: .nanoseconds(Int64(timeout * 1e9)), logger: logger)
        switch response.status.code {
        case 200..<300:
            break
        case 301, 302, 303, 307, 308:
            guard let location = response.headers.first(name: "location") else { throw Self.fetchFailed }
            return .redirect(location)
        default:
            logger.debug("url fetch: error status", metadata: ["url.host": "\(url.host ?? "")", "http.status": "\(response.status.code)"])
            throw Self.fetchFailed
        }
        let tooLarge = APIError.tooLarge("the image at the URL is larger than \(maxBytes) bytes")
        if let length = response.headers.first(name: "content-length").flatMap({ Int64($0) }), length > maxBytes { throw tooLarge }
        var data = Data()
        for try await chunk in response.body {
            guard Int64(data.count + chunk.readableBytes) <= maxBytes else { throw tooLarge }
            data.append(contentsOf: chunk.readableBytesView)
        }
        return .content(data)
    }

    /// `address` as a URL when it is http or https with a host.
    private static func fetchableURL(_ address: String) -> URL? {
        guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty
        else { return nil }
        return url
    }
}

extension ImageFormat {
    static func sniffHeader(_ data: Data) -> ImageFormat? { sniff(Array(data.prefix(sniffLength))) }
}

/// A server-wide count of URL fetches running, with a ceiling.
final class FetchSlots: @unchecked Sendable {
    let limit: Int
    private let lock = NSLock()
    private var taken = 0

    init(limit: Int) { self.limit = limit }

    /// Takes a slot; false when all are taken.
    func take() -> Bool {
        lock.withLock {
            guard taken < limit else { return false }
            taken += 1
            return true
        }
    }

    func give() { lock.withLock { taken -= 1 } }
}
