import Foundation
import GalleryCore
import GalleryTestSupport
import Testing

@Suite("Query language: one syntax for the CLI, the API and the search box")
struct QueryParserTests {
    @Test func readsWordsPhrasesFieldsExclusionsAndOr() throws {
        let query = try QueryParser.parse(#"beach -crowd person:Anna OR person:"Ben Li" "red car" -"people" tag:dog NOT blurry"#)
        #expect(
            query.clauses == [
                QueryClause([QueryTerm(.word("beach"))]),
                QueryClause([QueryTerm(.word("crowd"), negated: true)]),
                QueryClause([QueryTerm(.field(.person, "Anna")), QueryTerm(.field(.person, "Ben Li"))]),
                QueryClause([QueryTerm(.phrase("red car"))]),
                QueryClause([QueryTerm(.phrase("people"), negated: true)]),
                QueryClause([QueryTerm(.field(.tag, "dog"))]),
                QueryClause([QueryTerm(.word("blurry"), negated: true)]),
            ])
    }

    @Test func fieldNamesIgnoreCaseAndAndIsTheDefault() throws {
        let query = try QueryParser.parse("TAG:cat AND Place:Paris")
        #expect(query.clauses == [QueryClause([QueryTerm(.field(.tag, "cat"))]), QueryClause([QueryTerm(.field(.place, "Paris"))])])
    }

    @Test func strayOperatorsAndALoneDashAreHarmless() throws {
        let query = try QueryParser.parse("OR - cat OR OR - dog OR")
        #expect(query.clauses == [QueryClause([QueryTerm(.word("cat")), QueryTerm(.word("dog"))])])
        #expect(try QueryParser.parse("-").clauses.isEmpty)
        #expect(try QueryParser.parse(#""""#).clauses.isEmpty)
    }

    @Test func colonsOutsideFieldNamesAreWords() throws {
        let query = try QueryParser.parse(#"10:30 "note: this""#)
        #expect(query.clauses == [QueryClause([QueryTerm(.word("10:30"))]), QueryClause([QueryTerm(.phrase("note: this"))])])
    }

    @Test(arguments: [
        (#"a "red car"#, "unbalanced quote"),
        ("colour:red", "unknown field 'colour:'"),
        ("tag:", "'tag:' needs a value"),
        (#"place:"  ""#, "'place:' needs a value"),
        ("-person:Anna", "cannot be excluded"),
        ("cat OR -dog", "OR joins terms to look for"),
    ])
    func refusesWithAClearMessage(text: String, expected: String) {
        #expect {
            try QueryParser.parse(text)
        } throws: { error in
            guard case SearchError.invalidQuery(let message) = error else { return false }
            return message.contains(expected)
        }
    }

    @Test func anUnknownFieldListsTheFields() {
        #expect {
            try QueryParser.parse("foo:bar")
        } throws: { error in
            "\(error)".contains("tag:, text:, file:, camera:") && "\(error)".contains("near:")
        }
    }

    @Test func boundsTheTermsAndSurvivesAThousandCharactersOfSyntax() throws {
        #expect(throws: SearchError.self) { try QueryParser.parse(Array(repeating: "w", count: 65).joined(separator: " ")) }
        var random = SplitMix64(seed: 7)
        let alphabet = Array(#"ab:-" OR()*^+NOTtag"#)
        for _ in 0..<500 {
            let text = String((0..<1_000).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
            // Either a parse or a clear error: never a crash.
            if let query = try? QueryParser.parse(text) {
                #expect(query.clauses.flatMap(\.alternatives).count <= QueryParser.maxTerms)
            }
        }
    }
}
