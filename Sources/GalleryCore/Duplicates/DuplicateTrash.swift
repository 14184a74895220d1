import Foundation

/// Where originals from the user's folders go when a duplicate is deleted on explicit request:
/// `<home>/trash/<collection id>/`, each file with a `.origin` note of where it came from, until
/// the trash is emptied. Never crawled (see ``GalleryConfiguration/internalFolders``).
///
/// ```swift
/// let trash = DuplicateTrash(root: configuration.trashURL)
/// let moved = try trash.move(path: "/photos/IMG_1 copy.jpg", collectionId: 1)
/// ```
public struct DuplicateTrash: Sendable {
    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// One file in the trash.
    public struct Entry: Sendable, Equatable, Codable {
        public var collectionId: Int64
        /// Where the file is now.
        public var path: String
        /// Where it was before.
        public var originalPath: String?
        public var bytes: Int64

        enum CodingKeys: String, CodingKey {
            case path, bytes
            case collectionId = "collection_id"
            case originalPath = "original_path"
        }
    }

    /// Moves a file into the collection's trash folder.
    /// - Returns: Where it is now.
    /// - Throws: ``DuplicateError/cannotTrash(path:reason:)``.
    public func move(path: String, collectionId: Int64) throws(DuplicateError) -> URL {
        let folder = folder(collectionId: collectionId)
        let name = "\(UUID().uuidString.lowercased().prefix(12))-\(UploadStore.sanitize(path))"
        let destination = folder.appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(path.utf8).write(to: destination.appendingPathExtension("origin"))
            try FileManager.default.moveItem(at: URL(fileURLWithPath: path), to: destination)
        } catch {
            try? FileManager.default.removeItem(at: destination.appendingPathExtension("origin"))
            throw .cannotTrash(path: path, reason: error.localizedDescription)
        }
        return destination
    }

    /// The files in the trash of these collections.
    public func entries(collectionIds: [Int64]) -> [Entry] {
        collectionIds.flatMap { id in
            let folder = folder(collectionId: id)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.filter { !$0.hasSuffix(".origin") }.sorted().map { name in
                let url = folder.appendingPathComponent(name)
                let origin = try? String(contentsOf: url.appendingPathExtension("origin"), encoding: .utf8)
                let bytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int64) ?? 0
                return Entry(collectionId: id, path: url.path, originalPath: origin, bytes: bytes ?? 0)
            }
        }
    }

    /// Deletes the files in the trash of these collections for good.
    /// - Returns: What was deleted.
    /// - Throws: file-system errors (what was deleted before one stays deleted).
    @discardableResult
    public func empty(collectionIds: [Int64]) throws -> [Entry] {
        let entries = entries(collectionIds: collectionIds)
        for id in collectionIds where FileManager.default.fileExists(atPath: folder(collectionId: id).path) {
            try FileManager.default.removeItem(at: folder(collectionId: id))
        }
        return entries
    }

    private func folder(collectionId: Int64) -> URL {
        root.appendingPathComponent(String(collectionId), isDirectory: true)
    }
}
