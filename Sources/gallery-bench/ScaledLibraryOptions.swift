import ArgumentParser
import Foundation
import GalleryCore

/// The options and set-up of the benchmarks that grow a real library to several sizes with
/// ``SyntheticLibrary``: the data folder that holds real embeddings, the sizes, the threads of
/// the text encoder.
struct ScaledLibraryOptions: ParsableArguments {
    @Option(help: "A data folder whose catalogue holds real embeddings of the active model.")
    var home: String

    @Option(help: "Library sizes, comma-separated.")
    var sizes = "10000,100000"

    @Option(help: "Intra-op threads for the text encoder.")
    var threads = 1

    /// The real library the synthetic ones grow from.
    struct RealLibrary {
        var catalog: AppDatabase
        var model: any EmbeddingModel
        /// Its embeddings of the active model: at least one.
        var entries: [VectorIndex.Entry]
        /// The visual embedding of its first image.
        var visual: Data
    }

    /// Opens the real library; an error when it holds no embeddings of the active model.
    func realLibrary() throws -> RealLibrary {
        let configuration = try ConfigurationLoader().load(home: home)
        let catalog = try AppDatabase.open(at: configuration.catalogURL)
        let model = try ModelLoader(home: configuration.home).active(threads: threads)
        let entries = try catalog.indexEntries(model: model.identifier)
        guard let first = entries.first else { throw ValidationError("\(home) holds no embeddings from \(model.identifier)") }
        let hash = try catalog.images(ids: [first.imageId]).first!.contentHash!
        let visual = try catalog.embedding(contentHash: hash, model: model.identifier)!.visual
        return RealLibrary(catalog: catalog, model: model, entries: entries, visual: visual)
    }

    /// Each size asked for, with a new empty catalogue in a scratch folder that is removed after `body`.
    func eachSize(named name: String, _ body: (Int, AppDatabase) async throws -> Void) async throws {
        for size in sizes.split(separator: ",").compactMap({ Int($0) }) {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gallery-\(name)-\(size)-\(getpid())")
            defer { try? FileManager.default.removeItem(at: folder) }
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try await body(size, try AppDatabase.open(at: folder.appendingPathComponent("catalog.sqlite")))
        }
    }
}
