import Foundation
import GRDB

/// A face found in an image: where it is, its descriptor, and whom it belongs to.
public struct FaceRecord: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var imageId: Int64
    /// The box, normalised to the upright image (0...1).
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double
    /// BlazeFace's six keypoints, normalised like the box.
    public var keypoints: [FacePoint]
    /// The detector's confidence, 0...1.
    public var score: Double
    /// The 128-d descriptor, little-endian float32.
    public var descriptor: Data
    /// The aligned 150x150 face chip as JPEG, shown in the UI.
    public var chip: Data?
    public var personId: Int64?
    /// Who put the face in its person; nil while unassigned.
    public var assignedBy: FaceAssignment?
    /// Whether a user confirmed the assignment: clustering never changes it.
    public var verified: Bool
    public var createdAt: Date

    public init(
        id: Int64? = nil, imageId: Int64, box: FaceBox, keypoints: [FacePoint], score: Double, descriptor: [Float],
        chip: Data?, createdAt: Date = Date()
    ) {
        self.id = id
        self.imageId = imageId
        x = box.x
        y = box.y
        width = box.width
        height = box.height
        self.keypoints = keypoints
        self.score = score
        self.descriptor = VectorCoding.float32Data(descriptor)
        self.chip = chip
        verified = false
        self.createdAt = createdAt
    }

    /// The box, normalised to the upright image.
    public var box: FaceBox { FaceBox(x: x, y: y, width: width, height: height) }
    /// The descriptor as floats.
    public var descriptorValues: [Float] { VectorCoding.float32Vector(descriptor) }
}

/// Who assigned a face to its person.
public enum FaceAssignment: String, Codable, Sendable, DatabaseValueConvertible {
    /// Clustering: may be revised by the next clustering run.
    case auto
    /// A user: kept through every clustering run.
    case user
}

extension FaceRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "face"

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let imageId = Column(CodingKeys.imageId)
        public static let personId = Column(CodingKeys.personId)
        public static let assignedBy = Column(CodingKeys.assignedBy)
        public static let verified = Column(CodingKeys.verified)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
