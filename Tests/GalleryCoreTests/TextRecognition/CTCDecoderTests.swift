import Testing

@testable import GalleryCore

@Suite("OCR: greedy CTC decoding")
struct CTCDecoderTests {
    let decoder = CTCDecoder(characters: ["a", "b", "中"])

    /// One-hot-ish steps: each class index gets `probability`, the rest share what is left.
    func steps(_ classes: [Int], probability: Float = 0.9) -> ArraySlice<Float> {
        var values: [Float] = []
        for best in classes {
            for index in 0..<decoder.classCount {
                values.append(index == best ? probability : (1 - probability) / Float(decoder.classCount - 1))
            }
        }
        return values[...]
    }

    @Test("repeats merge, blanks separate repeats and are dropped, the last class is a space")
    func decoding() {
        // blank a a blank a b space 中 中
        let result = decoder.decode(steps([0, 1, 1, 0, 1, 2, 4, 3, 3]), steps: 9)
        #expect(result.text == "aab 中")
        #expect(abs(result.confidence - 0.9) < 1e-6)
    }

    @Test("the confidence is the mean over the kept steps only")
    func confidence() {
        var values = Array(steps([1, 0, 2], probability: 0.6))
        // Make the blank step very sure: it must not count.
        for index in 0..<decoder.classCount { values[decoder.classCount + index] = index == 0 ? 0.99 : 0.0025 }
        values[2 * decoder.classCount + 2] = 0.8
        let result = decoder.decode(values[...], steps: 3)
        #expect(result.text == "ab")
        #expect(abs(result.confidence - 0.7) < 1e-6)
    }

    @Test("only blanks give no text and confidence 0")
    func empty() {
        let result = decoder.decode(steps([0, 0, 0]), steps: 3)
        #expect(result.text.isEmpty && result.confidence == 0)
        #expect(decoder.decode([][...], steps: 0).text.isEmpty)
    }

    @Test("a recognizer whose output width is not dictionary + 2 is refused at load, with the counts")
    func classCountChecked() throws {
        let folder = try OCRFixtures.modelsFolder()
        // PP-OCRv6 tiny's dictionary (6,904 entries) with PP-OCRv5's recognizer (18,385 classes).
        let dictionary = try CharacterDictionary.load(path: folder.appendingPathComponent("ppocrv6-tiny/dict.txt").path)
        #expect(dictionary.count == 6904)
        #expect {
            try TextLineRecognizer(
                modelPath: folder.appendingPathComponent("rec.onnx").path, dictionary: dictionary, runtime: OCRFixtures.runtime(),
                threads: 1)
        } throws: { error in
            guard case TextModelError.unexpectedModel(_, let reason) = error else { return false }
            return reason.contains("18385 classes") && reason.contains("6904 entries")
        }
    }
}
