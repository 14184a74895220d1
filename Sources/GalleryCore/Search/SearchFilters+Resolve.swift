import Foundation

extension SearchFilters {
    /// The checked filter, with the persons named resolved among the collection's persons.
    /// - Throws: ``SearchError/invalidFilter(_:_:)`` for a value out of range or unreadable,
    ///   ``SearchError/unknownPerson(_:)`` for a person no one of the collection matches.
    public func resolve(catalog: AppDatabase, collectionId: Int64) throws -> ImageFilter {
        var filter = try resolveMetadata()
        if let match = personMatch.trimmedNonEmpty {
            guard let value = PersonMatch(rawValue: match.lowercased()) else {
                throw SearchError.invalidFilter(.personMatch, "must be all or any")
            }
            filter.personMatch = value
        }
        let named = persons.compactMap(\.trimmedNonEmpty)
        guard named.count <= SearchLimits.maxPersons else {
            throw SearchError.invalidFilter(.person, "at most \(SearchLimits.maxPersons) persons in one search")
        }
        var ids: [Int64] = []
        for reference in named {
            let found = try catalog.personIds(referencedBy: String(reference.prefix(200)), collectionId: collectionId)
            guard !found.isEmpty else { throw SearchError.unknownPerson(String(reference.prefix(200))) }
            ids.append(contentsOf: found.filter { !ids.contains($0) })
        }
        if !ids.isEmpty { filter.persons = ids }
        if let album = album.trimmedNonEmpty { filter.albumId = try Self.albumId(album, catalog: catalog, collectionId: collectionId) }
        return filter
    }

    /// The checked filter without persons (they need the catalogue).
    public func resolveMetadata() throws -> ImageFilter {
        var filter = ImageFilter()
        filter.takenAfter = try after.trimmedNonEmpty.map { try SearchDate.parse($0, field: .after) }
        filter.takenBefore = try before.trimmedNonEmpty.map { try SearchDate.parse($0, field: .before) }
        filter.camera = camera.trimmedNonEmpty
        filter.cameraMake = make.trimmedNonEmpty
        filter.cameraModel = model.trimmedNonEmpty
        filter.lensModel = lens.trimmedNonEmpty
        filter.pathContains = path.trimmedNonEmpty
        if let place = place.trimmedNonEmpty { filter.place = try PlaceFilter.parse(place) }
        filter.photoText = text.trimmedNonEmpty
        if let format = format.trimmedNonEmpty { filter.formats = try Self.formats(format) }
        for (value, field) in [(minWidth, SearchField.minWidth), (maxWidth, .maxWidth), (minHeight, .minHeight), (maxHeight, .maxHeight)] {
            if let value, !(0...1_000_000).contains(value) {
                throw SearchError.invalidFilter(field, "must be 0 to 1000000 pixels")
            }
        }
        filter.minWidth = minWidth
        filter.maxWidth = maxWidth
        filter.minHeight = minHeight
        filter.maxHeight = maxHeight
        filter.hasLocation = hasLocation
        if let near = near.trimmedNonEmpty { filter.near = try Self.circle(near) }
        filter.favorite = favorite
        if let rating = rating.trimmedNonEmpty { filter.ratings = try Self.ratings(rating) }
        if let bbox = bbox.trimmedNonEmpty { filter.area = try GeoBox.parse(bbox) }
        if let color = color.trimmedNonEmpty { filter.colors = try ColourFilter.parse(color) }
        return filter
    }

    /// Format names and their aliases.
    static let formatAliases = ["jpg": ImageFormat.jpeg, "tif": .tiff, "heif": .heic]

    private static func formats(_ list: String) throws -> [ImageFormat] {
        try list.split(separator: ",").map { name in
            let trimmed = name.trimmingCharacters(in: .whitespaces).lowercased()
            guard let format = formatAliases[trimmed] ?? ImageFormat(rawValue: trimmed) else {
                throw SearchError.invalidFilter(
                    .format, "unknown format '\(name.prefix(20))': use \(ImageFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return format
        }
    }

    private static func circle(_ text: String) throws -> GeoCircle {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
            Double($0.trimmingCharacters(in: .whitespaces))
        }
        guard parts.count == 3, let latitude = parts[0], let longitude = parts[1], let radius = parts[2],
            (-90...90).contains(latitude), (-180...180).contains(longitude), radius > 0, radius <= 20_040
        else {
            throw SearchError.invalidFilter(
                .near, "needs LAT,LON,KM with -90<=LAT<=90, -180<=LON<=180 and 0<KM<=20040; got '\(text.prefix(60))'")
        }
        return GeoCircle(latitude: latitude, longitude: longitude, radiusKilometres: radius)
    }
}

extension Optional where Wrapped == String {
    /// The text trimmed of spaces, or nil when that leaves nothing.
    var trimmedNonEmpty: String? { self?.trimmedNonEmpty }
}

extension String {
    /// The text trimmed of spaces, or nil when that leaves nothing.
    public var trimmedNonEmpty: String? {
        let value = trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }
}
