/// An image's dominant colours (`gallery colors show --json`, `GET .../images/{id}/colors`);
/// `swatches` is null when the image has not been scanned yet.
public struct ColourPaletteReport: Encodable, Sendable, Equatable {
    public var imageId: Int64
    public var swatches: [ColourPalette.Swatch]?

    enum CodingKeys: String, CodingKey {
        case swatches
        case imageId = "image_id"
    }

    public init(imageId: Int64, palette: ColourPalette?) {
        self.imageId = imageId
        swatches = palette?.swatches
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(imageId, forKey: .imageId)
        try container.encode(swatches, forKey: .swatches)
    }
}

/// How many photos of a collection have each colour (`GET .../colors`), for the palette filter.
public struct ColourCountsReport: Encodable, Sendable, Equatable {
    public struct Entry: Encodable, Sendable, Equatable {
        public var name: ColourName
        /// A representative shade, `#rrggbb`.
        public var hex: String
        public var images: Int
    }

    public var colors: [Entry]

    public init(_ counts: [ColourName: Int]) {
        colors = ColourName.allCases.map { Entry(name: $0, hex: $0.shade, images: counts[$0] ?? 0) }
    }
}
