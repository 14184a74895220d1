import Foundation
import GalleryCore
import Testing

@Suite("CLIP BPE tokenizer against the tokenizers package")
struct ClipTokenizerTests {
    @Test("every golden string gives the same ids as Immich's tokenizer")
    func goldenIDs() throws {
        let golden = try ClipTestFiles.golden()
        let tokenizer = try ClipTestFiles.clipTokenizer()
        #expect(golden.tokens.count >= 1_000)
        #expect(tokenizer.contextLength == golden.contextLength)
        #expect(tokenizer.padID == golden.padId)
        var mismatches: [String] = []
        for item in golden.tokens {
            let ids = tokenizer.encode(item.text)
            if ids != item.ids { mismatches.append("\(item.text.debugDescription): \(ids) != \(item.ids)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(3))")
    }

    @Test("canonicalize cleaning (SigLIP-style configs) matches Immich's clean_text")
    func goldenCanonicalizedIDs() throws {
        let golden = try ClipTestFiles.golden()
        let folder = try ClipTestFiles.folder()
        let tokenizer = try ClipBPETokenizer(
            tokenizerJSON: Data(contentsOf: folder.url.appendingPathComponent("textual/tokenizer.json")),
            configJSON: Data(contentsOf: folder.url.appendingPathComponent("textual/tokenizer_config.json")),
            contextLength: folder.contextLength, cleaning: .canonicalize)
        var mismatches: [String] = []
        for item in golden.tokens {
            let ids = tokenizer.encode(item.text)
            if ids != item.idsCanonicalize {
                mismatches.append("\(item.text.debugDescription): \(ids) != \(item.idsCanonicalize)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(3))")
    }

    @Test("known OpenAI CLIP ids, truncation keeps the end token, padding uses pad_token")
    func knownIDs() throws {
        let tokenizer = try ClipTestFiles.clipTokenizer()
        let ids = tokenizer.encode("A photo of a CAT")
        #expect(Array(ids.prefix(7)) == [49406, 320, 1125, 539, 320, 2368, 49407])
        #expect(ids.count == 77 && ids.dropFirst(7).allSatisfy { $0 == 49407 })
        let long = tokenizer.encode(String(repeating: "word ", count: 200))
        #expect(long.count == 77 && long.first == 49406 && long.last == 49407)
        #expect(long.dropFirst().dropLast().allSatisfy { $0 != 49407 })
    }
}
