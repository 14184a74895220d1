import Foundation
import GalleryTestSupport
import Testing

@testable import GalleryCore

@Suite("Face analysis on awkward photos")
struct FaceAnalyzerTests {
    static func analyzer(_ settings: FaceDetectorSettings = FaceDetectorSettings()) throws -> FaceAnalyzer {
        try FaceAnalyzer(settings: settings, modelsFolder: FaceFixtures.modelsFolder(), runtime: FaceFixtures.runtime())
    }

    /// `jpeg` with an EXIF block saying "turn 90 degrees clockwise to display" (orientation 6).
    static func withOrientation6(_ jpeg: Data) -> Data {
        let exif = TIFFBuilder(ifd0: [(0x0112, .short(6))]).block()
        let length = UInt16(exif.count + 2)
        return jpeg.prefix(2) + Data([0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + exif) + jpeg.dropFirst(2)
    }

    @Test("a photo stored sideways with an EXIF orientation is analysed upright")
    func exifOrientation() throws {
        let upright = try FaceFixtures.preview("face-recognition/obama.jpg", maxSide: 800)
        // Stored turned a quarter anticlockwise; orientation 6 turns it back for display.
        let stored = Self.withOrientation6(try upright.turned(quarterTurns: 3).jpegData(quality: 90))
        let decoded = try PhotoDecoder().decodePreview(stored, maxSide: 800)
        #expect(decoded.width == upright.width && decoded.height == upright.height)
        let faces = try Self.analyzer().analyze(decoded)
        #expect(faces.count == 1)
        let reference = try Self.analyzer().analyze(upright)
        #expect(try #require(faces.first).box.overlap(try #require(reference.first).box) > 0.8)
        #expect(FaceDescriptor.distance(faces[0].descriptor, reference[0].descriptor) < 0.2)
    }

    @Test("a face lying on its side is described upright: it matches the same person")
    func sidewaysFace() throws {
        let upright = try FaceFixtures.preview("face-recognition/obama2.jpg", maxSide: 800)
        let reference = try #require(try Self.analyzer().analyze(upright).first)
        for turns in [1, 2, 3] {
            let face = try #require(try Self.analyzer().analyze(upright.turned(quarterTurns: turns)).first, "\(turns)")
            #expect(FaceDescriptor.distance(face.descriptor, reference.descriptor) < 0.4, "\(turns) quarter turns")
        }
    }

    @Test("fifty faces in one picture: found, described, no crash")
    func fiftyFaces() throws {
        let people = ["obama.jpg", "obama2.jpg", "obama3.jpg", "biden.jpg"]
        let photos = try people.map { try FaceFixtures.preview("face-recognition/\($0)", maxSide: 1440).resized(toFit: 144) }
        let cell = 144
        var canvas = [UInt8](repeating: 200, count: 1440 * 720 * 3)
        for index in 0..<50 {
            let photo = photos[index % photos.count]
            let pixels = try photo.rgbBytes()
            let left = (index % 10) * cell + (cell - photo.width) / 2
            let top = (index / 10) * cell + (cell - photo.height) / 2
            for row in 0..<photo.height {
                for column in 0..<photo.width {
                    let to = ((top + row) * 1440 + left + column) * 3
                    let from = (row * photo.width + column) * 3
                    canvas[to..<(to + 3)] = pixels[from..<(from + 3)]
                }
            }
        }
        let faces = try Self.analyzer().analyze(DecodedImage(rgb: canvas, width: 1440, height: 720))
        // The faces are about 36 pixels wide: at the edge of what the tiles find (20 here; 26 with
        // 4x4 tiles; see README "Faces").
        #expect(faces.count >= 15, "found \(faces.count) of 50")
        #expect(faces.count <= 50)
        #expect(faces.allSatisfy { $0.descriptor.count == 128 && $0.chip != nil })
    }

    @Test("tiny, CMYK, greyscale and faceless images: sensible results, no crash")
    func awkwardImages() throws {
        let analyzer = try Self.analyzer()
        for side in [1, 2, 9] {
            let tiny = try FaceFixtures.preview("skimage/astronaut.png").resized(toFit: side)
            #expect(try analyzer.analyze(tiny).isEmpty)
        }
        for file in ["pillow/pil_sample_cmyk.jpg", "pillow/tiff_strip_cmyk_jpeg.tif", "skimage/camera.png", "skimage/brick.png"] {
            _ = try analyzer.analyze(FaceFixtures.preview(file))
        }
        // The cameraman (a greyscale photo of a man) has a face.
        #expect(try analyzer.analyze(FaceFixtures.preview("skimage/camera.png")).count == 1)
    }

    @Test("a face cut by the border is kept, its box clamped to the image")
    func faceAtTheBorder() throws {
        let faces = try Self.analyzer().analyze(FaceFixtures.preview("face-recognition/obama_partial_face.jpg"))
        let face = try #require(faces.first)
        #expect(face.box.x >= 0 && face.box.x + face.box.width <= 1 + 1e-9)
        #expect(face.box.y >= 0 && face.box.y + face.box.height <= 1 + 1e-9)
        #expect(face.box.x == 0)
    }
}
