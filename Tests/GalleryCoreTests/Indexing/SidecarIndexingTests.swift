import Foundation
import GalleryTestSupport
import Testing

@testable import GalleryCore

@Suite("Indexer: XMP sidecars beside the photos")
struct SidecarIndexingTests {
    /// A sidecar as darktable or Lightroom writes it (trimmed to the parts read).
    static func sidecar(keywords: [String], title: String? = nil, description: String? = nil) -> String {
        let subjects = keywords.map { "<rdf:li>\($0)</rdf:li>" }.joined()
        let title = title.map { "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">\($0)</rdf:li></rdf:Alt></dc:title>" } ?? ""
        let description =
            description.map { "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">\($0)</rdf:li></rdf:Alt></dc:description>" }
            ?? ""
        return """
            <?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:subject><rdf:Bag>\(subjects)</rdf:Bag></dc:subject>\(title)\(description)
            </rdf:Description></rdf:RDF></x:xmpmeta>
            <?xpacket end="w"?>
            """
    }

    func write(_ text: String, to path: String, modifiedAt: Date? = nil) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        if let modifiedAt { try FileManager.default.setAttributes([.modificationDate: modifiedAt], ofItemAtPath: path) }
    }

    func find(_ text: String, _ harness: IndexerTests.Harness) throws -> [Int64] {
        try harness.catalog.keywordMatches(collectionId: harness.collection.id!, query: .allWords(text), filter: ImageFilter(), limit: 5)
            .map(\.imageId)
    }

    func image(_ harness: IndexerTests.Harness, _ name: String) throws -> ImageRecord {
        let id = try #require(try harness.records()[harness.photos.path(name)]?.id)
        return try #require(try harness.catalog.image(id: id, collectionId: harness.collection.id!))
    }

    @Test func namesAndMerging() {
        #expect(XMPSidecar.candidateNames(for: "IMG_1.jpg") == ["IMG_1.jpg.xmp", "IMG_1.jpg.XMP", "IMG_1.xmp", "IMG_1.XMP"])
        #expect(XMPSidecar.candidateNames(for: ".hidden") == [".hidden.xmp", ".hidden.XMP"])
        #expect(XMPSidecar.isSidecar(name: "a.jpg.XMP") && !XMPSidecar.isSidecar(name: ".xmp") && !XMPSidecar.isSidecar(name: "a.jpg"))
        let folder = ["IMG_1.jpg", "IMG_1.heic", "IMG_1.xmp", "IMG_10.jpg", "other.png"]
        #expect(XMPSidecar.photoNames(forSidecar: "IMG_1.xmp", among: folder) == ["IMG_1.jpg", "IMG_1.heic"])
        #expect(XMPSidecar.photoNames(forSidecar: "IMG_10.jpg.xmp", among: folder) == ["IMG_10.jpg"])

        let own = PhotoMetadata(keywords: ["heron", "lake"], captions: PhotoCaptions(title: "old", description: "kept", comment: "film"))
        let packet = Array(Self.sidecar(keywords: ["lake", "grey heron"], title: "Heron at dawn").utf8)
        let merged = XMPSidecar.merging(packet, into: own)
        #expect(merged.keywords == ["heron", "lake", "grey heron"])
        #expect(merged.captions == PhotoCaptions(title: "Heron at dawn", description: "kept", comment: "film"))
    }

    /// Read with the photo; an edited sidecar is read again though the photo did not change
    /// (same record, nothing re-decoded for the model); a deleted one takes its words away.
    @Test func readsEditsAndForgetsASidecar() async throws {
        let harness = try IndexerTests.Harness()
        defer { harness.remove() }
        try harness.copy("skimage/rocket.jpg", to: "rocket.jpg")
        try harness.copy("skimage/coffee.png", to: "coffee.png")
        let sidecar = harness.photos.path("rocket.jpg.xmp")
        try write(Self.sidecar(keywords: ["Soyuz", "launch pad"], title: "Baikonur, dawn"), to: sidecar)

        let first = try await harness.index()
        #expect(first.counts.added == 2 && first.counts.failed == 0)
        let rocket = try image(harness, "rocket.jpg")
        #expect(rocket.keywords == ["Soyuz", "launch pad"])
        #expect(rocket.captions?.title == "Baikonur, dawn")
        #expect(rocket.sidecar?.path == sidecar)
        #expect(try image(harness, "coffee.png").sidecar == nil)
        #expect(try find("soyuz baikonur", harness) == [rocket.id!])

        #expect(try await harness.index().counts.unchanged == 2)

        try write(Self.sidecar(keywords: ["Vostok"]), to: sidecar, modifiedAt: Date(timeIntervalSinceNow: 5))
        let edited = try await harness.index()
        #expect(edited.counts.updated == 1 && edited.counts.unchanged == 1)
        let rocketAfterEdit = try image(harness, "rocket.jpg")
        #expect(rocketAfterEdit.id == rocket.id)
        #expect(rocketAfterEdit.keywords == ["Vostok"])
        #expect(rocketAfterEdit.captions?.title == nil)
        #expect(try find("soyuz", harness).isEmpty)

        try FileManager.default.removeItem(atPath: sidecar)
        #expect(try await harness.index().counts.updated == 1)
        let rocketAlone = try image(harness, "rocket.jpg")
        #expect(rocketAlone.keywords.isEmpty && rocketAlone.sidecar == nil)
    }

    /// Lightroom's `photo.xmp` counts too; a sidecar that cannot be read (here: over the size
    /// limit) leaves the photo indexed without it, with a warning, and is tried again next time.
    @Test func readsLightroomNamesAndSurvivesABadSidecar() async throws {
        let harness = try IndexerTests.Harness()
        defer { harness.remove() }
        try harness.copy("skimage/rocket.jpg", to: "DSC_0001.jpg")
        try harness.copy("skimage/coffee.png", to: "cup.png")
        try write(Self.sidecar(keywords: ["espresso"]), to: harness.photos.path("cup.xmp"))
        let huge = String(repeating: " ", count: Int(XMPSidecar.maxBytes) + 1)
        try write(Self.sidecar(keywords: ["never read"]) + huge, to: harness.photos.path("DSC_0001.jpg.xmp"))

        let summary = try await harness.index()
        #expect(summary.counts.added == 2 && summary.counts.failed == 0)
        #expect(try image(harness, "cup.png").keywords == ["espresso"])
        let big = try image(harness, "DSC_0001.jpg")
        #expect(big.keywords.isEmpty && big.sidecar == nil)
        #expect(try await harness.index().counts.updated == 1)  // tried again
    }

    /// A photo moved together with its sidecar keeps its record and reads the sidecar at its
    /// new place.
    @Test func aMovedPhotoKeepsItsRecordAndItsSidecar() async throws {
        let harness = try IndexerTests.Harness()
        defer { harness.remove() }
        try harness.copy("skimage/rocket.jpg", to: "a.jpg")
        try write(Self.sidecar(keywords: ["rocket"]), to: harness.photos.path("a.jpg.xmp"))
        _ = try await harness.index()
        let before = try image(harness, "a.jpg")
        try FileManager.default.moveItem(atPath: harness.photos.path("a.jpg"), toPath: harness.photos.path("b.jpg"))
        try FileManager.default.moveItem(atPath: harness.photos.path("a.jpg.xmp"), toPath: harness.photos.path("b.jpg.xmp"))
        #expect(try await harness.index().counts.moved == 1)
        let after = try image(harness, "b.jpg")
        #expect(after.id == before.id)
        #expect(after.keywords == ["rocket"])
        #expect(after.sidecar?.path == harness.photos.path("b.jpg.xmp"))
        #expect(try await harness.index().counts.unchanged == 1)
    }
}
