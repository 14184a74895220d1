import Foundation
import GalleryCore

extension CommandContext {
    /// The places data, loaded from the places folder.
    /// - Throws: ``PlaceDataError`` when it is missing or damaged; a `ValidationError` when places are off.
    func placeDirectory() throws -> PlaceDirectory {
        guard let places = try PlaceDirectory.load(configuration: configuration) else {
            throw PlaceDataError.missingFile("places are off (places: {enabled: false} in config.yaml, or GALLERY_PLACES=0)")
        }
        return places
    }

    /// The places data when places are on; nil (with a warning naming the problem) when they are
    /// off or the data cannot load, so that indexing goes on without places.
    func placeDirectoryIfEnabled() -> PlaceDirectory? {
        guard configuration.places.enabled else { return nil }
        do {
            return try placeDirectory()
        } catch {
            logger.warning("indexing without places", metadata: ["places.problem": "\(error)"])
            FileHandle.standardError.write(Data("warning: indexing without places: \(error)\n".utf8))
            return nil
        }
    }
}
