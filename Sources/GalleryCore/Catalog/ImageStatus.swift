/// Where an image stands in the catalogue.
public enum ImageStatus: String, Codable, Sendable, CaseIterable {
    /// Decoded, described and thumbnailed.
    case indexed
    /// Seen but not readable as an image; ``ImageRecord/failureReason`` says why.
    case failed
    /// No longer found at its path by the last crawl of its root.
    case missing
}
