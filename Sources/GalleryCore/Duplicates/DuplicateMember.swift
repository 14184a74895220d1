import Foundation

/// One photo of a duplicate group, with what the choice of a keeper looks at.
public struct DuplicateMember: Sendable, Equatable, Codable {
    public var imageId: Int64
    public var path: String
    public var fileSize: Int64
    public var width: Int?
    public var height: Int?
    public var format: ImageFormat?
    public var takenAt: Date?
    /// The file's modification time (seconds since 1970): the age of a photo without a capture date.
    public var modifiedAt: Double
    /// How many metadata fields the photo has (EXIF fields, captions, keywords, the user's tags
    /// and description): the last tie-breaker for the keeper.
    public var metadataFields: Int

    public init(record: ImageRecord, userTags: Int, hasDescription: Bool) {
        imageId = record.id ?? 0
        path = record.path
        fileSize = record.fileSize
        width = record.width
        height = record.height
        format = record.format
        takenAt = record.takenAt
        modifiedAt = record.modifiedAt
        let metadata = record.metadata
        let fields: [Any?] = [
            metadata.cameraMake, metadata.cameraModel, metadata.lensModel, metadata.takenAt, metadata.latitude, metadata.altitude,
            metadata.exposureTime, metadata.fNumber, metadata.iso, metadata.focalLength,
        ]
        metadataFields =
            fields.compactMap { $0 }.count + metadata.captions.texts.count + metadata.keywords.count + userTags + (hasDescription ? 1 : 0)
    }

    /// Pixels, for "largest".
    var pixels: Int { (width ?? 0) * (height ?? 0) }
    /// Seconds since 1970 of the capture, else of the file, for "oldest".
    var age: Double { takenAt?.timeIntervalSince1970 ?? modifiedAt }

    /// Whether this photo makes a better keeper than `other`: largest (pixels, then bytes),
    /// then oldest, then with most metadata, then the lower id.
    func isBetterKeeper(than other: DuplicateMember) -> Bool {
        if pixels != other.pixels { return pixels > other.pixels }
        if fileSize != other.fileSize { return fileSize > other.fileSize }
        if age != other.age { return age < other.age }
        if metadataFields != other.metadataFields { return metadataFields > other.metadataFields }
        return imageId < other.imageId
    }

    enum CodingKeys: String, CodingKey {
        case path, width, height, format
        case imageId = "image_id"
        case fileSize = "file_size"
        case takenAt = "taken_at"
        case modifiedAt = "modified_at"
        case metadataFields = "metadata_fields"
    }
}
