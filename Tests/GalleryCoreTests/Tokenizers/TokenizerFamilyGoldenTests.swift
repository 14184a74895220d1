import Foundation
import GalleryCore
import Testing

/// Every tokenizer family of Immich's catalogue besides CLIP's BPE, against the Python `tokenizers`
/// package used as Immich's `textual.py` uses it, on the project's golden strings (CJK, Cyrillic,
/// Greek, emoji, combining marks, over-long text). The figures print as
/// `tokenizer family <name>: N/N ids identical`.
@Suite("Tokenizer families (SigLIP, SigLIP2, XLM-R, NLLB) against the tokenizers package")
struct TokenizerFamilyGoldenTests {
    @Test("every golden string gives Immich's ids and attention mask", arguments: TokenizerFamilyFiles.families)
    func goldenIDs(family: String) throws {
        let golden = try TokenizerFamilyFiles.golden(family)
        let tokenizer = try TokenizerFamilyFiles.folder(family).tokenizer
        #expect(tokenizer is SentencePieceTokenizer)
        #expect(golden.tokens.count >= 1_000)
        #expect(tokenizer.contextLength == golden.contextLength)
        #expect(tokenizer.padID == golden.padId)
        var mismatches: [String] = []
        for item in golden.tokens {
            let tokens = tokenizer.tokens(for: item.text)
            if tokens.ids != item.ids || tokens.attentionMask != item.mask {
                mismatches.append("\(item.text.debugDescription): \(tokens.ids) != \(item.ids)")
            }
        }
        let identical = golden.tokens.count - mismatches.count
        print("tokenizer family \(family): \(identical)/\(golden.tokens.count) ids identical")
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(3))")
    }

    @Test("whitespace-only text is embedded as Immich does: as the empty text", arguments: TokenizerFamilyFiles.families)
    func whitespaceOnly(family: String) throws {
        let tokenizer = try TokenizerFamilyFiles.folder(family).tokenizer
        let empty = tokenizer.tokens(for: "")
        for text in [" ", "   ", "\t\n", "\u{3000}\u{A0}"] {
            #expect(tokenizer.tokens(for: text) == empty, "\(text.debugDescription)")
        }
        // The post-processor's tokens and nothing else.
        #expect(empty.attentionMask.filter { $0 == 1 }.count < 3)
        #expect(empty.ids.count == tokenizer.contextLength)
    }

    @Test("over-long text keeps the end token and fills the context", arguments: TokenizerFamilyFiles.families)
    func truncationKeepsEnd(family: String) throws {
        let golden = try TokenizerFamilyFiles.golden(family)
        let tokenizer = try TokenizerFamilyFiles.folder(family).tokenizer
        let tokens = tokenizer.tokens(for: String(repeating: "photo 東京 😀 ", count: 200))
        let short = tokenizer.tokens(for: "photo")
        let end = short.ids[short.attentionMask.lastIndex(of: 1) ?? 0]
        #expect(tokens.ids.count == golden.contextLength)
        #expect(tokens.attentionMask.allSatisfy { $0 == 1 })
        #expect(tokens.ids.last == end)
    }
}
