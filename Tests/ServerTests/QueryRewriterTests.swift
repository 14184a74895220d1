import Foundation
import GalleryCore
import GalleryServer
import GalleryTestSupport
import Logging
import Testing

@Suite("QueryRewriter: an OpenAI-compatible endpoint, a timeout and a fallback to the plain query")
struct QueryRewriterTests {
    func rewriter(_ url: URL, timeout: Double = 30, apiKey: String? = nil) throws -> QueryRewriter {
        var settings = RewriterSettings()
        settings.url = url
        settings.model = "stub-model"
        settings.timeout = timeout
        settings.apiKey = apiKey
        return try #require(QueryRewriter(settings: settings, transport: AsyncHTTPChatTransport(), logger: Logger.quiet))
    }

    @Test func offUnlessBothURLAndModelAreSet() {
        var settings = RewriterSettings()
        #expect(QueryRewriter(settings: settings, transport: AsyncHTTPChatTransport(), logger: Logger.quiet) == nil)
        settings.url = URL(string: "http://127.0.0.1:9/v1/chat/completions")
        #expect(QueryRewriter(settings: settings, transport: AsyncHTTPChatTransport(), logger: Logger.quiet) == nil)
        settings.apiKey = "secret-key"
        #expect(!settings.description.contains("secret-key"))
    }

    @Test func aGoodAnswerGivesTheDescriptionAndCheckedFilters() async throws {
        let stub = try await ChatStubServer.start()
        defer { stub.stop() }
        let rewrite = try await rewriter(stub.url("good"), apiKey: "secret-key").rewrite("Anna and the dog in Austria, winter 2019")
        #expect(rewrite.fallback == nil)
        #expect(
            rewrite.query
                == RewrittenQuery(
                    text: "a dog playing in the snow", after: "2019-12", before: "2020-03", place: "Austria", persons: ["Anna"]))
        var filters = SearchFilters()
        filters.place = "Vienna"
        rewrite.query.apply(to: &filters)
        #expect(filters.place == "Vienna" && filters.after == "2019-12" && filters.persons == ["Anna"])

        let sent = try #require(await stub.received.requests.first)
        #expect(sent.authorization == "Bearer secret-key")
        #expect(sent.json["model"] as? String == "stub-model")
        let messages = try #require(sent.json["messages"] as? [[String: String]])
        #expect(messages.map { $0["role"] } == ["system", "user"])
        #expect(messages[1]["content"] == "Anna and the dog in Austria, winter 2019")

        let fenced = try await rewriter(stub.url("fenced")).rewrite("red car")
        #expect(fenced == QueryRewrite(query: RewrittenQuery(text: "a red car"), fallback: nil))
        #expect(await stub.received.requests.last?.authorization == nil)
    }

    @Test(arguments: ["nonsense", "extra-key", "bad-date", "reversed-dates", "empty-query", "not-a-completion"])
    func anUnusableAnswerFallsBackToThePlainQuery(path: String) async throws {
        let stub = try await ChatStubServer.start()
        defer { stub.stop() }
        let rewrite = try await rewriter(stub.url(path)).rewrite("dogs at the beach")
        #expect(rewrite.query == RewrittenQuery(text: "dogs at the beach"))
        guard case .unusableAnswer = rewrite.fallback else {
            Issue.record("\(path): expected an unusable answer, got \(String(describing: rewrite.fallback))")
            return
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aHangingEndpointFallsBackWhenTheTimeoutPasses() async throws {
        let stub = try await ChatStubServer.start()
        defer { stub.stop() }
        let rewrite = try await rewriter(stub.url("hang"), timeout: 0.5).rewrite("dogs")
        #expect(rewrite == QueryRewrite(query: RewrittenQuery(text: "dogs"), fallback: .timeout))
    }

    @Test func errorsOversizedAnswersAndNoServerFallBack() async throws {
        let stub = try await ChatStubServer.start()
        defer { stub.stop() }
        #expect(try await rewriter(stub.url("error")).rewrite("dogs").fallback == .httpStatus(500))
        #expect(try await rewriter(stub.url("missing")).rewrite("dogs").fallback == .httpStatus(404))
        #expect(try await rewriter(stub.url("oversized")).rewrite("dogs").fallback == .oversizedAnswer)
        // Nothing listens: AsyncHTTPClient retries the connection until the deadline, or fails.
        let closed = try await rewriter(URL(string: "http://127.0.0.1:9/v1/chat/completions")!, timeout: 0.5).rewrite("dogs")
        switch closed.fallback {
        case .timeout?, .transport?: #expect(closed.query == RewrittenQuery(text: "dogs"))
        default: Issue.record("expected a timeout or a transport failure, got \(String(describing: closed.fallback))")
        }
    }
}
