import COpenBLAS
import CVipsShim
import Foundation

/// Finds and describes the faces of an image: BlazeFace detection, then dlib's alignment and
/// descriptor on each face (faces found lying on their side are described on the image turned
/// upright for them), and an aligned chip as JPEG for the UI.
///
/// Thread-safe: one analyzer serves every indexing thread.
///
/// ```swift
/// let analyzer = try FaceAnalyzer(settings: configuration.faces, modelsFolder: folder, runtime: runtime)
/// let faces = try analyzer.analyze(preview)   // boxes normalised to the image
/// ```
public final class FaceAnalyzer: Sendable {
    public let detector: FaceDetector
    public let encoder: FaceEncoder
    /// The face models folder the analyzer was loaded from.
    public let modelsFolder: URL

    /// File names of dlib's models in the face models folder.
    public static let landmarksFileName = "shape_predictor_5_face_landmarks.dat"
    public static let descriptorFileName = "dlib_face_recognition_resnet_model_v1.dat"

    /// Loads the detector and dlib's models from `modelsFolder`.
    /// - Throws: ``FaceModelError/missingFile(path:)`` naming the first missing file;
    ///   ``FaceModelError/loadFailed(message:)``; ``InferenceError``.
    public init(settings: FaceDetectorSettings, modelsFolder: URL, runtime: OnnxRuntime) throws {
        // The detector checks its file first, then the encoder its two: the first missing is named.
        detector = try FaceDetector(modelsFolder: modelsFolder, runtime: runtime, settings: settings)
        encoder = try FaceEncoder(
            landmarksPath: modelsFolder.appendingPathComponent(Self.landmarksFileName).path,
            descriptorPath: modelsFolder.appendingPathComponent(Self.descriptorFileName).path)
        self.modelsFolder = modelsFolder
        // dlib's descriptor runs on OpenBLAS; its own thread pool would fight the indexing
        // workers (one face per worker is faster than one face spread over every core).
        openblas_set_num_threads(1)
    }

    /// The faces in `image` (upright), best first, with boxes and keypoints normalised to it.
    /// - Throws: ``ImagingError``, ``InferenceError`` or ``FaceModelError`` when a stage fails.
    public func analyze(_ image: DecodedImage) throws -> [FoundFace] {
        let detected = try detector.detect(in: image)
        guard !detected.isEmpty else { return [] }
        var found: [FoundFace] = []
        for turns in Set(detected.map(\.quarterTurns)).sorted() {
            let faces = detected.filter { $0.quarterTurns == turns }
            let turned = turns == 0 ? image : try image.turned(quarterTurns: turns)
            let boxes = faces.map { Self.turn($0.box, quarterTurns: turns, width: image.width, height: image.height) }
            let descriptions = try encoder.describe(turned, boxes: boxes, includeChips: true)
            for (face, description) in zip(faces, descriptions) {
                found.append(
                    FoundFace(
                        box: Self.normalised(face.box, width: image.width, height: image.height),
                        keypoints: face.keypoints.map {
                            FacePoint(x: $0.x / Double(image.width), y: $0.y / Double(image.height))
                        },
                        score: face.score, descriptor: description.descriptor,
                        chip: description.chip.flatMap { try? Self.jpeg(chip: $0) }))
            }
        }
        return found.sorted { $0.score > $1.score }
    }

    /// A box of an upright `width x height` image, in the pixels of the image turned clockwise
    /// by `quarterTurns`.
    static func turn(_ box: FaceBox, quarterTurns: Int, width: Int, height: Int) -> FaceBox {
        switch ((quarterTurns % 4) + 4) % 4 {
        case 1: FaceBox(x: Double(height) - box.y - box.height, y: box.x, width: box.height, height: box.width)
        case 2: FaceBox(x: Double(width) - box.x - box.width, y: Double(height) - box.y - box.height, width: box.width, height: box.height)
        case 3: FaceBox(x: box.y, y: Double(width) - box.x - box.width, width: box.height, height: box.width)
        default: box
        }
    }

    /// A pixel box clamped to the image and normalised to 0...1.
    static func normalised(_ box: FaceBox, width: Int, height: Int) -> FaceBox {
        let left = max(0, box.x)
        let top = max(0, box.y)
        let right = min(Double(width), box.x + box.width)
        let bottom = min(Double(height), box.y + box.height)
        return FaceBox(
            x: left / Double(width), y: top / Double(height), width: max(0, right - left) / Double(width),
            height: max(0, bottom - top) / Double(height))
    }

    /// An aligned chip as JPEG.
    static func jpeg(chip: [UInt8]) throws(ImagingError) -> Data {
        let side = FaceDescriptor.chipSize
        return try DecodedImage(rgb: chip, width: side, height: side).jpegData(quality: 85)
    }
}
