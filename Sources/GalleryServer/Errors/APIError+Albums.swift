import GalleryCore

extension APIError {
    /// The status of a refused album, favourite or rating edit.
    static func album(_ error: AlbumError) -> APIError {
        switch error {
        case .albumNotFound, .albumNameNotFound, .imagesNotFound: .notFound(error.description)
        case .nameTaken, .smartAlbum, .albumFull, .tooManyAlbums: .conflict(error.description)
        case .tooManyImagesAtOnce: .tooLarge(error.description)
        case .invalidName, .invalidQuery, .coverNotInAlbum, .noImages, .invalidRating: .badRequest(error.description)
        }
    }

    /// The status of a refused download.
    static func export(_ error: ExportError) -> APIError {
        switch error {
        case .tooManyEntries, .tooManyBytes: .tooLarge(error.description)
        case .changedWhileReading: .conflict(error.description)
        default: .badRequest(error.description)
        }
    }
}
