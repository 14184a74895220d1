import Foundation
import Logging

/// Rewrites a search query with an LLM behind an OpenAI-compatible chat-completions endpoint:
/// a short English description for the image encoder, plus the dates, place and persons the
/// query names (``RewrittenQuery``). Off unless configured (`rewriter: {url, model}`); never
/// fails a search: on a timeout, an HTTP error, an oversized or unusable answer, the plain
/// query comes back with the reason (``QueryRewrite/fallback``).
///
/// ```swift
/// if let rewriter = QueryRewriter(settings: configuration.rewriter, transport: transport, logger: logger) {
///     let rewrite = await rewriter.rewrite("photos of Anna in Paris last summer")
///     request.text = rewrite.query.text
///     rewrite.query.apply(to: &request.filters)
/// }
/// ```
public struct QueryRewriter: Sendable {
    /// Largest answer read (bytes); a larger one is a fallback.
    public static let maxAnswerBytes = 64 * 1024

    public let url: URL
    public let model: String
    public let timeout: Duration
    private let apiKey: String?
    private let transport: any ChatTransport
    private let logger: Logger
    private let today: @Sendable () -> Date

    /// A rewriter for `settings`; nil when rewriting is not configured (no URL or no model).
    public init?(
        settings: RewriterSettings, transport: any ChatTransport, logger: Logger, today: @escaping @Sendable () -> Date = { Date() }
    ) {
        guard settings.isEnabled, let url = settings.url, let model = settings.model else { return nil }
        self.url = url
        self.model = model
        timeout = .milliseconds(Int64(settings.timeout * 1000))
        apiKey = settings.apiKey
        self.transport = transport
        self.logger = logger
        self.today = today
    }

    /// The rewritten query, or the plain `query` with the reason it is not rewritten.
    public func rewrite(_ query: String) async -> QueryRewrite {
        let plain = RewrittenQuery(text: query)
        let started = ContinuousClock.now
        do throws(RewriteFallback) {
            let rewritten = try await ask(String(query.prefix(SearchLimits.maxTextLength)))
            logger.debug(
                "query rewritten",
                metadata: ["rewriter.host": "\(url.host ?? "")", "rewriter.seconds": "\((ContinuousClock.now - started).seconds)"])
            return QueryRewrite(query: rewritten, fallback: nil)
        } catch {
            logger.notice(
                "query rewriting fell back to the plain query",
                metadata: ["rewriter.host": "\(url.host ?? "")", "rewriter.problem": "\(error)"])
            return QueryRewrite(query: plain, fallback: error)
        }
    }

    private func ask(_ query: String) async throws(RewriteFallback) -> RewrittenQuery {
        let body: Data
        do {
            body = try JSONEncoder().encode(RewritePrompt(model: model, query: query, today: today()))
        } catch {
            throw .transport("cannot encode the request: \(error)")
        }
        var headers: [(name: String, value: String)] = [("Content-Type", "application/json"), ("Accept", "application/json")]
        if let apiKey { headers.append(("Authorization", "Bearer \(apiKey)")) }
        let response = try await post(body: body, headers: headers)
        guard (200..<300).contains(response.status) else { throw .httpStatus(response.status) }
        return try RewriteAnswer.parse(response.body)
    }

    /// The transport's answer, or ``RewriteFallback/timeout`` when the timeout passes first
    /// (the request is then cancelled).
    private func post(body: Data, headers: [(name: String, value: String)]) async throws(RewriteFallback) -> ChatTransportResponse {
        let (transport, url, timeout) = (self.transport, self.url, self.timeout)
        let outcome = await withTaskGroup(of: Result<ChatTransportResponse, ChatTransportError>?.self) { group in
            group.addTask {
                do {
                    return .success(
                        try await transport.post(url: url, body: body, headers: headers, timeout: timeout, maxBytes: Self.maxAnswerBytes))
                } catch let error as ChatTransportError {
                    return .failure(error)
                } catch {
                    return Task.isCancelled ? nil : .failure(.failed("\(error)"))
                }
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        switch outcome {
        case .success(let response)?: return response
        case .failure(.tooLarge)?: throw .oversizedAnswer
        case .failure(.timedOut)?, nil: throw .timeout
        case .failure(.failed(let detail))?: throw .transport(detail)
        }
    }
}
