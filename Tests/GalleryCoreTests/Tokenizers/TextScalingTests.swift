import Foundation
import GalleryTestSupport
import Testing

@testable import GalleryCore

/// The query cleaner and the tokenizers do work linear in their input (n log n for BPE's queue),
/// checked by counting their steps rather than timing them: the quadratic loops they replace
/// (rescanning the rest of the text for every filler stripped, the whole word for every BPE merge,
/// every end of a word for every WordPiece) take several times the bound on these inputs.
@Suite("Query cleaning and tokenization scale with the input")
struct TextScalingTests {
    @Test("stripping 30,000 fillers looks at a bounded number of characters for each")
    func cleanerIsLinear() {
        let query = String(repeating: "my ", count: 30_000) + "cat"
        var work = 0
        #expect(QueryCleaner.clean(query, work: &work) == "cat")
        // 20 characters lower-cased and 36 phrases tried for each "my " stripped: the old loop
        // lower-cased and copied the whole rest of the text for each, 1.35 billion characters.
        #expect(work <= 25 * query.count)
    }

    @Test("BPE of a 10,000-letter word: a few merge-table lookups per byte")
    func bpeIsLinearInLookups() throws {
        let tokenizer = try ClipTestFiles.clipTokenizer()
        var fuzz = FuzzText(seed: 9)
        let characters = fuzz.letters(10_000).utf8.map { ByteLevelAlphabet.characters[Int($0)] }
        var lookups = 0
        let ids = tokenizer.merges.encode(word: characters, lookups: &lookups)
        #expect(ids.count > 1_000 && ids.count < 10_000)
        // Rescanning the word for each merge rank took ~8 million lookups here.
        #expect(lookups < 6 * characters.count)
    }

    @Test("WordPiece tries no piece longer than the longest vocabulary entry")
    func wordPieceLookupsAreBounded() throws {
        let tokenizer = try WordPieceTokenizer(vocabularyFile: wordPieceVocabularyFile())
        var fuzz = FuzzText(seed: 9)
        for _ in 0..<50 {
            let word = Array(fuzz.letters(WordPieceTokenizer.maxWordLength).unicodeScalars)
            var lookups = 0
            _ = tokenizer.pieces(of: word, lookups: &lookups)
            // The longest entry has 18 scalars; trying every end from the last scalar took ~3,000.
            #expect(lookups <= 20 * word.count)
        }
    }

    @Test("100 KB of \"my my my ...\" through the cleaner and both tokenizers")
    func hugeQuery() throws {
        let query = String(repeating: "my ", count: 34_000)
        #expect(QueryCleaner.clean(query) == query.trimmingCharacters(in: .whitespaces))
        let clip = try ClipTestFiles.clipTokenizer()
        let ids = clip.encode(query)
        #expect(ids.count == clip.contextLength && ids.last == clip.endID)
        let wordPiece = try WordPieceTokenizer(vocabularyFile: wordPieceVocabularyFile())
        #expect(wordPiece.encode(query).count == wordPiece.maxLength)
    }
}
