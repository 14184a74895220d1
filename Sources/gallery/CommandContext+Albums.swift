import ArgumentParser
import Foundation
import GalleryCore

extension CommandContext {
    /// The search service over the catalogue; the model is loaded only when a search ranks.
    func searchService() -> SearchService {
        var service = SearchService(catalog: catalog) {
            SearchEngine(catalog: catalog, model: try loadModel(threads: configuration.threads))
        }
        service.defaultLanguage = configuration.models.language
        return service
    }

    /// Albums of the CLI's collection, with searches for smart ones.
    func albums() -> AlbumService { AlbumService(catalog: catalog, search: searchService()) }

    /// An album of the CLI's collection by id or by name (ignoring case).
    /// - Throws: ``AlbumError`` when there is none.
    func album(_ reference: String) throws -> AlbumSummary {
        let collectionId = try collectionId()
        if let id = Int64(reference), let album = try? catalog.album(id: id, collectionId: collectionId) { return album }
        return try catalog.album(id: try catalog.album(named: reference, collectionId: collectionId).id!, collectionId: collectionId)
    }

    /// The ids of photos of the CLI's collection given by id or path.
    func imageIds(_ references: [String]) throws -> [Int64] {
        try references.map { try image($0).id! }
    }
}
