import Foundation
import GRDB

/// Runs ``FaceClustering`` on a collection's faces and writes its decisions, in one transaction.
///
/// Incremental by default: assigned faces stay where they are, unassigned ones join persons or
/// form new ones. A full run first releases every automatic, unconfirmed assignment, so the
/// whole library is clustered again; user decisions (confirmed faces, merges, splits, "not this
/// person" marks, set-aside faces) survive both.
///
/// ```swift
/// let summary = try FaceClusterer(catalog: catalog, settings: .init()).cluster(collectionId: id)
/// ```
public struct FaceClusterer: Sendable {
    public let catalog: AppDatabase
    public let settings: FaceClusteringSettings

    public init(catalog: AppDatabase, settings: FaceClusteringSettings) {
        self.catalog = catalog
        self.settings = settings
    }

    /// Clusters the collection's faces.
    public func cluster(collectionId: Int64, full: Bool = false) throws -> ClusteringSummary {
        try catalog.writer.write { db in
            if full {
                try db.execute(
                    sql: """
                        UPDATE face SET personId = NULL, assignedBy = NULL
                        WHERE assignedBy = 'auto' AND NOT verified
                          AND imageId IN (SELECT id FROM image WHERE collectionId = ?)
                        """,
                    arguments: [collectionId])
                try AppDatabase.removeEmptyUnnamedPersons(collectionId: collectionId, db)
            }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT face.id, face.descriptor, face.personId, face.assignedBy FROM face
                    JOIN image ON image.id = face.imageId WHERE image.collectionId = ?
                    """,
                arguments: [collectionId])
            var assigned: [FaceClustering.Face] = []
            var pool: [FaceClustering.Face] = []
            for row in rows {
                let face = FaceClustering.Face(
                    id: row["id"], descriptor: VectorCoding.float32Vector(row["descriptor"]), personId: row["personId"])
                if face.personId != nil {
                    assigned.append(face)
                } else if (row["assignedBy"] as String?) == nil {
                    pool.append(face)
                }
            }
            let rejections = try Row.fetchAll(
                db,
                sql: """
                    SELECT faceRejection.faceId, faceRejection.personId FROM faceRejection
                    JOIN person ON person.id = faceRejection.personId WHERE person.collectionId = ?
                    """,
                arguments: [collectionId]
            ).map { FacePersonPair(faceId: $0["faceId"], personId: $0["personId"]) }

            let decisions = FaceClustering(settings: settings).decide(
                assigned: assigned, pool: pool, rejections: Set(rejections))
            for (faceId, personId) in decisions.joins {
                try db.execute(
                    sql: "UPDATE face SET personId = ?, assignedBy = 'auto' WHERE id = ?", arguments: [personId, faceId])
            }
            for members in decisions.newPersons {
                var person = PersonRecord(collectionId: collectionId)
                try person.insert(db)
                for faceId in members {
                    try db.execute(
                        sql: "UPDATE face SET personId = ?, assignedBy = 'auto' WHERE id = ?", arguments: [person.id, faceId])
                }
            }
            let persons =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM person WHERE collectionId = ?", arguments: [collectionId]) ?? 0
            return ClusteringSummary(
                faces: rows.count, joined: decisions.joins.count, newPersons: decisions.newPersons.count,
                unassigned: pool.count - decisions.joins.count - decisions.newPersons.reduce(0) { $0 + $1.count },
                persons: persons)
        }
    }
}

/// What a clustering run did.
public struct ClusteringSummary: Codable, Sendable, Equatable {
    /// Faces in the collection.
    public var faces: Int
    /// Unassigned faces that joined an existing person.
    public var joined: Int
    /// Persons made from the unassigned pool.
    public var newPersons: Int
    /// Faces still waiting in the pool.
    public var unassigned: Int
    /// Persons in the collection now.
    public var persons: Int

    enum CodingKeys: String, CodingKey {
        case faces, joined, unassigned, persons
        case newPersons = "new_persons"
    }
}
