import GRDB

/// Faces and persons of a collection, for `gallery status`.
public struct FaceStatistics: Codable, Sendable, Equatable {
    /// Faces found.
    public var faces: Int
    /// Faces in no person (waiting in the pool or set aside).
    public var unassigned: Int
    public var persons: Int
    public var namedPersons: Int
    /// Indexed images scanned for faces in their current content.
    public var scannedImages: Int
    /// Indexed images not scanned yet (`gallery faces scan`).
    public var unscannedImages: Int

    enum CodingKeys: String, CodingKey {
        case faces, unassigned, persons
        case namedPersons = "named_persons"
        case scannedImages = "scanned_images"
        case unscannedImages = "unscanned_images"
    }
}

extension AppDatabase {
    /// Counts of a collection's faces and persons.
    public func faceStatistics(collectionId: Int64) throws -> FaceStatistics {
        try reader.read { db in
            let faces = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) AS faces, COUNT(*) FILTER (WHERE face.personId IS NULL) AS unassigned
                    FROM face JOIN image ON image.id = face.imageId WHERE image.collectionId = ?
                    """,
                arguments: [collectionId])!
            let persons = try Row.fetchOne(
                db,
                sql: "SELECT COUNT(*) AS persons, COUNT(name) AS named FROM person WHERE collectionId = ?",
                arguments: [collectionId])!
            let images = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FILTER (WHERE facesHash = contentHash) AS scanned,
                           COUNT(*) FILTER (WHERE facesHash IS NULL OR facesHash <> contentHash) AS unscanned
                    FROM image WHERE collectionId = ? AND status = 'indexed' AND contentHash IS NOT NULL
                    """,
                arguments: [collectionId])!
            return FaceStatistics(
                faces: faces["faces"], unassigned: faces["unassigned"], persons: persons["persons"],
                namedPersons: persons["named"], scannedImages: images["scanned"] ?? 0, unscannedImages: images["unscanned"] ?? 0)
        }
    }
}
