import ArgumentParser
import Foundation
import GalleryCore

/// Metadata filters shared by the search commands.
struct FilterOptions: ParsableArguments {
    @Option(help: "Taken on or after this date (YYYY-MM-DD or ISO 8601).")
    var after: String?

    @Option(help: "Taken before this date (YYYY-MM-DD: before that day begins; or ISO 8601).")
    var before: String?

    @Option(help: "Camera maker (exact, any case), e.g. Canon.")
    var make: String?

    @Option(help: "Camera model contains, e.g. \"EOS 40D\".")
    var model: String?

    @Option(help: "Lens model contains.")
    var lens: String?

    @Option(help: "Formats, comma-separated: jpeg,png,webp,gif,tiff,bmp,heic,avif.")
    var format: String?

    @Option(help: "Minimum width in pixels.") var minWidth: Int?
    @Option(help: "Maximum width in pixels.") var maxWidth: Int?
    @Option(help: "Minimum height in pixels.") var minHeight: Int?
    @Option(help: "Maximum height in pixels.") var maxHeight: Int?

    @Flag(inversion: .prefixedNo, help: "Only photos with (or --no-gps: without) a GPS position.")
    var gps: Bool?

    @Option(help: "Within a radius of a point: LAT,LON,KM (e.g. 48.8584,2.2945,5).")
    var near: String?

    @Option(help: "The path contains this text.")
    var pathContains: String?

    func validate() throws {
        _ = try makeFilter()
    }

    /// The filter these options describe.
    func makeFilter() throws -> ImageFilter {
        var filter = ImageFilter()
        filter.takenAfter = try after.map { try Self.parseDate($0, option: "--after") }
        filter.takenBefore = try before.map { try Self.parseDate($0, option: "--before") }
        filter.cameraMake = make
        filter.cameraModel = model
        filter.lensModel = lens
        if let format {
            filter.formats = try format.split(separator: ",").map { name in
                let trimmed = name.trimmingCharacters(in: .whitespaces).lowercased()
                let aliases = ["jpg": "jpeg", "tif": "tiff", "heif": "heic"]
                guard let value = ImageFormat(rawValue: aliases[trimmed] ?? trimmed) else {
                    throw ValidationError("unknown format '\(name)'; use jpeg, png, webp, gif, tiff, bmp, heic or avif")
                }
                return value
            }
        }
        filter.minWidth = minWidth
        filter.maxWidth = maxWidth
        filter.minHeight = minHeight
        filter.maxHeight = maxHeight
        filter.hasLocation = gps
        if let near {
            let parts = near.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 3, (-90...90).contains(parts[0]), (-180...180).contains(parts[1]), parts[2] > 0 else {
                throw ValidationError("--near needs LAT,LON,KM with -90<=LAT<=90, -180<=LON<=180, KM>0; got '\(near)'")
            }
            filter.near = GeoCircle(latitude: parts[0], longitude: parts[1], radiusKilometres: parts[2])
        }
        filter.pathContains = pathContains
        return filter
    }

    static func parseDate(_ text: String, option: String) throws -> Date {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        let day = Date.ISO8601FormatStyle().year().month().day()
        if let date = try? Date(text, strategy: day) { return date }
        throw ValidationError("\(option) needs a date like 2019-07-14 or 2019-07-14T18:30:00Z; got '\(text)'")
    }
}
