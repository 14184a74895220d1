import Foundation

/// Where tests find ONNX Runtime and the model files built by `scripts/models.sh`.
public enum ModelFixtures {
    /// `GALLERY_ONNXRUNTIME`, else the library fetched into `.cache/onnxruntime`.
    public static var runtimePath: String {
        ProcessInfo.processInfo.environment["GALLERY_ONNXRUNTIME"]
            ?? Fixtures.repositoryRoot.appendingPathComponent(".cache/onnxruntime/libonnxruntime.so.1.31.1").path
    }

    /// A model folder under `.cache/models`, e.g. `offline-pack` or `tiny-clip`.
    public static func folder(_ name: String) throws -> URL {
        let url = Fixtures.repositoryRoot.appendingPathComponent(".cache/models/\(name)")
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw FixtureError.missing("\(url.path) (run scripts/models.sh)")
        }
        return url
    }
}
