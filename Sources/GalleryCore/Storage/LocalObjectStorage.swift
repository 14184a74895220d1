import Foundation
import NIOCore

/// Objects as files under a folder: the key is the relative path. Writes go to a temporary
/// file renamed into place, so an object is whole or absent.
public struct LocalObjectStorage: ObjectStorage {
    public let root: URL
    /// Bytes per chunk of a download.
    static let chunkSize = 1 << 20

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    public var description: String { "local folder \(root.path)" }

    /// The file of `key`.
    /// - Throws: ``StorageError/failed(status:code:message:)`` for a key that would leave the folder.
    public func url(key: String) throws -> URL {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        guard !key.isEmpty, !key.hasPrefix("/"), !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
            throw StorageError.failed(status: 400, code: "InvalidKey", message: "'\(key.prefix(200))' is not an object key")
        }
        return root.appendingPathComponent(key)
    }

    public func put(_ data: Data, key: String) async throws {
        let destination = try url(key: key)
        try place(destination) { try data.write(to: $0) }
    }

    public func putFile(_ file: URL, key: String) async throws {
        let destination = try url(key: key)
        guard file.standardizedFileURL.path != destination.path else { return }
        try place(destination) { try FileManager.default.copyItem(at: file, to: $0) }
    }

    public func data(key: String) async throws -> Data {
        let file = try url(key: key)
        guard let data = FileManager.default.contents(atPath: file.path) else { throw StorageError.notFound(key: key) }
        return data
    }

    public func download(key: String) async throws -> ObjectDownload {
        let file = try url(key: key)
        guard let handle = FileHandle(forReadingAtPath: file.path) else { throw StorageError.notFound(key: key) }
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int64) ?? -1
        let reader = FileChunks(handle: handle, path: file.path)
        return ObjectDownload(size: size, chunks: AsyncThrowingStream(unfolding: { try reader.next() }))
    }

    public func delete(key: String) async throws {
        let file = try url(key: key)
        guard FileManager.default.fileExists(atPath: file.path) else { return }
        do { try FileManager.default.removeItem(at: file) } catch {
            throw StorageError.local(path: file.path, reason: error.localizedDescription)
        }
    }

    public func list(prefix: String) async throws -> [ObjectSummary] {
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.fileSizeKey, .isRegularFileKey])
        else { return [] }
        var objects: [ObjectSummary] = []
        let base = root.path + "/"
        for case let file as URL in enumerator {
            let values = try? file.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey])
            let path = file.standardizedFileURL.path
            guard values?.isRegularFile == true, path.hasPrefix(base) else { continue }
            let key = String(path.dropFirst(base.count))
            if key.hasPrefix(prefix), !key.hasPrefix(".tmp/") {
                objects.append(ObjectSummary(key: key, size: Int64(values?.fileSize ?? 0), etag: ""))
            }
        }
        return objects.sorted { $0.key < $1.key }
    }

    /// Writes through a temporary file in `<root>/.tmp` renamed to `destination`.
    private func place(_ destination: URL, write: (URL) throws -> Void) throws {
        let fileManager = FileManager.default
        let temporary = root.appendingPathComponent(".tmp").appendingPathComponent(UUID().uuidString)
        do {
            try fileManager.createDirectory(at: temporary.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fileManager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try write(temporary)
            if rename(temporary.path, destination.path) != 0 {
                throw StorageError.local(path: destination.path, reason: String(cString: strerror(errno)))
            }
        } catch let error as StorageError {
            try? fileManager.removeItem(at: temporary)
            throw error
        } catch {
            try? fileManager.removeItem(at: temporary)
            throw StorageError.local(path: destination.path, reason: error.localizedDescription)
        }
    }
}

/// A file read chunk by chunk by one consumer; closed at the end.
private final class FileChunks: @unchecked Sendable {
    private let handle: FileHandle
    private let path: String

    init(handle: FileHandle, path: String) {
        self.handle = handle
        self.path = path
    }

    deinit { try? handle.close() }

    func next() throws -> ByteBuffer? {
        let data: Data
        do { data = try handle.read(upToCount: LocalObjectStorage.chunkSize) ?? Data() } catch {
            throw StorageError.local(path: path, reason: error.localizedDescription)
        }
        return data.isEmpty ? nil : ByteBuffer(bytes: data)
    }
}
