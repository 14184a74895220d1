import Foundation
import GRDB

/// The person directory: reading it, and the decisions users make in it. Every decision marks
/// the faces it touches as the user's, so clustering never undoes it.
extension AppDatabase {
    /// The collection's persons, most photographed first; hidden ones only when asked.
    public func persons(collectionId: Int64, includeHidden: Bool = false) throws -> [PersonSummary] {
        try reader.read { db in
            try PersonSummary.fetchAll(
                db,
                sql: PersonSummary.selection + " WHERE person.collectionId = ?" + (includeHidden ? "" : " AND NOT person.hidden")
                    + PersonSummary.grouping + " ORDER BY faces DESC, person.name, person.id",
                arguments: [collectionId])
        }
    }

    /// One person of the collection.
    /// - Throws: ``PersonError/personNotFound(_:)``.
    public func person(id: Int64, collectionId: Int64) throws -> PersonSummary {
        try reader.read { db in try Self.summary(id: id, collectionId: collectionId, db) }
    }

    /// The photos a person is in, newest first, with the person's faces in each.
    /// - Throws: ``PersonError/personNotFound(_:)``.
    public func personReport(id: Int64, collectionId: Int64) throws -> PersonReport {
        try reader.read { db in
            let summary = try Self.summary(id: id, collectionId: collectionId, db)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT image.id, image.path, image.takenAt, GROUP_CONCAT(face.id) AS faceIds
                    FROM face JOIN image ON image.id = face.imageId
                    WHERE face.personId = ? GROUP BY image.id ORDER BY image.takenAt DESC, image.id DESC
                    """,
                arguments: [id])
            let photos = rows.map { row in
                PersonReport.Photo(
                    id: row["id"], path: row["path"], takenAt: row["takenAt"],
                    faceIds: (row["faceIds"] as String? ?? "").split(separator: ",").compactMap { Int64($0) })
            }
            return PersonReport(person: summary, photos: photos)
        }
    }

    /// Creates a named person with no faces yet (faces are added with ``assignFace(_:to:collectionId:)``).
    public func createPerson(name: String?, collectionId: Int64) throws -> PersonSummary {
        let name = try name.map(Self.validName)
        return try writer.write { db in
            var person = PersonRecord(collectionId: collectionId, name: name)
            try person.insert(db)
            return try Self.summary(id: person.id!, collectionId: collectionId, db)
        }
    }

    /// Names or renames a person; nil removes the name.
    public func renamePerson(_ id: Int64, to name: String?, collectionId: Int64) throws -> PersonSummary {
        let name = try name.map(Self.validName)
        return try writer.write { db in
            var person = try Self.record(id: id, collectionId: collectionId, db)
            person.name = name
            person.updatedAt = Date()
            try person.update(db)
            // Naming a person confirms the faces it holds.
            try Self.confirmFaces(of: id, db)
            return try Self.summary(id: id, collectionId: collectionId, db)
        }
    }

    /// Hides or shows a person.
    public func setPersonHidden(_ id: Int64, hidden: Bool, collectionId: Int64) throws -> PersonSummary {
        try writer.write { db in
            var person = try Self.record(id: id, collectionId: collectionId, db)
            person.hidden = hidden
            person.updatedAt = Date()
            try person.update(db)
            return try Self.summary(id: id, collectionId: collectionId, db)
        }
    }

    /// Chooses the face shown for a person; it must be one of theirs.
    public func setCoverFace(_ faceId: Int64, of personId: Int64, collectionId: Int64) throws -> PersonSummary {
        try writer.write { db in
            var person = try Self.record(id: personId, collectionId: collectionId, db)
            let face = try Self.faceRecord(id: faceId, collectionId: collectionId, db)
            guard face.personId == personId else { throw PersonError.faceNotFound(faceId) }
            person.coverFaceId = faceId
            person.updatedAt = Date()
            try person.update(db)
            return try Self.summary(id: personId, collectionId: collectionId, db)
        }
    }

    /// Moves every face of `others` into `target` and deletes them; the target keeps its name
    /// (or takes the first other's name when it has none).
    public func mergePersons(into target: Int64, from others: [Int64], collectionId: Int64) throws -> PersonSummary {
        let others = Array(Set(others).subtracting([target]))
        guard !others.isEmpty else { throw PersonError.nothingToMerge }
        return try writer.write { db in
            var person = try Self.record(id: target, collectionId: collectionId, db)
            for other in others {
                let merged = try Self.record(id: other, collectionId: collectionId, db)
                if person.name == nil { person.name = merged.name }
                try db.execute(sql: "UPDATE face SET personId = ? WHERE personId = ?", arguments: [target, other])
                try db.execute(
                    sql: "UPDATE OR IGNORE faceRejection SET personId = ? WHERE personId = ?", arguments: [target, other])
                _ = try merged.delete(db)
            }
            person.updatedAt = Date()
            try person.update(db)
            try Self.confirmFaces(of: target, db)
            return try Self.summary(id: target, collectionId: collectionId, db)
        }
    }

    /// Moves faces to another person, or to a new one (named `newName`) when `personId` is nil:
    /// a split. Returns the receiving person.
    public func moveFaces(
        _ faceIds: [Int64], to personId: Int64?, newName: String? = nil, collectionId: Int64
    ) throws
        -> PersonSummary
    {
        let newName = try newName.map(Self.validName)
        return try writer.write { db in
            let target: Int64
            if let personId {
                target = try Self.record(id: personId, collectionId: collectionId, db).id!
            } else {
                var person = PersonRecord(collectionId: collectionId, name: newName)
                try person.insert(db)
                target = person.id!
            }
            for faceId in faceIds {
                var face = try Self.faceRecord(id: faceId, collectionId: collectionId, db)
                if let previous = face.personId, previous != target {
                    try FaceRejection(faceId: faceId, personId: previous).insert(db, onConflict: .ignore)
                }
                face.personId = target
                face.assignedBy = .user
                face.verified = true
                try face.update(db)
                try db.execute(
                    sql: "DELETE FROM faceRejection WHERE faceId = ? AND personId = ?", arguments: [faceId, target])
            }
            try Self.removeEmptyUnnamedPersons(collectionId: collectionId, db)
            return try Self.summary(id: target, collectionId: collectionId, db)
        }
    }

    /// Assigns one face to a person (a user decision).
    public func assignFace(_ faceId: Int64, to personId: Int64, collectionId: Int64) throws -> PersonSummary {
        try moveFaces([faceId], to: personId, collectionId: collectionId)
    }

    /// Takes a face out of its person and marks it "not this person": clustering may put it in
    /// another person, never back in this one.
    public func rejectFace(_ faceId: Int64, collectionId: Int64) throws {
        try writer.write { db in
            var face = try Self.faceRecord(id: faceId, collectionId: collectionId, db)
            guard let personId = face.personId else { return }
            try FaceRejection(faceId: faceId, personId: personId).insert(db, onConflict: .ignore)
            face.personId = nil
            face.assignedBy = nil
            face.verified = false
            try face.update(db)
            try Self.removeEmptyUnnamedPersons(collectionId: collectionId, db)
        }
    }

    /// Deletes a person. Their faces are set aside (unassigned, and left out of clustering), so
    /// the person does not come back by itself.
    public func deletePerson(_ id: Int64, collectionId: Int64) throws {
        try writer.write { db in
            let person = try Self.record(id: id, collectionId: collectionId, db)
            try db.execute(
                sql: "UPDATE face SET personId = NULL, assignedBy = 'user', verified = 1 WHERE personId = ?", arguments: [id])
            _ = try person.delete(db)
        }
    }

    /// Faces waiting for a decision: unassigned faces in the clustering pool, then faces
    /// clustering assigned whose nearest same-person face is far (low confidence).
    public func reviewQueue(collectionId: Int64, settings: FaceClusteringSettings, limit: Int = 200) throws -> [FaceSummary] {
        try reader.read { db in
            let unassigned = try FaceSummary.fetchAll(
                db,
                sql: FaceSummary.selection + """
                     JOIN image ON image.id = face.imageId
                    WHERE image.collectionId = ? AND face.personId IS NULL AND face.assignedBy IS NULL
                    ORDER BY face.score DESC LIMIT ?
                    """,
                arguments: [collectionId, limit])
            // Only what the distances need: not the chips.
            let automatic = try Row.fetchAll(
                db,
                sql: """
                    SELECT face.id, face.personId, face.descriptor FROM face JOIN image ON image.id = face.imageId
                    WHERE image.collectionId = ? AND face.assignedBy = 'auto' AND NOT face.verified
                    """,
                arguments: [collectionId])
            let byPerson = Dictionary(grouping: automatic) { ($0["personId"] as Int64?) ?? 0 }
            var doubtful: [Int64] = []
            for faces in byPerson.values where faces.count > 1 {
                // Doubtful: no other face of the person within 0.85 of the distance.
                var hasNeighbour = [Bool](repeating: false, count: faces.count)
                DescriptorSet(faces.map { VectorCoding.float32Vector($0["descriptor"]) })
                    .forEachPair(within: Float(settings.distance * 0.85)) { row, column, _ in
                        hasNeighbour[row] = true
                        hasNeighbour[column] = true
                    }
                for (index, face) in faces.enumerated() where !hasNeighbour[index] { doubtful.append(face["id"]) }
            }
            let low =
                doubtful.isEmpty
                ? []
                : try FaceSummary.fetchAll(
                    db, sql: FaceSummary.selection + " WHERE face.id IN (\(doubtful.map(String.init).joined(separator: ",")))")
            return Array((unassigned + low).prefix(limit))
        }
    }

    /// The persons a user's reference means: the person with that id when `reference` is the id
    /// of one of the collection's persons, otherwise the visible persons with that name
    /// (case-insensitive); empty when none.
    public func personIds(referencedBy reference: String, collectionId: Int64) throws -> [Int64] {
        let text = reference.trimmingCharacters(in: .whitespaces)
        if let id = Int64(text), (try? person(id: id, collectionId: collectionId)) != nil { return [id] }
        return try personIds(named: text, collectionId: collectionId)
    }

    /// Ids of the visible persons of a collection named `name` (case-insensitive).
    public func personIds(named name: String, collectionId: Int64) throws -> [Int64] {
        try reader.read { db in
            try Int64.fetchAll(
                db,
                sql: "SELECT id FROM person WHERE collectionId = ? AND NOT hidden AND name = ? COLLATE NOCASE",
                arguments: [collectionId, name.trimmingCharacters(in: .whitespaces)])
        }
    }

    // MARK: - Helpers inside a transaction

    static func validName(_ name: String) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 200 else { throw PersonError.invalidName(name) }
        return trimmed
    }

    static func record(id: Int64, collectionId: Int64, _ db: Database) throws -> PersonRecord {
        guard
            let person = try PersonRecord.filter(PersonRecord.Columns.id == id && PersonRecord.Columns.collectionId == collectionId)
                .fetchOne(db)
        else { throw PersonError.personNotFound(id) }
        return person
    }

    static func summary(id: Int64, collectionId: Int64, _ db: Database) throws -> PersonSummary {
        guard
            let summary = try PersonSummary.fetchOne(
                db, sql: PersonSummary.selection + " WHERE person.id = ? AND person.collectionId = ?" + PersonSummary.grouping,
                arguments: [id, collectionId])
        else { throw PersonError.personNotFound(id) }
        return summary
    }

    static func faceRecord(id: Int64, collectionId: Int64, _ db: Database) throws -> FaceRecord {
        guard
            let face = try FaceRecord.fetchOne(
                db,
                sql: "SELECT face.* FROM face JOIN image ON image.id = face.imageId WHERE face.id = ? AND image.collectionId = ?",
                arguments: [id, collectionId])
        else { throw PersonError.faceNotFound(id) }
        return face
    }

    /// Marks every face of a person as the user's.
    static func confirmFaces(of personId: Int64, _ db: Database) throws {
        try db.execute(sql: "UPDATE face SET assignedBy = 'user', verified = 1 WHERE personId = ?", arguments: [personId])
    }

    /// Deletes persons that have neither faces nor a name (left behind by moves).
    static func removeEmptyUnnamedPersons(collectionId: Int64, _ db: Database) throws {
        try db.execute(
            sql: """
                DELETE FROM person WHERE collectionId = ? AND name IS NULL
                  AND NOT EXISTS (SELECT 1 FROM face WHERE face.personId = person.id)
                """,
            arguments: [collectionId])
    }
}
