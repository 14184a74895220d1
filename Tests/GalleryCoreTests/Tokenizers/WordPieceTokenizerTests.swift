import Foundation
import GalleryTestSupport
import Testing

@testable import GalleryCore

/// The vocabulary from the offline pack (`scripts/models/build-offline-pack.sh`).
func wordPieceVocabularyFile() throws -> URL {
    let url = Fixtures.repositoryRoot.appendingPathComponent(".cache/models/offline-pack/vocab.txt")
    guard FileManager.default.fileExists(atPath: url.path) else {
        throw FixtureError.missing("\(url.path) (run scripts/models/build-offline-pack.sh)")
    }
    return url
}

/// `Tests/GalleryCoreTests/Resources/wordpiece-golden.json`, from `scripts/models/make-tokenizer-golden.py`.
private struct Golden: Decodable {
    struct Case: Decodable {
        var text: String
        var ids: [Int64]
    }
    var vocabSHA256: String
    var maxLength: Int
    var cases: [Case]

    static func load() throws -> Golden {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources/wordpiece-golden.json")
        return try JSONDecoder().decode(Golden.self, from: Data(contentsOf: url))
    }
}

@Suite("WordPiece tokenizer (BERT uncased)")
struct WordPieceTokenizerTests {
    @Test func encodesAShortQuery() throws {
        let tokenizer = try WordPieceTokenizer(vocabularyFile: wordPieceVocabularyFile())
        let encoded = tokenizer.encode("A photo of a cat")
        #expect(encoded.ids == [101, 1037, 6302, 1997, 1037, 4937, 102])
        #expect(encoded.attentionMask == [1, 1, 1, 1, 1, 1, 1])
        #expect(encoded.typeIds == [0, 0, 0, 0, 0, 0, 0])
        #expect(tokenizer.vocabularySize == 30522)
    }

    @Test func emptyTextIsClassifierAndSeparator() throws {
        let tokenizer = try WordPieceTokenizer(vocabularyFile: wordPieceVocabularyFile())
        #expect(tokenizer.encode("").ids == [101, 102])
        #expect(tokenizer.encode(" \t\n\u{0}\u{7}").ids == [101, 102])
    }

    @Test func truncatesKeepingTheSeparator() throws {
        let tokenizer = try WordPieceTokenizer(vocabularyFile: wordPieceVocabularyFile(), maxLength: 8)
        let ids = tokenizer.encode(String(repeating: "cat ", count: 50)).ids
        #expect(ids == [101, 4937, 4937, 4937, 4937, 4937, 4937, 102])
    }

    @Test func overlongWordsAndUnknownPiecesAreUnknown() throws {
        let tokenizer = try WordPieceTokenizer(vocabularyFile: wordPieceVocabularyFile())
        #expect(tokenizer.encode(String(repeating: "a", count: 101)).ids == [101, 100, 102])
        #expect(tokenizer.encode(String(repeating: "a", count: 100)).ids.count > 3)
    }

    @Test func batchPadsToTheLongest() throws {
        let tokenizer = try WordPieceTokenizer(vocabularyFile: wordPieceVocabularyFile())
        let batch = WordPieceTokenizer.batch([tokenizer.encode("cat"), tokenizer.encode("a photo of a cat")])
        #expect(batch.length == 7)
        #expect(batch.ids == [101, 4937, 102, 0, 0, 0, 0] + [101, 1037, 6302, 1997, 1037, 4937, 102])
        #expect(batch.attentionMask == [1, 1, 1, 0, 0, 0, 0] + [1, 1, 1, 1, 1, 1, 1])
        #expect(batch.typeIds == Array(repeating: 0, count: 14))
        #expect(WordPieceTokenizer.batch([]).length == 0)
    }

    @Test func missingVocabularyAndSpecialTokensAreErrors() throws {
        #expect {
            try WordPieceTokenizer(vocabularyFile: URL(fileURLWithPath: "/nonexistent/vocab.txt"))
        } throws: { error in
            guard case .invalidTokenizer(let reason) = error as? TokenizerError else { return false }
            return reason.contains("/nonexistent/vocab.txt")
        }
        #expect(throws: TokenizerError.missingToken("[CLS]")) {
            try WordPieceTokenizer(vocabulary: Data("[PAD]\n[UNK]\n[SEP]\n".utf8))
        }
    }

    @Test func matchesHuggingFaceTokenizersOnTheGoldenCorpus() throws {
        let golden = try Golden.load()
        #expect(golden.cases.count >= 1_000)
        let file = try wordPieceVocabularyFile()
        let tokenizer = try WordPieceTokenizer(vocabularyFile: file, maxLength: golden.maxLength)
        var mismatches: [String] = []
        for testCase in golden.cases {
            let ids = tokenizer.encode(testCase.text).ids
            if ids != testCase.ids {
                let scalars = testCase.text.unicodeScalars.prefix(40).map { String($0.value, radix: 16) }
                mismatches.append(
                    "text \(testCase.text.debugDescription.prefix(80)) [\(scalars.joined(separator: " "))]\n"
                        + "  expected \(testCase.ids)\n  got      \(ids)")
            }
        }
        #expect(
            mismatches.isEmpty,
            Comment(
                rawValue:
                    "\(mismatches.count) of \(golden.cases.count) differ (vocabulary SHA-256 should be \(golden.vocabSHA256)); first:\n"
                    + mismatches.prefix(5).joined(separator: "\n")))
    }
}
