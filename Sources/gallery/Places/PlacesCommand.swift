import ArgumentParser
import Foundation
import GalleryCore

/// `gallery places ...`: offline reverse geocoding of GPS photos.
struct PlacesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "places",
        abstract: "Name the town, region and country of photos with a GPS position (offline, GeoNames data).",
        subcommands: [PlacesScanCommand.self, PlacesLookupCommand.self])
}

/// `gallery places scan`.
struct PlacesScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Name the place of every GPS photo not placed yet (indexed before, moved, or new places data); resumable.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Every collection, not just the current one.")
    var allCollections = false

    @Flag(help: "Print JSON: {\"looked\": N, \"placed\": N}.")
    var json = false

    func run() async throws {
        let context = try global.makeContext()
        let scanner = PlaceScanner(
            catalog: context.catalog, places: try context.placeDirectory(),
            maxDistanceKilometres: context.configuration.places.maxDistanceKilometres)
        let summary = try scanner.scan(collectionId: allCollections ? nil : try context.collectionId(), logger: context.logger)
        if json {
            try Output.json(summary)
        } else {
            Output.line(
                "Looked up \(summary.looked) GPS photos: \(summary.placed) placed, \(summary.looked - summary.placed) far from any town.")
        }
    }
}

/// `gallery places lookup LAT,LON`.
struct PlacesLookupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup", abstract: "The town nearest to a position, with the time to load the data and to look it up.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The position: LAT,LON in degrees, e.g. 48.853,2.349.")
    var position: String

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let parts = position.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, (-90...90).contains(parts[0]), (-180...180).contains(parts[1]) else {
            throw ValidationError("the position must be LAT,LON with -90<=LAT<=90 and -180<=LON<=180, e.g. 48.853,2.349")
        }
        let context = try global.makeContext()
        let clock = ContinuousClock()
        let loadStart = clock.now
        let places = try context.placeDirectory()
        let loaded = clock.now - loadStart
        let lookupStart = clock.now
        let match = places.nearest(
            latitude: parts[0], longitude: parts[1], within: context.configuration.places.maxDistanceKilometres)
        let lookup = clock.now - lookupStart
        let report = PlaceLookupReport(
            place: match.map(\.place), distanceKm: match?.distanceKilometres, places: places.count,
            loadMilliseconds: loaded.seconds * 1000, lookupMicroseconds: lookup.seconds * 1_000_000)
        if json {
            try Output.json(report)
            return
        }
        if let match {
            let place = match.place
            Output.line(
                "\(place.city), \(place.region.isEmpty ? "" : place.region + ", ")\(place.country) (\(place.countryCode)), "
                    + String(format: "%.1f km", match.distanceKilometres))
        } else {
            Output.line("No town within \(context.configuration.places.maxDistanceKilometres) km.")
        }
        Output.line(
            String(
                format: "%d places loaded in %.0f ms; looked up in %.0f µs", places.count, report.loadMilliseconds,
                report.lookupMicroseconds))
    }
}

/// `gallery places lookup --json`.
struct PlaceLookupReport: Encodable {
    var place: Place?
    var distanceKm: Double?
    var places: Int
    var loadMilliseconds: Double
    var lookupMicroseconds: Double

    enum CodingKeys: String, CodingKey {
        case place, places
        case distanceKm = "distance_km"
        case loadMilliseconds = "load_ms"
        case lookupMicroseconds = "lookup_us"
    }
}
