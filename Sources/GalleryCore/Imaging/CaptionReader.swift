/// Reads a photo's captions (``PhotoCaptions``) from its XMP packet and IPTC block, together with
/// the EXIF ones ``ExifReader`` found, as libvips exposes them (`xmp-data`, `iptc-data`).
///
/// ```swift
/// let captions = CaptionReader.captions(xmp: xmpBlock, iptc: iptcBlock, exif: metadata.captions)
/// captions.title  // "Beach party"
/// ```
enum CaptionReader {
    static func captions(xmp: [UInt8]?, iptc: [UInt8]?, exif: PhotoCaptions) -> PhotoCaptions {
        let packet = xmp.map { String(decoding: $0, as: UTF8.self) } ?? ""
        let iim = iptc.map(IPTCBlock.datasets) ?? [:]
        func items(_ property: String) -> [String?] { KeywordReader.xmpItems(packet, property: property) }
        func iptcValues(_ dataset: UInt8) -> [String?] { iim[dataset] ?? [] }
        return PhotoCaptions(
            title: PhotoCaptions.combine(items("dc:title") + iptcValues(IPTCBlock.Dataset.objectName) + [exif.title]),
            headline: PhotoCaptions.combine(
                [KeywordReader.xmpSimple(packet, property: "photoshop:Headline")] + iptcValues(IPTCBlock.Dataset.headline)),
            description: PhotoCaptions.combine(
                items("dc:description") + iptcValues(IPTCBlock.Dataset.caption) + [exif.description]),
            comment: PhotoCaptions.combine([exif.comment]))
    }
}
