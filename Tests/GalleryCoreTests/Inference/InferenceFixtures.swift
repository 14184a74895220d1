import Foundation
import GalleryCore
import GalleryTestSupport

/// Where the inference tests find ONNX Runtime and their tiny models.
///
/// The library comes from `scripts/models/fetch-onnxruntime.sh` (`GALLERY_ONNXRUNTIME` overrides
/// it); the models from `scripts/models/make-test-models.py`. Missing files fail the tests with
/// instructions, never skip them.
enum InferenceFixtures {
    static var libraryPath: String {
        OnnxRuntime.defaultLibraryPath(
            home: Fixtures.repositoryRoot.appendingPathComponent(".cache/gallery-home-unused"),
            environment: ProcessInfo.processInfo.environment,
            candidates: [
                Fixtures.repositoryRoot.appendingPathComponent(".cache/onnxruntime/\(OnnxRuntime.libraryFileName)").path
            ])
    }

    /// The shared runtime, or a failure naming the script that fetches the library.
    static func runtime() throws -> OnnxRuntime {
        try OnnxRuntime.shared(libraryPath: libraryPath)
    }

    /// A test model's path, e.g. `model("linear")`.
    static func model(_ name: String) throws -> String {
        let path = Fixtures.repositoryRoot.appendingPathComponent(".cache/models/test/\(name).onnx").path
        guard FileManager.default.fileExists(atPath: path) else {
            throw FixtureError.missing("\(path) (run python3 scripts/models/make-test-models.py)")
        }
        return path
    }

    /// `linear.onnx`'s answer: Y = X W + B with W[i][j] = (3i + j + 1) / 10, B = [0.5, -1, 2].
    static func linear(_ x: [Float]) -> [Float] {
        let bias: [Float] = [0.5, -1, 2]
        var y: [Float] = []
        for row in stride(from: 0, to: x.count, by: 4) {
            for column in 0..<3 {
                var sum = bias[column]
                for i in 0..<4 { sum += x[row + i] * (Float(3 * i + column + 1) / 10) }
                y.append(sum)
            }
        }
        return y
    }
}
