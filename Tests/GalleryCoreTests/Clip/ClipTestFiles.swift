import Foundation
import GalleryCore
import GalleryTestSupport

/// The tiny CLIP model and its golden outputs, built by `scripts/models/build-tiny-clip.sh` into
/// `.cache/models/tiny-clip`. Missing files fail the tests (never a skip).
enum ClipTestFiles {
    static let modelFolder = Fixtures.repositoryRoot.appendingPathComponent(".cache/models/tiny-clip")

    struct Missing: Error, CustomStringConvertible {
        var path: String
        var script = "scripts/models/build-tiny-clip.sh"
        var description: String { "\(path) is missing: run \(script)" }
    }

    struct Golden: Decodable {
        struct TokenCase: Decodable {
            var text: String
            var ids: [Int32]
            var idsCanonicalize: [Int32]

            enum CodingKeys: String, CodingKey {
                case text, ids
                case idsCanonicalize = "ids_canonicalize"
            }
        }

        struct TextCase: Decodable {
            var text: String
            var ids: [Int32]
            var embedding: [Float]
        }

        struct ImageCase: Decodable {
            var image: String
            var tensor: String
            var shape: [Int]
            var embedding: [Float]
        }

        var contextLength: Int
        var padId: Int32
        var tokens: [TokenCase]
        var texts: [TextCase]
        var images: [ImageCase]

        enum CodingKeys: String, CodingKey {
            case tokens, texts, images
            case contextLength = "context_length"
            case padId = "pad_id"
        }
    }

    static func file(_ relativePath: String) throws -> URL {
        let url = modelFolder.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else { throw Missing(path: url.path) }
        return url
    }

    static func golden() throws -> Golden {
        try JSONDecoder().decode(Golden.self, from: Data(contentsOf: try file("golden.json")))
    }

    /// A golden preprocessed image tensor (little-endian float32).
    static func tensor(_ relativePath: String) throws -> [Float] {
        let data = try Data(contentsOf: try file(relativePath))
        return data.withUnsafeBytes { raw in
            (0..<(data.count / 4)).map {
                Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)))
            }
        }
    }

    static func folder() throws -> ClipModelFolder {
        _ = try file("config.json")
        return try ClipModelFolder(url: modelFolder)
    }

    /// The ONNX Runtime library: `GALLERY_ONNXRUNTIME`, else `.cache/onnxruntime` in the repository.
    static func runtime() throws -> OnnxRuntime {
        let environment = ProcessInfo.processInfo.environment
        let path =
            environment["GALLERY_ONNXRUNTIME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? Fixtures.repositoryRoot.appendingPathComponent(".cache/onnxruntime/libonnxruntime.so.1.31.1").path
        return try OnnxRuntime.shared(libraryPath: path)
    }

    /// The tiny CLIP's tokenizer, which must load as OpenAI CLIP's BPE.
    static func clipTokenizer() throws -> ClipBPETokenizer {
        let tokenizer = try folder().tokenizer
        guard let clip = tokenizer as? ClipBPETokenizer else {
            throw TokenizerError.unsupported(reason: "tiny-clip's tokenizer loaded as \(type(of: tokenizer))")
        }
        return clip
    }

    static func model() throws -> ClipModel {
        try ClipModel(folder: try folder(), runtime: try runtime())
    }

    /// A copy of the model folder in a fresh temporary directory, to break in a test.
    static func copy() throws -> (TemporaryDirectory, URL) {
        _ = try file("config.json")
        let directory = try TemporaryDirectory("clip-layout")
        let target = directory.url.appendingPathComponent("tiny-clip")
        try FileManager.default.copyItem(at: modelFolder, to: target)
        return (directory, target)
    }

    static func maxDifference(_ a: [Float], _ b: [Float]) -> Float {
        guard a.count == b.count else { return .infinity }
        return zip(a, b).map { abs($0 - $1) }.max() ?? 0
    }
}
