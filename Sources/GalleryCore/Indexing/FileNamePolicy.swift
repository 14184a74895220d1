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
}
