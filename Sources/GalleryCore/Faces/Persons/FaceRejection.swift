import GRDB

/// A "not this person" mark: clustering never assigns the face to the person again.
struct FaceRejection: Codable, PersistableRecord {
    static let databaseTableName = "faceRejection"
    var faceId: Int64
    var personId: Int64
}
