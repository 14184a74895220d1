/// Installed models and how many contents each has embedded (`gallery models list --json`).
public struct ModelListReport: Encodable, Sendable {
    public var models: [Model]
    public var active: String?

    public struct Model: Encodable, Sendable {
        public var name: String
        public var layout: ModelRegistry.Layout
        public var active: Bool
        public var path: String
    }

    /// Embeddings stored per model identifier.
    public var embeddings: [String: Int]

    public init(models: [ModelRegistry.InstalledModel], embeddingCounts: [String: Int]) {
        self.models = models.map { Model(name: $0.name, layout: $0.layout, active: $0.isActive, path: $0.folder.path) }
        active = models.first { $0.isActive }?.name
        embeddings = embeddingCounts
    }
}
