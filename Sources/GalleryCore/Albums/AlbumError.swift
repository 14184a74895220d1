/// Why an album, favourite or rating edit was refused.
public enum AlbumError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No album with this id in the collection.
    case albumNotFound(Int64)
    /// No album with this name in the collection.
    case albumNameNotFound(String)
    /// The collection has an album of this name (names are compared ignoring case).
    case nameTaken(String)
    /// A name must have a visible character, no control characters, and at most ``AlbumLimits/maxNameLength`` characters.
    case invalidName(String)
    /// A smart album's query is empty, too long or does not parse.
    case invalidQuery(String)
    /// Photos are added to, removed from and ordered in manual albums only.
    case smartAlbum(String)
    /// The collection has no photo with these ids (the first few).
    case imagesNotFound([Int64])
    /// The cover must be one of the album's photos.
    case coverNotInAlbum(Int64)
    /// An edit named no photo.
    case noImages
    /// One edit names at most ``AlbumLimits/maxImagesPerEdit`` photos.
    case tooManyImagesAtOnce(limit: Int)
    /// A manual album holds at most ``AlbumLimits/maxImagesPerAlbum`` photos.
    case albumFull(limit: Int)
    /// A collection holds at most ``AlbumLimits/maxAlbums`` albums.
    case tooManyAlbums(limit: Int)
    /// A rating is a whole number from 0 (none) to 5.
    case invalidRating(Int)

    public var description: String {
        switch self {
        case .albumNotFound(let id): "no album \(id) in this collection"
        case .albumNameNotFound(let name): "no album named '\(name.prefix(100))' in this collection"
        case .nameTaken(let name): "this collection already has an album named '\(name)'"
        case .invalidName(let name):
            "'\(name.prefix(80))' is not a usable album name (1 to \(AlbumLimits.maxNameLength) characters, not only spaces, no control characters)"
        case .invalidQuery(let problem): "not a usable smart album query: \(problem)"
        case .smartAlbum(let name):
            "'\(name)' is a smart album: its photos are the ones its query finds, they cannot be added, removed or ordered"
        case .imagesNotFound(let ids):
            "no image \(ids.prefix(5).map(String.init).joined(separator: ", "))\(ids.count > 5 ? " (and \(ids.count - 5) more)" : "") in this collection; nothing was changed"
        case .coverNotInAlbum(let id): "image \(id) is not in this album, so it cannot be its cover"
        case .noImages: "name at least one image"
        case .tooManyImagesAtOnce(let limit): "name at most \(limit) images at once"
        case .albumFull(let limit): "an album holds at most \(limit) images; nothing was added"
        case .tooManyAlbums(let limit): "a collection holds at most \(limit) albums"
        case .invalidRating(let rating): "a rating is 0 (none) to 5 stars, not \(rating)"
        }
    }
}
