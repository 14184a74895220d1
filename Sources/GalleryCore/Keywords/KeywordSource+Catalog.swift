import Foundation
import GRDB

/// The sources read from the catalogue's own tables.
extension KeywordSource {
    /// File and folder names, split into words.
    static let names = KeywordSource(field: .names) { db, ids in
        try KeywordSource.texts(db, sql: "SELECT id, path AS text FROM image WHERE id IN", ids: ids)
            .mapValues { paths in paths.map { NameWords.words(ofPath: $0).joined(separator: " ") } }
    }

    /// XMP/IPTC keywords and the captions read from the file.
    static let captions = KeywordSource(field: .captions) { db, ids in
        let decoder = JSONDecoder()
        var result: [Int64: [String]] = [:]
        let rows = try Row.fetchCursor(
            db, sql: "SELECT id, keywords, captions FROM image WHERE id IN (\(databaseQuestionMarks(count: ids.count)))",
            arguments: StatementArguments(ids))
        while let row = try rows.next() {
            let keywords = (row["keywords"] as String?).flatMap { try? decoder.decode([String].self, from: Data($0.utf8)) } ?? []
            let captions = (row["captions"] as String?).flatMap { try? decoder.decode(PhotoCaptions.self, from: Data($0.utf8)) }
            let texts = keywords + (captions?.texts ?? [])
            if !texts.isEmpty { result[row["id"]] = texts }
        }
        return result
    }

    /// Camera make, model and lens.
    static let camera = KeywordSource(field: .camera) { db, ids in
        try KeywordSource.texts(
            db,
            sql: """
                SELECT id, TRIM(IFNULL(cameraMake, '') || ' ' || IFNULL(cameraModel, '') || ' ' || IFNULL(lensModel, '')) AS text
                FROM image WHERE id IN
                """, ids: ids)
    }

    /// Names of the persons whose faces are in the photo.
    static let people = KeywordSource(field: .people) { db, ids in
        try KeywordSource.texts(
            db,
            sql: """
                SELECT DISTINCT face.imageId AS id, person.name AS text
                FROM face JOIN person ON person.id = face.personId
                WHERE person.name IS NOT NULL AND face.imageId IN
                """, ids: ids)
    }

    /// The user's tags and description.
    static let user = KeywordSource(field: .user) { db, ids in
        let tags = try KeywordSource.texts(db, sql: "SELECT imageId AS id, tag AS text FROM imageTag WHERE imageId IN", ids: ids)
        let descriptions = try KeywordSource.texts(db, sql: "SELECT imageId AS id, text FROM imageDescription WHERE imageId IN", ids: ids)
        return tags.merging(descriptions, uniquingKeysWith: +)
    }
}
