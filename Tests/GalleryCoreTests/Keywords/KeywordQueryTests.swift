import GalleryTestSupport
import Testing

@testable import GalleryCore

@Suite("Keywords: queries, escaping, ranking and filters")
struct KeywordQueryTests {
    @Test func everyWordIsQuoted() {
        #expect(FTS5Expression.make(.allWords("beach OR party")) == #""beach" AND "OR" AND "party""#)
        let query = KeywordQuery(
            clauses: [[KeywordTerm("golden retriever", field: .tags, phrase: true)], [KeywordTerm("wedd", prefix: true), "party"]],
            excluded: ["night"])
        #expect(FTS5Expression.make(query) == #"(tags : ("golden" + "retriever") AND ("wedd" * OR "party")) NOT ("night")"#)
        #expect(FTS5Expression.make(.allWords("*** ---")) == nil)
        #expect(FTS5Expression.make(KeywordQuery(clauses: [], excluded: ["night"])) == nil)
    }

    /// User text with FTS5's syntax never errors and never acts as syntax.
    @Test(arguments: [
        #"beach" OR "office"#, "beach*", "^beach", "names:beach", "(beach", "beach)", "-office", "+beach",
        "beach NEAR office", "beach AND NOT office", "beach OR office", #"""#, "NOT", "AND", "*", ":", "{names}: beach",
        "beach\u{0}office", String(repeating: "beach ", count: 200),
    ])
    func syntaxCharactersAreText(text: String) throws {
        let fixture = try KeywordCatalogFixture()
        try fixture.add("/p/beach.jpg")
        try fixture.add("/p/office.jpg")
        for query in [
            KeywordQuery.allWords(text), .anyWord(text), .allWords(text, prefix: true),
            KeywordQuery(clauses: [[KeywordTerm(text, field: .names, phrase: true)]], excluded: [KeywordTerm(text)]),
        ] {
            _ = try fixture.catalog.keywordMatches(collectionId: fixture.collectionId, query: query, filter: ImageFilter(), limit: 10)
        }
        // "beach OR office" is three required words, not an OR: nothing has all three.
        #expect(try fixture.find(#"beach" OR "office"#).isEmpty)
        #expect(try fixture.find("-office").count == 1)  // a word, not an exclusion
    }

    @Test func phrasesPrefixesAndExclusions() throws {
        let fixture = try KeywordCatalogFixture()
        let party = try fixture.add("/p/beach party.jpg")
        let walk = try fixture.add("/p/party on the beach.jpg")
        let search = { (query: KeywordQuery) in
            try fixture.catalog.keywordMatches(collectionId: fixture.collectionId, query: query, filter: ImageFilter(), limit: 10)
                .map(\.imageId)
        }
        #expect(try search(KeywordQuery(clauses: [[KeywordTerm("beach party", phrase: true)]])) == [party])
        #expect(Set(try search(.allWords("bea", prefix: true))) == [party, walk])
        #expect(try search(.allWords("bea")).isEmpty)
        #expect(try search(KeywordQuery(clauses: [["party"]], excluded: ["the"])) == [party])
        #expect(try fixture.catalog.keywordExclusions(collectionId: fixture.collectionId, terms: ["the"]) == [walk])
    }

    @Test func userTagsOutrankFileNamesAndFiltersApply() throws {
        let fixture = try KeywordCatalogFixture()
        let named = try fixture.add("/p/lighthouse.jpg") { $0.cameraMake = "Nikon" }
        let tagged = try fixture.add("/p/IMG_1.jpg") { $0.cameraMake = "Canon" }
        try fixture.catalog.addTags(["lighthouse"], to: tagged, collectionId: fixture.collectionId)
        for index in 0..<4 { try fixture.add("/p/harbour-\(index).jpg") }
        let matches = try fixture.catalog.keywordMatches(
            collectionId: fixture.collectionId, query: .allWords("lighthouse"), filter: ImageFilter(), limit: 10)
        #expect(matches.map(\.imageId) == [tagged, named])
        #expect(matches[0].score > matches[1].score && matches[1].score > 0)
        #expect(matches[0].fields == [.user] && matches[1].fields == [.names])
        var filter = ImageFilter()
        filter.cameraMake = "nikon"
        #expect(try fixture.find("lighthouse", filter: filter) == [named])
        let otherCollection = try fixture.catalog.collection(named: "other", ownerId: nil, createIfMissing: true)!.id!
        #expect(
            try fixture.catalog.keywordMatches(
                collectionId: otherCollection, query: .allWords("lighthouse"), filter: ImageFilter(), limit: 10
            ).isEmpty)
    }

    @Test func typosFallBackToTheNearestKnownWord() throws {
        let fixture = try KeywordCatalogFixture()
        let id = try fixture.add("/p/lighthouse at dusk.jpg")
        #expect(try fixture.find("lighthuose") == [id])  // two edits, 10 letters
        #expect(try fixture.find("lighthuose dsuk").isEmpty)  // "dsuk" is too short to correct
        #expect(try fixture.find("ligthouse") == [id])
        #expect(try fixture.find("xyzzyplugh").isEmpty)
        // The words are kept in memory between searches, and follow the index: a new photo's
        // words are known at once, a deleted photo's are gone.
        let later = try fixture.add("/p/seashore.jpg")
        #expect(try fixture.find("seashroe") == [later])
        _ = try fixture.catalog.deleteImages(ids: [later])
        #expect(try fixture.find("seashroe").isEmpty)
        #expect(try fixture.find("lighthuose") == [id])
        #expect(KeywordSpelling.editDistance(Array("kitten"), Array("sitting"), limit: 5) == 3)
    }

    /// The page's matched words are the same whether FTS5 looks each id up or scans the matches
    /// once (random libraries, queries and pages; ids outside the matches and repeated ids too).
    @Test func matchedWordsAreTheSameByLookupAndByOnePass() throws {
        var random = SeededGenerator(seed: 29)
        let words = ["beach", "party", "harbour", "sunset", "dog", "snow", "night", "city"]
        for _ in 0..<20 {
            let fixture = try KeywordCatalogFixture()
            var ids: [Int64] = []
            for index in 0..<Int.random(in: 5...40, using: &random) {
                let name = (0..<Int.random(in: 1...3, using: &random)).map { _ in words.randomElement(using: &random)! }
                ids.append(try fixture.add("/p/\(index) \(name.joined(separator: " ")).jpg"))
            }
            let query = KeywordQuery(clauses: [[KeywordTerm(words.randomElement(using: &random)!), KeywordTerm("sun", prefix: true)]])
            let expression = try #require(FTS5Expression.make(query))
            let page = (0..<Int.random(in: 1...12, using: &random)).map { _ in ids.randomElement(using: &random)! } + [9_999]
            // Searching first brings the new photos into the index.
            let matching = try fixture.catalog.keywordMatches(
                collectionId: fixture.collectionId, query: query, filter: ImageFilter(), limit: 100
            ).map(\.imageId)
            let lookedUp = try fixture.catalog.matchedWords(expression: expression, imageIds: page, fewMatches: false)
            let scanned = try fixture.catalog.matchedWords(expression: expression, imageIds: page, fewMatches: true)
            #expect(lookedUp == scanned)
            #expect(Set(lookedUp.keys) == Set(page).intersection(matching))
        }
    }
}
