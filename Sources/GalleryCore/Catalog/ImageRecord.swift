import Foundation
import GRDB

/// One file of a collection: where it is, how it was last seen, and what it holds.
///
/// A record with ``status`` ``ImageStatus/indexed`` always has its thumbnails on disk (they are
/// written before the record is committed) and its metadata filled.
public struct ImageRecord: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var collectionId: Int64
    /// Absolute, standardised path of the original, or `s3://BUCKET/KEY` for an object of a
    /// bucket root (see ``S3ObjectPath``).
    public var path: String
    public var status: ImageStatus
    public var fileSize: Int64
    /// Modification time (seconds since 1970, with sub-second precision) when last indexed.
    public var modifiedAt: Double
    /// The object's entity tag when the original is in a bucket (with the size, what tells a
    /// changed object); nil for a file.
    public var etag: String?
    /// Lower-case hex SHA-256 of the file's bytes; nil when the file could not be read.
    public var contentHash: String?
    public var format: ImageFormat?
    /// Width after EXIF orientation.
    public var width: Int?
    /// Height after EXIF orientation.
    public var height: Int?
    public var takenAt: Date?
    public var takenAtOffset: String?
    public var cameraMake: String?
    public var cameraModel: String?
    public var lensModel: String?
    public var latitude: Double?
    public var longitude: Double?
    public var altitude: Double?
    public var orientation: Int?
    public var exposureTime: Double?
    public var fNumber: Double?
    public var iso: Int?
    public var focalLength: Double?
    public var keywords: [String]
    /// Titles, descriptions and comments read from the file; nil until read (records made
    /// before captions were read, and files that could not be read).
    public var captions: PhotoCaptions?
    /// The XMP sidecar whose keywords and captions were merged into the metadata, if any.
    public var sidecar: SidecarStamp?
    public var failureReason: FailureReason?
    public var failureMessage: String?
    /// When this record was last written by the indexer.
    public var indexedAt: Date

    public init(
        id: Int64? = nil, collectionId: Int64, path: String, status: ImageStatus,
        fileSize: Int64, modifiedAt: Double, contentHash: String? = nil, etag: String? = nil, indexedAt: Date = Date()
    ) {
        self.id = id
        self.collectionId = collectionId
        self.path = path
        self.status = status
        self.fileSize = fileSize
        self.modifiedAt = modifiedAt
        self.contentHash = contentHash
        self.etag = etag
        self.keywords = []
        self.indexedAt = indexedAt
    }

    /// The photo's metadata as one value.
    public var metadata: PhotoMetadata {
        get {
            PhotoMetadata(
                cameraMake: cameraMake, cameraModel: cameraModel, lensModel: lensModel,
                takenAt: takenAt, takenAtOffset: takenAtOffset,
                latitude: latitude, longitude: longitude, altitude: altitude,
                orientation: orientation, exposureTime: exposureTime, fNumber: fNumber,
                iso: iso, focalLength: focalLength, keywords: keywords, captions: captions ?? PhotoCaptions())
        }
        set {
            cameraMake = newValue.cameraMake
            cameraModel = newValue.cameraModel
            lensModel = newValue.lensModel
            takenAt = newValue.takenAt
            takenAtOffset = newValue.takenAtOffset
            latitude = newValue.latitude
            longitude = newValue.longitude
            altitude = newValue.altitude
            orientation = newValue.orientation
            exposureTime = newValue.exposureTime
            fNumber = newValue.fNumber
            iso = newValue.iso
            focalLength = newValue.focalLength
            keywords = newValue.keywords
            captions = newValue.captions
        }
    }
}

extension ImageRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "image"

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let collectionId = Column(CodingKeys.collectionId)
        public static let path = Column(CodingKeys.path)
        public static let status = Column(CodingKeys.status)
        public static let contentHash = Column(CodingKeys.contentHash)
        public static let format = Column(CodingKeys.format)
        public static let width = Column(CodingKeys.width)
        public static let height = Column(CodingKeys.height)
        public static let takenAt = Column(CodingKeys.takenAt)
        public static let cameraMake = Column(CodingKeys.cameraMake)
        public static let cameraModel = Column(CodingKeys.cameraModel)
        public static let lensModel = Column(CodingKeys.lensModel)
        public static let latitude = Column(CodingKeys.latitude)
        public static let longitude = Column(CodingKeys.longitude)
        public static let failureReason = Column(CodingKeys.failureReason)
        public static let fileSize = Column(CodingKeys.fileSize)
        public static let indexedAt = Column(CodingKeys.indexedAt)
        public static let captions = Column(CodingKeys.captions)
        public static let sidecar = Column(CodingKeys.sidecar)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
