import Foundation

/// What one index run walks: folders and files (absolute, links resolved) and bucket roots
/// (`s3://BUCKET/PREFIX/`), each in its one spelling so that the same place is always one root.
struct RunRoots {
    var folders: [String]
    var buckets: [String]

    /// - Throws: ``IndexingError`` when there is no root or a folder does not exist;
    ///   ``ConfigurationError`` for a malformed bucket root or an S3 service without credentials.
    init(_ requested: [String], source: BucketSource) throws {
        guard !requested.isEmpty else { throw IndexingError.noRoots }
        let folders = requested.filter { !S3ObjectPath.isObjectPath($0) }
        self.folders = folders.isEmpty ? [] : try Self.canonical(folders)
        buckets = try requested.filter(S3ObjectPath.isObjectPath).map(source.normalizedRoot)
    }

    /// Every root, as the run records them.
    var all: [String] { folders + buckets }

    /// The folders walked, then each bucket root listed, all its pages before anything is read:
    /// a bucket that fails stops the run here, before any record is marked missing.
    /// - Throws: ``StorageError`` from a listing.
    func crawl(_ crawler: Crawler, source: BucketSource) async throws -> CrawlResult {
        var result = crawler.crawl(roots: folders)
        for root in buckets { result.files += try await source.list(root: root, matcher: crawler.matcher) }
        return result
    }

    /// Absolute paths with symbolic links resolved, so the same folder is always one path.
    static func canonical(_ roots: [String]) throws -> [String] {
        guard !roots.isEmpty else { throw IndexingError.noRoots }
        return try roots.map { root in
            guard let resolved = AllowedFolders.realPath(URL(fileURLWithPath: root).standardizedFileURL.path) else {
                throw IndexingError.rootNotFound(root)
            }
            return resolved
        }
    }
}
