import Foundation
import Testing

@testable import GalleryCore

@Suite("Imaging: refusing bad input")
struct ImagingBadInputTests {
    let decoder = PhotoDecoder()

    /// A PNG signature and an IHDR chunk (valid CRC) declaring `width` x `height`, then nothing.
    private func pngHeader(width: UInt32, height: UInt32) -> Data {
        func be32(_ value: UInt32) -> [UInt8] { withUnsafeBytes(of: value.bigEndian, Array.init) }
        let chunk = Array("IHDR".utf8) + be32(width) + be32(height) + [8, 2, 0, 0, 0]
        let idat = Array("IDAT".utf8) + [0x78, 0x9C, 0x03, 0x00]
        return Data(
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be32(13) + chunk + be32(crc32(chunk))
                + be32(4) + idat + be32(crc32(idat)))
    }

    /// PNG's CRC-32 (polynomial 0xEDB88320), bit by bit.
    private func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    @Test func checksumMatchesKnownValue() {
        #expect(crc32(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test func refusesEmptyData() {
        #expect(throws: ImagingError.empty) { try decoder.inspect(Data()) }
        #expect(throws: ImagingError.empty) { try decoder.decodePreview(Data(), maxSide: 256) }
    }

    @Test func refusesRandomBytes() {
        var generator = SystemRandomNumberGenerator()
        let noise = Data((0..<4_096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let data = noise.first == 0xFF || noise.first == 0x89 ? Data([0]) + noise : noise
        #expect(throws: ImagingError.unsupportedFormat) { try decoder.inspect(data) }
        #expect(throws: ImagingError.unsupportedFormat) { try decoder.decodePreview(data, maxSide: 256) }
    }

    @Test func refusesPDFWhateverItsName() {
        // A PDF declaring a 100000 x 100000 point page: libvips' generic loader would render it.
        let pdf = Data(
            """
            %PDF-1.4
            1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
            2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
            3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 100000 100000] >> endobj
            trailer << /Root 1 0 R >>
            %%EOF
            """.utf8)
        #expect(throws: ImagingError.unsupportedFormat) { try decoder.inspect(pdf) }
        #expect(throws: ImagingError.unsupportedFormat) { try decoder.decodePreview(pdf, maxSide: 256) }
    }

    @Test func refusesDecompressionBombFromHeader() {
        let bomb = pngHeader(width: 100_000, height: 100_000)
        let expected = ImagingError.tooManyPixels(width: 100_000, height: 100_000, limit: 100_000_000)
        #expect(throws: expected) { try decoder.inspect(bomb) }
        #expect(throws: expected) { try decoder.decodePreview(bomb, maxSide: 256) }
    }

    @Test func honoursCustomLimits() throws {
        let data = try ImagingFixtures.data("pillow/hopper.png")
        let tight = PhotoDecoder(limits: ImageLimits(maxPixels: 1_000, maxFileBytes: 1 << 20))
        #expect(throws: ImagingError.tooManyPixels(width: 128, height: 128, limit: 1_000)) {
            try tight.inspect(data)
        }
        let tiny = PhotoDecoder(limits: ImageLimits(maxFileBytes: 100))
        #expect(throws: ImagingError.fileTooLarge(bytes: Int64(data.count), limit: 100)) {
            try tiny.decodePreview(data, maxSide: 64)
        }
    }

    @Test func reportsTruncatedJPEG() throws {
        let jpeg = try ImagingFixtures.data("pillow/hopper.jpg")
        let half = jpeg.prefix(jpeg.count / 2)
        _ = try? decoder.inspect(half)  // the header alone may well be intact
        do {
            _ = try decoder.decodePreview(half, maxSide: 256)
            Issue.record("a half JPEG decoded")
        } catch {
            switch error {
            case .truncated, .corrupt: break
            default: Issue.record("unexpected \(error)")
            }
        }
    }

    @Test func reportsTruncatedHEIC() throws {
        let data = try ImagingFixtures.data("pillow-heif/heif_truncated/truncated.heic")
        #expect(throws: ImagingError.self) { try decoder.decodePreview(data, maxSide: 256) }
    }
}
