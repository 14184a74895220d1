import Foundation
import Logging

extension GalleryStorage {
    /// The stores of a data folder, with the bucket of `configuration.storage` as the shared
    /// copy, checked first: a missing bucket, refused credentials or a skewed clock stop here with
    /// a clear error (never the secret). Local storage has no shared copy.
    /// - Throws: ``StorageError``; ``ConfigurationError`` for a malformed location.
    public static func open(configuration: GalleryConfiguration, logger: Logger) async throws -> GalleryStorage {
        GalleryStorage(
            thumbnails: ThumbnailStore(root: configuration.thumbnailsURL), uploads: UploadStore(root: configuration.uploadsURL),
            shared: try await sharedStore(configuration.storage, logger: logger), logger: logger)
    }

    /// The bucket of `settings`, checked; nil for local storage.
    static func sharedStore(_ settings: StorageSettings, logger: Logger) async throws -> (any ObjectStorage)? {
        guard let location = try settings.s3Location(), let credentials = settings.credentials else { return nil }
        let client = S3Client(location: location, credentials: credentials)
        try await client.checkBucket()
        let storage = S3ObjectStorage(client: client)
        logger.notice("shared storage", metadata: ["storage": "\(storage)", "storage.accessKeyId": "\(credentials.accessKeyId)"])
        return storage
    }
}
