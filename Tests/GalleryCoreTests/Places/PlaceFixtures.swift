import Foundation
import GalleryCore
import GalleryTestSupport

/// The places data built by `scripts/models/build-places.sh`, loaded once for all tests.
enum PlaceFixtures {
    static func folder() throws -> URL { try ModelFixtures.folder("places") }

    static func directory() throws -> PlaceDirectory { try loaded.get() }

    private static let loaded = Result { try PlaceDirectory(folder: try folder()) }
}
