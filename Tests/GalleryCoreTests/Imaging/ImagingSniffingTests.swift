import Testing

@testable import GalleryCore

@Suite("Imaging: format sniffing")
struct ImagingSniffingTests {
    private func ftyp(major: String, compatible: [String]) -> [UInt8] {
        let size = 16 + 4 * compatible.count
        return [0, 0, 0, UInt8(size)] + Array("ftyp".utf8) + Array(major.utf8) + [0, 0, 0, 0]
            + compatible.flatMap { Array($0.utf8) }
    }

    private func bmp(dibSize: UInt8 = 40, width: Int32 = 4, height: Int32 = -3) -> [UInt8] {
        func le32(_ value: Int32) -> [UInt8] { withUnsafeBytes(of: value.littleEndian, Array.init) }
        return Array("BM".utf8) + le32(100) + [0, 0, 0, 0] + le32(14 + Int32(dibSize)) + [dibSize, 0, 0, 0]
            + le32(width) + le32(height) + [1, 0, 24, 0]
    }

    @Test func recognisesMagicNumbers() {
        #expect(ImageFormat.sniff([0xFF, 0xD8, 0xFF, 0xE0]) == .jpeg)
        #expect(ImageFormat.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]) == .png)
        #expect(ImageFormat.sniff(Array("GIF89a".utf8)) == .gif)
        #expect(ImageFormat.sniff(Array("GIF87a".utf8)) == .gif)
        #expect(ImageFormat.sniff(Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8)) == .webp)
        #expect(ImageFormat.sniff([0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0]) == .tiff)
        #expect(ImageFormat.sniff([0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8]) == .tiff)
        #expect(ImageFormat.sniff(bmp()) == .bmp)
    }

    @Test func readsISOMediaBrands() {
        #expect(ImageFormat.sniff(ftyp(major: "heic", compatible: ["mif1", "heic"])) == .heic)
        #expect(ImageFormat.sniff(ftyp(major: "avif", compatible: ["mif1", "miaf"])) == .avif)
        #expect(ImageFormat.sniff(ftyp(major: "avis", compatible: [])) == .avif)
        #expect(ImageFormat.sniff(ftyp(major: "mif1", compatible: ["mif1", "avif", "miaf"])) == .avif)
        #expect(ImageFormat.sniff(ftyp(major: "mif1", compatible: ["mif1", "heic"])) == .heic)
        #expect(ImageFormat.sniff(ftyp(major: "msf1", compatible: [])) == .heic)
        #expect(ImageFormat.sniff(ftyp(major: "isom", compatible: ["mp41", "avc1"])) == nil)  // an MP4 video
    }

    @Test func refusesLookalikes() {
        #expect(ImageFormat.sniff([UInt8]()) == nil)
        #expect(ImageFormat.sniff([0xFF, 0xD8]) == nil)
        #expect(ImageFormat.sniff(Array("%PDF-1.4\n".utf8)) == nil)
        #expect(ImageFormat.sniff(Array("<svg xmlns=".utf8)) == nil)
        #expect(ImageFormat.sniff(Array("RIFF\u{0}\u{0}\u{0}\u{0}WAVEfmt ".utf8)) == nil)
        #expect(ImageFormat.sniff(Array("BM some text that is not a bitmap".utf8)) == nil)
        #expect(ImageFormat.sniff(bmp(dibSize: 99)) == nil)
        #expect(ImageFormat.sniff(bmp(width: 0)) == nil)
    }

    @Test func readsBitmapDimensions() throws {
        let header = try #require(BMPHeader(bmp(width: 640, height: -480)))
        #expect((header.width, header.height) == (640, 480))
    }
}
