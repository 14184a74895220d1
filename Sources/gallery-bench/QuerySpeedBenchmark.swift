import ArgumentParser
import Foundation
import GalleryCore

/// `gallery-bench query-speed`: how long a model takes to embed one query (tokenizer and text
/// model), as percentiles over the same queries a search benchmark uses. With the project's tiny
/// models this times the mechanism, not a real model's speed.
struct QuerySpeedBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query-speed", abstract: "Milliseconds to embed one query (p50, p95), after an untimed pass.")

    @Option(help: "A model folder (CLIP in Immich's layout or the offline pack).")
    var model: String

    @Option(help: "Passes over the queries.")
    var passes = 5

    @Flag(help: "Print one JSON object.") var json = false

    func run() async throws {
        let runtime = try ModelLoader(home: URL(fileURLWithPath: NSTemporaryDirectory())).runtime()
        let embedding = try ModelRegistry.load(
            folder: URL(fileURLWithPath: model), runtime: runtime, options: SessionOptions(intraOpThreads: 1))
        let queries = QueryCleaningBenchmark.subjects + SearchBenchmark.queries
        for query in queries { _ = try embedding.embedText(query) }
        var milliseconds: [Double] = []
        for _ in 0..<passes {
            for query in queries {
                let start = ContinuousClock.now
                _ = try embedding.embedText(query)
                milliseconds.append(Timing.seconds(ContinuousClock.now - start) * 1000)
            }
        }
        let p50 = Timing.percentile(milliseconds, 0.5)
        let p95 = Timing.percentile(milliseconds, 0.95)
        if json {
            print("{\"model\": \"\(embedding.identifier)\", \"queries\": \(milliseconds.count), \"p50_ms\": \(p50), \"p95_ms\": \(p95)}")
        } else {
            print(String(format: "%@: %d queries, p50 %.2f ms, p95 %.2f ms", embedding.identifier, milliseconds.count, p50, p95))
        }
    }
}
