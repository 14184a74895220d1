import Foundation
import Testing

@testable import GalleryCore

@Suite("Why this result: the persons and place a query named, found in each photo")
struct FilterReasonsTests {
    /// Two photos of Anna (one with Ben) taken in Paris, one of Ben in Lyon.
    struct Library {
        let fixture: KeywordCatalogFixture
        let service: SearchService
        var ids: [String: Int64] = [:]

        init() throws {
            fixture = try KeywordCatalogFixture()
            service = SearchService(catalog: fixture.catalog, engine: nil)
            let places = [
                "/p/anna.jpg": Place(
                    city: "Paris", region: "Île-de-France", country: "France", countryCode: "FR", latitude: 48.85, longitude: 2.35),
                "/p/both.jpg": Place(
                    city: "Paris", region: "Île-de-France", country: "France", countryCode: "FR", latitude: 48.86, longitude: 2.34),
                "/p/ben.jpg": Place(
                    city: "Lyon", region: "Auvergne-Rhône-Alpes", country: "France", countryCode: "FR", latitude: 45.76, longitude: 4.84),
            ]
            for (path, place) in places {
                ids[path] = try fixture.add(path) {
                    $0.latitude = place.latitude
                    $0.longitude = place.longitude
                }
                try fixture.catalog.savePlaces([
                    ImagePlaceRecord(
                        imageId: ids[path]!, latitude: place.latitude, longitude: place.longitude,
                        match: PlaceMatch(place: place, distanceKilometres: 0.1), placesVersion: "test")
                ])
            }
            let anna = try fixture.catalog.createPerson(name: "Anna", collectionId: fixture.collectionId)
            let ben = try fixture.catalog.createPerson(name: "Ben", collectionId: fixture.collectionId)
            for (path, persons) in [("/p/anna.jpg", [anna]), ("/p/both.jpg", [anna, ben]), ("/p/ben.jpg", [ben])] {
                for (face, person) in zip(try fixture.addFaces(persons.count, to: path), persons) {
                    _ = try fixture.catalog.assignFace(face, to: person.id, collectionId: fixture.collectionId)
                }
            }
        }

        func reasons(_ text: String) throws -> [String: [MatchReason]] {
            let report = try service.search(SearchRequest(collectionId: fixture.collectionId, text: text))
            let paths = Dictionary(uniqueKeysWithValues: ids.map { ($0.value, $0.key) })
            return Dictionary(uniqueKeysWithValues: report.results.map { (paths[$0.id]!, $0.matched ?? []) })
        }
    }

    @Test func aPersonAndAPlaceNamedInPlainWordsSayWhyEachPhotoMatched() throws {
        let library = try Library()
        #expect(
            try library.reasons("Anna in Paris") == [
                "/p/anna.jpg": [MatchReason(field: "people", terms: ["Anna"]), MatchReason(field: "places", terms: ["Paris"])],
                "/p/both.jpg": [MatchReason(field: "people", terms: ["Anna"]), MatchReason(field: "places", terms: ["Paris"])],
            ])
        // Either person: each photo names only those of the query it has.
        #expect(
            try library.reasons("Anna OR Ben") == [
                "/p/anna.jpg": [MatchReason(field: "people", terms: ["Anna"])],
                "/p/both.jpg": [MatchReason(field: "people", terms: ["Anna", "Ben"])],
                "/p/ben.jpg": [MatchReason(field: "people", terms: ["Ben"])],
            ])
    }

    @Test func placeFiltersNameThePhotosOwnPlaceAsTheDataSpellsIt() throws {
        let library = try Library()
        #expect(try library.reasons("place:fr").values.allSatisfy { $0 == [MatchReason(field: "places", terms: ["France"])] })
        #expect(
            try library.reasons(#"place:"lyon, france""#) == [
                "/p/ben.jpg": [MatchReason(field: "places", terms: ["Lyon", "France"])]
            ])
        #expect(try library.reasons(#"place:"ile de france""#)["/p/anna.jpg"] == [MatchReason(field: "places", terms: ["Île-de-France"])])
        // Plain words: "from" leaves nothing to rank by, the place is the filter.
        #expect(try library.reasons("from lyon") == ["/p/ben.jpg": [MatchReason(field: "places", terms: ["Lyon"])]])
        // No person or place in the query: no reason of that kind.
        let plain = try library.reasons("type:jpeg")
        #expect(plain.count == 3 && plain.values.allSatisfy(\.isEmpty))
    }
}
