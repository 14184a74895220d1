import Foundation

/// Reads camera, capture and GPS fields from a raw EXIF block, as libvips exposes it in
/// `exif-data` (`Exif\0\0` followed by a TIFF structure).
///
/// ```swift
/// let metadata = ExifReader.read(exifBlock)
/// metadata.cameraModel  // "Canon EOS 5D"
/// ```
enum ExifReader {
    private enum Tag {
        static let imageDescription: UInt16 = 0x010E
        static let make: UInt16 = 0x010F
        static let model: UInt16 = 0x0110
        static let orientation: UInt16 = 0x0112
        static let dateTime: UInt16 = 0x0132
        static let exifIFD: UInt16 = 0x8769
        static let gpsIFD: UInt16 = 0x8825
        static let exposureTime: UInt16 = 0x829A
        static let fNumber: UInt16 = 0x829D
        static let iso: UInt16 = 0x8827
        static let dateTimeOriginal: UInt16 = 0x9003
        static let dateTimeDigitized: UInt16 = 0x9004
        static let offsetTime: UInt16 = 0x9010
        static let offsetTimeOriginal: UInt16 = 0x9011
        static let offsetTimeDigitized: UInt16 = 0x9012
        static let focalLength: UInt16 = 0x920A
        static let lensModel: UInt16 = 0xA434
        static let userComment: UInt16 = 0x9286
        static let xpTitle: UInt16 = 0x9C9B
        static let xpComment: UInt16 = 0x9C9C
        static let gpsLatitudeRef: UInt16 = 1
        static let gpsLatitude: UInt16 = 2
        static let gpsLongitudeRef: UInt16 = 3
        static let gpsLongitude: UInt16 = 4
        static let gpsAltitudeRef: UInt16 = 5
        static let gpsAltitude: UInt16 = 6
    }

    /// The fields found in `block`; absent or malformed fields stay `nil`. Never fails.
    static func read(_ block: [UInt8]) -> PhotoMetadata {
        var metadata = PhotoMetadata()
        guard var tiff = TIFFStructure(tiffBody(of: block)) else { return metadata }
        let ifd0 = tiff.entries(ofIFDAt: tiff.firstIFDOffset)
        let exif = tiff.integer(ifd0[Tag.exifIFD]).map { tiff.entries(ofIFDAt: $0) } ?? [:]
        let gps = tiff.integer(ifd0[Tag.gpsIFD]).map { tiff.entries(ofIFDAt: $0) } ?? [:]

        metadata.cameraMake = tiff.string(ifd0[Tag.make])
        metadata.cameraModel = tiff.string(ifd0[Tag.model])
        metadata.lensModel = tiff.string(exif[Tag.lensModel])
        metadata.orientation = tiff.integer(ifd0[Tag.orientation]).flatMap { (1...8).contains($0) ? $0 : nil }
        metadata.exposureTime = positive(tiff.rational(exif[Tag.exposureTime]))
        metadata.fNumber = positive(tiff.rational(exif[Tag.fNumber]))
        metadata.iso = tiff.integer(exif[Tag.iso]).flatMap { $0 > 0 ? $0 : nil }
        metadata.focalLength = positive(tiff.rational(exif[Tag.focalLength]))
        metadata.captions = PhotoCaptions(
            title: PhotoCaptions.combine([tiff.utf16String(ifd0[Tag.xpTitle])]),
            description: PhotoCaptions.combine([tiff.string(ifd0[Tag.imageDescription])]),
            comment: PhotoCaptions.combine([tiff.userComment(exif[Tag.userComment]), tiff.utf16String(ifd0[Tag.xpComment])]))

        let candidates: [(String?, String?)] = [
            (tiff.string(exif[Tag.dateTimeOriginal]), tiff.string(exif[Tag.offsetTimeOriginal])),
            (tiff.string(exif[Tag.dateTimeDigitized]), tiff.string(exif[Tag.offsetTimeDigitized])),
            (tiff.string(ifd0[Tag.dateTime]), tiff.string(exif[Tag.offsetTime])),
        ]
        for case let (text?, offsetText) in candidates {
            guard let local = ExifDate.localTime(text) else { continue }
            if let offsetText, let offset = ExifDate.offsetSeconds(offsetText) {
                metadata.takenAt = local.addingTimeInterval(-TimeInterval(offset))
                metadata.takenAtOffset = offsetText
            } else {
                metadata.takenAt = local
            }
            break
        }

        if let latitude = coordinate(
            tiff, gps[Tag.gpsLatitude], ref: tiff.string(gps[Tag.gpsLatitudeRef]),
            negative: "S", limit: 90),
            let longitude = coordinate(
                tiff, gps[Tag.gpsLongitude], ref: tiff.string(gps[Tag.gpsLongitudeRef]),
                negative: "W", limit: 180)
        {
            metadata.latitude = latitude
            metadata.longitude = longitude
        }
        if let altitude = tiff.rational(gps[Tag.gpsAltitude]), altitude.isFinite {
            metadata.altitude = tiff.integer(gps[Tag.gpsAltitudeRef]) == 1 ? -altitude : altitude
        }
        return metadata
    }

    /// The TIFF structure inside an EXIF block: after `Exif\0\0` when present, else at the first
    /// TIFF byte-order mark within the first few bytes (some containers add their own prefix).
    private static func tiffBody(of block: [UInt8]) -> [UInt8] {
        let exifPrefix: [UInt8] = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00]
        if block.starts(with: exifPrefix) { return Array(block.dropFirst(exifPrefix.count)) }
        let marks: [[UInt8]] = [[0x49, 0x49, 0x2A, 0x00], [0x4D, 0x4D, 0x00, 0x2A]]
        for start in 0..<min(16, max(0, block.count - 3)) {
            let window = Array(block[start..<start + 4])
            if marks.contains(window) { return Array(block[start...]) }
        }
        return block
    }

    /// Degrees from three rationals (degrees, minutes, seconds) and a reference letter.
    private static func coordinate(
        _ tiff: TIFFStructure, _ entry: TIFFStructure.Entry?, ref: String?, negative: String, limit: Double
    ) -> Double? {
        guard let degrees = tiff.rational(entry, index: 0) else { return nil }
        let minutes = tiff.rational(entry, index: 1) ?? 0
        let seconds = tiff.rational(entry, index: 2) ?? 0
        let magnitude = degrees + minutes / 60 + seconds / 3600
        guard magnitude.isFinite, abs(magnitude) <= limit else { return nil }
        return ref?.uppercased().hasPrefix(negative) == true ? -abs(magnitude) : magnitude
    }

    private static func positive(_ value: Double?) -> Double? {
        guard let value, value.isFinite, value > 0 else { return nil }
        return value
    }
}
