import Foundation
import GalleryCore
import Testing

@Suite("OCR: stored text and the trigram search over it")
struct TextCatalogTests {
    static func line(_ text: String, _ index: Int = 0) -> RecognizedLine {
        let y = Double(index) * 0.1
        return RecognizedLine(
            text: text, confidence: 0.95,
            box: [TextPoint(x: 0.1, y: y), TextPoint(x: 0.9, y: y), TextPoint(x: 0.9, y: y + 0.05), TextPoint(x: 0.1, y: y + 0.05)])
    }

    /// A catalogue with images whose contents have these lines (one content per entry; the
    /// last content is also at a second path, a copy).
    static func catalog(_ contents: [[String]], model: String = "ppocrv5-mobile/1") throws -> (AppDatabase, Int64, [Int64]) {
        let catalog = try AppDatabase.inMemory()
        let collection = try catalog.defaultCollection().id!
        var changes: [CatalogChange] = []
        var scans: [TextScan] = []
        for (index, lines) in contents.enumerated() {
            let hash = "hash\(index)"
            changes.append(
                .upsert(
                    ImageRecord(
                        collectionId: collection, path: "/p/\(index).jpg", status: .indexed, fileSize: 1, modifiedAt: 1, contentHash: hash))
            )
            scans.append(
                TextScan(contentHash: hash, text: RecognizedText(model: model, lines: lines.enumerated().map { line($1, $0) })))
        }
        changes.append(
            .upsert(
                ImageRecord(
                    collectionId: collection, path: "/p/copy.jpg", status: .indexed, fileSize: 1, modifiedAt: 1,
                    contentHash: "hash\(contents.count - 1)")))
        try catalog.apply(changes, textScans: scans)
        let ids = try catalog.imagesNeedingTextScan(collectionId: collection, model: "none").map { $0.id! }
        return (catalog, collection, ids)
    }

    @Test("substrings, any case and accents, across line breaks, CJK, and short terms")
    func matching() throws {
        let (catalog, collection, ids) = try Self.catalog([
            ["RE16", "TGK 2024"], ["Café de Flore", "PARIS"], ["東京タワー", "入口"], ["No parking"],
        ])
        func matched(_ query: String) throws -> [Int64] {
            try catalog.textMatches(collectionId: collection, query: query).map(\.imageId).sorted()
        }
        #expect(try matched("RE16") == [ids[0]])
        #expect(try matched("E16 TG") == [ids[0]], "pieces of words on two lines")
        #expect(try matched("re16 tgk") == [ids[0]])
        #expect(try matched("cafe") == [ids[1]], "accents folded")
        #expect(try matched("CAFÉ flore") == [ids[1]])
        #expect(try matched("paris café") == [ids[1]], "terms in any order")
        #expect(try matched("京タワ") == [ids[2]], "CJK substring")
        #expect(try matched("入口") == [ids[2]], "two characters: the LIKE fallback")
        #expect(try matched("parking") == [ids[3], ids[4]], "the copy shares its content's text")
        #expect(try matched("no") == [ids[3], ids[4]])
        #expect(try matched("nothing here").isEmpty)
        #expect(try matched("   ").isEmpty)
        #expect(try matched("\"quote\" AND OR NEAR(").isEmpty, "FTS syntax in a query is text, not an error")
    }

    @Test("matches say which lines and words matched; bm25 ranks the denser text first")
    func matchDetails() throws {
        let (catalog, collection, ids) = try Self.catalog([["Royal Navy", "1005"], ["navy navy navy"]])
        let matches = try catalog.textMatches(collectionId: collection, query: "navy")
        #expect(matches.first?.imageId == ids[1])
        let royal = try #require(matches.first { $0.imageId == ids[0] })
        #expect(royal.lines == [0] && royal.words == ["Navy"])
        #expect(matches[0].score > royal.score)
        let across = try #require(try catalog.textMatches(collectionId: collection, query: "navy 100").first)
        #expect(across.imageId == ids[0] && across.lines == [0, 1] && across.words == ["Navy", "1005"])
        #expect(try catalog.textMatches(collectionId: collection, query: "navy", limit: 1).count == 1)
    }

    @Test("the text filter restricts searches, and textMatches takes a filter")
    func filter() throws {
        let (catalog, collection, ids) = try Self.catalog([["SALE 50%"], ["open daily"]])
        var filter = ImageFilter()
        filter.photoText = "sale"
        #expect(try catalog.imageIds(matching: filter, collectionId: collection) == [ids[0]])
        filter.photoText = "50%"
        #expect(try catalog.imageIds(matching: filter, collectionId: collection) == [ids[0]], "LIKE wildcards are text")
        var path = ImageFilter()
        path.pathContains = "/p/1"
        #expect(try catalog.textMatches(collectionId: collection, query: "a", filter: path).map(\.imageId) == [ids[1]])
    }

    @Test("results are kept per content and model: a new model rescans and replaces them")
    func models() throws {
        let (catalog, collection, ids) = try Self.catalog([["first"]])
        #expect(try catalog.imagesNeedingTextScan(collectionId: collection, model: "ppocrv5-mobile/1").isEmpty)
        #expect(try catalog.imagesNeedingTextScan(collectionId: collection, model: "ppocrv6-small/1").map(\.id!) == ids)
        try catalog.save([TextScan(contentHash: "hash0", text: RecognizedText(model: "ppocrv6-small/1", lines: [Self.line("second")]))])
        #expect(try catalog.imagesNeedingTextScan(collectionId: collection, model: "ppocrv6-small/1").isEmpty)
        #expect(try catalog.textMatches(collectionId: collection, query: "first").isEmpty, "the old model's text is gone")
        #expect(try catalog.textMatches(collectionId: collection, query: "second").count == 2)
        let image = try #require(try catalog.image(id: ids[0], collectionId: collection))
        let stored = try #require(try catalog.recognizedText(image: image))
        #expect(stored.model == "ppocrv6-small/1" && stored.text == "second" && stored.lines.first?.box.count == 4)
    }

    @Test("folding: lowercase, no diacritics, full-width letters narrowed, white space collapsed")
    func folding() {
        #expect(TextFolding.fold("  Ünïcödé\tCAFÉ  ") == "unicode cafe")
        #expect(TextFolding.fold("ＲＥ１６") == "re16")
        #expect(TextFolding.searchable(["A", "", "b  c"]) == "a b c")
    }
}
