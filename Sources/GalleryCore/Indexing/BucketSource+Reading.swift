import Foundation

extension BucketSource {
    /// Downloads a listed object whole, as ``FileReader`` reads a file: never more than
    /// `maxBytes` (refused from the listing's size or the answer's, or stopped mid-stream).
    /// Every failure is the file's own, so the run goes on: an object deleted since the listing
    /// is ``FileReadError/vanished``, a service that broke off ``FileReadError/interrupted(_:)``.
    func read(_ file: CrawledFile, maxBytes: Int64) async -> Result<FileReader.Contents, FileReadError> {
        guard let object = S3ObjectPath(path: file.path) else { return .failure(.unreadable("not an object: \(file.path)")) }
        guard file.size <= maxBytes else { return .failure(.tooLarge(bytes: file.size, limit: maxBytes)) }
        do {
            let download = try await original(object)
            if download.size > maxBytes { return .failure(.tooLarge(bytes: download.size, limit: maxBytes)) }
            var data = Data(capacity: Int(max(0, download.size)))
            for try await chunk in download.chunks {
                data.append(contentsOf: chunk.readableBytesView)
                if data.count > maxBytes { return .failure(.tooLarge(bytes: Int64(data.count), limit: maxBytes)) }
            }
            return .success(
                FileReader.Contents(data: data, size: Int64(data.count), modifiedAt: file.modifiedAt, etag: download.etag ?? file.etag))
        } catch StorageError.notFound {
            return .failure(.vanished)
        } catch StorageError.unavailable(let reason) {
            return .failure(.interrupted(reason))
        } catch {
            return .failure(.unreadable("\(error)"))
        }
    }
}
