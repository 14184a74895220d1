/// Why a file could not be indexed; stored with the file's record and counted in summaries.
public enum FailureReason: String, Codable, Sendable, CaseIterable {
    /// Not one of the supported image formats.
    case unsupported
    /// Damaged data.
    case corrupt
    /// The data ends early.
    case truncated
    /// Above the pixel or file-size limit.
    case tooLarge = "too_large"
    /// No permission to read it.
    case unreadable
    /// Listed by the crawl, gone when read.
    case vanished
    /// Zero bytes.
    case empty
}
