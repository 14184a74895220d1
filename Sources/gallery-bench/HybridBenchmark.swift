import ArgumentParser
import Foundation
import GalleryCore

/// `gallery-bench hybrid`: the latency of a whole search through the service (query language,
/// semantic ranking, keyword ranking, fusion, loading the page) at library sizes, semantic
/// only (weight 1), fused (the default weight) and keywords only (weight 0). The library is
/// the real embeddings and tags of an indexed one, then synthetic copies (``SyntheticLibrary``);
/// the keyword side indexes the copies' tags with their WordNet words.
struct HybridBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hybrid", abstract: "Search latency through the service: semantic only, fused and keywords only, at library sizes.")

    @OptionGroup var library: ScaledLibraryOptions

    @Option(help: "Searches per size and mode.")
    var repetitions = 200

    @Flag(help: "Also print each query's median per mode, slowest first.")
    var perQuery = false

    @Option(name: .customLong("query"), help: "A query to time instead of the standard 20 (repeatable).")
    var chosenQueries: [String] = []

    @Option(help: "The modes to time, comma-separated: semantic, fused, keywords.")
    var modes = "semantic,fused,keywords"

    func run() async throws {
        let real = try library.realLibrary()
        let model = real.model
        let tags = try real.catalog.tags(imageIds: real.entries.map(\.imageId), model: model.identifier)
        let queries = chosenQueries.isEmpty ? SearchBenchmark.queries : chosenQueries
        let timed = Set(modes.split(separator: ",").map(String.init))
        print("model \(model.identifier), \(real.entries.count) real embeddings, \(queries.count) queries")
        try await library.eachSize(named: "hybrid") { size, catalog in
            let collectionId = try catalog.defaultCollection().id!
            try SyntheticLibrary.write(
                size, from: real.entries, tags: tags, visual: real.visual, into: catalog, collectionId: collectionId,
                model: model.identifier)
            let service = SearchService(catalog: catalog, engine: SearchEngine(catalog: catalog, model: model))
            // Warm: the index loaded and every query's vector cached, so the figures are the
            // searches themselves.
            for query in queries { _ = try service.search(SearchRequest(collectionId: collectionId, text: query)) }
            var line = String(format: "%7d images:", size)
            let allModes = [
                ("semantic", "semantic only", 1.0), ("fused", "fused", SearchService.defaultSemanticWeight),
                ("keywords", "keywords only", 0.0),
            ]
            for (mode, name, weight) in allModes where timed.contains(mode) {
                var times: [Double] = []
                var cpu: [Double] = []
                var byQuery: [String: [Double]] = [:]
                var matches = 0
                for repetition in 0..<repetitions {
                    let text = queries[repetition % queries.count]
                    var request = SearchRequest(collectionId: collectionId, text: text)
                    request.semanticWeight = weight
                    let start = ContinuousClock.now
                    let startCPU = Timing.processCPUSeconds()
                    let report = try service.search(request)
                    cpu.append(Timing.processCPUSeconds() - startCPU)
                    times.append(Timing.seconds(ContinuousClock.now - start))
                    byQuery[text, default: []].append(times.last!)
                    matches += report.results.count
                }
                if perQuery {
                    let medians = byQuery.mapValues { Timing.percentile($0, 0.5) * 1000 }.sorted { $0.value > $1.value }
                    print("  \(size) \(name): " + medians.map { String(format: "%@ %.1f ms", $0.key, $0.value) }.joined(separator: "; "))
                }
                line +=
                    "  \(name) "
                    + String(
                        format: "p50 %.2f ms, p95 %.2f ms, CPU p50 %.2f ms, p95 %.2f ms (%.0f results);",
                        Timing.percentile(times, 0.5) * 1000,
                        Timing.percentile(times, 0.95) * 1000, Timing.percentile(cpu, 0.5) * 1000, Timing.percentile(cpu, 0.95) * 1000,
                        Double(matches) / Double(repetitions))
            }
            print(line + String(format: " peak RSS %d MiB", ProcessStatistics.peakResidentBytes >> 20))
        }
    }
}
