import Foundation
import GalleryTestSupport
import Testing

@testable import GalleryCore

/// Seeded fuzzing of the query cleaner and the tokenizers: thousands of random texts and a few of
/// 100 KB never crash them, never give more ids than the model takes or an id outside the
/// vocabulary, and cleaning a cleaned query changes nothing.
@Suite("Fuzzing the query cleaner and the tokenizers")
struct TextFuzzTests {
    static let seed: UInt64 = 0x5EED_0009

    static let texts: [String] = {
        var fuzz = FuzzText(seed: seed)
        return (0..<3_000).map { _ in fuzz.text() } + fuzz.hugeTexts()
    }()

    @Test("the cleaner strips every leading filler, keeps a piece of the query and is idempotent")
    func cleaner() {
        for text in Self.texts {
            let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let cleaned = QueryCleaner.clean(text)
            let context = Comment(rawValue: "seed \(Self.seed), query \(text.debugDescription.prefix(200))")
            guard cleaned != collapsed else { continue }  // nothing but filler, or nothing to strip
            #expect(collapsed.contains(cleaned), context)
            let lowered = cleaned.lowercased()
            let filler = QueryCleaner.leadingPhrases.first { lowered == $0 || lowered.hasPrefix($0 + " ") }
            #expect(filler == nil, context)
            // A cleaned query that starts with a word and has nothing left to collapse is final.
            if let first = cleaned.unicodeScalars.first, !"?!.,; ".unicodeScalars.contains(first),
                cleaned.split(whereSeparator: \.isWhitespace).joined(separator: " ") == cleaned
            {
                #expect(QueryCleaner.clean(cleaned) == cleaned, context)
            }
        }
    }

    @Test("CLIP BPE: always the context length, start and end tokens, ids in the vocabulary")
    func clipTokenizer() throws {
        let tokenizer = try ClipTestFiles.clipTokenizer()
        for cleaning in [ClipTextCleaning.whitespace, .canonicalize] {
            let tokenizer = try ClipBPETokenizer(
                tokenizerJSON: Data(contentsOf: ClipTestFiles.file("textual/tokenizer.json")),
                configJSON: Data(contentsOf: ClipTestFiles.file("textual/tokenizer_config.json")),
                contextLength: tokenizer.contextLength, cleaning: cleaning)
            for text in Self.texts {
                let ids = tokenizer.encode(text)
                let context = Comment(rawValue: "seed \(Self.seed), \(cleaning), text \(text.debugDescription.prefix(200))")
                #expect(ids.count == tokenizer.contextLength, context)
                #expect(ids.first == tokenizer.startID, context)
                #expect(ids.last == tokenizer.endID || ids.last == tokenizer.padID, context)
                #expect(ids.allSatisfy { (0..<Int32(tokenizer.vocabularySize)).contains($0) }, context)
            }
        }
    }

    @Test(
        "SentencePiece families: the context length, the end token kept, ids in the vocabulary",
        arguments: TokenizerFamilyFiles.families)
    func sentencePieceTokenizers(family: String) throws {
        let folder = try TokenizerFamilyFiles.folder(family)
        let tokenizer = try #require(folder.tokenizer as? SentencePieceTokenizer)
        let empty = tokenizer.tokens(for: "")
        let end = empty.ids[empty.attentionMask.lastIndex(of: 1) ?? 0]
        for text in Self.texts {
            let tokens = tokenizer.tokens(for: text)
            let context = Comment(rawValue: "seed \(Self.seed), \(family), text \(text.debugDescription.prefix(200))")
            #expect(tokens.ids.count == tokenizer.contextLength && tokens.attentionMask.count == tokenizer.contextLength, context)
            let used = tokens.attentionMask.firstIndex(of: 0) ?? tokens.ids.count
            #expect(tokens.attentionMask[used...].allSatisfy { $0 == 0 }, context)
            #expect(used >= 1 && tokens.ids[used - 1] == end, context)
            #expect(tokens.ids[used...].allSatisfy { $0 == tokenizer.padID }, context)
            #expect(tokens.ids.allSatisfy { (0..<Int32(tokenizer.vocabularySize)).contains($0) }, context)
        }
    }

    @Test("WordPiece: at most maxLength ids, [CLS] first and [SEP] last, ids in the vocabulary")
    func wordPieceTokenizer() throws {
        let tokenizer = try WordPieceTokenizer(vocabularyFile: wordPieceVocabularyFile())
        for text in Self.texts {
            let encoded = tokenizer.encode(text)
            let context = Comment(rawValue: "seed \(Self.seed), text \(text.debugDescription.prefix(200))")
            #expect((2...tokenizer.maxLength).contains(encoded.count), context)
            #expect(encoded.ids.first == tokenizer.classifierID && encoded.ids.last == tokenizer.separatorID, context)
            #expect(encoded.ids.allSatisfy { (0..<Int64(tokenizer.vocabularySize)).contains($0) }, context)
            #expect(encoded.attentionMask.count == encoded.count && encoded.typeIds.count == encoded.count, context)
        }
    }
}
