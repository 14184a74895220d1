import Foundation

/// Everything stored about one image (`gallery show --json`, the image metadata API).
public struct ImageReport: Encodable, Sendable {
    public var id: Int64
    public var collectionId: Int64
    public var path: String
    public var status: ImageStatus
    public var fileSize: Int64
    public var modifiedAt: Date
    public var contentHash: String?
    public var format: ImageFormat?
    public var width: Int?
    public var height: Int?
    public var takenAt: Date?
    public var takenAtOffset: String?
    public var camera: Camera
    public var location: Location?
    /// Where it was taken (from its GPS position); absent without a position, before it is
    /// placed, and at sea (no town within the distance limit).
    public var place: PlaceReport?
    public var keywords: [String]
    /// Titles, descriptions and comments the file carries.
    public var captions: PhotoCaptions?
    /// The XMP sidecar beside the photo whose keywords and captions were read with it.
    public var sidecar: String?
    public var failure: Failure?
    public var indexedAt: Date
    public var thumbnails: [String: String]

    public struct Camera: Encodable, Sendable {
        public var make: String?
        public var model: String?
        public var lens: String?
        public var exposureTime: Double?
        public var fNumber: Double?
        public var iso: Int?
        public var focalLength: Double?
        public var orientation: Int?

        enum CodingKeys: String, CodingKey {
            case make, model, lens, iso, orientation
            case exposureTime = "exposure_time"
            case fNumber = "f_number"
            case focalLength = "focal_length"
        }
    }

    public struct Location: Encodable, Sendable {
        public var latitude: Double
        public var longitude: Double
        public var altitude: Double?
    }

    public struct Failure: Encodable, Sendable {
        public var reason: FailureReason
        public var message: String?
    }

    enum CodingKeys: String, CodingKey {
        case id, path, status, format, width, height, camera, location, place, keywords, captions, sidecar, failure, thumbnails
        case collectionId = "collection_id"
        case fileSize = "file_size"
        case modifiedAt = "modified_at"
        case contentHash = "content_hash"
        case takenAt = "taken_at"
        case takenAtOffset = "taken_at_offset"
        case indexedAt = "indexed_at"
    }

    /// The report for `image`, with thumbnail paths from `store` when the image is indexed and
    /// its place (``AppDatabase/place(imageId:)``) when it has one.
    public init(image: ImageRecord, store: ThumbnailStore, place: ImagePlaceRecord? = nil) {
        id = image.id ?? 0
        collectionId = image.collectionId
        path = image.path
        status = image.status
        fileSize = image.fileSize
        modifiedAt = Date(timeIntervalSince1970: image.modifiedAt)
        contentHash = image.contentHash
        format = image.format
        width = image.width
        height = image.height
        takenAt = image.takenAt
        takenAtOffset = image.takenAtOffset
        camera = Camera(
            make: image.cameraMake, model: image.cameraModel, lens: image.lensModel,
            exposureTime: image.exposureTime, fNumber: image.fNumber, iso: image.iso,
            focalLength: image.focalLength, orientation: image.orientation)
        if let latitude = image.latitude, let longitude = image.longitude {
            location = Location(latitude: latitude, longitude: longitude, altitude: image.altitude)
        }
        self.place = place.flatMap(PlaceReport.init)
        keywords = image.keywords
        captions = image.captions.flatMap { $0.isEmpty ? nil : $0 }
        sidecar = image.sidecar?.path
        if let reason = image.failureReason { failure = Failure(reason: reason, message: image.failureMessage) }
        indexedAt = image.indexedAt
        thumbnails = [:]
        if image.status != .failed, let hash = image.contentHash {
            for size in ThumbnailSize.allCases { thumbnails[size.rawValue] = store.url(hash: hash, size: size).path }
        }
    }
}
