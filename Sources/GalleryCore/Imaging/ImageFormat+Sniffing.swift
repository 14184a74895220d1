extension ImageFormat {
    /// How many leading bytes ``sniff(_:)`` needs to recognise every admitted format, including
    /// ISO-BMFF files that list many compatible brands.
    public static let sniffLength = 512

    /// Recognises an admitted format from a file's leading bytes (magic numbers), never from its
    /// name.
    ///
    /// ```swift
    /// ImageFormat.sniff(data.prefix(ImageFormat.sniffLength))  // .jpeg, .heic, ... or nil
    /// ```
    /// - Parameter header: The first bytes of the file (``sniffLength`` is enough).
    /// - Returns: The format, or `nil` when the content is not one the product admits.
    public static func sniff(_ header: some Collection<UInt8>) -> ImageFormat? {
        let bytes = Array(header.prefix(sniffLength))
        func starts(with magic: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + magic.count && Array(bytes[offset..<offset + magic.count]) == magic
        }
        if starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(with: Array("GIF87a".utf8)) || starts(with: Array("GIF89a".utf8)) { return .gif }
        if starts(with: Array("RIFF".utf8)) && starts(with: Array("WEBP".utf8), at: 8) { return .webp }
        if starts(with: [0x49, 0x49, 0x2A, 0x00]) || starts(with: [0x4D, 0x4D, 0x00, 0x2A])
            || starts(with: [0x49, 0x49, 0x2B, 0x00]) || starts(with: [0x4D, 0x4D, 0x00, 0x2B])
        {
            return .tiff
        }
        if BMPHeader(bytes) != nil { return .bmp }
        if starts(with: Array("ftyp".utf8), at: 4) { return isoMediaFormat(bytes) }
        return nil
    }

    private static let heicBrands: Set<String> = ["heic", "heix", "hevc", "hevx", "heim", "heis"]
    private static let avifBrands: Set<String> = ["avif", "avis"]
    private static let genericBrands: Set<String> = ["mif1", "msf1"]

    /// HEIC or AVIF from an ISO-BMFF `ftyp` box: the major brand first, then the compatible ones.
    private static func isoMediaFormat(_ bytes: [UInt8]) -> ImageFormat? {
        guard bytes.count >= 12 else { return nil }
        let boxSize = bytes[0..<4].reduce(0) { $0 << 8 | Int($1) }
        let end = min(bytes.count, max(boxSize, 16))
        func brand(at offset: Int) -> String {
            String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
        }
        let major = brand(at: 8)
        let compatible = stride(from: 16, to: end - 3, by: 4).map(brand(at:))
        if avifBrands.contains(major) { return .avif }
        if heicBrands.contains(major) { return .heic }
        if compatible.contains(where: avifBrands.contains) { return .avif }
        if compatible.contains(where: heicBrands.contains) || genericBrands.contains(major) { return .heic }
        return nil
    }
}
