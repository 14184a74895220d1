import Foundation
import Testing

@testable import GalleryCore

@Suite("Imaging: EXIF reader")
struct ImagingExifReaderTests {
    private func sample(bigEndian: Bool) -> TIFFBuilder {
        var builder = TIFFBuilder(bigEndian: bigEndian)
        builder.ifd0 = [
            (0x010F, .ascii("  Canon\u{0}\u{0} ")), (0x0110, .ascii("EOS R5")), (0x0112, .short(6)),
            (0x0132, .ascii("2020:01:01 00:00:00")),
        ]
        builder.exif = [
            (0x829A, .rationals([(1, 250)])), (0x829D, .rationals([(28, 10)])), (0x8827, .short(400)),
            (0x9003, .ascii("2024:06:01 14:30:05")), (0x9011, .ascii("+02:00")),
            (0x920A, .rationals([(50, 1)])), (0xA434, .ascii("RF50mm F1.8 STM")),
        ]
        builder.gps = [
            (1, .ascii("S")), (2, .rationals([(33, 1), (51, 1), (3054, 100)])),
            (3, .ascii("W")), (4, .rationals([(151, 1), (12, 1), (3600, 100)])),
            (5, .byte(1)), (6, .rationals([(125, 10)])),
        ]
        return builder
    }

    @Test(arguments: [false, true])
    func readsAllFieldsInEitherByteOrder(bigEndian: Bool) throws {
        let metadata = ExifReader.read(sample(bigEndian: bigEndian).block())
        #expect(metadata.cameraMake == "Canon")
        #expect(metadata.cameraModel == "EOS R5")
        #expect(metadata.lensModel == "RF50mm F1.8 STM")
        #expect(metadata.orientation == 6)
        #expect(metadata.exposureTime == 1.0 / 250)
        #expect(metadata.fNumber == 2.8)
        #expect(metadata.iso == 400)
        #expect(metadata.focalLength == 50)
        // 14:30:05 at +02:00 is 12:30:05 UTC.
        #expect(metadata.takenAt == Date(timeIntervalSince1970: 1_717_245_005))
        #expect(metadata.takenAtOffset == "+02:00")
        let latitude = try #require(metadata.latitude)
        let longitude = try #require(metadata.longitude)
        #expect(abs(latitude - -(33 + 51.0 / 60 + 30.54 / 3600)) < 1e-9)
        #expect(abs(longitude - -(151 + 12.0 / 60 + 36.0 / 3600)) < 1e-9)
        #expect(metadata.altitude == -12.5)
    }

    @Test func readsLocalTimeAsUTCWithoutOffsetAndFallsBack() {
        var builder = TIFFBuilder()
        builder.ifd0 = [(0x0132, .ascii("2001:02:03 04:05:06"))]
        builder.exif = [(0x9003, .ascii("0000:00:00 00:00:00"))]
        let metadata = ExifReader.read(builder.block())
        #expect(metadata.takenAt == Date(timeIntervalSince1970: 981_173_106))
        #expect(metadata.takenAtOffset == nil)
    }

    @Test func dropsEmptyStringsAndAbsentFields() {
        var builder = TIFFBuilder()
        builder.ifd0 = [(0x010F, .ascii("   ")), (0x0112, .short(42))]
        let metadata = ExifReader.read(builder.block())
        #expect(metadata == PhotoMetadata())
    }

    @Test func survivesCyclesAndWildOffsets() {
        // IFD0 whose Exif pointer is IFD0 itself, and whose entry counts and offsets point anywhere.
        var builder = TIFFBuilder()
        builder.ifd0 = [(0x8769, .long(8)), (0x8825, .long(0xFFFF_FFF0)), (0x010F, .ascii("Loop camera"))]
        let metadata = ExifReader.read(builder.block())
        #expect(metadata.cameraMake == "Loop camera")

        var huge: [UInt8] = Array("Exif\u{0}\u{0}II*\u{0}".utf8) + [8, 0, 0, 0, 0xFF, 0xFF]
        huge += [0x0F, 0x01, 2, 0, 0xFF, 0xFF, 0xFF, 0x7F, 0x10, 0, 0, 0]  // a 2 GB string
        #expect(ExifReader.read(huge) == PhotoMetadata())
    }

    @Test func neverCrashesOnTruncatedOrMutatedBlocks() {
        let block = sample(bigEndian: false).block()
        for length in 0...block.count {
            _ = ExifReader.read(Array(block.prefix(length)))
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var mutated = block
            for _ in 0..<4 {
                mutated[Int.random(in: 6..<mutated.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            _ = ExifReader.read(mutated)
        }
    }

    @Test func parsesOffsets() {
        #expect(ExifDate.offsetSeconds("+05:30") == 19_800)
        #expect(ExifDate.offsetSeconds("-03:00") == -10_800)
        #expect(ExifDate.offsetSeconds("   :  ") == nil)
        #expect(ExifDate.offsetSeconds("+25:00") == nil)
    }
}
