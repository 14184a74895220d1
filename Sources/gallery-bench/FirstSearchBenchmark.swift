import ArgumentParser
import Foundation
import GalleryCore

/// `gallery-bench first-search`: how long the first search takes after a server (or CLI)
/// start, at several library sizes: a catalogue of N images is written (the real embeddings
/// of a library, then labelled synthetic copies, each with its own content), then a fresh
/// engine loads its vectors and answers a query; a second query, an in-place refresh after 100
/// new images and a refresh with nothing to do are timed too.
struct FirstSearchBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "first-search", abstract: "Time to the first search, and in-place index refreshes, at library sizes.")

    @Option(help: "A data folder whose catalogue holds real embeddings of the active model.")
    var home: String

    @Option(help: "Library sizes, comma-separated.")
    var sizes = "10000,100000"

    @Option(help: "Intra-op threads for the text encoder.")
    var threads = 1

    func run() async throws {
        let configuration = try ConfigurationLoader().load(home: home)
        let source = try AppDatabase.open(at: configuration.catalogURL)
        let model = try ModelLoader(home: configuration.home).active(threads: threads)
        let real = try source.indexEntries(model: model.identifier)
        guard let first = real.first else { throw ValidationError("\(home) holds no embeddings from \(model.identifier)") }
        let sample = try source.embedding(contentHash: try hash(of: first.imageId, in: source), model: model.identifier)!
        print("model \(model.identifier), \(real.count) real embeddings")
        for size in sizes.split(separator: ",").compactMap({ Int($0) }) {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gallery-first-search-\(size)-\(getpid())")
            defer { try? FileManager.default.removeItem(at: folder) }
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let catalog = try AppDatabase.open(at: folder.appendingPathComponent("catalog.sqlite"))
            let collection = try catalog.defaultCollection()
            try SyntheticLibrary.write(
                size, from: real, visual: sample.visual, into: catalog, collectionId: collection.id!, model: model.identifier)

            let clock = ContinuousClock()
            let engine = SearchEngine(catalog: catalog, model: model)
            let service = SearchService(catalog: catalog, engine: engine)
            let start = clock.now
            _ = try service.search(SearchRequest(collectionId: collection.id!, text: "a dog on the beach"))
            let firstSearch = clock.now - start
            let again = clock.now
            _ = try service.search(SearchRequest(collectionId: collection.id!, text: "a red car"))
            let second = clock.now - again
            try SyntheticLibrary.write(
                100, from: real, visual: sample.visual, into: catalog, collectionId: collection.id!, model: model.identifier, offset: size)
            let refreshStart = clock.now
            try engine.refresh()
            let refresh = clock.now - refreshStart
            let idleStart = clock.now
            try engine.refresh()
            let idle = clock.now - idleStart
            print(
                String(
                    format:
                        "%7d images (%d synthetic): first search %.0f ms (index load + query), next search %.1f ms; refresh after 100 new %.0f ms, refresh with no change %.0f ms; peak RSS %d MiB",
                    size, max(0, size - real.count), firstSearch.seconds * 1000, second.seconds * 1000, refresh.seconds * 1000,
                    idle.seconds * 1000, ProcessStatistics.peakResidentBytes >> 20))
        }
    }

    private func hash(of imageId: Int64, in catalog: AppDatabase) throws -> String {
        try catalog.images(ids: [imageId]).first!.contentHash!
    }
}
