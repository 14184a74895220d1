import Foundation
import GalleryTestSupport
import Testing

@testable import GalleryCore

@Suite("Keywords: captions read from real photos")
struct KeywordCaptionReadingTests {
    let decoder = PhotoDecoder()

    /// White House photos (face_recognition's test images) carry the same caption in XMP
    /// `dc:description`, IPTC Caption-Abstract and EXIF ImageDescription: it is kept once.
    @Test func readsTheDescriptionOnceFromXMPIPTCAndEXIF() throws {
        let captions = try decoder.inspect(try ImagingFixtures.data("face-recognition/obama.jpg")).metadata.captions
        let description = try #require(captions.description)
        #expect(description.hasPrefix("President Barack Obama is photographed during a presidential portrait sitting"))
        #expect(description.components(separatedBy: "Oval Office").count == 2)
    }

    @Test func longCaptionsKeepTheirText() throws {
        let captions = try decoder.inspect(try ImagingFixtures.data("face-recognition/biden.jpg")).metadata.captions
        #expect(captions.description?.contains("Solicitor General Elena Kagan") == true)
    }

    /// Olympus writes "OLYMPUS DIGITAL CAMERA" into ImageDescription and a blank UserComment.
    @Test func dropsCameraBoilerplate() throws {
        for file in ["piexif/r_olympus.jpg", "piexif/r_canon.jpg", "piexif/r_sony.jpg", "pillow/hopper.tif"] {
            let captions = try decoder.inspect(try ImagingFixtures.data(file)).metadata.captions
            #expect(captions.isEmpty, "\(file): \(captions)")
        }
    }

    @Test func readsTitleHeadlineAndDescriptionFromXMP() {
        let xmp = """
            <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" photoshop:Headline="Sand &amp; sea">
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Beach party</rdf:li></rdf:Alt></dc:title>
            <dc:description><rdf:Alt><rdf:li xml:lang="x-default">Friends at Sitges</rdf:li>
            <rdf:li xml:lang="de">Freunde in Sitges</rdf:li></rdf:Alt></dc:description>
            </rdf:Description></rdf:RDF></x:xmpmeta>
            """
        let captions = CaptionReader.captions(xmp: Array(xmp.utf8), iptc: nil, exif: PhotoCaptions(comment: "  shot on film "))
        #expect(captions.title == "Beach party")
        #expect(captions.headline == "Sand & sea")
        #expect(captions.description == "Friends at Sitges\nFreunde in Sitges")
        #expect(captions.comment == "shot on film")
    }

    @Test func readsIPTCObjectNameHeadlineAndCaption() {
        func record(_ dataset: UInt8, _ text: String) -> [UInt8] {
            let bytes = Array(text.utf8)
            return [0x1C, 2, dataset, UInt8(bytes.count >> 8), UInt8(bytes.count & 0xFF)] + bytes
        }
        let iim = record(5, "Harbour") + record(105, "Boats at dawn") + record(120, "Fishing boats leave Cadaqués") + record(25, "sea")
        let captions = CaptionReader.captions(xmp: nil, iptc: iim, exif: PhotoCaptions())
        #expect(captions == PhotoCaptions(title: "Harbour", headline: "Boats at dawn", description: "Fishing boats leave Cadaqués"))
        #expect(IPTCBlock.keywords(iim) == ["sea"])
    }

    /// Photos indexed before captions were read get them from their file, once.
    @Test func theBackfillReadsOnlyPhotosWithoutCaptions() throws {
        let fixture = try KeywordCatalogFixture()
        let photo = try fixture.add(try Fixtures.path("face-recognition/obama.jpg"))
        let gone = try fixture.add("/no/such/photo.jpg")
        let read = try fixture.add(try Fixtures.path("face-recognition/biden.jpg")) { $0.captions = PhotoCaptions(title: "kept") }
        let backfill = CaptionBackfill(catalog: fixture.catalog, decoder: decoder)
        #expect(try backfill.run(collectionId: fixture.collectionId) == 2)
        #expect(try backfill.run(collectionId: fixture.collectionId) == 0)
        let captions = try fixture.catalog.image(id: photo, collectionId: fixture.collectionId)?.captions
        #expect(captions?.description?.contains("Oval Office") == true)
        #expect(try fixture.catalog.image(id: gone, collectionId: fixture.collectionId)?.captions == PhotoCaptions())
        #expect(try fixture.catalog.image(id: read, collectionId: fixture.collectionId)?.captions == PhotoCaptions(title: "kept"))
        #expect(try fixture.find("oval office portrait") == [photo])
    }
}
