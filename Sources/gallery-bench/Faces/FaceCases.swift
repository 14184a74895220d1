import Foundation
import GalleryCore

/// The labelled photos the face benchmark runs on: real photos of known people
/// (`face_recognition`'s test images, scikit-image's astronaut), copies made from them (turned,
/// small on a large background, greyscale, several people in one group picture), and photos
/// without faces.
struct FaceCase {
    /// Where a face is expected, in pixels of the case's image, and whose it is.
    struct Region {
        var x: Int
        var y: Int
        var width: Int
        var height: Int
        var identity: String

        func contains(_ point: FacePoint) -> Bool {
            point.x >= Double(x) && point.x < Double(x + width) && point.y >= Double(y) && point.y < Double(y + height)
        }
    }

    var name: String
    /// real, turned, small, greyscale, group, no face.
    var kind: String
    var image: DecodedImage
    var regions: [Region]

    /// Real photos of known people, by file (relative to the fixtures folder).
    static let people: [(file: String, identity: String)] = [
        ("face-recognition/obama.jpg", "obama"), ("face-recognition/obama2.jpg", "obama"),
        ("face-recognition/obama3.jpg", "obama"), ("face-recognition/32bit.png", "obama"),
        ("face-recognition/obama_partial_face.jpg", "obama"), ("face-recognition/obama_partial_face2.jpg", "obama"),
        ("face-recognition/biden.jpg", "biden"), ("skimage/astronaut.png", "collins"),
    ]
    /// Photos without a human face.
    static let noFaces = [
        "skimage/chelsea.png", "skimage/coffee.png", "skimage/rocket.jpg", "skimage/brick.png", "skimage/coins.png",
        "skimage/horse.png", "skimage/hubble_deep_field.jpg", "skimage/motorcycle_left.png", "skimage/page.png",
        "skimage/retina.jpg", "skimage/text.png", "skimage/grass.png", "skimage/gravel.png", "skimage/logo.png",
    ]

    static func load(fixtures: URL) throws -> [FaceCase] {
        let decoder = PhotoDecoder()
        func decode(_ file: String) throws -> DecodedImage {
            try decoder.decodePreview(Data(contentsOf: fixtures.appendingPathComponent(file)), maxSide: 1440)
        }
        var cases: [FaceCase] = []
        var photos: [(DecodedImage, String)] = []
        for (file, identity) in people {
            let image = try decode(file)
            photos.append((image, identity))
            let whole = [Region(x: 0, y: 0, width: image.width, height: image.height, identity: identity)]
            cases.append(FaceCase(name: file, kind: "real", image: image, regions: whole))
            for turns in [1, 2, 3] {
                let turned = try image.turned(quarterTurns: turns)
                cases.append(
                    FaceCase(
                        name: "\(file) turned \(turns * 90)", kind: "turned", image: turned,
                        regions: [Region(x: 0, y: 0, width: turned.width, height: turned.height, identity: identity)]))
            }
            let grey = try image.greyscale()
            cases.append(FaceCase(name: "\(file) greyscale", kind: "greyscale", image: grey, regions: whole))
            // A small copy (longer side 360) on a 1440x960 background.
            let small = try image.resized(toFit: 360)
            var canvas = RGBCanvas(width: 1440, height: 960)
            try canvas.paste(small, x: 700, y: 420)
            cases.append(
                FaceCase(
                    name: "\(file) small", kind: "small", image: try canvas.image(),
                    regions: [Region(x: 700, y: 420, width: small.width, height: small.height, identity: identity)]))
        }
        // Group pictures: every person's photo shrunk into one grid cell.
        for cell in [360, 240] {
            let columns = 1440 / cell
            var canvas = RGBCanvas(width: 1440, height: cell * ((photos.count + columns - 1) / columns))
            var regions: [Region] = []
            for (index, (image, identity)) in photos.enumerated() {
                let small = try image.resized(toFit: cell)
                let x = (index % columns) * cell + (cell - small.width) / 2
                let y = (index / columns) * cell + (cell - small.height) / 2
                try canvas.paste(small, x: x, y: y)
                regions.append(Region(x: x, y: y, width: small.width, height: small.height, identity: identity))
            }
            cases.append(
                FaceCase(name: "group of \(photos.count), \(cell) px each", kind: "group", image: try canvas.image(), regions: regions))
        }
        for file in noFaces where FileManager.default.fileExists(atPath: fixtures.appendingPathComponent(file).path) {
            cases.append(FaceCase(name: file, kind: "no face", image: try decode(file), regions: []))
        }
        return cases
    }
}
