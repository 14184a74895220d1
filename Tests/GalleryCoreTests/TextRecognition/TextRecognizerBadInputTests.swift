import Foundation
import GalleryTestSupport
import Testing

@testable import GalleryCore

@Suite("OCR: bad and awkward inputs")
struct TextRecognizerBadInputTests {
    static func image(width: Int, height: Int, value: UInt8 = 255) throws -> DecodedImage {
        try DecodedImage(rgb: [UInt8](repeating: value, count: width * height * 3), width: width, height: height)
    }

    @Test("a 1 x 1 image, a blank one and a photo without text read nothing")
    func noText() throws {
        let recognizer = try OCRFixtures.recognizer()
        #expect(try recognizer.recognize(Self.image(width: 1, height: 1)).lines.isEmpty)
        #expect(try recognizer.recognize(Self.image(width: 3, height: 200, value: 0)).lines.isEmpty)
        #expect(try recognizer.recognize(OCRFixtures.preview("skimage/chelsea.png")).lines.isEmpty)
    }

    @Test("a huge image is shrunk for the detector and its boxes map back to it")
    func huge() throws {
        let recognizer = try OCRFixtures.recognizer()
        // The scanned page at 8 times its size: 3072 x 1528 pixels.
        let page = try OCRFixtures.preview("skimage/page.png")
        let rgb = try page.rgbBytes()
        let scale = 8
        var big = [UInt8](repeating: 0, count: rgb.count * scale * scale)
        for y in 0..<(page.height * scale) {
            for x in 0..<(page.width * scale) {
                let from = ((y / scale) * page.width + x / scale) * 3
                let to = (y * page.width * scale + x) * 3
                big[to] = rgb[from]
                big[to + 1] = rgb[from + 1]
                big[to + 2] = rgb[from + 2]
            }
        }
        let huge = try DecodedImage(rgb: big, width: page.width * scale, height: page.height * scale)
        let lines = try recognizer.recognize(huge).lines
        #expect(lines.first?.text == "Region-based segmentation")
        #expect(lines.allSatisfy { $0.box.allSatisfy { (0...1).contains($0.x) && (0...1).contains($0.y) } })
    }

    @Test("a wall of text: every line of the scanned page, in reading order")
    func wallOfText() throws {
        let lines = try OCRFixtures.recognizer().recognize(OCRFixtures.preview("skimage/page.png")).lines
        #expect(lines.count >= 6)
        #expect(lines.map(\.text).joined(separator: " ").contains("markers are pixels that we can label"))
        let tops = lines.map { $0.box.map(\.y).min()! }
        #expect(tops == tops.sorted())
    }

    @Test("text lying on its side is read by the second look and boxed in the upright image")
    func sideways() throws {
        let recognizer = try OCRFixtures.recognizer()
        let upright = try OCRFixtures.preview("skimage/page.png")
        let reference = try recognizer.recognize(upright).lines
        for turns in [1, 3] {
            let lines = try recognizer.recognize(try upright.turned(quarterTurns: turns)).lines
            #expect(lines.map(\.text).contains("Region-based segmentation"), "turned \(turns)")
            // Boxes are normalised to the image as given, turned: the title's box is where the
            // title of the upright page goes when turned.
            let title = try #require(lines.first { $0.text == "Region-based segmentation" })
            let expected = try #require(reference.first).box.map { TextRecognizer.upright($0, quarterTurns: 4 - turns) }
            let centre = { (box: [TextPoint]) in TextPoint(x: box.map(\.x).reduce(0, +) / 4, y: box.map(\.y).reduce(0, +) / 4) }
            #expect((centre(title.box) - centre(expected)).length < 0.03, "turned \(turns)")
        }
    }

    @Test("a missing model file is named")
    func missingFile() throws {
        let folder = try TemporaryDirectory("ocr-models")
        defer { folder.remove() }
        let source = try OCRFixtures.modelsFolder()
        for name in ["det.onnx", "cls.onnx", "ppocrv5_dict.txt"] {
            try FileManager.default.createSymbolicLink(
                atPath: folder.path(name), withDestinationPath: source.appendingPathComponent(name).path)
        }
        #expect(throws: TextModelError.missingFile(path: folder.path("rec.onnx"))) {
            try TextModelFiles(folder: folder.url)
        }
        #expect("\(TextModelError.missingFile(path: folder.path("rec.onnx")))".contains("rec.onnx"))
    }

    @Test("a PP-OCRv6 variant folder loads with its own dictionary and the parent's classifier")
    func variant() throws {
        let files = try TextModelFiles(folder: OCRFixtures.modelsFolder().appendingPathComponent("ppocrv6-small"))
        #expect(files.identifier == "ppocrv6-small/1")
        #expect(files.dictionary.hasSuffix("ppocrv6-small/dict.txt") && files.classifier.hasSuffix("ocr/cls.onnx"))
        let recognizer = try TextRecognizer(files: files, runtime: OCRFixtures.runtime())
        let lines = try recognizer.recognize(OCRFixtures.preview("skimage/page.png")).lines
        #expect(lines.map(\.text).contains("Region-based segmentation"))
    }
}
