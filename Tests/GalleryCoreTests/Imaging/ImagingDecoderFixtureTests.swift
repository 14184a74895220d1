import Foundation
import GalleryTestSupport
import Testing

@testable import GalleryCore

@Suite("Imaging: decoding real files")
struct ImagingDecoderFixtureTests {
    let decoder = PhotoDecoder()

    @Test(arguments: [
        ("pillow/hopper.jpg", ImageFormat.jpeg), ("pillow/hopper.png", .png), ("pillow/hopper.webp", .webp),
        ("pillow/hopper.gif", .gif), ("pillow/hopper.tif", .tiff), ("pillow/hopper.bmp", .bmp),
        ("pillow/avif/hopper.avif", .avif), ("pillow/avif/hopper.heif", .heic),
        ("pillow-heif/heif_other/pug.heic", .heic),
    ])
    func everyFormatDecodes(path: String, format: ImageFormat) throws {
        let data = try ImagingFixtures.data(path)
        let info = try decoder.inspect(data)
        #expect(info.format == format)
        let preview = try decoder.decodePreview(data, maxSide: 64)
        #expect(max(preview.width, preview.height) == min(64, max(info.width, info.height)))
        #expect(abs(Double(preview.width) / Double(preview.height) - Double(info.width) / Double(info.height)) < 0.1)
        let rgb = try preview.rgbBytes()
        #expect(rgb.count == preview.width * preview.height * 3)
        #expect(Set(rgb).count > 10)  // real picture content, not a blank
        #expect(try preview.jpegData(quality: 80).starts(with: [0xFF, 0xD8, 0xFF]))
        #expect(try preview.webpData(quality: 80).dropFirst(8).starts(with: Array("WEBP".utf8)))
    }

    @Test func neverUpscalesAndResizes() throws {
        let preview = try decoder.decodePreview(try ImagingFixtures.data("pillow/hopper.png"), maxSide: 4_000)
        #expect((preview.width, preview.height) == (128, 128))
        let smaller = try preview.resized(toFit: 50)
        #expect((smaller.width, smaller.height) == (50, 50))
        let same = try preview.resized(toFit: 500)
        #expect((same.width, same.height) == (128, 128))
    }

    @Test func flattensAlphaOnWhite() throws {
        // transparent.png is fully transparent in its corner.
        let preview = try decoder.decodePreview(try ImagingFixtures.data("pillow/transparent.png"), maxSide: 64)
        #expect(preview.hasAlpha)
        let rgb = try preview.rgbBytes()
        #expect(Array(rgb.prefix(3)) == [255, 255, 255])
    }

    /// Values cross-checked with Pillow + pillow-heif (`Image.getexif()`).
    @Test func readsPugHEICMetadata() throws {
        let info = try decoder.inspect(try ImagingFixtures.data("pillow-heif/heif_other/pug.heic"))
        #expect((info.width, info.height) == (4032, 3024))
        let metadata = info.metadata
        #expect(metadata.cameraMake == "Apple")
        #expect(metadata.cameraModel == "iPhone 13 Pro")
        #expect(metadata.lensModel == "iPhone 13 Pro back dual wide camera 5.7mm f/1.5")
        // 2023:02:21 14:33:08 at +03:00.
        #expect(metadata.takenAt == Date(timeIntervalSince1970: 1_676_979_188))
        #expect(metadata.takenAtOffset == "+03:00")
        #expect(abs(try #require(metadata.latitude) - 44.850477777777776) < 1e-9)
        #expect(abs(try #require(metadata.longitude) - 34.976647222222226) < 1e-9)
        #expect(abs(try #require(metadata.altitude) - 29.135532387626046) < 1e-9)
        #expect(metadata.orientation == 1)
        #expect(metadata.iso == 125)
        #expect(metadata.fNumber == 1.5)
        #expect(metadata.focalLength == 5.7)
        #expect(abs(try #require(metadata.exposureTime) - 1.0 / 121) < 1e-9)
    }

    @Test func readsXiaomiGPS() throws {
        let metadata = try decoder.inspect(try ImagingFixtures.data("pillow-heif/heif_special/xiaomi.heic")).metadata
        #expect(metadata.cameraMake == "Xiaomi")
        #expect(abs(try #require(metadata.latitude) - 47.227288899722225) < 1e-9)
        #expect(abs(try #require(metadata.longitude) - 39.69999219972222) < 1e-9)
        #expect(abs(try #require(metadata.altitude) - 95.8) < 1e-9)
    }

