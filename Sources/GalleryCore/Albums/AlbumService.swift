import Foundation

/// Albums as both fronts use them: creating a smart album checks its query with the search
/// service; opening an album gives a page of its photos (a manual album's in its order, a
/// smart album's query searched again, ranked); ``images(ofAlbum:collectionId:limit:)`` gives
/// every photo (for downloads and exports) up to a bound.
///
/// ```swift
/// let albums = AlbumService(catalog: catalog, search: service)
/// let beach = try albums.create(name: "Best beach", query: "beach rating:>=4", collectionId: 1)
/// let page = try albums.open(beach.id, collectionId: 1, offset: 0, limit: 50)
/// ```
public struct AlbumService: Sendable {
    public let catalog: AppDatabase
    public let search: SearchService

    public init(catalog: AppDatabase, search: SearchService) {
        self.catalog = catalog
        self.search = search
    }

    /// Creates an album; a smart one's query must parse and its filters resolve (without
    /// searching: no model is loaded).
    /// - Throws: ``AlbumError``.
    public func create(name: String, query: String?, collectionId: Int64) throws -> AlbumSummary {
        if let query { try check(query, collectionId: collectionId) }
        return try catalog.createAlbum(name: name, query: query, collectionId: collectionId)
    }

    /// Changes a smart album's query (checked as in ``create(name:query:collectionId:)``).
    /// - Throws: ``AlbumError``.
    public func setQuery(_ query: String, albumId: Int64, collectionId: Int64) throws -> AlbumSummary {
        try check(query, collectionId: collectionId)
        return try catalog.setAlbumQuery(id: albumId, to: query, collectionId: collectionId)
    }

    /// A page of an album's photos: a manual album's in its order, a smart album's as its
    /// query finds them now.
    /// - Throws: ``AlbumError/albumNotFound(_:)``; ``SearchError`` for a smart album whose query no
    ///   longer resolves (a person renamed) or needs a model that is gone.
    public func open(_ albumId: Int64, collectionId: Int64, offset: Int, limit: Int) throws -> SearchReport {
        let album = try catalog.album(id: albumId, collectionId: collectionId)
        guard let query = album.query else {
            let page = try catalog.albumImages(albumId: albumId, collectionId: collectionId, offset: offset, limit: limit)
            return SearchReport(page: page, query: ImageQuery(collectionId: collectionId, offset: offset, limit: limit))
        }
        return try search.search(SearchRequest(collectionId: collectionId, text: query, offset: offset, limit: limit))
    }

    /// Every photo of an album, in its order (a smart album: every relevant match, best first).
    /// - Throws: ``AlbumError/albumNotFound(_:)``; ``ExportError/tooManyEntries(count:limit:)``
    ///   when the album holds more than `limit` photos; search errors as ``open(_:collectionId:offset:limit:)``.
    public func images(ofAlbum albumId: Int64, collectionId: Int64, limit: Int) throws -> [ImageRecord] {
        let album = try catalog.album(id: albumId, collectionId: collectionId)
        guard let query = album.query else {
            let total = album.imageCount ?? 0
            guard total <= limit else { throw ExportError.tooManyEntries(count: total, limit: limit) }
            var images: [ImageRecord] = []
            while images.count < total {
                let page = try catalog.albumImages(
                    albumId: albumId, collectionId: collectionId, offset: images.count, limit: SearchLimits.maxLimit)
                if page.images.isEmpty { break }
                images += page.images
            }
            return images
        }
        let results = try search.allResults(SearchRequest(collectionId: collectionId, text: query), limit: limit)
        return try catalog.images(ids: results.map(\.id), collectionId: collectionId)
    }

    private func check(_ query: String, collectionId: Int64) throws {
        do {
            try search.check(SearchRequest(collectionId: collectionId, text: try AlbumLimits.query(query)))
        } catch let error as SearchError {
            throw AlbumError.invalidQuery(error.description)
        }
    }
}
