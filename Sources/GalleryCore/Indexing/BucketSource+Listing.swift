extension BucketSource {
    /// The objects under `root` that may be images, as the crawler reports files: path
    /// `s3://BUCKET/KEY`, size, last modification and entity tag, sorted by path. Listed page by
    /// page; objects and "folders" the exclusions name are left out, and so are objects whose
    /// name says they are no image. An object with an unknown extension is kept when its first
    /// bytes carry an image signature (one ranged read, as the crawler reads a file's header).
    /// - Throws: ``StorageError`` when the bucket does not exist or refuses the credentials (the
    ///   run stops before it marks anything missing); ``ConfigurationError``.
    func list(root: String, matcher: ExclusionMatcher) async throws -> [CrawledFile] {
        let location = try settings.location(of: root, setting: "roots")
        let client = try client(bucket: location.bucket)
        var files: [CrawledFile] = []
        for object in try await client.listObjects(prefix: location.prefix) {
            let path = S3ObjectPath(bucket: location.bucket, key: object.key)
            guard !object.key.hasSuffix("/"), !Self.excludes(path, below: location, matcher: matcher) else { continue }
            switch FileNamePolicy.decision(forName: path.name) {
            case .candidate: break
            case .skip: continue
            case .sniff:
                let head = try? await client.getObjectHead(key: object.key, count: 32)
                guard let head, ImageFormat.sniff(Array(head)) != nil else { continue }
            }
            files.append(
                CrawledFile(path: path.path, size: object.size, modifiedAt: object.lastModified ?? 0, etag: object.etag))
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Whether an exclusion names the object or one of its "folders" below the root.
    static func excludes(_ object: S3ObjectPath, below root: S3Location, matcher: ExclusionMatcher) -> Bool {
        var path = "s3://\(root.bucket)/\(root.prefix)"
        for segment in object.key.dropFirst(root.prefix.count).split(separator: "/") {
            path += (path.hasSuffix("/") ? "" : "/") + segment
            if matcher.excludes(name: String(segment), path: path) { return true }
        }
        return false
    }
}
