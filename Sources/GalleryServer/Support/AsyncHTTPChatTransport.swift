import AsyncHTTPClient
import Foundation
import GalleryCore

/// ``ChatTransport`` over AsyncHTTPClient: one POST, no redirects, a deadline, and a cap on the
/// answer's size (read no further than the cap).
///
/// ```swift
/// let transport = AsyncHTTPChatTransport()
/// let rewriter = QueryRewriter(settings: configuration.rewriter, transport: transport, logger: logger)
/// ```
public struct AsyncHTTPChatTransport: ChatTransport {
    private let client: HTTPClient

    /// A transport over `client` (by default one process-wide client that never follows a
    /// redirect, so the API key goes only to the configured endpoint).
    public init(client: HTTPClient = Self.sharedClient) {
        self.client = client
    }

    /// The default client: lives as long as the process, like `HTTPClient.shared`.
    public static let sharedClient = HTTPClient(
        eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))

    public func post(
        url: URL, body: Data, headers: [(name: String, value: String)], timeout: Duration, maxBytes: Int
    ) async throws
        -> ChatTransportResponse
    {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        request.headers.add(name: "User-Agent", value: "smart-gallery")
        for header in headers { request.headers.add(name: header.name, value: header.value) }
        request.body = .bytes(Array(body))
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, timeout: .nanoseconds(Int64(timeout.seconds * 1e9)))
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            throw ChatTransportError.timedOut
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw ChatTransportError.failed("\(error)")
        }
        if let length = response.headers.first(name: "content-length").flatMap({ Int($0) }), length > maxBytes {
            throw ChatTransportError.tooLarge(maxBytes)
        }
        var data = Data()
        do {
            for try await chunk in response.body {
                guard data.count + chunk.readableBytes <= maxBytes else { throw ChatTransportError.tooLarge(maxBytes) }
                data.append(contentsOf: chunk.readableBytesView)
            }
        } catch let error as ChatTransportError {
            throw error
        } catch {
            throw ChatTransportError.failed("reading the answer: \(error)")
        }
        return ChatTransportResponse(status: Int(response.status.code), body: data)
    }
}
