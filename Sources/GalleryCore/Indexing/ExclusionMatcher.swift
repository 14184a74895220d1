#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Glob patterns (`fnmatch` syntax) that keep files and folders out of a crawl. A pattern with
/// a `/` is matched against the whole path, any other against the entry's name.
struct ExclusionMatcher: Sendable {
    let patterns: [String]
    /// Folders never crawled, whatever the patterns (the app's own data folder).
    let excludedFolders: [String]

    func excludes(name: String, path: String) -> Bool {
        if excludedFolders.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) { return true }
        for pattern in patterns {
            let subject = pattern.contains("/") ? path : name
            if fnmatch(pattern, subject, 0) == 0 { return true }
        }
        return false
    }
}
