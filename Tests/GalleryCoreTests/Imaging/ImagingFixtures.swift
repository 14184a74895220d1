import Foundation
import GalleryTestSupport

/// Reads fixture files for the imaging tests.
enum ImagingFixtures {
    static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: Fixtures.url(relativePath))
    }
}
