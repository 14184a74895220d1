import Foundation
import GRDB

extension AppDatabase {
    /// Writes face scans: each image's earlier faces are replaced (keeping nothing a user did to
    /// faces of content that is gone) and the image is marked scanned for its content.
    /// Runs inside the caller's transaction.
    static func write(_ scans: [FaceScan], in db: Database) throws {
        for scan in scans {
            guard
                let imageId = try Int64.fetchOne(
                    db, sql: "SELECT id FROM image WHERE collectionId = ? AND path = ? AND contentHash = ?",
                    arguments: [scan.collectionId, scan.path, scan.contentHash])
            else { continue }
            try FaceRecord.filter(FaceRecord.Columns.imageId == imageId).deleteAll(db)
            for found in scan.faces {
                var face = FaceRecord(
                    imageId: imageId, box: found.box, keypoints: found.keypoints, score: found.score,
                    descriptor: found.descriptor, chip: found.chip)
                try face.insert(db)
            }
            try db.execute(sql: "UPDATE image SET facesHash = ? WHERE id = ?", arguments: [scan.contentHash, imageId])
        }
    }

    /// Saves face scans in one transaction.
    public func save(_ scans: [FaceScan]) throws {
        guard !scans.isEmpty else { return }
        try writer.write { db in try Self.write(scans, in: db) }
    }

    /// Indexed images of a collection whose current content has not been scanned for faces.
    public func imagesNeedingFaceScan(collectionId: Int64) throws -> [ImageRecord] {
        try reader.read { db in
            try ImageRecord.fetchAll(
                db,
                sql: """
                    SELECT * FROM image WHERE collectionId = ? AND status = 'indexed' AND contentHash IS NOT NULL
                      AND (facesHash IS NULL OR facesHash <> contentHash)
                    ORDER BY id
                    """,
                arguments: [collectionId])
        }
    }

    /// A face by id with its collection, if the collection belongs to `ownerId`.
    public func face(id: Int64, ownerId: Int64) throws -> (face: FaceRecord, collectionId: Int64)? {
        try reader.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT image.collectionId FROM face JOIN image ON image.id = face.imageId
                        JOIN collection ON collection.id = image.collectionId
                        WHERE face.id = ? AND collection.ownerId = ?
                        """,
                    arguments: [id, ownerId]),
                let face = try FaceRecord.fetchOne(db, key: id)
            else { return nil }
            return (face, row["collectionId"])
        }
    }

    /// The faces of one image, with their persons' names.
    public func faces(imageId: Int64) throws -> [FaceSummary] {
        try reader.read { db in
            try FaceSummary.fetchAll(
                db, sql: FaceSummary.selection + " WHERE face.imageId = ? ORDER BY face.x", arguments: [imageId])
        }
    }
}
