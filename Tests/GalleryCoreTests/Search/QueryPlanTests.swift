import Foundation
import GalleryCore
import Testing

@Suite("Query plans: what each term asks of the semantic side, the keyword side and the filters")
struct QueryPlanTests {
    /// 2026-12-01T12:00:00Z.
    let now = Date(timeIntervalSince1970: 1_796_126_400)

    private func plan(_ text: String) throws -> QueryPlan {
        try QueryPlan(QueryParser.parse(text), now: now)
    }

    private func day(_ text: String) throws -> Date {
        try SearchDate.parse(text, field: .after)
    }

    @Test func orAlternativesBecomeSemanticTextsAndKeywordGroups() throws {
        let plan = try plan("dog OR cat on the beach")
        #expect(plan.semanticTexts == ["dog on the beach", "cat on the beach"])
        #expect(plan.keywords.groups.first == [QueryPlan.Term(text: "dog"), QueryPlan.Term(text: "cat")])
        #expect(plan.keywords.groups.count == 4)
    }

    @Test func combinationsAreBounded() throws {
        let plan = try plan("a OR b c OR d e OR f g OR h")
        #expect(plan.semanticTexts.count == QueryPlan.maxAlternatives)
    }

    @Test func exclusionsGoToTheKeywordSideAndQuotedConceptsAreSubtracted() throws {
        let plan = try plan(#"beach -crowd -"people" -tag:blurry"#)
        #expect(plan.semanticTexts == ["beach"])
        #expect(plan.negativeConcepts == ["people"])
        #expect(plan.keywords.excluded == [QueryPlan.Term(text: "crowd"), QueryPlan.Term(text: "blurry", field: .tag)])
    }

    @Test func fieldsBecomeFilters() throws {
        let plan = try plan(#"camera:Canon lens:50mm type:heic OR format:jpg file:IMG_20 near:48.85,2.29,5 text:"RE16" place:Paris"#)
        #expect(plan.filters.camera == "Canon")
        #expect(plan.filters.lens == "50mm")
        #expect(plan.filters.format == "heic,jpg")
        #expect(plan.filters.path == "IMG_20")
        #expect(plan.filters.near == "48.85,2.29,5")
        #expect(plan.filters.text == "RE16")
        #expect(plan.filters.place == "Paris")
        #expect(plan.semanticTexts.isEmpty)
        #expect(try plan.filters.resolveMetadata().formats == [.heic, .jpeg])
    }

    @Test func personsCombineWithAndOrOrButNotBoth() throws {
        #expect(try plan("person:Anna person:Ben").filters.persons == ["Anna", "Ben"])
        let either = try plan("person:Anna OR person:Ben")
        #expect(either.filters.persons == ["Anna", "Ben"])
        #expect(either.filters.personMatch == "any")
        #expect(throws: SearchError.self) { try plan("person:Anna OR person:Ben person:Carl") }
        #expect(throws: SearchError.self) { try plan("person:Anna OR tag:dog") }
    }

    @Test func datesInPlainWordsBecomeASpan() throws {
        #expect(try plan("beach 2019").dateSpan == (try day("2019"))..<(try day("2020")))
        #expect(try plan("beach 2019").semanticTexts == ["beach"])
        #expect(try plan("snow in June 2020").dateSpan == (try day("2020-06"))..<(try day("2020-07")))
        #expect(try plan("snow in June 2020").semanticTexts == ["snow"])
        #expect(try plan("christmas 2018").dateSpan == (try day("2018-12-24"))..<(try day("2018-12-27")))
        #expect(try plan("last summer at the lake").dateSpan == (try day("2026-06"))..<(try day("2026-09")))
        #expect(try plan("winter 2019").dateSpan == (try day("2019-12"))..<(try day("2020-03")))
        #expect(try plan("last year").dateSpan == (try day("2025"))..<(try day("2026")))
        #expect(try plan("last month").dateSpan == (try day("2026-11"))..<(try day("2026-12")))
        #expect(try plan("in:2019-07").dateSpan == (try day("2019-07"))..<(try day("2019-08")))
        // Dates intersect; a year that cannot be a photo's is a word.
        #expect(try plan("2019 in:2019-07").dateSpan == (try day("2019-07"))..<(try day("2019-08")))
        #expect(try plan("1200 rupees").dateSpan == nil)
        #expect(try plan("may flowers").dateSpan == nil)
        #expect(throws: SearchError.self) { try plan("in:last-tuesday") }
    }

    @Test func partsSayWhatWasUnderstood() throws {
        let parts = try plan(#"dog OR cat -crowd tag:beach "at night" 2019"#).parts
        #expect(parts.map(\.text) == ["2019", "dog OR cat", "-crowd", "tag:beach", "\"at night\""])
        #expect(try plan("a red car OR bike in the snow").parts.map(\.text) == ["a red", "car OR bike", "in the snow"])
    }
}
