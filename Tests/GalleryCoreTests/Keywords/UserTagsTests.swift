import Testing

@testable import GalleryCore

@Suite("Keywords: user tags and descriptions")
struct UserTagsTests {
    @Test func tagsAreCleanedKeptOnceAndCounted() throws {
        let fixture = try KeywordCatalogFixture()
        let a = try fixture.add("/p/a.jpg")
        let b = try fixture.add("/p/b.jpg")
        let annotations = try fixture.catalog.addTags(["  summer   holiday ", "Beach", "beach"], to: a, collectionId: fixture.collectionId)
        #expect(annotations.tags == ["Beach", "summer holiday"])
        try fixture.catalog.addTags(["beach"], to: b, collectionId: fixture.collectionId)
        #expect(
            try fixture.catalog.tagCounts(collectionId: fixture.collectionId) == [
                TagCount(tag: "Beach", images: 2), TagCount(tag: "summer holiday", images: 1),
            ])
    }

    @Test func renamingOntoAnExistingTagKeepsOne() throws {
        let fixture = try KeywordCatalogFixture()
        let a = try fixture.add("/p/a.jpg")
        let b = try fixture.add("/p/b.jpg")
        try fixture.catalog.addTags(["holiday", "vacation"], to: a, collectionId: fixture.collectionId)
        try fixture.catalog.addTags(["vacation"], to: b, collectionId: fixture.collectionId)
        #expect(try fixture.catalog.renameTag("VACATION", to: "holiday", collectionId: fixture.collectionId) == 2)
        #expect(try fixture.catalog.annotations(imageId: a, collectionId: fixture.collectionId).tags == ["holiday"])
        #expect(try fixture.catalog.annotations(imageId: b, collectionId: fixture.collectionId).tags == ["holiday"])
        #expect(throws: UserTagError.tagNotFound("vacation")) {
            try fixture.catalog.renameTag("vacation", to: "x", collectionId: fixture.collectionId)
        }
    }

    @Test func badInputIsRefusedAndChangesNothing() throws {
        let fixture = try KeywordCatalogFixture()
        let id = try fixture.add("/p/a.jpg")
        let collection = fixture.collectionId
        try fixture.catalog.addTags(["kept"], to: id, collectionId: collection)
        #expect(throws: UserTagError.invalidTag("   ")) { try fixture.catalog.addTags(["ok", "   "], to: id, collectionId: collection) }
        #expect(throws: UserTagError.invalidTag("a\u{7}b")) { try fixture.catalog.addTags(["a\u{7}b"], to: id, collectionId: collection) }
        let long = String(repeating: "x", count: UserTagLimits.maxTagLength + 1)
        #expect(throws: UserTagError.invalidTag(long)) { try fixture.catalog.addTags([long], to: id, collectionId: collection) }
        #expect(throws: UserTagError.noTags) { try fixture.catalog.addTags([], to: id, collectionId: collection) }
        #expect(throws: UserTagError.imageNotFound(999)) { try fixture.catalog.addTags(["x"], to: 999, collectionId: collection) }
        let many = (0...UserTagLimits.maxTagsPerImage).map { "tag \($0)" }
        #expect(throws: UserTagError.tooManyTags(imageId: id, limit: UserTagLimits.maxTagsPerImage)) {
            try fixture.catalog.addTags(Array(many.prefix(150)), to: id, collectionId: collection)
            try fixture.catalog.addTags(Array(many.suffix(from: 150)), to: id, collectionId: collection)
        }
        let text = String(repeating: "y", count: UserTagLimits.maxDescriptionLength + 1)
        #expect(throws: UserTagError.descriptionTooLong(length: text.count, limit: UserTagLimits.maxDescriptionLength)) {
            try fixture.catalog.setDescription(text, of: id, collectionId: collection)
        }
        let after = try fixture.catalog.annotations(imageId: id, collectionId: collection)
        #expect(after.tags.count == 151 && after.tags.contains("kept") && after.description == nil)
    }

    @Test func anotherCollectionsImageIsNotFound() throws {
        let fixture = try KeywordCatalogFixture()
        let id = try fixture.add("/p/a.jpg")
        let other = try fixture.catalog.collection(named: "other", ownerId: nil, createIfMissing: true)!.id!
        #expect(throws: UserTagError.imageNotFound(id)) { try fixture.catalog.setDescription("x", of: id, collectionId: other) }
        #expect(throws: UserTagError.imageNotFound(id)) { try fixture.catalog.annotations(imageId: id, collectionId: other) }
    }
}
