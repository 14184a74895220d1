import Foundation

/// Where the OCR model files are: `<home>/models/ocr` holds PP-OCRv5 mobile (`det.onnx`,
/// `rec.onnx`, `cls.onnx`, `ppocrv5_dict.txt`, `ocr.json`); a variant folder inside it (such as
/// `ppocrv6-small/`, with `det.onnx`, `rec.onnx`, `dict.txt`) uses its parent's `cls.onnx`.
public struct TextModelFiles: Sendable, Equatable {
    public var detector: String
    public var recognizer: String
    public var classifier: String
    public var dictionary: String
    /// Stored with every result, so that a new model rescans: the manifest's `identifier`, else
    /// the folder's name with `/1`.
    public var identifier: String

    /// The identifier of the models the set-up installs.
    public static let defaultIdentifier = "ppocrv5-mobile/1"

    /// The files of the folder.
    /// - Throws: ``TextModelError/missingFile(path:)`` naming the first file that is not there.
    public init(folder: URL) throws(TextModelError) {
        let manager = FileManager.default
        func file(_ names: [String], in folders: [URL]) throws(TextModelError) -> String {
            for folder in folders {
                for name in names where manager.isReadableFile(atPath: folder.appendingPathComponent(name).path) {
                    return folder.appendingPathComponent(name).path
                }
            }
            throw .missingFile(path: folders[0].appendingPathComponent(names[0]).path)
        }
        detector = try file(["det.onnx"], in: [folder])
        recognizer = try file(["rec.onnx"], in: [folder])
        dictionary = try file(["ppocrv5_dict.txt", "dict.txt"], in: [folder])
        classifier = try file(["cls.onnx"], in: [folder, folder.deletingLastPathComponent()])
        identifier =
            Self.manifestIdentifier(folder: folder)
            ?? (dictionary.hasSuffix("ppocrv5_dict.txt") ? Self.defaultIdentifier : "\(folder.lastPathComponent)/1")
    }

    private static func manifestIdentifier(folder: URL) -> String? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("ocr.json").path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return object["identifier"] as? String
    }
}
