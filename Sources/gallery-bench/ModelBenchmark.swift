import ArgumentParser
import Foundation
import GalleryCore

/// `gallery-bench model`: the image model's bare throughput on pre-decoded tensors, by batch
/// size and intra-op threads, to set beside the end-to-end indexing rate.
struct ModelBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model", abstract: "Images per second of the image model alone, on tensors prepared in advance.")

    @Option(help: "A model folder (offline pack or CLIP in Immich's layout).")
    var model: String

    @Option(help: "Photos to prepare (they are decoded once, before timing).")
    var photos: [String]

    @Option(help: "Images per measurement.")
    var images = 64

    func run() async throws {
        let runtime = try ModelLoader(home: URL(fileURLWithPath: NSTemporaryDirectory())).runtime()
        let folder = URL(fileURLWithPath: model)
        for threads in [1, 2] {
            let embedding = try ModelRegistry.load(folder: folder, runtime: runtime, options: SessionOptions(intraOpThreads: threads))
            let decoder = PhotoDecoder()
            let prepared = try photos.map { path in
                try decoder.decodeModelSource(Data(contentsOf: URL(fileURLWithPath: path)))
                    .prepared(for: embedding.preprocessing)
            }
            guard !prepared.isEmpty else { throw ValidationError("give at least one --photos file") }
            _ = try embedding.embedImages([prepared[0]])  // warm-up
            for batch in [1, 4, 16] {
                let start = ContinuousClock.now
                var done = 0
                while done < images {
                    let items = (0..<batch).map { prepared[(done + $0) % prepared.count] }
                    _ = try embedding.embedImages(items)
                    done += batch
                }
                let seconds = Timing.seconds(ContinuousClock.now - start)
                print(
                    String(
                        format: "%@: %d intra-op thread(s), batch %2d: %6.1f images/s (%.1f ms per image)",
                        embedding.identifier, threads, batch, Double(done) / seconds, seconds / Double(done) * 1000))
            }
        }
    }
}
