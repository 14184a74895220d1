/// A file the crawler found that may be an image, or an object listed under a bucket root.
public struct CrawledFile: Sendable, Equatable {
    /// Absolute path as reached through the roots (symbolic links are not resolved, so a photo
    /// keeps the path its owner knows), or `s3://BUCKET/KEY` for an object.
    public var path: String
    public var size: Int64
    /// Modification time, seconds since 1970 with sub-second precision.
    public var modifiedAt: Double
    /// The photo's XMP sidecar beside it, if it has one.
    public var sidecar: SidecarStamp? = nil
    /// An object's entity tag as listed; nil for a file. With the size, it decides whether the
    /// object changed (its modification time is not compared).
    public var etag: String? = nil
}

/// Something the crawler could not walk into; reported, never fatal.
public struct CrawlWarning: Sendable, Equatable, Codable {
    public enum Problem: String, Sendable, Codable {
        /// A folder whose entries cannot be listed (permissions).
        case unreadableFolder = "unreadable_folder"
        /// A symbolic link leading back into a folder already walked.
        case symlinkLoop = "symlink_loop"
        /// A symbolic link whose target does not exist.
        case brokenLink = "broken_link"
        /// A symbolic link leading out of the allowed roots (server folder jobs): not followed.
        case outsideAllowedRoots = "outside_allowed_roots"
    }

    public var path: String
    public var problem: Problem

    public init(path: String, problem: Problem) {
        self.path = path
        self.problem = problem
    }
}

/// All candidate files under the roots, and what could not be walked.
public struct CrawlResult: Sendable {
    public var files: [CrawledFile]
    public var warnings: [CrawlWarning]
}
