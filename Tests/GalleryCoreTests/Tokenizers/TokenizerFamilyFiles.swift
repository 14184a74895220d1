import Foundation
import GalleryCore
import GalleryTestSupport

/// The tiny models of the tokenizer families besides CLIP's BPE (SigLIP, SigLIP2, XLM-R as M-CLIP,
/// NLLB) and their golden outputs, built by `scripts/models/build-tiny-families.sh` into
/// `.cache/models/tiny-<family>`. Missing files fail the tests (never a skip).
enum TokenizerFamilyFiles {
    /// The catalogue's families, and `components`: a tokenizer using the normalizers and options the
    /// real files do not (NFKC, Lowercase, Strip, Split, Metaspace `first`, Unigram byte fallback, RobertaProcessing).
    static let families = ["siglip", "siglip2", "xlm-roberta", "nllb", "components"]

    struct Golden: Decodable {
        struct TokenCase: Decodable {
            var text: String
            var ids: [Int32]
            var mask: [Int32]
        }

        struct TextCase: Decodable {
            var text: String
            var ids: [Int32]
            var embedding: [Float]
        }

        /// A query with a language (NLLB: Immich's FLORES-200 code in front).
        struct LanguageCase: Decodable {
            var text: String
            var language: String?
            var ids: [Int32]
            var embedding: [Float]
        }

        var family: String
        var contextLength: Int
        var padId: Int32
        var inputs: [String]
        var tokens: [TokenCase]
        var texts: [TextCase]
        /// NLLB's only (empty for the other families).
        var languageTexts: [LanguageCase]?

        enum CodingKeys: String, CodingKey {
            case family, inputs, tokens, texts
            case contextLength = "context_length"
            case padId = "pad_id"
            case languageTexts = "language_texts"
        }
    }

    static func folderURL(_ family: String) -> URL {
        Fixtures.repositoryRoot.appendingPathComponent(".cache/models/tiny-\(family)")
    }

    static func file(_ family: String, _ relativePath: String) throws -> URL {
        let url = folderURL(family).appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ClipTestFiles.Missing(path: url.path, script: "scripts/models/build-tiny-families.sh")
        }
        return url
    }

    static func golden(_ family: String) throws -> Golden {
        try JSONDecoder().decode(Golden.self, from: Data(contentsOf: try file(family, "golden.json")))
    }

    static func folder(_ family: String) throws -> ClipModelFolder {
        _ = try file(family, "config.json")
        return try ClipModelFolder(url: folderURL(family))
    }

    static func model(_ family: String) throws -> ClipModel {
        try ClipModel(folder: try folder(family), runtime: try ClipTestFiles.runtime())
    }

    /// A copy of a family's model folder in a fresh temporary directory, to break in a test.
    static func copy(_ family: String) throws -> (TemporaryDirectory, URL) {
        _ = try file(family, "config.json")
        let directory = try TemporaryDirectory("tokenizer-family")
        let target = directory.url.appendingPathComponent("tiny-\(family)")
        try FileManager.default.copyItem(at: folderURL(family), to: target)
        return (directory, target)
    }

    static func cosine(_ a: [Float], _ b: [Float]) -> Float {
        let dot = zip(a, b).reduce(Float(0)) { $0 + $1.0 * $1.1 }
        let norms = a.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot() * b.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
        return norms > 0 ? dot / norms : 0
    }
}
