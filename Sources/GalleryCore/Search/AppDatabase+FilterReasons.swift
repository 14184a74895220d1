import GRDB

extension AppDatabase {
    /// Why each of `imageIds` passed the filter's persons and place: the named persons of the
    /// filter found in the photo (`people`) and the photo's own town, region or country that the
    /// place filter named (`places`). A query that names a person or place in plain words ("Anna
    /// in Paris") becomes such a filter, so this is its "why this result" too.
    ///
    /// ```swift
    /// try catalog.filterReasons(filter, imageIds: [7])  // [7: [people: ["Anna"], places: ["Paris"]]]
    /// ```
    func filterReasons(_ filter: ImageFilter, imageIds: [Int64]) throws -> [Int64: [MatchReason]] {
        guard !imageIds.isEmpty, filter.place != nil || !(filter.persons ?? []).isEmpty else { return [:] }
        return try reader.read { db in
            var reasons: [Int64: [MatchReason]] = [:]
            for (imageId, names) in try Self.personNames(filter.persons ?? [], imageIds: imageIds, db) {
                reasons[imageId, default: []].append(MatchReason(field: KeywordField.people.rawValue, terms: names))
            }
            if let place = filter.place {
                for (imageId, names) in try Self.placeNames(place, imageIds: imageIds, db) {
                    reasons[imageId, default: []].append(MatchReason(field: KeywordField.places.rawValue, terms: names))
                }
            }
            return reasons
        }
    }

    /// The names of `persons` (or `#ID` for an unnamed one) whose faces are in each image.
    private static func personNames(_ persons: [Int64], imageIds: [Int64], _ db: Database) throws -> [Int64: [String]] {
        guard !persons.isEmpty else { return [:] }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT DISTINCT face.imageId AS imageId, person.id AS personId, person.name AS name
                FROM face JOIN person ON person.id = face.personId
                WHERE face.imageId IN (\(databaseQuestionMarks(count: imageIds.count)))
                  AND face.personId IN (\(databaseQuestionMarks(count: persons.count)))
                ORDER BY face.imageId, person.name, person.id
                """, arguments: StatementArguments(imageIds + persons))
        return rows.reduce(into: [:]) { names, row in
            let name: String? = row["name"]
            let personId: Int64 = row["personId"]
            names[row["imageId"], default: []].append(name ?? "#\(personId)")
        }
    }

    /// The parts of each image's place (at its current position) that `filter` named
    /// (``PlaceFilter/matchedNames(of:)``).
    private static func placeNames(_ filter: PlaceFilter, imageIds: [Int64], _ db: Database) throws -> [Int64: [String]] {
        let places = try ImagePlaceRecord.fetchAll(
            db,
            sql: """
                SELECT p.* FROM imagePlace p JOIN image ON image.id = p.imageId
                WHERE p.latitude = image.latitude AND p.longitude = image.longitude
                  AND p.imageId IN (\(databaseQuestionMarks(count: imageIds.count)))
                """, arguments: StatementArguments(imageIds))
        return places.reduce(into: [:]) { names, place in
            let matched = filter.matchedNames(of: place)
            if !matched.isEmpty { names[place.imageId] = matched }
        }
    }
}
