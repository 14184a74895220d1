/// Why a listed file's bytes could not be read.
enum FileReadError: Error, Equatable {
    /// The file disappeared after the crawl listed it.
    case vanished
    /// Permission denied, or an I/O error.
    case unreadable(String)
    /// Larger than the configured limit; not read.
    case tooLarge(bytes: Int64, limit: Int64)
}
