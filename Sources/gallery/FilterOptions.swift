import ArgumentParser
import Foundation
import GalleryCore

/// The search filters as flags, named as the API names them (``SearchField``: `min_width` is
/// `--min-width`); the core checks and resolves them.
struct FilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp(SearchField.after.help)) var after: String?
    @Option(help: ArgumentHelp(SearchField.before.help)) var before: String?
    @Option(help: ArgumentHelp(SearchField.camera.help)) var camera: String?
    @Option(help: ArgumentHelp(SearchField.make.help)) var make: String?
    @Option(help: ArgumentHelp(SearchField.model.help)) var model: String?
    @Option(help: ArgumentHelp(SearchField.lens.help)) var lens: String?
    @Option(help: ArgumentHelp(SearchField.format.help)) var format: String?
    @Option(help: ArgumentHelp(SearchField.minWidth.help)) var minWidth: Int?
    @Option(help: ArgumentHelp(SearchField.maxWidth.help)) var maxWidth: Int?
    @Option(help: ArgumentHelp(SearchField.minHeight.help)) var minHeight: Int?
    @Option(help: ArgumentHelp(SearchField.maxHeight.help)) var maxHeight: Int?

    @Flag(
        name: [.customLong("has-location"), .customLong("gps")], inversion: .prefixedNo,
        help: "Only photos with (or --no-has-location: without) a GPS position; --gps is the same.")
    var hasLocation: Bool?

    @Option(help: ArgumentHelp(SearchField.near.help)) var near: String?

    @Option(help: ArgumentHelp(SearchField.bbox.help)) var bbox: String?

    @Option(help: ArgumentHelp(SearchField.color.help)) var color: String?

    @Option(help: ArgumentHelp(SearchField.place.help)) var place: String?

    @Option(name: [.customLong("path"), .customLong("path-contains")], help: ArgumentHelp(SearchField.path.help))
    var path: String?

    @Option(help: ArgumentHelp(SearchField.text.help)) var text: String?

    @Option(help: ArgumentHelp(SearchField.person.help + " In the text, `person:NAME` does the same."))
    var person: [String] = []

    @Option(help: ArgumentHelp(SearchField.personMatch.help)) var personMatch: String?

    @Flag(help: "The same as --person-match any.") var anyPerson = false

    @Option(help: ArgumentHelp(SearchField.album.help)) var album: String?

    @Flag(inversion: .prefixedNo, help: "Only your favourites (or --no-favorite: only the others); `is:favorite` in the text.")
    var favorite: Bool?

    @Option(help: ArgumentHelp(SearchField.rating.help)) var rating: String?

    func validate() throws {
        _ = try FilterOptions.flagErrors { try filters().resolveMetadata() }
    }

    /// The filters as given, for the core to check and resolve.
    func filters() -> SearchFilters {
        var filters = SearchFilters()
        filters.after = after
        filters.before = before
        filters.camera = camera
        filters.make = make
        filters.model = model
        filters.lens = lens
        filters.format = format
        filters.minWidth = minWidth
        filters.maxWidth = maxWidth
        filters.minHeight = minHeight
        filters.maxHeight = maxHeight
        filters.hasLocation = hasLocation
        filters.near = near
        filters.bbox = bbox
        filters.color = color
        filters.place = place
        filters.path = path
        filters.text = text
        filters.persons = person
        filters.personMatch = anyPerson ? PersonMatch.any.rawValue : personMatch
        filters.album = album
        filters.favorite = favorite
        filters.rating = rating
        return filters
    }

    /// Runs `body`, saying a bad filter value by its flag (`--near needs ...`) rather than by
    /// its API name.
    static func flagErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch SearchError.invalidFilter(let field, let problem) {
            throw ValidationError("\(field.flag) \(problem)")
        }
    }
}
