import Foundation
import GRDB

/// A face as the fronts show it: where it is, and whose it is.
public struct FaceSummary: Codable, Sendable, Equatable, FetchableRecord {
    public var id: Int64
    public var imageId: Int64
    /// The box, normalised to the upright image (0...1).
    public var box: FaceBox
    public var score: Double
    public var personId: Int64?
    public var personName: String?
    public var assignedBy: FaceAssignment?
    public var verified: Bool

    enum CodingKeys: String, CodingKey {
        case id, box, score, verified
        case imageId = "image_id"
        case personId = "person_id"
        case personName = "person_name"
        case assignedBy = "assigned_by"
    }

    /// The SELECT that fetches summaries; append a WHERE clause.
    static let selection = """
        SELECT face.id, face.imageId, face.x, face.y, face.width, face.height, face.score, face.personId,
               person.name AS personName, face.assignedBy, face.verified
        FROM face LEFT JOIN person ON person.id = face.personId
        """

    public init(row: Row) throws {
        id = row["id"]
        imageId = row["imageId"]
        box = FaceBox(x: row["x"], y: row["y"], width: row["width"], height: row["height"])
        score = row["score"]
        personId = row["personId"]
        personName = row["personName"]
        assignedBy = row["assignedBy"]
        verified = row["verified"]
    }
}
