import Foundation

/// What a photo says about itself: EXIF camera and capture fields, GPS position, keywords
/// from XMP (`dc:subject`) and IPTC (2:25), and its captions (titles, descriptions, comments).
public struct PhotoMetadata: Codable, Sendable, Equatable {
    public var cameraMake: String?
    public var cameraModel: String?
    public var lensModel: String?
    /// `DateTimeOriginal` (falling back to `DateTimeDigitized`, then `DateTime`). When the photo
    /// records its UTC offset (`OffsetTimeOriginal`) this is the true instant; otherwise the local
    /// clock time is read as if it were UTC.
    public var takenAt: Date?
    /// The UTC offset recorded with `takenAt`, as written in EXIF (`"+02:00"`), if any.
    public var takenAtOffset: String?
    public var latitude: Double?
    public var longitude: Double?
    /// Metres above sea level (negative below).
    public var altitude: Double?
    /// EXIF orientation tag, 1...8.
    public var orientation: Int?
    /// Seconds.
    public var exposureTime: Double?
    public var fNumber: Double?
    public var iso: Int?
    /// Millimetres.
    public var focalLength: Double?
    public var keywords: [String]
    public var captions: PhotoCaptions

    public init(
        cameraMake: String? = nil, cameraModel: String? = nil, lensModel: String? = nil,
        takenAt: Date? = nil, takenAtOffset: String? = nil,
        latitude: Double? = nil, longitude: Double? = nil, altitude: Double? = nil,
        orientation: Int? = nil, exposureTime: Double? = nil, fNumber: Double? = nil,
        iso: Int? = nil, focalLength: Double? = nil, keywords: [String] = [],
        captions: PhotoCaptions = PhotoCaptions()
    ) {
        self.cameraMake = cameraMake
        self.cameraModel = cameraModel
        self.lensModel = lensModel
        self.takenAt = takenAt
        self.takenAtOffset = takenAtOffset
        self.latitude = latitude
        self.longitude = longitude
        self.altitude = altitude
        self.orientation = orientation
        self.exposureTime = exposureTime
        self.fNumber = fNumber
        self.iso = iso
        self.focalLength = focalLength
        self.keywords = keywords
        self.captions = captions
    }
}
