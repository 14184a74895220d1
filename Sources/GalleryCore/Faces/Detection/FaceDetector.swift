import CVipsShim
import Foundation

/// Finds faces with MediaPipe's BlazeFace through ONNX Runtime.
///
/// Each image gets several passes (``DetectionPass``): the whole image letterboxed into the
/// model's square input, then overlapping tiles for the small faces of group photos, and, when
/// nothing upright is found, the whole image turned a quarter each way. Detections are decoded
/// against the SSD anchors, merged per pass by weighted non-maximum suppression as MediaPipe
/// does, and across passes by overlap.
///
/// Thread-safe: one detector serves every indexing thread.
///
/// ```swift
/// let detector = try FaceDetector(modelsFolder: folder, runtime: runtime)
/// let faces = try detector.detect(in: preview)   // boxes in the preview's pixels
/// ```
public final class FaceDetector: @unchecked Sendable {
    public let settings: FaceDetectorSettings
    let session: OnnxSession
    let decoder: BlazeFaceDecoder
    /// The overlap above which MediaPipe merges two detections of one pass.
    static let suppressionThreshold = 0.3

    /// Loads the model for `settings.variant` from `modelsFolder`.
    /// - Throws: ``FaceModelError/missingFile(path:)`` when the model file is not there or unreadable;
    ///   ``InferenceError`` when ONNX Runtime cannot load it.
    public init(modelsFolder: URL, runtime: OnnxRuntime, settings: FaceDetectorSettings = FaceDetectorSettings()) throws {
        let path = modelsFolder.appendingPathComponent(settings.variant.fileName).path
        guard FileManager.default.isReadableFile(atPath: path) else { throw FaceModelError.missingFile(path: path) }
        session = try OnnxSession(runtime: runtime, modelPath: path, options: SessionOptions(intraOpThreads: 1))
        self.settings = settings
        decoder = BlazeFaceDecoder(variant: settings.variant)
    }

    /// The faces in `image`, in its pixels, best first.
    /// - Throws: ``ImagingError`` when a pass cannot be prepared; ``InferenceError`` when the model fails.
    public func detect(in image: DecodedImage) throws -> [DetectedFace] {
        let size = settings.variant.inputSize
        var found: [DetectedFace] = []
        let passes = DetectionPass.tiles(width: image.width, height: image.height, maxTiling: settings.maxTiling, inputSize: size)
        for (index, pass) in passes.enumerated() {
            found += try run(pass, on: image, minScore: index == 0 ? settings.minScore : extraPassMinScore)
        }
        if found.isEmpty && settings.tryRotations {
            for turns in [1, 3, 2] {
                var pass = DetectionPass(left: 0, top: 0, width: image.width, height: image.height)
                pass.quarterTurns = turns
                found += try run(pass, on: image, minScore: turnedPassMinScore)
            }
        }
        let minSide = Double(settings.minFaceSize)
        return NonMaxSuppression.acrossPasses(found, threshold: Self.suppressionThreshold)
            .filter { min($0.box.width, $0.box.height) >= minSide }
    }

    /// Tiles and turned passes give the model many more chances to see a face in texture, so
    /// they must be surer than the whole-image pass.
    var extraPassMinScore: Double { min(settings.minScore + 0.1, 0.95) }
    /// Turned passes run on images where nothing upright was found: mostly faceless photos, so
    /// they must be surer still.
    var turnedPassMinScore: Double { min(settings.minScore + 0.2, 0.95) }

    /// One pass: the region letterboxed into the input, the model run, detections mapped back.
    private func run(_ pass: DetectionPass, on image: DecodedImage, minScore: Double) throws -> [DetectedFace] {
        let size = settings.variant.inputSize
        let scale = Double(size) / Double(max(pass.width, pass.height))
        var region = try image.transformed { vips in
            sg_crop_scaled(vips, Int32(pass.left), Int32(pass.top), Int32(pass.width), Int32(pass.height), scale)
        }
        if pass.quarterTurns % 4 != 0 { region = try region.turned(quarterTurns: pass.quarterTurns) }
        let input = try LetterboxedInput(region, size: size)
        let outputs = try session.run(
            [session.inputs[0].name: Tensor(float32: input.pixels, shape: [1, 3, size, size])],
            outputNames: ["regressors", "classificators"])
        guard let regressors = outputs["regressors"]?.floats, let logits = outputs["classificators"]?.floats else {
            throw FaceModelError.unexpectedOutput(path: session.modelPath)
        }
        let candidates = decoder.decode(regressors: regressors, logits: logits, minScore: minScore)
        return NonMaxSuppression.weighted(candidates, threshold: Self.suppressionThreshold)
            .map { pass.imageFace(input.regionFace($0)) }
    }
}
