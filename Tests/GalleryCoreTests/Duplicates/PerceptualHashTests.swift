import Foundation
import GalleryTestSupport
import Testing

@testable import GalleryCore

@Suite("Perceptual hashes: dHash and pHash against PyPI imagehash, variants, multi-index lookup")
struct PerceptualHashTests {
    /// Most bits either hash may differ from imagehash 4.3.2 on the same upright photo: ours
    /// filters a copy libvips shrank to 256 pixels, Pillow the full picture, so a bit whose two
    /// cells are nearly equal can flip (measured: dHash 15 of 19 photos equal, at most 3 bits;
    /// pHash 17 of 19 equal, at most 2).
    static let imagehashTolerance = 4

    struct Golden: Decodable {
        struct Image: Decodable {
            var path: String
            var dhash: String
            var phash: String
        }
        var imagehash: String
        var images: [Image]
    }

    static func hash(of path: String) throws -> PerceptualHash {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try #require(try PerceptualHash(image: try PhotoDecoder().decodePreview(data, maxSide: 4096)), "\(path) is flat")
    }

    @Test("within the stated tolerance of imagehash on the golden photos")
    func matchesImagehash() throws {
        let golden = try JSONDecoder().decode(Golden.self, from: Data(contentsOf: try Fixtures.url("imagehash-golden/golden.json")))
        #expect(golden.imagehash == "4.3.2")
        #expect(golden.images.count >= 15)
        var total = (dHash: 0, pHash: 0)
        for image in golden.images {
            let ours = try Self.hash(of: try Fixtures.path(image.path))
            let theirs = PerceptualHash(
                dHash: try #require(UInt64(image.dhash, radix: 16)), pHash: try #require(UInt64(image.phash, radix: 16)))
            let distance = ours.distance(to: theirs)
            #expect(
                distance.dHash <= Self.imagehashTolerance, "dHash of \(image.path): \(PerceptualHash.hex(ours.dHash)) vs \(image.dhash)")
            #expect(
                distance.pHash <= Self.imagehashTolerance, "pHash of \(image.path): \(PerceptualHash.hex(ours.pHash)) vs \(image.phash)")
            total.dHash += distance.dHash
            total.pHash += distance.pHash
        }
        // On average far closer than the per-photo bound.
        #expect(Double(total.dHash) / Double(golden.images.count) <= 1)
        #expect(Double(total.pHash) / Double(golden.images.count) <= 1)
    }

    @Test("a resized, recompressed or converted copy stays within the near thresholds; another photo does not")
    func variantsAndStrangers() throws {
        let settings = DuplicateSettings()
        let data = try Data(contentsOf: try Fixtures.url("skimage/astronaut.png"))
        let image = try PhotoDecoder().decodePreview(data, maxSide: 4096)
        let original = try #require(try PerceptualHash(image: image))
        let variants = [
            try image.resized(toFit: 200).jpegData(quality: 40), try image.jpegData(quality: 20), try image.webpData(quality: 50),
            try image.cropped(x: 10, y: 10, width: image.width - 20, height: image.height - 20).jpegData(quality: 85),
        ]
        for variant in variants {
            let hash = try #require(try PerceptualHash(image: try PhotoDecoder().decodePreview(variant, maxSide: 4096)))
            let distance = original.distance(to: hash)
            #expect(distance.dHash + distance.pHash <= settings.maxHashDistance, "\(distance)")
        }
        for other in ["skimage/chelsea.png", "skimage/coffee.png", "face-recognition/obama.jpg"] {
            let distance = original.distance(to: try Self.hash(of: try Fixtures.path(other)))
            #expect(distance.dHash + distance.pHash > settings.maxHashDistance, "\(other): \(distance)")
        }
    }

    @Test("a flat picture has no hash (all would hash alike), a flat grid only its DC coefficient")
    func flat() throws {
        let red = (0..<40 * 30 * 3).map { UInt8($0 % 3 == 0 ? 200 : 10) }
        #expect(PerceptualHash(rgb: red, width: 40, height: 30) == nil)
        // The piexif maker-note samples are 80x80 single-colour JPEGs.
        let sample = try PhotoDecoder().decodePreview(try Data(contentsOf: try Fixtures.url("piexif/r_canon.jpg")), maxSide: 4096)
        #expect(try PerceptualHash(image: sample) == nil)
        let low = DiscreteCosineTransform.lowFrequencies(of: Array(repeating: 100, count: 32 * 32), side: 32, keep: 8)
        #expect(abs(low[0] - 4 * 32 * 32 * 100) < 1e-6)
        #expect(low.dropFirst().allSatisfy { abs($0) < 1e-6 })
    }

    @Test("chunk neighbours cover every value within the radius, once")
    func neighbours() {
        let values = HammingBuckets.neighbours(of: 0xA5A5, radius: 2)
        #expect(values.count == 1 + 16 + 120)
        #expect(Set(values).count == values.count)
        #expect(values.allSatisfy { ($0 ^ 0xA5A5).nonzeroBitCount <= 2 && (0...0xFFFF).contains($0) })
        #expect(
            HammingBuckets.chunks(of: PerceptualHash(dHash: 0x0123_4567_89AB_CDEF, pHash: 0xFEDC_BA98_7654_3210)) == [
                0x0123, 0x4567, 0x89AB, 0xCDEF, 0xFEDC, 0xBA98, 0x7654, 0x3210,
            ])
        // Pigeonhole: any hash within the near threshold shares a chunk within the radius.
        var random = SplitMix64(seed: 7)
        let limit = DuplicateSettings().maxHashDistance
        let radius = HammingBuckets.chunkRadius(for: limit)
        for _ in 0..<200 {
            let hash = PerceptualHash(dHash: .random(in: .min ... .max, using: &random), pHash: .random(in: .min ... .max, using: &random))
            var other = hash
            for _ in 0..<limit {
                let bit = Int.random(in: 0..<128, using: &random)
                if bit < 64 { other.dHash ^= 1 << UInt64(bit) } else { other.pHash ^= 1 << UInt64(bit - 64) }
            }
            let near = zip(HammingBuckets.chunks(of: hash), HammingBuckets.chunks(of: other)).contains {
                ($0 ^ $1).nonzeroBitCount <= radius
            }
            #expect(near)
        }
    }
}
