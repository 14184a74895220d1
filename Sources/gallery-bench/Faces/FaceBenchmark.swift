import ArgumentParser
import Foundation
import GalleryCore

/// `gallery-bench faces`: detection recall and false positives, clustering pairwise precision
/// and recall, and speed, on real faces (DATA.md's `face_recognition` and scikit-image photos,
/// `lfw_subset`) and copies made from them.
struct FaceBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "faces", abstract: "Face detection and clustering quality and speed on the real test photos.")

    @Option(help: "The fixtures folder (scripts/fetch-fixtures.sh).")
    var fixtures = ".cache/fixtures"

    @Option(help: "The face models folder (scripts/models/build-face-models.sh).")
    var models = ".cache/models/faces"

    func run() async throws {
        let runtime = try ModelLoader(home: URL(fileURLWithPath: NSTemporaryDirectory())).runtime()
        let folder = URL(fileURLWithPath: models)
        let fixturesURL = URL(fileURLWithPath: fixtures)
        let cases = try FaceCase.load(fixtures: fixturesURL)
        print("Detection (faces found in expected places / expected; false positives), by kind of photo:")
        for tiling in [1, 2, 3] {
            let analyzer = try FaceAnalyzer(
                settings: FaceDetectorSettings(maxTiling: tiling), modelsFolder: folder, runtime: runtime)
            var rows: [String: (found: Int, expected: Int, falsePositives: Int, images: Int)] = [:]
            var labelled: [(identity: String, descriptor: [Float])] = []
            for item in cases {
                let faces = try analyzer.analyze(item.image)
                var matched = Set<Int>()
                var falsePositives = 0
                for face in faces {
                    let centre = FacePoint(
                        x: (face.box.x + face.box.width / 2) * Double(item.image.width),
                        y: (face.box.y + face.box.height / 2) * Double(item.image.height))
                    if let region = item.regions.indices.first(where: { item.regions[$0].contains(centre) && !matched.contains($0) }) {
                        matched.insert(region)
                        labelled.append((item.regions[region].identity, face.descriptor))
                    } else {
                        falsePositives += 1
                    }
                }
                var row = rows[item.kind] ?? (0, 0, 0, 0)
                row.found += matched.count
                row.expected += item.regions.count
                row.falsePositives += falsePositives
                row.images += 1
                rows[item.kind] = row
            }
            print("  tiling up to \(tiling)x\(tiling):")
            for kind in ["real", "turned", "greyscale", "small", "group", "no face"] {
                guard let row = rows[kind] else { continue }
                let recall = row.expected > 0 ? String(format: "%5.1f%%", Double(row.found) / Double(row.expected) * 100) : "    -"
                print(
                    String(
                        format: "    %-10@ %3d images: recall %@ (%d/%d), false positives %d", kind as NSString, row.images,
                        recall, row.found, row.expected, row.falsePositives))
            }
            if tiling == 3 { try printClustering(labelled) }
        }
        try printLFW(fixturesURL: fixturesURL, folder: folder, runtime: runtime)
        try printSpeed(cases: cases, folder: folder, runtime: runtime)
    }

    /// Clusters every matched face from scratch with the default settings.
    private func printClustering(_ labelled: [(identity: String, descriptor: [Float])]) throws {
        let pool = labelled.enumerated().map { FaceClustering.Face(id: Int64($0.offset), descriptor: $0.element.descriptor) }
        let decisions = FaceClustering(settings: FaceClusteringSettings()).decide(assigned: [], pool: pool)
        var clusters = [Int?](repeating: nil, count: labelled.count)
        for (index, members) in decisions.newPersons.enumerated() {
            for member in members { clusters[Int(member)] = index }
        }
        let scores = PairwiseScores(identities: labelled.map(\.identity), clusters: clusters)
        let counts = Dictionary(grouping: labelled, by: \.identity).mapValues(\.count)
        print(
            String(
                format:
                    "Clustering %d faces of %d people (%@) from scratch: %d persons, %d faces unassigned; pairwise precision %.3f, recall %.3f",
                labelled.count, counts.count, counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "),
                decisions.newPersons.count, clusters.filter { $0 == nil }.count, scores.precision, scores.recall))
    }

    /// scikit-image's `lfw_subset`: 100 face crops and 100 non-face crops, 25x25, greyscale;
    /// run as they are and centred on a 75x75 grey background.
    private func printLFW(fixturesURL: URL, folder: URL, runtime: OnnxRuntime) throws {
        let stack = try NumpyImages(contentsOf: fixturesURL.appendingPathComponent("skimage/lfw_subset.npy"))
        let detector = try FaceDetector(
            modelsFolder: folder, runtime: runtime, settings: FaceDetectorSettings(minFaceSize: 1, maxTiling: 1, tryRotations: false))
        for padded in [false, true] {
            var faces = 0
            var nonFaces = 0
            for index in 0..<stack.count {
                var image = try DecodedImage(rgb: stack.rgb(index), width: stack.width, height: stack.height)
                if padded {
                    var canvas = RGBCanvas(width: stack.width * 3, height: stack.height * 3)
                    try canvas.paste(image, x: stack.width, y: stack.height)
                    image = try canvas.image()
                }
                let found = try !detector.detect(in: image).isEmpty
                if found && index < stack.count / 2 { faces += 1 }
                if found && index >= stack.count / 2 { nonFaces += 1 }
            }
            print(
                String(
                    format: "lfw_subset (%@): faces detected %d/%d, non-faces with a detection %d/%d",
                    padded ? "centred on a 3x background" : "25x25 crops as they are", faces, stack.count / 2, nonFaces,
                    stack.count / 2))
        }
    }

    /// Detection per image and description per face, one thread.
    private func printSpeed(cases: [FaceCase], folder: URL, runtime: OnnxRuntime) throws {
        let photos = cases.filter { $0.kind == "real" || $0.kind == "no face" }.map(\.image)
        for tiling in [1, 2, 3] {
            let analyzer = try FaceAnalyzer(settings: FaceDetectorSettings(maxTiling: tiling), modelsFolder: folder, runtime: runtime)
            _ = try analyzer.analyze(photos[0])  // warm-up
            var detectTimes: [Double] = []
            var analyzeTimes: [Double] = []
            var faceCount = 0
            for _ in 0..<3 {
                for photo in photos {
                    var start = ContinuousClock.now
                    _ = try analyzer.detector.detect(in: photo)
                    detectTimes.append(Timing.seconds(ContinuousClock.now - start))
                    start = ContinuousClock.now
                    faceCount += try analyzer.analyze(photo).count
                    analyzeTimes.append(Timing.seconds(ContinuousClock.now - start))
                }
            }
            let detect = detectTimes.reduce(0, +)
            let analyze = analyzeTimes.reduce(0, +)
            print(
                String(
                    format:
                        "Speed, tiling up to %dx%d, one thread, %d photos of up to 1440 px: detection %.1f ms/photo (p95 %.1f); "
                        + "detection + description %.1f ms/photo (p95 %.1f); description %.1f ms/face; %.1f faces/s",
                    tiling, tiling, photos.count, detect / Double(detectTimes.count) * 1000,
                    Timing.percentile(detectTimes, 0.95) * 1000, analyze / Double(analyzeTimes.count) * 1000,
                    Timing.percentile(analyzeTimes, 0.95) * 1000, faceCount > 0 ? (analyze - detect) / Double(faceCount) * 1000 : 0,
                    analyze > 0 ? Double(faceCount) / analyze : 0))
        }
        print("Peak RSS: \(ProcessStatistics.peakResidentBytes / 1_048_576) MiB")
    }
}
