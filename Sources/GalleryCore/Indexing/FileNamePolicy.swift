#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decides from a file's name whether the crawler should take it, skip it, or look at its
/// first bytes. Formats are always decided by content later; names only save reading files that
/// are clearly not photos.
enum FileNamePolicy {
    enum Decision { case candidate, skip, sniff }

    /// Extensions of the admitted formats: always candidates (a `.jpg` holding random bytes is
    /// recorded as a failure, not ignored).
    static let imageExtensions: Set<String> = [
        "jpg", "jpeg", "jpe", "jfif", "png", "apng", "webp", "gif", "tif", "tiff", "bmp", "dib",
        "heic", "heif", "hif", "avif",
    ]

    /// Extensions of common non-image files, skipped without opening them.
    static let otherExtensions: Set<String> = [
        "txt", "md", "json", "xml", "html", "htm", "css", "js", "csv", "pdf", "doc", "docx", "xls",
        "xlsx", "ppt", "pptx", "zip", "gz", "tgz", "bz2", "xz", "7z", "rar", "tar", "mp4", "mov",
        "m4v", "avi", "mkv", "webm", "mp3", "m4a", "wav", "flac", "ogg", "aac", "xmp", "aae",
        "db", "sqlite", "sqlite-wal", "sqlite-shm", "py", "swift", "c", "h", "sh", "ini", "log",
        "svg", "eps", "ps", "psd", "ico", "icns", "ttf", "otf", "woff", "woff2", "exe", "dll", "so",
    ]

    static func decision(forName name: String) -> Decision {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return .sniff }
        let ext = name[name.index(after: dot)...].lowercased()
        if imageExtensions.contains(ext) { return .candidate }
        if otherExtensions.contains(ext) { return .skip }
        return .sniff
    }

    /// Whether the crawler (or the watcher) takes the file at `path` named `name`: by its
    /// extension, or for an unknown one by an image signature in its first bytes.
    static func admits(name: String, path: String) -> Bool {
        switch decision(forName: name) {
        case .candidate: true
        case .skip: false
        case .sniff: looksLikeImage(path)
        }
    }

    /// Reads the first bytes of a file with an unknown extension and checks for an image
    /// signature.
    static func looksLikeImage(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var header = [UInt8](repeating: 0, count: 32)
        let count = header.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 32) }
        guard count > 0 else { return false }
        return ImageFormat.sniff(header.prefix(count)) != nil
    }
}
