import Foundation

/// Query rewriting by an LLM behind an OpenAI-compatible chat-completions endpoint
/// (`rewriter:` in `config.yaml`). Off unless both ``url`` and ``model`` are set: nothing is
/// ever sent anywhere otherwise.
public struct RewriterSettings: Sendable, Equatable {
    /// The endpoint, e.g. `http://127.0.0.1:8000/v1/chat/completions`.
    public var url: URL?
    /// The model name sent with each request.
    public var model: String?
    /// Seconds to wait for an answer before searching with the plain query.
    public var timeout: Double = 3
    /// The API key, sent as a bearer token; only ever read from `GALLERY_REWRITER_API_KEY`
    /// (never from the file, never logged).
    public var apiKey: String?

    public init() {}

    /// Whether rewriting is configured.
    public var isEnabled: Bool { url != nil && model?.isEmpty == false }
}

extension RewriterSettings: CustomStringConvertible, CustomDebugStringConvertible {
    /// The settings without the key (also what a printed ``GalleryConfiguration`` shows).
    public var debugDescription: String { description }

    /// The settings without the key.
    public var description: String {
        "RewriterSettings(url: \(url?.absoluteString ?? "none"), model: \(model ?? "none"), timeout: \(timeout), apiKey: \(apiKey == nil ? "unset" : "set"))"
    }
}

extension RewriterSettings {
    /// `text` as an endpoint URL: http or https with a host; nil otherwise.
    public static func endpoint(_ text: String) -> URL? {
        guard let url = URL(string: text.trimmingCharacters(in: .whitespaces)), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", url.host?.isEmpty == false
        else { return nil }
        return url
    }
}
