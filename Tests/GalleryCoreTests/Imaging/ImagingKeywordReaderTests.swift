import Testing

@testable import GalleryCore

@Suite("Imaging: keyword reader")
struct ImagingKeywordReaderTests {
    private let xmp = """
        <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Not a keyword</rdf:li></rdf:Alt></dc:title>
        <dc:subject><rdf:Bag>
          <rdf:li>beach</rdf:li><rdf:li> Fish &amp; Chips </rdf:li><rdf:li/><rdf:li>caf&#xE9;</rdf:li>
        </rdf:Bag></dc:subject>
        </rdf:Description></rdf:RDF></x:xmpmeta>
        """

    /// A Photoshop APP13 block holding an IPTC IIM resource (0x0404).
    private func photoshop(keywords: [String], utf8Marker: Bool = true) -> [UInt8] {
        var iim: [UInt8] = []
        if utf8Marker { iim += [0x1C, 1, 90, 0, 3, 0x1B, 0x25, 0x47] }
        for keyword in keywords {
            let bytes = Array(keyword.utf8)
            iim += [0x1C, 2, 25, UInt8(bytes.count >> 8), UInt8(bytes.count & 0xFF)] + bytes
        }
        let size = iim.count
        var block = Array("Photoshop 3.0\u{0}".utf8)
        block += Array("8BIM".utf8) + [0x03, 0xED, 0, 0] + [0, 0, 0, 10] + [UInt8](repeating: 0, count: 10)
        block += Array("8BIM".utf8) + [0x04, 0x04, 0, 0]
        block += [UInt8(size >> 24), UInt8(size >> 16 & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size & 0xFF)] + iim
        return block
    }

    @Test func readsXMPSubjects() {
        #expect(KeywordReader.xmpSubjects(Array(xmp.utf8)) == ["beach", " Fish & Chips ", "café"])
    }

    @Test func mergesXMPAndIPTCKeepingOrder() {
        let keywords = KeywordReader.keywords(
            xmp: Array(xmp.utf8), iptc: photoshop(keywords: ["holiday", "beach", "Zürich", " "]))
        #expect(keywords == ["beach", "Fish & Chips", "café", "holiday", "Zürich"])
    }

    @Test func readsBareIIMAndLatin1() {
        let bare: [UInt8] = [0x1C, 2, 25, 0, 4, 0x63, 0x61, 0x66, 0xE9]  // "café" in Latin-1
        #expect(KeywordReader.keywords(xmp: nil, iptc: bare) == ["café"])
    }

    @Test func neverCrashesOnDamagedBlocks() {
        let block = photoshop(keywords: ["one", "two", "three"])
        for length in 0...block.count {
            _ = KeywordReader.keywords(xmp: Array(xmp.utf8.prefix(length)), iptc: Array(block.prefix(length)))
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var mutated = block
            mutated[Int.random(in: 0..<mutated.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            _ = KeywordReader.keywords(xmp: nil, iptc: mutated)
        }
        // An extended-length record claiming more bytes than exist.
        _ = KeywordReader.keywords(xmp: nil, iptc: [0x1C, 2, 25, 0x80, 4, 0x7F, 0xFF, 0xFF, 0xFF, 1])
    }
}
