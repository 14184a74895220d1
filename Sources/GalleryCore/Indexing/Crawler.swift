#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Walks folders and lists the files that may be images.
///
/// Never endless and never fatal: symbolic links are followed (when allowed) with loop detection
/// by device and inode, unreadable folders become warnings, files that vanish while listed are
/// left out. With `allowedRoots` (the server's folder jobs), a link whose target resolves
/// outside those folders is skipped and reported, never followed.
///
/// ```swift
/// let result = Crawler(exclusions: ["*.tmp"], excludedFolders: [home], followSymlinks: true)
///     .crawl(roots: ["/srv/photos"])
/// ```
public struct Crawler: Sendable {
    let matcher: ExclusionMatcher
    let followSymlinks: Bool
    /// The folders no followed link may lead out of; nil follows links anywhere.
    let allowedRoots: AllowedFolders?

    /// - Parameter allowedRoots: when given, symbolic links are followed only to targets inside
    ///   these folders.
    public init(exclusions: [String], excludedFolders: [String] = [], followSymlinks: Bool, allowedRoots: AllowedFolders? = nil) {
        matcher = ExclusionMatcher(patterns: exclusions, excludedFolders: excludedFolders)
        self.followSymlinks = followSymlinks
        self.allowedRoots = allowedRoots
    }

    /// Lists candidate files under `roots` (folders or single files, absolute paths), sorted
    /// by path. A root that is a file is taken whatever its name.
    public func crawl(roots: [String]) -> CrawlResult {
        var walk = Walk(crawler: self)
        for root in roots {
            var info = stat()
            guard stat(root, &info) == 0 else { continue }
            if Self.isDirectory(info) {
                walk.visitDirectory(root, info: info)
            } else if Self.isRegularFile(info) {
                walk.add(path: root, info: info)
            }
        }
        walk.files.sort { $0.path < $1.path }
        return CrawlResult(files: walk.files, warnings: walk.warnings)
    }

    static func isDirectory(_ info: stat) -> Bool { (info.st_mode & S_IFMT) == S_IFDIR }
    static func isRegularFile(_ info: stat) -> Bool { (info.st_mode & S_IFMT) == S_IFREG }
    static func isSymlink(_ info: stat) -> Bool { (info.st_mode & S_IFMT) == S_IFLNK }

    /// The state of one crawl: what was found and which folders were entered.
    private struct Walk {
        let crawler: Crawler
        var files: [CrawledFile] = []
        var warnings: [CrawlWarning] = []
        var seenPaths: Set<String> = []
        var visitedFolders: Set<FolderIdentity> = []

        static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

        struct FolderIdentity: Hashable {
            let device: UInt64
            let inode: UInt64
        }

        init(crawler: Crawler) { self.crawler = crawler }

        mutating func visitDirectory(_ path: String, info: stat) {
            let identity = FolderIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            guard visitedFolders.insert(identity).inserted else {
                warnings.append(CrawlWarning(path: path, problem: .symlinkLoop))
                return
            }
            guard let directory = opendir(path) else {
                warnings.append(CrawlWarning(path: path, problem: .unreadableFolder))
                return
            }
            var names: [String] = []
            while let entry = readdir(directory) {
                // Read the name in place: a dirent can be shorter than `sizeof(dirent)` at the
                // end of the kernel's buffer, so copying the struct may read unmapped memory.
                let name = String(
                    cString: (UnsafeRawPointer(entry) + Self.nameOffset).assumingMemoryBound(to: CChar.self))
                if name != "." && name != ".." { names.append(name) }
            }
            closedir(directory)
            let prefix = path.hasSuffix("/") ? path : path + "/"
            let sidecars = Set(names.filter(XMPSidecar.isSidecar(name:)))
            for name in names.sorted() {
                visitEntry(prefix + name, name: name, sidecars: sidecars)
            }
        }

        /// - Parameter sidecars: the names of the folder's XMP sidecars.
        mutating func visitEntry(_ path: String, name: String, sidecars: Set<String>) {
            guard !crawler.matcher.excludes(name: name, path: path) else { return }
            var info = stat()
            guard lstat(path, &info) == 0 else { return }  // vanished since listed
            if Crawler.isSymlink(info) {
                guard crawler.followSymlinks else { return }
                guard stat(path, &info) == 0 else {
                    warnings.append(CrawlWarning(path: path, problem: .brokenLink))
                    return
                }
                guard crawler.allowedRoots?.containsTarget(of: path) ?? true else {
                    warnings.append(CrawlWarning(path: path, problem: .outsideAllowedRoots))
                    return
                }
            }
            if Crawler.isDirectory(info) {
                visitDirectory(path, info: info)
            } else if Crawler.isRegularFile(info) {
                if FileNamePolicy.admits(name: name, path: path) { add(path: path, info: info, sidecars: sidecars) }
            }
        }

        /// - Parameter sidecars: the names of the XMP sidecars in the file's folder; nil when the
        ///   folder was not listed (a root that is a file): looked up on disk.
        mutating func add(path: String, info: stat, sidecars: Set<String>? = nil) {
            guard seenPaths.insert(path).inserted else { return }
            let modifiedAt = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
            let sidecar = sidecars?.isEmpty == true ? nil : XMPSidecar.find(for: path, folderNames: sidecars)
            files.append(CrawledFile(path: path, size: Int64(info.st_size), modifiedAt: modifiedAt, sidecar: sidecar))
        }
    }
}
