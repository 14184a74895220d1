#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The XMP sidecar of a photo: the `.xmp` file beside it where darktable and digiKam
/// (`photo.jpg.xmp`) or Lightroom and Capture One (`photo.xmp`) keep the keywords, titles and
/// descriptions their users typed. Read at indexing, never written.
///
/// ```swift
/// let stamp = XMPSidecar.find(for: "/photos/heron.jpg")      // /photos/heron.jpg.xmp, if there
/// let metadata = XMPSidecar.merging(try XMPSidecar.read(stamp!), into: inspection.metadata)
/// ```
enum XMPSidecar {
    /// A sidecar larger than this is not read (real ones are a few kilobytes).
    static let maxBytes: Int64 = 1 << 20

    /// Whether a file named `name` is a sidecar (`.xmp`, any case).
    static func isSidecar(name: String) -> Bool {
        name.count > 4 && name.suffix(4).lowercased() == ".xmp"
    }

    /// The names a sidecar of the photo named `photoName` may have, the most specific first:
    /// `photo.jpg.xmp` (darktable, digiKam), then `photo.xmp` (Lightroom, Capture One, which
    /// name it after the raw file of a raw + JPEG pair: the same shot).
    static func candidateNames(for photoName: String) -> [String] {
        var names = [photoName + ".xmp", photoName + ".XMP"]
        if let dot = photoName.lastIndex(of: "."), dot != photoName.startIndex {
            let stem = photoName[..<dot]
            names += [stem + ".xmp", stem + ".XMP"]
        }
        return names
    }

    /// The photos (among `names`, a folder's entries) that the sidecar named `sidecarName`
    /// may belong to.
    static func photoNames(forSidecar sidecarName: String, among names: [String]) -> [String] {
        names.filter { name in !isSidecar(name: name) && candidateNames(for: name).contains(sidecarName) }
    }

    /// The sidecar of the photo at `path`, looked up among its folder's entries when the crawler
    /// has them (`folderNames`, so most photos cost no extra system call), else on disk.
    static func find(for path: String, folderNames: Set<String>? = nil) -> SidecarStamp? {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        for candidate in candidateNames(for: name) where folderNames?.contains(candidate) ?? true {
            var info = stat()
            let sidecarPath = folder + candidate
            guard stat(sidecarPath, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            let modifiedAt = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
            return SidecarStamp(path: sidecarPath, size: Int64(info.st_size), modifiedAt: modifiedAt)
        }
        return nil
    }

    /// The sidecar's XMP packet.
    ///
    /// - Throws: ``FileReadError`` when it vanished, cannot be read, or is over ``maxBytes``.
    static func read(_ stamp: SidecarStamp) throws(FileReadError) -> [UInt8] {
        [UInt8](try FileReader.read(path: stamp.path, maxBytes: maxBytes).data)
    }

    /// The photo's own metadata with its sidecar's added: the sidecar's keywords after the
    /// photo's (duplicates dropped), and its title, headline and description in place of the
    /// photo's where it has them (the sidecar is what the user edited last).
    static func merging(_ packet: [UInt8], into metadata: PhotoMetadata) -> PhotoMetadata {
        var merged = metadata
        let sidecar = CaptionReader.captions(xmp: packet, iptc: nil, exif: PhotoCaptions())
        merged.keywords = KeywordReader.merged(metadata.keywords, KeywordReader.keywords(xmp: packet, iptc: nil))
        merged.captions.title = sidecar.title ?? metadata.captions.title
        merged.captions.headline = sidecar.headline ?? metadata.captions.headline
        merged.captions.description = sidecar.description ?? metadata.captions.description
        return merged
    }
}
