import Foundation

/// Sends one chat-completions request over HTTP. The core builds the request and reads the
/// answer (``QueryRewriter``); the server target implements this with AsyncHTTPClient
/// (`AsyncHTTPChatTransport`), so the core has no HTTP client of its own.
public protocol ChatTransport: Sendable {
    /// POSTs `body` (JSON) to `url` with `headers`, and returns the status and the answer's
    /// body, giving up after `timeout`.
    /// - Throws: ``ChatTransportError``; cancellation when the caller gives up first.
    func post(
        url: URL, body: Data, headers: [(name: String, value: String)], timeout: Duration, maxBytes: Int
    ) async throws
        -> ChatTransportResponse
}

/// An HTTP answer: status and body.
public struct ChatTransportResponse: Sendable, Equatable {
    public var status: Int
    public var body: Data

    public init(status: Int, body: Data) {
        self.status = status
        self.body = body
    }
}

/// Why a chat request brought no answer.
public enum ChatTransportError: Error, Equatable, CustomStringConvertible {
    /// The answer's body is longer than allowed.
    case tooLarge(Int)
    /// The endpoint did not answer in time.
    case timedOut
    /// Connecting, sending or reading failed.
    case failed(String)

    public var description: String {
        switch self {
        case .tooLarge(let limit): "the answer is larger than \(limit) bytes"
        case .timedOut: "no answer in time"
        case .failed(let detail): detail
        }
    }
}
