import Foundation
import GalleryCore
import GalleryTestSupport
import Testing

@Suite("OCR: settings from config.yaml and the environment")
struct OCRSettingsTests {
    @Test("defaults: on when installed, <home>/models/ocr, the golden parameters")
    func defaults() throws {
        let home = try TemporaryDirectory()
        defer { home.remove() }
        let configuration = try ConfigurationLoader(environment: [:]).load(home: home.path)
        #expect(configuration.ocr.enabled == nil)
        #expect(configuration.ocrModelsURL.path == home.url.standardizedFileURL.appendingPathComponent("models/ocr").path)
        #expect(configuration.ocr.parameters == TextRecognitionParameters())
        // Not installed and not asked for: no recognizer and no warning.
        var warnings: [String] = []
        #expect(TextRecognizer.loadIfEnabled(configuration: configuration) { warnings.append($0) } == nil)
        #expect(warnings.isEmpty)
    }

    @Test("the file's ocr keys, the environment over them, unknown keys and bad values refused")
    func fileAndEnvironment() throws {
        let home = try TemporaryDirectory()
        defer { home.remove() }
        try "ocr:\n  enabled: true\n  models: /srv/ocr\n  max_side: 1280\n  min_confidence: 0.7\n  try_rotations: false\n".write(
            toFile: home.path("config.yaml"), atomically: true, encoding: .utf8)
        let fromFile = try ConfigurationLoader(environment: [:]).load(home: home.path)
        #expect(fromFile.ocr.enabled == true && fromFile.ocrModelsURL.path == "/srv/ocr")
        #expect(fromFile.ocr.parameters.maxSide == 1280 && fromFile.ocr.parameters.minConfidence == 0.7)
        #expect(!fromFile.ocr.parameters.tryRotations)
        // Asked for but missing: a warning naming the file, and no recognizer.
        var warnings: [String] = []
        #expect(TextRecognizer.loadIfEnabled(configuration: fromFile) { warnings.append($0) } == nil)
        #expect(warnings.count == 1 && warnings[0].contains("/srv/ocr/det.onnx"))

        let fromEnvironment = try ConfigurationLoader(environment: ["GALLERY_OCR": "0", "GALLERY_OCR_MODELS": "/opt/ocr"])
            .load(home: home.path)
        #expect(fromEnvironment.ocr.enabled == false && fromEnvironment.ocrModelsURL.path == "/opt/ocr")
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader(environment: ["GALLERY_OCR": "maybe"]).load(home: home.path) }

        try "ocr:\n  langauge: en\n".write(toFile: home.path("config.yaml"), atomically: true, encoding: .utf8)
        #expect(throws: ConfigurationError.unknownKey(path: home.path("config.yaml"), key: "ocr.langauge")) {
            try ConfigurationLoader(environment: [:]).load(home: home.path)
        }
        try "ocr:\n  max_side: 10\n".write(toFile: home.path("config.yaml"), atomically: true, encoding: .utf8)
        #expect(throws: ConfigurationError.outOfRange(name: "ocr.max_side", value: "10", allowed: "32...8192")) {
            try ConfigurationLoader(environment: [:]).load(home: home.path)
        }
        var unsure = fromEnvironment
        unsure.ocr.parameters.minConfidence = 2
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.validate(unsure) }
    }
}
