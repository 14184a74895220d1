import Foundation
import GalleryTestSupport
import Hummingbird
import Logging

/// A local OpenAI-compatible chat endpoint for the rewriter's tests: one route per behaviour
/// (a good answer, nonsense, a hang, a 500, an oversized answer...), on a free port of
/// 127.0.0.1, recording what it was sent.
final class ChatStubServer: Sendable {
    let port: Int
    let received: ReceivedRequests
    private let task: Task<Void, any Error>

    /// One request the stub was sent.
    struct ReceivedRequest: Sendable {
        var path: String
        var authorization: String?
        var body: Data

        /// The body as a JSON object (empty when it is not one).
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    }

    /// What the stub was sent, in order.
    actor ReceivedRequests {
        private(set) var requests: [ReceivedRequest] = []

        func append(_ request: ReceivedRequest) { requests.append(request) }
    }

    /// Starts the stub and waits until it listens.
    static func start() async throws -> ChatStubServer {
        let received = ReceivedRequests()
        let router = Router()
        for (path, content) in answers {
            router.post(RouterPath(stringLiteral: path)) { request, _ -> String in
                try await Self.record(request, path: path, into: received)
                return content
            }
        }
        router.post("hang") { request, _ -> String in
            try await Self.record(request, path: "hang", into: received)
            try await Task.sleep(for: .seconds(3600))
            return ""
        }
        router.post("error") { request, _ -> String in
            try await Self.record(request, path: "error", into: received)
            throw HTTPError(.internalServerError, message: "the model crashed")
        }
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) }, logger: Logger.quiet)
        let task = Task { try await app.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else { throw CancellationError() }
        return ChatStubServer(port: port, received: received, task: task)
    }

    private init(port: Int, received: ReceivedRequests, task: Task<Void, any Error>) {
        self.port = port
        self.received = received
        self.task = task
    }

    /// The endpoint of one behaviour, e.g. `good`.
    func url(_ path: String) -> URL { URL(string: "http://127.0.0.1:\(port)/\(path)")! }

    func stop() { task.cancel() }

    private static func record(_ request: Request, path: String, into received: ReceivedRequests) async throws {
        let body = try await request.body.collect(upTo: 1 << 20)
        await received.append(
            ReceivedRequest(path: path, authorization: request.headers[.authorization], body: Data(body.readableBytesView)))
    }

    /// A chat completion whose message is `content`.
    static func completion(_ content: String) -> String {
        let message = try! JSONSerialization.data(withJSONObject: ["role": "assistant", "content": content])
        return #"{"id":"stub","object":"chat.completion","choices":[{"index":0,"message":"#
            + String(decoding: message, as: UTF8.self) + #","finish_reason":"stop"}]}"#
    }

    /// Routes that answer at once, with their bodies.
    static let answers: [(String, String)] = [
        (
            "good",
            completion(
                #"{"query": "a dog playing in the snow", "after": "2019-12", "before": "2020-03", "place": "Austria", "persons": ["Anna"]}"#
            )
        ),
        ("fenced", completion("```json\n{\"query\": \"a red car\", \"place\": null}\n```")),
        ("nonsense", completion("Sure! Here are some lovely photos of dogs for you.")),
        ("extra-key", completion(#"{"query": "a cat", "sql": "DROP TABLE image"}"#)),
        ("bad-date", completion(#"{"query": "a beach", "after": "last summer"}"#)),
        ("reversed-dates", completion(#"{"query": "a beach", "after": "2021", "before": "2020"}"#)),
        ("empty-query", completion(#"{"query": "  "}"#)),
        ("not-a-completion", #"{"error": "what?"}"#),
        ("oversized", completion(#"{"query": ""# + String(repeating: "dog ", count: 30_000) + #""}"#)),
    ]
}
