/// The shape of `config.yaml`. Every key is optional; unknown keys are an error so that a typo
/// never silently does nothing.
///
/// ```yaml
/// roots: [/srv/photos]
/// exclude: ["*.tmp", "Private"]
/// follow_symlinks: true
/// max_pixels: 100000000
/// max_file_bytes: 536870912
/// threads: 2
/// batch_size: 64
/// thumbnails: { small: 256, large: 1440, quality: 82 }
/// ```
struct ConfigurationFile: Decodable {
    var roots: [String]?
    var exclude: [String]?
    var followSymlinks: Bool?
    var maxPixels: Int?
    var maxFileBytes: Int64?
    var threads: Int?
    var batchSize: Int?
    var thumbnails: Thumbnails?

    struct Thumbnails: Decodable {
        var small: Int?
        var large: Int?
        var quality: Int?
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case roots, exclude, threads, thumbnails
        case followSymlinks = "follow_symlinks"
        case maxPixels = "max_pixels"
        case maxFileBytes = "max_file_bytes"
        case batchSize = "batch_size"
    }

    /// Applies the values present in the file over `configuration`.
    func apply(to configuration: inout GalleryConfiguration) {
        if let roots { configuration.roots = roots }
        if let exclude { configuration.exclude = exclude }
        if let followSymlinks { configuration.followSymlinks = followSymlinks }
        if let maxPixels { configuration.limits.maxPixels = maxPixels }
        if let maxFileBytes { configuration.limits.maxFileBytes = maxFileBytes }
        if let threads { configuration.threads = threads }
        if let batchSize { configuration.batchSize = batchSize }
        if let small = thumbnails?.small { configuration.thumbnails.small = small }
        if let large = thumbnails?.large { configuration.thumbnails.large = large }
        if let quality = thumbnails?.quality { configuration.thumbnails.quality = quality }
    }
}
