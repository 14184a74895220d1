/// Why a listed file's bytes could not be read.
enum FileReadError: Error, Equatable {
    /// The file disappeared after the crawl listed it (for an object: deleted from the bucket
    /// between the listing and the download).
    case vanished
    /// Permission denied, or an I/O error.
    case unreadable(String)
    /// Larger than the configured limit; not read.
    case tooLarge(bytes: Int64, limit: Int64)
    /// The object's service could not be reached or broke off the download; the next run
    /// tries again.
    case interrupted(String)

    /// Whether the next run reads the file again even if it is listed unchanged: nothing of it
    /// was read, and the same read may well succeed then (an object put back with the same
    /// bytes keeps its entity tag).
    var isTransient: Bool {
        switch self {
        case .vanished, .interrupted: true
        case .unreadable, .tooLarge: false
        }
    }
}
