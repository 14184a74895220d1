import Foundation

/// Originals uploaded through the server, kept under `<home>/uploads/<collection id>/`.
///
/// The only originals Smart Gallery owns: deleting an image deletes its file only when it lives
/// here; files indexed from the user's own folders are never touched.
///
/// ```swift
/// let store = UploadStore(root: configuration.home.appendingPathComponent("uploads"))
/// let url = try store.newFile(collectionId: 3, originalName: "IMG_0001.JPG")
/// ```
public struct UploadStore: Sendable {
    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// The folder of a collection's uploads.
    public func folder(collectionId: Int64) -> URL {
        root.appendingPathComponent(String(collectionId), isDirectory: true)
    }

    /// A fresh path for an uploaded file (its folder created), keeping a sanitised form of the
    /// client's file name so the original stays recognisable.
    public func newFile(collectionId: Int64, originalName: String) throws -> URL {
        let folder = folder(collectionId: collectionId)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("\(UUID().uuidString.lowercased().prefix(12))-\(Self.sanitize(originalName))")
    }

    /// A scratch file for a request body being received.
    public func scratchFile() throws -> URL {
        let folder = root.appendingPathComponent("tmp", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(UUID().uuidString)
    }

    /// Whether `path` is a file of this store (so the server may delete it).
    public func contains(path: String) -> Bool {
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
        return standardized.hasPrefix(prefix) && !standardized.hasPrefix(prefix + "tmp/")
    }

    /// The path of an uploaded file below ``root`` (`<collection id>/<name>`); nil for a path
    /// outside the store.
    public func relativePath(of path: String) -> String? {
        guard contains(path: path) else { return nil }
        return String(URL(fileURLWithPath: path).standardizedFileURL.path.dropFirst(root.path.count + 1))
    }

    /// Removes an uploaded file; paths outside the store are left alone.
    public func remove(path: String) {
        guard contains(path: path) else { return }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Removes every upload of a collection.
    public func removeCollection(_ collectionId: Int64) {
        try? FileManager.default.removeItem(at: folder(collectionId: collectionId))
    }

    /// A file name safe on any file system: letters, digits, `.`, `-`, `_`; at most 100 bytes.
    public static func sanitize(_ name: String) -> String {
        let base = (name as NSString).lastPathComponent
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_")
        var cleaned = String(base.map { allowed.contains($0) ? $0 : "_" }.prefix(100))
        while cleaned.hasPrefix(".") { cleaned.removeFirst() }
        return cleaned.isEmpty ? "upload" : cleaned
    }
}
