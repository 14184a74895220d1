#if canImport(Glibc)
    import Glibc
#endif

/// Which paths the watcher cares about: the crawler's rules (exclusion globs, the data folder,
/// hidden files, names that are clearly not photos, symbolic links only when followed).
struct WatchFilter: Sendable {
    let matcher: ExclusionMatcher
    let followSymlinks: Bool

    init(configuration: GalleryConfiguration) {
        matcher = ExclusionMatcher(
            patterns: configuration.exclusionPatterns, excludedFolders: configuration.internalFolders.map(\.standardizedFileURL.path))
        followSymlinks = configuration.followSymlinks
    }

    /// Whether a folder or file at `path` (named `name`) is left out whatever it is.
    func excludes(name: String, path: String) -> Bool { matcher.excludes(name: name, path: path) }

    /// Whether the file at `path` may be a photo (by name, or by its first bytes).
    func admitsFile(name: String, path: String) -> Bool { FileNamePolicy.admits(name: name, path: path) }

    /// Whether a file named `name` may have been a photo (it is gone: its bytes cannot be read).
    func mayHaveBeenPhoto(name: String) -> Bool { FileNamePolicy.decision(forName: name) != .skip }

    /// What is at `path` now, as the crawler would see it (links followed when allowed).
    func kind(of path: String) -> EntryKind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .absent }
        if Crawler.isSymlink(info) {
            guard followSymlinks, stat(path, &info) == 0 else { return .other }
            return Crawler.isDirectory(info) ? .folder : Crawler.isRegularFile(info) ? .linkedFile : .other
        }
        if Crawler.isDirectory(info) { return .folder }
        guard Crawler.isRegularFile(info) else { return .other }
        return info.st_nlink > 1 ? .linkedFile : .file
    }

    enum EntryKind {
        /// Nothing there (vanished).
        case absent
        case folder
        /// A regular file with one name: complete once it is closed after writing.
        case file
        /// A file reached through a symbolic link, or a new hard link: complete as it appears.
        case linkedFile
        /// Anything else (devices, sockets, broken links, links not followed).
        case other
    }
}
