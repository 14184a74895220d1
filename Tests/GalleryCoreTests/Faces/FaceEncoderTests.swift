import Foundation
import GalleryTestSupport
import Testing

@testable import GalleryCore

@Suite("Faces: dlib landmarks and descriptors")
struct FaceEncoderTests {
    /// A photo from face_recognition's test images and its face box in the full-size photo, found
    /// once with dlib's HOG frontal face detector (no upsampling) in a throwaway C++ program.
    struct Photo: Sendable, CustomStringConvertible {
        let name: String
        let fullWidth: Double
        let box: FaceBox

        var description: String { name }
    }

    static let obama = Photo(name: "obama.jpg", fullWidth: 910, box: FaceBox(x: 366, y: 136, width: 259, height: 259))
    static let obama2 = Photo(name: "obama2.jpg", fullWidth: 626, box: FaceBox(x: 164, y: 302, width: 311, height: 310))
    static let obama3 = Photo(name: "obama3.jpg", fullWidth: 1434, box: FaceBox(x: 646, y: 302, width: 310, height: 310))
    static let biden = Photo(name: "biden.jpg", fullWidth: 970, box: FaceBox(x: 439, y: 233, width: 311, height: 310))

    static func encoder() throws -> FaceEncoder {
        let folder = try ModelFixtures.folder("faces")
        return try FaceEncoder(
            landmarksPath: folder.appendingPathComponent("shape_predictor_5_face_landmarks.dat").path,
            descriptorPath: folder.appendingPathComponent("dlib_face_recognition_resnet_model_v1.dat").path)
    }

    /// The photo's preview (at most 1000 pixels a side) and its face box scaled to it.
    static func load(_ photo: Photo) throws -> (DecodedImage, FaceBox) {
        let data = try Data(contentsOf: try Fixtures.url("face-recognition/\(photo.name)"))
        let image = try PhotoDecoder().decodePreview(data, maxSide: 1000)
        let scale = Double(image.width) / photo.fullWidth
        let box = FaceBox(x: photo.box.x * scale, y: photo.box.y * scale, width: photo.box.width * scale, height: photo.box.height * scale)
        return (image, box)
    }

    static func describe(_ photo: Photo, with encoder: FaceEncoder) throws -> FaceDescription {
        let (image, box) = try load(photo)
        let faces = try encoder.describe(image, boxes: [box])
        try #require(faces.count == 1)
        return faces[0]
    }

    @Test func samePersonIsCloseAndOthersFar() throws {
        let encoder = try Self.encoder()
        let obama = try Self.describe(Self.obama, with: encoder)
        for other in [Self.obama2, Self.obama3] {
            let distance = FaceDescriptor.distance(obama.descriptor, try Self.describe(other, with: encoder).descriptor)
            #expect(distance < FaceDescriptor.sameFaceThreshold, "obama.jpg vs \(other): \(distance)")
        }
        let distance = FaceDescriptor.distance(obama.descriptor, try Self.describe(Self.biden, with: encoder).descriptor)
        #expect(distance > FaceDescriptor.sameFaceThreshold, "obama.jpg vs biden.jpg: \(distance)")
    }

    @Test(arguments: [obama, obama2, obama3, biden])
    func descriptorsHaveTheUsualLengthAndLandmarksLieInTheBox(photo: Photo) throws {
        let (image, box) = try Self.load(photo)
        let face = try #require(try Self.encoder().describe(image, boxes: [box], includeChips: true).first)
        #expect(face.descriptor.count == FaceDescriptor.length)
        let norm = FaceDescriptor.distance(face.descriptor, [Float](repeating: 0, count: FaceDescriptor.length))
        #expect(norm > 1 && norm < 2, "norm \(norm)")  // dlib's are ~1.4 (1.36-1.41 here)
        #expect(face.landmarks.count == FaceDescriptor.landmarkCount)
        for point in face.landmarks {
            #expect(box.contains(point), "\(point) outside \(box)")
        }
        let chip = try #require(face.chip)
        #expect(chip.count == FaceDescriptor.chipSize * FaceDescriptor.chipSize * 3)
        #expect(Set(chip).count > 50)  // a picture, not a blank
    }