    @Test(arguments: [
        ("r_canon.jpg", "Canon", "Canon PowerShot G1 X Mark II"), ("r_sony.jpg", "SONY", "DSC-RX1R"),
        ("r_olympus.jpg", "OLYMPUS IMAGING CORP.", "STYLUS1"), ("r_pana.jpg", "Panasonic", "DMC-L10"),
        ("r_casio.jpg", "CASIO COMPUTER CO.,LTD.", "EX-100"), ("r_ricoh.jpg", "PENTAX RICOH IMAGING", "GR"),
        ("r_sigma.jpg", "SIGMA", "SIGMA DP3 Merrill"),
    ])
    func readsMakerJPEGs(file: String, make: String, model: String) throws {
        let metadata = try decoder.inspect(try ImagingFixtures.data("piexif/\(file)")).metadata
        #expect(metadata.cameraMake == make)
        #expect(metadata.cameraModel == model)
        #expect(metadata.takenAt != nil)
    }

    @Test func readsKeywordsFromIPTCAndXMP() throws {
        let iptc = try decoder.inspect(try ImagingFixtures.data("pillow/iptc.jpg")).metadata
        #expect(iptc.keywords == ["HvK", "2006", "summer", "July", "holiday", "Hungary", "Budapest"])
        for path in ["xmp.jpeg", "xmp.png", "xmp.webp", "xmp.tiff"] {
            let xmp = try decoder.inspect(try ImagingFixtures.data("pillow-heif/non_heif/\(path)")).metadata
            #expect(xmp.keywords == ["TestSubject"], "\(path)")
        }
    }

    /// Sony stores this one as 7008x4672 with a 90° `irot`; Pillow + pillow-heif (libheif 1.23)
    /// report 4672x7008. Debian's libvips 8.14 cannot decode it, so previews use libheif directly.
    @Test func reportsAndDecodesRotatedHEIFUpright() throws {
        let data = try ImagingFixtures.data("pillow-heif/heif_special/guitar_cw90.hif")
        let info = try decoder.inspect(data)
        #expect((info.width, info.height) == (4672, 7008))
        let preview = try decoder.decodePreview(data, maxSide: 300)
        #expect((preview.width, preview.height) == (200, 300))
    }

    @Test func appliesEXIFOrientationToJPEG() throws {
        // A 4:3 JPEG of our own, given an APP1 EXIF segment saying "rotate 90° clockwise" (6).
        let landscape = try decoder.decodePreview(
            try ImagingFixtures.data("pillow-heif/heif_other/pug.heic"), maxSide: 160
        ).jpegData(quality: 80)
        var exif = TIFFBuilder()
        exif.ifd0 = [(0x0112, .short(6))]
        let segment = exif.block()
        let app1: [UInt8] = [0xFF, 0xE1, UInt8((segment.count + 2) >> 8), UInt8((segment.count + 2) & 0xFF)] + segment
        let rotated = Data([0xFF, 0xD8] + app1 + Array(landscape.dropFirst(2)))

        let info = try decoder.inspect(rotated)
        #expect(info.metadata.orientation == 6)
        #expect((info.width, info.height) == (120, 160))
        let preview = try decoder.decodePreview(rotated, maxSide: 1_000)
        #expect((preview.width, preview.height) == (120, 160))
    }

    @Test func refuses200MegapixelHEICFromItsHeader() throws {
        let data = try ImagingFixtures.data("pillow-heif/heif_special/200MP.heic")
        #expect(throws: ImagingError.tooManyPixels(width: 12240, height: 16320, limit: 100_000_000)) {
            try decoder.inspect(data)
        }
        #expect(throws: ImagingError.tooManyPixels(width: 12240, height: 16320, limit: 100_000_000)) {
            try decoder.decodePreview(data, maxSide: 256)
        }
    }

    /// The indexer decodes several files at once; libvips and libheif must cope.
    @Test func decodesConcurrently() async throws {
        let paths = [
            "pillow/hopper.jpg", "pillow/hopper.webp", "pillow/avif/hopper.avif", "pillow/hopper.bmp",
            "pillow-heif/heif_special/xiaomi.heic", "pillow/hopper.tif", "pillow/truncated_jpeg.jpg",
        ]
        let inputs = try paths.map(ImagingFixtures.data)
        let decoder = decoder
        let serial = inputs.map { try? decoder.decodePreview($0, maxSide: 100).rgbBytes() }
        let parallel = await withTaskGroup(of: (Int, [UInt8]?).self) { group in
            for _ in 0..<3 {
                for (index, data) in inputs.enumerated() {
                    group.addTask { (index, try? decoder.decodePreview(data, maxSide: 100).rgbBytes()) }
                }
            }
            return await group.reduce(into: [(Int, [UInt8]?)]()) { $0.append($1) }
        }
        #expect(parallel.count == inputs.count * 3)
        for (index, bytes) in parallel {
            #expect(bytes == serial[index], "\(paths[index])")
        }
        #expect(serial.last! == nil)  // the truncated one fails every time
    }

    @Test func takesFirstFrameOfAnimations() throws {
        let preview = try decoder.decodePreview(try ImagingFixtures.data("pillow/dispose_bgnd.gif"), maxSide: 512)
        let info = try decoder.inspect(try ImagingFixtures.data("pillow/dispose_bgnd.gif"))
        #expect((preview.width, preview.height) == (info.width, info.height))
    }
}
