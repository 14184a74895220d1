import Foundation

/// `manifest.json` of the places folder: what build-places.sh wrote.
struct PlaceManifest: Decodable {
    var format: String
    var places: Int
    var countries: Int
    /// SHA-256 (lower-case hex) of each file, by name.
    var sha256: [String: String]

    static func read(_ url: URL) throws -> PlaceManifest {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw PlaceDataError.missingFile(url.path) }
        do {
            return try JSONDecoder().decode(PlaceManifest.self, from: data)
        } catch {
            throw PlaceDataError.malformed(file: url.path, line: 1, problem: "not a places manifest: \(error)")
        }
    }
}
