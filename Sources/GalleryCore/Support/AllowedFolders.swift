import Foundation

/// Folders a path must stay inside, kept canonical (links resolved; folders that do not exist
/// are left out): the server's allowed roots.
///
/// ```swift
/// let allowed = AllowedFolders(["/srv/photos"])
/// allowed.containsTarget(of: "/srv/photos/link-to-etc")  // false
/// ```
public struct AllowedFolders: Sendable, Equatable {
    /// The folders, canonical.
    public let paths: [String]

    public init(_ folders: [String]) {
        paths = folders.compactMap(Self.realPath)
    }

    /// `path` with every symbolic link resolved (`realpath`); nil when it does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether a canonical path is one of the folders or lies inside one.
    public func contains(canonical path: String) -> Bool {
        paths.contains { path == $0 || path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
    }

    /// Whether `path`, with every link resolved, exists and lies inside one of the folders.
    public func containsTarget(of path: String) -> Bool {
        Self.realPath(path).map(contains(canonical:)) ?? false
    }
}
