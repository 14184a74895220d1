/// An image's dominant colours, most of the picture first: each a cluster of its pixels in
/// OKLab with the share of the picture it covers and its colour word.
///
/// ```swift
/// let palette = try ColourPalette(of: thumbnail)
/// palette.swatches.first?.name   // .blue
/// palette.share(of: .blue)       // 0.62
/// ```
public struct ColourPalette: Sendable, Equatable, Codable {
    /// One dominant colour.
    public struct Swatch: Sendable, Equatable, Codable {
        /// The cluster's mean colour, as `#rrggbb`.
        public var hex: String
        /// Share of the picture's pixels, 0...1.
        public var share: Double
        public var name: ColourName

        public init(hex: String, share: Double, name: ColourName) {
            self.hex = hex
            self.share = share
            self.name = name
        }
    }

    /// Largest share first; clusters under ``minimumShare`` are left out.
    public var swatches: [Swatch]

    public init(swatches: [Swatch]) {
        self.swatches = swatches
    }

    /// Clusters looked for.
    public static let clusterCount = 5
    /// Smallest share of the picture a swatch may have.
    public static let minimumShare = 0.03
    /// The side pixels are read at (the thumbnail shrunk to it): enough for colour, cheap to cluster.
    public static let sampleSide = 64

    /// The palette of a decoded image (a thumbnail), shrunk to ``sampleSide`` first.
    /// - Throws: ``ImagingError`` when libvips cannot shrink or export it.
    public init(of image: DecodedImage) throws(ImagingError) {
        let sample = max(image.width, image.height) > Self.sampleSide ? try image.resized(toFit: Self.sampleSide) : image
        self.init(rgb: try sample.rgbBytes())
    }

    /// The palette of interleaved 8-bit RGB pixels.
    public init(rgb: [UInt8]) {
        let pixels = stride(from: 0, to: rgb.count - 2, by: 3).map { OKLab(red: rgb[$0], green: rgb[$0 + 1], blue: rgb[$0 + 2]) }
        let clusters = PaletteClustering.clusters(of: pixels, count: Self.clusterCount)
        let total = Double(max(pixels.count, 1))
        swatches = clusters.filter { Double($0.weight) / total >= Self.minimumShare }
            .sorted { $0.weight > $1.weight }
            .map { Swatch(hex: $0.centre.hex, share: Double($0.weight) / total, name: ColourName($0.centre)) }
    }

    /// The share of the picture a colour word covers (its swatches together).
    public func share(of name: ColourName) -> Double {
        swatches.filter { $0.name == name }.reduce(0) { $0 + $1.share }
    }

    /// Every colour word of the palette with its share, largest first.
    public var namedShares: [(name: ColourName, share: Double)] {
        var shares: [ColourName: Double] = [:]
        for swatch in swatches { shares[swatch.name, default: 0] += swatch.share }
        return shares.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key.rawValue < $1.key.rawValue) }
            .map { (name: $0.key, share: $0.value) }
    }
}
