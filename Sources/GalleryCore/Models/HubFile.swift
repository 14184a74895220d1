import Crypto
import Foundation

/// One file of a model repository as the Hugging Face hub's tree API lists it
/// (`GET /api/models/ORG/NAME/tree/main?recursive=true`), with what a download is checked against:
/// the size, and the sha256 of a Git LFS file (`lfs.oid`) or the Git blob id of a file kept in Git
/// (`oid`, the SHA-1 of `blob <size>\0` and the bytes).
///
/// ```json
/// [{"type": "file", "path": "config.json", "size": 626, "oid": "<git blob sha1>"},
///  {"type": "file", "path": "visual/model.onnx", "size": 351, "oid": "...",
///   "lfs": {"oid": "<sha256>", "size": 351468383, "pointerSize": 135}}]
/// ```
public struct HubFile: Sendable, Equatable {
    public var path: String
    public var size: Int64
    /// The sha256 of an LFS file's bytes, lowercase hex.
    public var sha256: String?
    /// The Git blob id of a file kept in Git, lowercase hex.
    public var gitBlobID: String?

    public init(path: String, size: Int64, sha256: String? = nil, gitBlobID: String? = nil) {
        self.path = path
        self.size = size
        self.sha256 = sha256
        self.gitBlobID = gitBlobID
    }

    /// The files of a tree listing (folders left out), by path.
    /// - Throws: `DecodingError` when the answer is not such a list.
    public static func tree(_ data: Data) throws -> [String: HubFile] {
        let entries = try JSONDecoder().decode([Entry].self, from: data)
        var files: [String: HubFile] = [:]
        for entry in entries where entry.type == "file" {
            if let lfs = entry.lfs {
                files[entry.path] = HubFile(path: entry.path, size: lfs.size, sha256: lfs.oid.lowercased())
            } else if let size = entry.size {
                files[entry.path] = HubFile(path: entry.path, size: size, gitBlobID: entry.oid?.lowercased())
            }
        }
        return files
    }

    private struct Entry: Decodable {
        struct LFS: Decodable {
            var oid: String
            var size: Int64
        }

        var type: String
        var path: String
        var size: Int64?
        var oid: String?
        var lfs: LFS?
    }

    /// Why the file at `url` is not this one (its size, its sha256 or its Git blob id differ);
    /// nil when it is.
    public func mismatch(of url: URL) throws -> String? {
        let found = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value ?? -1
        guard found == size else { return "\(found) bytes where the hub lists \(size)" }
        guard sha256 != nil || gitBlobID != nil else { return nil }
        var lfsDigest = SHA256()
        var gitDigest = Insecure.SHA1()
        gitDigest.update(data: Data("blob \(size)\u{0}".utf8))
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            if sha256 != nil { lfsDigest.update(data: chunk) } else { gitDigest.update(data: chunk) }
        }
        if let sha256 {
            let digest = Self.hex(lfsDigest.finalize())
            return digest == sha256 ? nil : "sha256 \(digest) where the hub lists \(sha256)"
        }
        let digest = Self.hex(gitDigest.finalize())
        return digest == gitBlobID ? nil : "Git blob id \(digest) where the hub lists \(gitBlobID ?? "")"
    }

    private static func hex(_ digest: some Sequence<UInt8>) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
