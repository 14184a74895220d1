import Foundation
import GalleryCore

/// Checks server-side paths that clients send against the allowed roots.
///
/// A path must be absolute, free of `..` segments and of percent-encoded characters, exist, and
/// resolve (with every symbolic link followed, by `realpath`) to a place under one allowed root;
/// so a link inside a root that points outside it is refused too.
///
/// ```swift
/// let guard = PathGuard(roots: ["/srv/photos"])
/// let path = try guard.resolve("/srv/photos/2024/beach.jpg")
/// ```
struct PathGuard: Sendable {
    /// The allowed roots, canonical (links resolved); roots that do not exist are left out.
    let roots: AllowedFolders

    init(roots: [String]) {
        self.roots = AllowedFolders(roots)
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
