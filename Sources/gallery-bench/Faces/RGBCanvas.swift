import GalleryCore

/// An RGB pixel buffer to compose test photos: several faces in one picture, a small face on a
/// large background.
struct RGBCanvas {
    let width: Int
    let height: Int
    var bytes: [UInt8]

    init(width: Int, height: Int, grey: UInt8 = 128) {
        self.width = width
        self.height = height
        bytes = [UInt8](repeating: grey, count: width * height * 3)
    }

    /// Copies `image` with its top-left corner at `x, y` (clipped to the canvas).
    mutating func paste(_ image: DecodedImage, x: Int, y: Int) throws {
        let source = try image.rgbBytes()
        for row in 0..<image.height where y + row >= 0 && y + row < height {
            for column in 0..<image.width where x + column >= 0 && x + column < width {
                let from = (row * image.width + column) * 3
                let to = ((y + row) * width + x + column) * 3
                bytes[to] = source[from]
                bytes[to + 1] = source[from + 1]
                bytes[to + 2] = source[from + 2]
            }
        }
    }

    func image() throws -> DecodedImage { try DecodedImage(rgb: bytes, width: width, height: height) }
}

extension DecodedImage {
    /// The image in shades of grey (still three bands).
    func greyscale() throws -> DecodedImage {
        let bytes = try rgbBytes()
        var grey = bytes
        for pixel in stride(from: 0, to: bytes.count, by: 3) {
            let red = 0.299 * Double(bytes[pixel])
            let green = 0.587 * Double(bytes[pixel + 1])
            let blue = 0.114 * Double(bytes[pixel + 2])
            let luma = UInt8(clamping: Int((red + green + blue).rounded()))
            grey[pixel] = luma
            grey[pixel + 1] = luma
            grey[pixel + 2] = luma
        }
        return try DecodedImage(rgb: grey, width: width, height: height)
    }
}
