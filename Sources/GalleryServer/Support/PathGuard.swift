import Foundation
import GalleryCore

/// Checks server-side paths that clients send against the allowed roots.
///
/// A path must be absolute, free of `..` segments and of percent-encoded characters, exist, and
/// resolve (with every symbolic link followed, by `realpath`) to a place under one allowed root;
/// so a link inside a root that points outside it is refused too.
///
/// An S3 prefix (`s3://BUCKET/PREFIX`) is allowed only below a configured bucket root: the
/// same bucket, and a prefix that starts with the root's at a `/` boundary; never any bucket a
/// client names.
///
/// ```swift
/// let guard = PathGuard(roots: ["/srv/photos"], bucketRoots: ["s3://archive/2019"])
/// let path = try guard.resolve("/srv/photos/2024/beach.jpg")
/// let prefix = try guard.resolveBucketPrefix("s3://archive/2019/summer")
/// ```
struct PathGuard: Sendable {
    /// The allowed roots, canonical (links resolved); roots that do not exist are left out.
    let roots: AllowedFolders
    /// The allowed bucket roots, `s3://BUCKET/PREFIX/` (malformed ones left out).
    let bucketRoots: [String]

    init(roots: [String], bucketRoots: [String] = []) {
        self.roots = AllowedFolders(roots)
        self.bucketRoots = bucketRoots.compactMap { try? S3Location(url: $0).url }
    }

    /// The normal form of an S3 prefix (`s3://BUCKET/PREFIX/`) when it lies below an allowed
    /// bucket root.
    /// - Throws: ``APIError`` 400 for a malformed prefix (or one with `.`, `..` or empty
    ///   segments, or percent-encoding), 403 for one outside the bucket roots.
    func resolveBucketPrefix(_ url: String) throws -> String {
        guard !url.contains("\0"), !url.contains("%") else {
            throw APIError.badRequest("the S3 prefix is malformed or percent-encoded: '\(url.prefix(200))'")
        }
        let segments = url.dropFirst("s3://".count).split(separator: "/", omittingEmptySubsequences: false).dropLast(
            url.hasSuffix("/") ? 1 : 0)
        guard !segments.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
            throw APIError.badRequest("empty, '.' and '..' segments are not allowed in S3 prefixes: '\(url.prefix(200))'")
        }
        let prefix: String
        do { prefix = try S3Location(url: url).url } catch { throw APIError.badRequest("\(error)") }
        guard !bucketRoots.isEmpty else {
            throw APIError.forbidden(
                "this server has no bucket roots: add s3://BUCKET/PREFIX to roots in config.yaml or start it with --allow-root s3://BUCKET/PREFIX"
            )
        }
        guard bucketRoots.contains(where: { prefix.hasPrefix($0) }) else {
            throw APIError.forbidden("'\(url.prefix(200))' is outside the allowed bucket roots")
        }
        return prefix
    }

    /// The canonical form of `path` when it is allowed.
    /// - Throws: ``APIError`` 400 for a malformed path, 403 for a path outside the roots, 404
    ///   for a path that does not exist.
    func resolve(_ path: String) throws -> String {
        guard !path.isEmpty, !path.contains("\0") else { throw APIError.badRequest("the path is empty or malformed") }
        guard path.hasPrefix("/") else { throw APIError.badRequest("the path must be absolute: '\(path)'") }
        guard !path.lowercased().contains("%") else {
            throw APIError.badRequest("percent-encoded characters are not allowed in paths: '\(path)'")
        }
        guard !path.split(separator: "/").contains("..") else {
            throw APIError.badRequest("'..' segments are not allowed in paths: '\(path)'")
        }
        guard !roots.paths.isEmpty else {
            throw APIError.forbidden("this server has no allowed roots: start it with --allow-root PATH or set roots in config.yaml")
        }
        guard let resolved = AllowedFolders.realPath(path) else { throw APIError.notFound("no such file or folder: \(path)") }
        guard roots.contains(canonical: resolved) else {
            throw APIError.forbidden("'\(path)' is outside the allowed roots")
        }
        return resolved
    }
}
