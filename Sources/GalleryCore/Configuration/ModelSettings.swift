import Foundation

/// Embedding models (`models:` in `config.yaml`): the language queries are written in, and where
/// `gallery models pull` downloads Immich's models from.
public struct ModelSettings: Sendable, Equatable {
    /// The hub `gallery models pull` uses when none is configured.
    public static let defaultHubURL = URL(string: "https://huggingface.co")!

    /// The language of search queries that do not name one (`en`, `fr`, `pt-BR`): NLLB models
    /// put its FLORES-200 code in front of the query, as Immich does. nil: none (no code, as
    /// Immich's machine-learning service does when it is given no language).
    public var language: String?
    /// The Hugging Face hub (or a mirror with the same paths: `/api/models/immich-app/NAME/tree/main`
    /// and `/immich-app/NAME/resolve/main/FILE`). Also `HF_ENDPOINT`, as for Hugging Face's own tools.
    public var hubURL: URL = ModelSettings.defaultHubURL

    public init() {}
}