    @Test func severalFacesInOneCallMatchOneByOne() throws {
        let encoder = try Self.encoder()
        let (image, box) = try Self.load(Self.obama)
        let shifted = FaceBox(x: box.x + 4, y: box.y - 3, width: box.width, height: box.height)
        let both = try encoder.describe(image, boxes: [box, shifted])
        let single = try encoder.describe(image, boxes: [shifted])
        #expect(both.count == 2)
        #expect(FaceDescriptor.distance(both[1].descriptor, single[0].descriptor) < 1e-5)
        #expect(both[1].landmarks == single[0].landmarks)
    }

    @Test func concurrentCallsMatchSerialOnes() throws {
        let encoder = try Self.encoder()
        let photos = [Self.obama, Self.obama2, Self.obama3, Self.biden]
        let inputs = try photos.map { try Self.load($0) }
        let serial = try inputs.map { try encoder.describe($0.0, boxes: [$0.1])[0].descriptor }
        let results = ConcurrentResults(count: 4 * inputs.count)
        DispatchQueue.concurrentPerform(iterations: 4) { thread in
            for offset in inputs.indices {
                let index = (thread + offset) % inputs.count
                let (image, box) = inputs[index]
                results.set(thread * inputs.count + index, Result { try encoder.describe(image, boxes: [box])[0].descriptor })
            }
        }
        for (slot, result) in results.values.enumerated() {
            let descriptor = try #require(try result?.get())
            let difference = zip(descriptor, serial[slot % inputs.count]).map { abs($0 - $1) }.max() ?? 1
            #expect(difference < 1e-5, "thread \(slot / inputs.count), \(photos[slot % inputs.count]): \(difference)")
        }
    }

    @Test func emptyBoxesReturnNothingWithoutReadingPixels() throws {
        let encoder = try Self.encoder()
        // Invalid pixels are never looked at when there are no boxes.
        #expect(try encoder.describe(rgb: [], width: 0, height: 0, boxes: []).isEmpty)
        let (image, _) = try Self.load(Self.obama)
        #expect(try encoder.describe(image, boxes: []).isEmpty)
    }

    @Test func emptyBoxIsAnInferenceError() throws {
        let encoder = try Self.encoder()
        let (image, _) = try Self.load(Self.obama)
        #expect {
            try encoder.describe(image, boxes: [FaceBox(x: 10, y: 10, width: 0, height: 40)])
        } throws: { error in
            guard case .inferenceFailed(let message) = error as? FaceModelError else { return false }
            return message.contains("empty")
        }
    }

    @Test func missingModelFileIsNamed() throws {
        let folder = try ModelFixtures.folder("faces")
        let missing = folder.appendingPathComponent("no-such-model.dat").path
        #expect(throws: FaceModelError.missingFile(path: missing)) {
            try FaceEncoder(
                landmarksPath: folder.appendingPathComponent("shape_predictor_5_face_landmarks.dat").path,
                descriptorPath: missing)
        }
        #expect(FaceModelError.missingFile(path: missing).description.contains(missing))
    }

    @Test func wrongModelFileFailsToLoadNamingIt() throws {
        let landmarks = try ModelFixtures.folder("faces").appendingPathComponent("shape_predictor_5_face_landmarks.dat").path
        // The shape predictor is not a network: dlib's deserialisation fails.
        #expect {
            try FaceEncoder(landmarksPath: landmarks, descriptorPath: landmarks)
        } throws: { error in
            guard case .loadFailed(let message) = error as? FaceModelError else { return false }
            return message.contains(landmarks)
        }
    }

    @Test func distanceIsEuclidean() {
        #expect(FaceDescriptor.distance([0, 0, 0], [3, 4, 0]) == 5)
        #expect(FaceDescriptor.distance([1, 2], [1, 2]) == 0)
    }
}

/// Results written from several threads, one slot each.
private final class ConcurrentResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<[Float], any Error>?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: Result<[Float], any Error>) {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = result
    }

    var values: [Result<[Float], any Error>?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
