import Foundation
import GRDB

/// What clustering reads from the catalogue, in one read transaction.
struct ClusteringInput: Sendable {
    /// Faces in persons that clustering keeps where they are.
    var assigned: [FaceClustering.Face] = []
    /// Faces open to clustering: unassigned and not set aside, plus, in a full run, the automatic
    /// unconfirmed assignments it releases.
    var pool: [FaceClustering.Face] = []
    /// The automatic assignments a full run releases (empty for an incremental run).
    var released: [Int64] = []
    var rejections: Set<FacePersonPair> = []
    /// Faces in the collection.
    var faceCount = 0
}

extension AppDatabase {
    /// The collection's faces as clustering needs them (descriptors, not chips).
    func clusteringInput(collectionId: Int64, full: Bool) throws -> ClusteringInput {
        try reader.read { db in
            var input = ClusteringInput()
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT face.id, face.descriptor, face.personId, face.assignedBy, face.verified FROM face
                    JOIN image ON image.id = face.imageId WHERE image.collectionId = ?
                    """,
                arguments: [collectionId])
            while let row = try rows.next() {
                input.faceCount += 1
                let id: Int64 = row["id"]
                let personId: Int64? = row["personId"]
                let assignedBy: FaceAssignment? = row["assignedBy"]
                let descriptor = VectorCoding.float32Vector(row["descriptor"])
                if full, personId != nil, assignedBy == .auto, !(row["verified"] as Bool) {
                    input.released.append(id)
                    input.pool.append(FaceClustering.Face(id: id, descriptor: descriptor))
                } else if personId != nil {
                    input.assigned.append(FaceClustering.Face(id: id, descriptor: descriptor, personId: personId))
                } else if assignedBy == nil {
                    input.pool.append(FaceClustering.Face(id: id, descriptor: descriptor))
                }
            }
            input.rejections = try Self.rejections(collectionId: collectionId, db)
            return input
        }
    }

    /// Writes clustering decisions in one transaction, keeping only those still valid: a face
    /// joins or founds a person only if it is still in the pool (not deleted, assigned or set aside
    /// meanwhile), a join needs its person to still exist and not to have been ruled out for the
    /// face since, and a new person needs `minClusterSize` such faces.
    func applyClustering(
        _ decisions: FaceClustering.Decisions, from input: ClusteringInput, collectionId: Int64, minClusterSize: Int
    ) throws -> ClusteringSummary {
        try writer.write { db in
            if !input.released.isEmpty {
                try db.execute(
                    sql: """
                        UPDATE face SET personId = NULL, assignedBy = NULL
                        WHERE id IN (SELECT value FROM json_each(?)) AND assignedBy = 'auto' AND NOT verified
                        """,
                    arguments: [Self.jsonArray(input.released)])
                try AppDatabase.removeEmptyUnnamedPersons(collectionId: collectionId, db)
            }
            let decided = Array(decisions.joins.keys) + decisions.newPersons.joined()
            let stillOpen = try Int64.fetchSet(
                db,
                sql: "SELECT id FROM face WHERE id IN (SELECT value FROM json_each(?)) AND personId IS NULL AND assignedBy IS NULL",
                arguments: [Self.jsonArray(decided)])
            let persons = try Int64.fetchSet(db, sql: "SELECT id FROM person WHERE collectionId = ?", arguments: [collectionId])
            let rejections = try Self.rejections(collectionId: collectionId, db)
            var joined = 0
            for (faceId, personId) in decisions.joins
            where stillOpen.contains(faceId) && persons.contains(personId)
                && !rejections.contains(FacePersonPair(faceId: faceId, personId: personId))
            {
                try Self.assign(faceId, to: personId, db)
                joined += 1
            }
            var newPersons = 0
            var founded = 0
            for group in decisions.newPersons {
                let members = group.filter(stillOpen.contains)
                guard members.count >= minClusterSize else { continue }
                var person = PersonRecord(collectionId: collectionId)
                try person.insert(db)
                for faceId in members { try Self.assign(faceId, to: person.id!, db) }
                newPersons += 1
                founded += members.count
            }
            let personCount =
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM person WHERE collectionId = ?", arguments: [collectionId]) ?? 0
            return ClusteringSummary(
                faces: input.faceCount, joined: joined, newPersons: newPersons, unassigned: input.pool.count - joined - founded,
                persons: personCount)
        }
    }

    private static func assign(_ faceId: Int64, to personId: Int64, _ db: Database) throws {
        try db.execute(sql: "UPDATE face SET personId = ?, assignedBy = 'auto' WHERE id = ?", arguments: [personId, faceId])
    }

    private static func rejections(collectionId: Int64, _ db: Database) throws -> Set<FacePersonPair> {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT faceRejection.faceId, faceRejection.personId FROM faceRejection
                JOIN person ON person.id = faceRejection.personId WHERE person.collectionId = ?
                """,
            arguments: [collectionId])
        return Set(rows.map { FacePersonPair(faceId: $0["faceId"], personId: $0["personId"]) })
    }

    private static func jsonArray(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }
}
