import ArgumentParser
import Foundation
import GalleryCore

/// `gallery-bench image-parity`: per photo of the reference set, how far this project's model
/// input and vector are from those of Immich's code (scripts/models/build-image-golden.sh).
struct ImageParityBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "image-parity",
        abstract: "Model inputs and image vectors against the Python reference that follows Immich's code.")

    @Option(help: "The reference set (golden.json, photos/, tensors/).")
    var golden = ".cache/models/image-golden"

    @Option(help: "The CLIP-family model folder the reference was made with.")
    var model = ".cache/models/tiny-clip"

    func run() async throws {
        let runtime = try ModelLoader(home: URL(fileURLWithPath: NSTemporaryDirectory())).runtime()
        let embedding = try ModelRegistry.load(folder: URL(fileURLWithPath: model), runtime: runtime)
        let results = try ModelInputParity(folder: URL(fileURLWithPath: golden)).compare(with: embedding)
        print("photo                      preview  max |input diff|  max |vector diff|  cosine")
        for result in results {
            let name = URL(fileURLWithPath: result.photo).lastPathComponent
            print(
                name.padding(toLength: 26, withPad: " ", startingAt: 0),
                result.previewMatches ? "same   " : "DIFFERS",
                String(format: "%16.2e  %17.2e  %.7f", result.maxInputDifference, result.maxEmbeddingDifference, result.cosine))
        }
        let worst = results.map(\.cosine).min() ?? 0
        let largest = results.map(\.maxEmbeddingDifference).max() ?? 0
        print(String(format: "%d photos: worst cosine %.7f, largest vector difference %.2e", results.count, worst, largest))
    }
}
