/// Two 64-bit perceptual hashes of a picture, the same for a photo resized, recompressed,
/// converted to another format or slightly cropped, and far apart for different pictures.
///
/// - `dHash`: a 9x8 greyscale version, one bit per horizontal neighbour pair (is the right
///   one brighter?).
/// - `pHash`: a 32x32 greyscale version, its 2-D DCT, one bit per coefficient of the 8x8
///   lowest frequencies (is it above their median?).
///
/// Both follow PyPI `imagehash` (`dhash`, `phash`) bit for bit in layout, the first cell in
/// the most significant bit, so their hexadecimal forms can be compared with its output.
///
/// A flat picture (one colour, give or take ``flatRange`` grey levels) has no hash: every flat
/// picture would hash alike (dHash 0, pHash only its DC bit), so it is matched by content only.
///
/// ```swift
/// let hash = try PerceptualHash(image: decoded)
/// hash.distance(to: other) // (dHash: 3, pHash: 4)
/// ```
public struct PerceptualHash: Sendable, Hashable, Codable {
    public var dHash: UInt64
    public var pHash: UInt64

    public init(dHash: UInt64, pHash: UInt64) {
        self.dHash = dHash
        self.pHash = pHash
    }

    /// The hashes of an upright decoded image (alpha flattened on white); nil when it is flat.
    /// - Throws: ``ImagingError`` when libvips cannot export the pixels.
    public init?(image: DecodedImage) throws(ImagingError) {
        // Shrunk by libvips first: the hash only sees 32x32 cells, and filtering a 1440-pixel
        // preview in Swift costs more than the thumbnail itself.
        let source = max(image.width, image.height) > Self.workingSide ? try image.resized(toFit: Self.workingSide) : image
        self.init(rgb: try source.rgbBytes(), width: source.width, height: source.height)
    }

    /// The hashes of interleaved 8-bit RGB pixels (`width * height * 3` bytes); nil when flat.
    public init?(rgb: [UInt8], width: Int, height: Int) {
        let grid = GreyscaleGrid(rgb: rgb, sourceWidth: width, sourceHeight: height, width: 32, height: 32)
        guard let darkest = grid.values.min(), let brightest = grid.values.max(), brightest - darkest > Self.flatRange else {
            return nil
        }
        let small = GreyscaleGrid(rgb: rgb, sourceWidth: width, sourceHeight: height, width: 9, height: 8)
        var dHash: UInt64 = 0
        for row in 0..<8 {
            for column in 0..<8 {
                let brighter = small.values[row * 9 + column + 1] > small.values[row * 9 + column]
                dHash = dHash << 1 | (brighter ? 1 : 0)
            }
        }
        let low = DiscreteCosineTransform.lowFrequencies(of: grid.values, side: 32, keep: 8)
        let sorted = low.sorted()
        let median = (sorted[31] + sorted[32]) / 2
        var pHash: UInt64 = 0
        for value in low { pHash = pHash << 1 | (value > median ? 1 : 0) }
        self.init(dHash: dHash, pHash: pHash)
    }

    /// Most grey levels between the darkest and brightest of the 32x32 cells of a flat picture.
    static let flatRange = 4.0

    /// Longest side the pixels are shrunk to before hashing.
    static let workingSide = 256

    /// How many bits differ, per hash.
    public func distance(to other: PerceptualHash) -> (dHash: Int, pHash: Int) {
        ((dHash ^ other.dHash).nonzeroBitCount, (pHash ^ other.pHash).nonzeroBitCount)
    }

    /// 16 lower-case hex digits, as `str(imagehash.dhash(...))` prints.
    public static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
