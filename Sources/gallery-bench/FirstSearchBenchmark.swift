import ArgumentParser
import Foundation
import GalleryCore

/// `gallery-bench first-search`: how long the first search takes after a server (or CLI)
/// start, at several library sizes: a catalogue of N images is written (the real embeddings
/// of a library, then labelled synthetic copies, each with its own content), then a fresh
/// engine loads its vectors and answers a query; a second query, an in-place refresh after 100
/// new images and a refresh with nothing to do are timed too. The keyword documents are built
/// first, as an index run builds them before it ends.
struct FirstSearchBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "first-search", abstract: "Time to the first search, and in-place index refreshes, at library sizes.")

    @OptionGroup var library: ScaledLibraryOptions

    func run() async throws {
        let real = try library.realLibrary()
        let model = real.model
        print("model \(model.identifier), \(real.entries.count) real embeddings")
        try await library.eachSize(named: "first-search") { size, catalog in
            let collection = try catalog.defaultCollection()
            try SyntheticLibrary.write(
                size, from: real.entries, visual: real.visual, into: catalog, collectionId: collection.id!, model: model.identifier)

            let clock = ContinuousClock()
            // An index run ends by building the keyword documents of what it added: done here as
            // it does, and timed apart, so the first search finds none pending (as after `index`).
            let keywordStart = clock.now
            try catalog.refreshKeywordIndex()
            let keywordDocuments = clock.now - keywordStart
            let engine = SearchEngine(catalog: catalog, model: model)
            let service = SearchService(catalog: catalog, engine: engine)
            let start = clock.now
            _ = try service.search(SearchRequest(collectionId: collection.id!, text: "a dog on the beach"))
            let firstSearch = clock.now - start
            let again = clock.now
            _ = try service.search(SearchRequest(collectionId: collection.id!, text: "a red car"))
            let second = clock.now - again
            // What the load is made of, timed apart after the first search.
            let readStart = clock.now
            let entries = try catalog.indexEntries(model: model.identifier)
            let read = clock.now - readStart
            let buildStart = clock.now
            try VectorIndex(dimension: model.dimension).insert(entries)
            let build = clock.now - buildStart
            try SyntheticLibrary.write(
                100, from: real.entries, visual: real.visual, into: catalog, collectionId: collection.id!, model: model.identifier,
                offset: size)
            let refreshStart = clock.now
            try engine.refresh()
            let refresh = clock.now - refreshStart
            let idleStart = clock.now
            try engine.refresh()
            let idle = clock.now - idleStart
            print(
                String(
                    format:
                        "%7d images (%d synthetic): keyword documents %.0f ms (at the end of indexing); first search %.0f ms (index load + query; the load alone: catalogue read %.0f ms, index build %.0f ms), next search %.1f ms; refresh after 100 new %.0f ms, refresh with no change %.0f ms; peak RSS %d MiB",
                    size, max(0, size - real.entries.count), keywordDocuments.seconds * 1000, firstSearch.seconds * 1000,
                    read.seconds * 1000, build.seconds * 1000,
                    second.seconds * 1000, refresh.seconds * 1000,
                    idle.seconds * 1000, ProcessStatistics.peakResidentBytes >> 20))
        }
    }
}
