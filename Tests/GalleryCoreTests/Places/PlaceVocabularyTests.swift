import Testing

@testable import GalleryCore

@Suite("PlaceVocabulary: place names in plain query text")
struct PlaceVocabularyTests {
    let vocabulary = PlaceVocabulary([
        PlaceName(name: "Paris", kind: .city, countryCode: "FR"),
        PlaceName(name: "Ile-de-France", kind: .region, countryCode: "FR"),
        PlaceName(name: "France", kind: .country, countryCode: "FR"),
        PlaceName(name: "Spain", kind: .country, countryCode: "ES"),
        PlaceName(name: "New York City", kind: .city, countryCode: "US"),
        PlaceName(name: "York", kind: .city, countryCode: "GB"),
        PlaceName(name: "Côte d'Ivoire", kind: .country, countryCode: "CI"),
    ])

    func found(_ text: String) -> [String] { vocabulary.mentions(in: text).map(\.text) }

    @Test func findsWholeNamesIgnoringCaseAccentsAndHyphens() {
        #expect(found("photos from Paris") == ["Paris"])
        #expect(found("spain") == ["spain"])  // as written
        #expect(found("sunset in ile de france") == ["ile de france"])
        #expect(found("beach, Cote d'Ivoire") == ["Cote d'Ivoire"])
        #expect(found("Parisot and parish and comparison") == [])
    }

    @Test func theLongestNameWinsAndMentionsDoNotOverlap() {
        let mentions = vocabulary.mentions(in: "new york city or York, then Paris France")
        #expect(mentions.map(\.text) == ["new york city", "York", "Paris", "France"])
        #expect(mentions[0].places == [PlaceName(name: "New York City", kind: .city, countryCode: "US")])
        let text = "dogs in Paris"
        let paris = vocabulary.mentions(in: text)[0]
        #expect(text[paris.range] == "Paris")
    }
}
