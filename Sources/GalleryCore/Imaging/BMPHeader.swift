/// The fields of a Windows bitmap header that admission needs: the declared dimensions.
///
/// BMP reaches libvips only through ImageMagick, so the product checks the magic, the header's
/// shape and the pixel count itself before handing it over.
struct BMPHeader: Equatable {
    var width: Int
    var height: Int

    /// Known DIB header sizes: OS/2 core (12), BITMAPINFOHEADER (40), V2/V3 (52, 56), OS/2 2.x
    /// (64), V4 (108), V5 (124).
    private static let dibHeaderSizes: Set<Int> = [12, 40, 52, 56, 64, 108, 124]

    /// Parses `BM`, the file header and the DIB header's dimensions; `nil` when they are not sane.
    init?(_ bytes: [UInt8]) {
        guard bytes.count >= 26, bytes[0] == 0x42, bytes[1] == 0x4D else { return nil }
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
        let dataOffset = Int(u32(10))
        let dibSize = Int(u32(14))
        guard Self.dibHeaderSizes.contains(dibSize), dataOffset >= 14 + dibSize else { return nil }
        if dibSize == 12 {
            width = u16(18)
            height = u16(20)
        } else {
            width = Int(Int32(bitPattern: u32(18)))
            height = Int(Int32(bitPattern: u32(22)).magnitude)  // negative: stored top-down
        }
        guard width > 0, height > 0 else { return nil }
    }
}
