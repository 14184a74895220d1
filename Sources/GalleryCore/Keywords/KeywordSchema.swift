import GRDB

/// The keyword side's tables ("v9: keyword index"): user tags and descriptions, the captions read
/// from photos, the words of model tags, and the FTS5 keyword index with the triggers that keep it
/// in step.
///
/// Every write that changes what an image's keyword document holds (a new or updated image, a
/// face assigned, a person renamed, a user tag, a description, an embedding's tags) marks the
/// image in `keywordDirty` through a trigger, in the write's own transaction; a deleted image
/// loses its document the same way. ``AppDatabase/refreshKeywordIndex(batchSize:)`` then rebuilds
/// the marked documents, in batches, so a crash at any moment leaves a marker to finish from.
enum KeywordSchema {
    /// The FTS5 table: one row per image (rowid = image id), one column per ``KeywordField``.
    static let indexTable = "keywordIndex"
    /// The FTS5 vocabulary of ``indexTable`` (one row per distinct term), for the typo fallback.
    static let vocabularyTable = "keywordVocabulary"

    static func migrate(_ db: Database) throws {
        // Captions read from the file (title, headline, description, comment) as JSON; NULL until
        // read, so photos indexed before this migration are read again (see CaptionBackfill).
        try db.alter(table: "image") { t in t.add(column: "captions", .jsonText) }
        try db.create(table: "imageTag") { t in
            t.belongsTo("image", onDelete: .cascade).notNull()
            t.column("tag", .text).notNull().collate(.nocase)
            t.column("createdAt", .datetime).notNull()
            t.primaryKey(["imageId", "tag"])
        }
        try db.create(index: "imageTag_tag", on: "imageTag", columns: ["tag"])
        try db.create(table: "imageDescription") { t in
            t.primaryKey("imageId", .integer).references("image", onDelete: .cascade)
            t.column("text", .text).notNull()
            t.column("updatedAt", .datetime).notNull()
        }
        // The words of each model tag (WordNet synonyms and hypernyms), installed from the model
        // files by ``AppDatabase/installTagWords(_:)``.
        try db.create(table: "tagWord") { t in
            t.primaryKey("label", .text)
            t.column("words", .text).notNull()
        }
        // Small facts about the index, e.g. which tag words it was built with.
        try db.create(table: "keywordState") { t in
            t.primaryKey("key", .text)
            t.column("value", .text).notNull()
        }
        try db.create(table: "keywordDirty") { t in
            t.primaryKey("imageId", .integer)
        }
        let columns = KeywordField.allCases.map(\.rawValue).joined(separator: ", ")
        try db.execute(
            sql: """
                CREATE VIRTUAL TABLE \(indexTable) USING fts5(
                    \(columns), tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4');
                CREATE VIRTUAL TABLE \(vocabularyTable) USING fts5vocab(\(indexTable), 'row');
                """)
        try db.execute(sql: triggers)
        // Catalogues made before this migration: every image gets its document at the next refresh.
        try db.execute(sql: "INSERT INTO keywordDirty(imageId) SELECT id FROM image")
    }

    /// Marks the images `select` gives (a column `id`) that are not marked yet. Not `INSERT OR
    /// IGNORE`: a trigger fired by an upsert (`INSERT ... ON CONFLICT DO UPDATE`) takes the outer
    /// statement's conflict policy, and would fail on an image already marked.
    private static func mark(_ select: String) -> String {
        "INSERT INTO keywordDirty(imageId) SELECT m.id FROM (\(select)) AS m "
            + "WHERE NOT EXISTS (SELECT 1 FROM keywordDirty d WHERE d.imageId = m.id)"
    }

