import Foundation
import GalleryCore
import Testing

/// The tiny SigLIP, SigLIP2, XLM-R (M-CLIP inputs) and NLLB models in Immich's layout: the text
/// vectors against Python onnxruntime on the ids of the tokenizers package. The figures print as
/// `text vectors <name>: max difference D, min cosine C`.
@Suite("CLIP-family models of every tokenizer family against Python onnxruntime")
struct ClipFamilyModelTests {
    @Test("text embeddings match the golden file within 1e-4", arguments: TokenizerFamilyFiles.families)
    func textEmbeddings(family: String) throws {
        let golden = try TokenizerFamilyFiles.golden(family)
        let model = try TokenizerFamilyFiles.model(family)
        #expect(model.identifier == "clip/tiny-\(family)")
        #expect(!golden.texts.isEmpty)
        var worstDifference: Float = 0
        var worstCosine: Float = 1
        for item in golden.texts {
            #expect(model.folder.tokenizer.encode(item.text) == item.ids, "\(item.text.debugDescription)")
            let vector = try model.embedText(item.text)
            let difference = ClipTestFiles.maxDifference(vector, item.embedding)
            worstDifference = max(worstDifference, difference)
            worstCosine = min(worstCosine, TokenizerFamilyFiles.cosine(vector, item.embedding))
            #expect(difference < 1e-4, "\(item.text.debugDescription): max difference \(difference)")
        }
        print("text vectors \(family): max difference \(worstDifference), min cosine \(worstCosine) over \(golden.texts.count) texts")
        #expect(worstCosine >= 0.99999)
    }

    @Test("NLLB queries with a language get Immich's FLORES-200 code in front: ids and vectors as the Python reference")
    func nllbLanguageCodes() throws {
        let golden = try TokenizerFamilyFiles.golden("nllb")
        let cases = try #require(golden.languageTexts)
        #expect(cases.count >= 10)
        let model = try TokenizerFamilyFiles.model("nllb")
        #expect(model.folder.isNLLB)
        var worstCosine: Float = 1
        for item in cases {
            let label = "\(item.text.prefix(30).debugDescription) in \(item.language ?? "no language")"
            #expect(model.tokens(for: item.text, language: item.language).ids == item.ids, "\(label)")
            let vector = try model.embedText(item.text, language: item.language)
            let difference = ClipTestFiles.maxDifference(vector, item.embedding)
            worstCosine = min(worstCosine, TokenizerFamilyFiles.cosine(vector, item.embedding))
            #expect(difference < 1e-4, "\(label): max difference \(difference)")
        }
        print("text vectors nllb with languages: min cosine \(worstCosine) over \(cases.count) texts")
        #expect(worstCosine >= 0.99999)
        // The code changes the vector; an unknown language gets English's, as in Immich.
        #expect(try model.embedText("un chien", language: "fr") != model.embedText("un chien"))
        #expect(try model.embedText("un chien", language: "gsw") == model.embedText("un chien", language: "en"))
    }

    @Test("models other than NLLB ignore the language", arguments: ["siglip", "siglip2", "xlm-roberta"])
    func languageIgnored(family: String) throws {
        let model = try TokenizerFamilyFiles.model(family)
        #expect(!model.folder.isNLLB)
        #expect(try model.embedText("une photo d'un chien", language: "fr") == model.embedText("une photo d'un chien"))
    }

    @Test("whitespace-only and emoji-only queries are embedded, not refused", arguments: TokenizerFamilyFiles.families)
    func oddQueries(family: String) throws {
        let model = try TokenizerFamilyFiles.model(family)
        let empty = try model.embedText("")
        #expect(try model.embedText("   \t ") == empty)
        let emoji = try model.embedText("🫠🫠")
        #expect(emoji.count == model.dimension)
        #expect(abs(emoji.reduce(0) { $0 + $1 * $1 } - 1) < 1e-4)
    }

    @Test("a tokenizer model or component we do not read is refused, naming it")
    func unsupportedFamilies() throws {
        let (directory, folder) = try TokenizerFamilyFiles.copy("xlm-roberta")
        defer { directory.remove() }
        let file = folder.appendingPathComponent("textual/tokenizer.json")
        let original = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any] ?? [:]
        let cases: [(String, [String: Any], String)] = [
            (
                "model", ["type": "WordLevel", "vocab": ["a": 0], "unk_token": "a"],
                "tokenizer model WordLevel is not supported (BPE, Unigram)"
            ),
            (
                "normalizer", ["type": "BertNormalizer"],
                "normalizer BertNormalizer is not supported (NFC, NFD, NFKC, NFKD, Lowercase, Strip, Replace, Precompiled, Sequence)"
            ),
            (
                "pre_tokenizer", ["type": "ByteLevel"],
                "pre-tokenizer ByteLevel is not supported (Metaspace, WhitespaceSplit, Split, Sequence)"
            ),
            (
                "post_processor", ["type": "ByteLevel"],
                "post-processor ByteLevel is not supported (TemplateProcessing, RobertaProcessing, BertProcessing)"
            ),
        ]
        for (key, value, message) in cases {
            var changed = original
            changed[key] = value
            try JSONSerialization.data(withJSONObject: changed).write(to: file)
            #expect(throws: ClipModelError.invalidFile(path: file.path, reason: message)) { try ClipModelFolder(url: folder) }
        }
    }
}