    private static let triggers = """
        CREATE TRIGGER keyword_image_insert AFTER INSERT ON image BEGIN
            \(mark("SELECT new.id AS id"));
        END;
        CREATE TRIGGER keyword_image_update
        AFTER UPDATE OF path, contentHash, cameraMake, cameraModel, lensModel, keywords, captions ON image BEGIN
            \(mark("SELECT new.id AS id"));
        END;
        CREATE TRIGGER keyword_image_delete AFTER DELETE ON image BEGIN
            DELETE FROM \(indexTable) WHERE rowid = old.id;
            DELETE FROM keywordDirty WHERE imageId = old.id;
        END;
        CREATE TRIGGER keyword_face_insert AFTER INSERT ON face WHEN new.personId IS NOT NULL BEGIN
            \(mark("SELECT new.imageId AS id"));
        END;
        CREATE TRIGGER keyword_face_update AFTER UPDATE OF personId ON face
        WHEN new.personId IS NOT old.personId BEGIN
            \(mark("SELECT new.imageId AS id"));
        END;
        CREATE TRIGGER keyword_face_delete AFTER DELETE ON face WHEN old.personId IS NOT NULL BEGIN
            \(mark("SELECT old.imageId AS id WHERE EXISTS (SELECT 1 FROM image WHERE id = old.imageId)"));
        END;
        CREATE TRIGGER keyword_person_rename AFTER UPDATE OF name ON person
        WHEN new.name IS NOT old.name BEGIN
            \(mark("SELECT DISTINCT imageId AS id FROM face WHERE personId = new.id"));
        END;
        CREATE TRIGGER keyword_tag_insert AFTER INSERT ON imageTag BEGIN
            \(mark("SELECT new.imageId AS id"));
        END;
        CREATE TRIGGER keyword_tag_update AFTER UPDATE ON imageTag BEGIN
            \(mark("SELECT new.imageId AS id"));
        END;
        CREATE TRIGGER keyword_tag_delete AFTER DELETE ON imageTag BEGIN
            \(mark("SELECT old.imageId AS id WHERE EXISTS (SELECT 1 FROM image WHERE id = old.imageId)"));
        END;
        CREATE TRIGGER keyword_description_insert AFTER INSERT ON imageDescription BEGIN
            \(mark("SELECT new.imageId AS id"));
        END;
        CREATE TRIGGER keyword_description_update AFTER UPDATE ON imageDescription BEGIN
            \(mark("SELECT new.imageId AS id"));
        END;
        CREATE TRIGGER keyword_description_delete AFTER DELETE ON imageDescription BEGIN
            \(mark("SELECT old.imageId AS id WHERE EXISTS (SELECT 1 FROM image WHERE id = old.imageId)"));
        END;
        CREATE TRIGGER keyword_text_insert AFTER INSERT ON textRecognition BEGIN
            \(mark("SELECT id FROM image WHERE contentHash = new.contentHash"));
        END;
        CREATE TRIGGER keyword_text_update AFTER UPDATE ON textRecognition BEGIN
            \(mark("SELECT id FROM image WHERE contentHash = new.contentHash"));
        END;
        CREATE TRIGGER keyword_text_delete AFTER DELETE ON textRecognition BEGIN
            \(mark("SELECT id FROM image WHERE contentHash = old.contentHash"));
        END;
        CREATE TRIGGER keyword_place_insert AFTER INSERT ON imagePlace BEGIN
            \(mark("SELECT new.imageId AS id"));
        END;
        CREATE TRIGGER keyword_place_update AFTER UPDATE ON imagePlace BEGIN
            \(mark("SELECT new.imageId AS id"));
        END;
        CREATE TRIGGER keyword_place_delete AFTER DELETE ON imagePlace BEGIN
            \(mark("SELECT old.imageId AS id WHERE EXISTS (SELECT 1 FROM image WHERE id = old.imageId)"));
        END;
        CREATE TRIGGER keyword_embedding_insert AFTER INSERT ON embedding BEGIN
            \(mark("SELECT id FROM image WHERE contentHash = new.contentHash"));
        END;
        CREATE TRIGGER keyword_embedding_update AFTER UPDATE OF tags ON embedding BEGIN
            \(mark("SELECT id FROM image WHERE contentHash = new.contentHash"));
        END;
        CREATE TRIGGER keyword_embedding_delete AFTER DELETE ON embedding BEGIN
            \(mark("SELECT id FROM image WHERE contentHash = old.contentHash"));
        END;
        """
}
