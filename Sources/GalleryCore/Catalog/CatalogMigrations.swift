import GRDB

/// The catalogue's schema, as append-only migrations. A shipped migration is never edited:
/// changes go into a new one.
enum CatalogMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: collections, images, index runs") { db in
            try db.create(table: "collection") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull()
                t.column("ownerId", .integer)
                t.column("createdAt", .datetime).notNull()
            }
            // One ownerless collection per name, and one per name for each owner.
            try db.execute(sql: "CREATE UNIQUE INDEX collection_owner_name ON collection(IFNULL(ownerId, 0), name)")

            try db.create(table: "image") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("collection", onDelete: .cascade).notNull()
                t.column("path", .text).notNull()
                t.column("status", .text).notNull()
                t.column("fileSize", .integer).notNull()
                t.column("modifiedAt", .double).notNull()
                t.column("contentHash", .text)
                t.column("format", .text)
                t.column("width", .integer)
                t.column("height", .integer)
                t.column("takenAt", .datetime)
                t.column("takenAtOffset", .text)
                t.column("cameraMake", .text)
                t.column("cameraModel", .text)
                t.column("lensModel", .text)
                t.column("latitude", .double)
                t.column("longitude", .double)
                t.column("altitude", .double)
                t.column("orientation", .integer)
                t.column("exposureTime", .double)
                t.column("fNumber", .double)
                t.column("iso", .integer)
                t.column("focalLength", .double)
                t.column("keywords", .jsonText).notNull().defaults(to: "[]")
                t.column("failureReason", .text)
                t.column("failureMessage", .text)
                t.column("indexedAt", .datetime).notNull()
                t.uniqueKey(["collectionId", "path"])
            }
            try db.create(index: "image_contentHash", on: "image", columns: ["contentHash"])
            try db.create(index: "image_collection_takenAt", on: "image", columns: ["collectionId", "takenAt"])
            try db.create(index: "image_collection_status", on: "image", columns: ["collectionId", "status"])

            try db.create(table: "indexRun") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("collection", onDelete: .cascade).notNull()
                t.column("roots", .jsonText).notNull()
                t.column("startedAt", .datetime).notNull()
                t.column("finishedAt", .datetime)
                t.column("counts", .jsonText).notNull()
            }
        }
        migrator.registerMigration("v2: embeddings by content and model") { db in
            // Keyed by content, not by image: copies share one embedding, moves keep theirs.
            try db.create(table: "embedding") { t in
                t.column("contentHash", .text).notNull()
                t.column("model", .text).notNull()
                t.column("vector", .blob).notNull()
                t.column("visual", .blob).notNull()
                t.column("tags", .jsonText).notNull()
                t.column("createdAt", .datetime).notNull()
                t.primaryKey(["model", "contentHash"])
            }
        }
        migrator.registerMigration("v3: users and tokens") { db in
            try db.create(table: "user") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().unique()
                t.column("isAdmin", .boolean).notNull().defaults(to: false)
                t.column("createdAt", .datetime).notNull()
            }
            // Tokens are stored as SHA-256 digests only.
            try db.create(table: "token") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("user", onDelete: .cascade).notNull()
                t.column("hash", .text).notNull().unique()
                t.column("createdAt", .datetime).notNull()
            }
        }
        migrator.registerMigration("v4: faces and persons") { db in
            // The content hash an image's faces were found in; NULL until it is scanned.
            try db.alter(table: "image") { t in t.add(column: "facesHash", .text) }
            try db.create(table: "person") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("collection", onDelete: .cascade).notNull()
                t.column("name", .text)
                t.column("coverFaceId", .integer)
                t.column("hidden", .boolean).notNull().defaults(to: false)
                t.column("createdAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
            }
            try db.create(table: "face") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("image", onDelete: .cascade).notNull()
                // Box and keypoints normalised to the upright image (0...1).
                t.column("x", .double).notNull()
                t.column("y", .double).notNull()
                t.column("width", .double).notNull()
                t.column("height", .double).notNull()
                t.column("keypoints", .jsonText).notNull()
                t.column("score", .double).notNull()
                t.column("descriptor", .blob).notNull()
                t.column("chip", .blob)
                t.belongsTo("person", onDelete: .setNull)
                t.column("assignedBy", .text)
                t.column("verified", .boolean).notNull().defaults(to: false)
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(index: "face_person", on: "face", columns: ["personId"])
            // "Not this person": clustering never puts the face back into the person.
            try db.create(table: "faceRejection") { t in
                t.belongsTo("face", onDelete: .cascade).notNull()
                t.belongsTo("person", onDelete: .cascade).notNull()
                t.primaryKey(["faceId", "personId"])
            }
        }
        migrator.registerMigration("v5: token names, expiry and revocation") { db in
            // Revoking deletes the token's row; expired tokens stay listed until revoked.
            try db.alter(table: "token") { t in
                t.add(column: "name", .text).notNull().defaults(to: "initial")
                t.add(column: "expiresAt", .datetime)
                t.add(column: "lastUsedAt", .datetime)
            }
            try db.create(index: "token_user", on: "token", columns: ["userId"])
        }
        migrator.registerMigration("v6: jobs") { db in
            // Background jobs, kept across restarts; finished ones are pruned by the server.
            try db.create(table: "job") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("kind", .text).notNull()
                t.belongsTo("owner", inTable: "user", onDelete: .cascade).notNull()
                t.belongsTo("collection", onDelete: .cascade).notNull()
                t.column("roots", .jsonText).notNull()
                t.column("options", .jsonText).notNull()
                t.column("state", .text).notNull()
                t.column("progress", .jsonText).notNull()
                t.column("result", .jsonText)
                t.column("error", .text)
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("createdAt", .datetime).notNull()
                t.column("startedAt", .datetime)
                t.column("finishedAt", .datetime)
            }
            try db.create(index: "job_owner", on: "job", columns: ["ownerId", "id"])
            try db.create(index: "job_state", on: "job", columns: ["state"])
        }
        migrator.registerMigration("v7: text in photos") { db in
            // OCR results by content and OCR model: copies share them, a new model rescans.
            // `lines` is JSON (text, confidence, box normalised to the upright image); `folded`
            // is the lines joined by spaces, lowercased and without diacritics, for search.
            try db.create(table: "textRecognition") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("contentHash", .text).notNull()
                t.column("model", .text).notNull()
                t.column("text", .text).notNull()
                t.column("lines", .jsonText).notNull()
                t.column("folded", .text).notNull()
                t.column("scannedAt", .datetime).notNull()
                t.uniqueKey(["contentHash", "model"])
            }
            // Trigram full-text index over the folded text (SQLite 3.40 here: its trigram
            // tokenizer has no remove_diacritics, so the text is folded before it is indexed).
            try db.execute(
                sql: """
                    CREATE VIRTUAL TABLE textSearch USING fts5(
                      folded, content='textRecognition', content_rowid='id', tokenize='trigram');
                    CREATE TRIGGER textRecognition_ai AFTER INSERT ON textRecognition BEGIN
                      INSERT INTO textSearch(rowid, folded) VALUES (new.id, new.folded);
                    END;
                    CREATE TRIGGER textRecognition_ad AFTER DELETE ON textRecognition BEGIN
                      INSERT INTO textSearch(textSearch, rowid, folded) VALUES ('delete', old.id, old.folded);
                    END;
                    CREATE TRIGGER textRecognition_au AFTER UPDATE ON textRecognition BEGIN
                      INSERT INTO textSearch(textSearch, rowid, folded) VALUES ('delete', old.id, old.folded);
                      INSERT INTO textSearch(rowid, folded) VALUES (new.id, new.folded);
                    END;
                    """)
        }
        migrator.registerMigration("v8: places") { db in
            // Where a photo with a GPS position was taken (offline reverse geocoding): the
            // position looked up and the data version, so a moved position or new data places
            // it again; city and the rest NULL when no town is near enough (at sea).
            try db.create(table: "imagePlace") { t in
                t.primaryKey("imageId", .integer).references("image", onDelete: .cascade)
                t.column("latitude", .double).notNull()
                t.column("longitude", .double).notNull()
                t.column("city", .text)
                t.column("region", .text)
                t.column("country", .text)
                t.column("countryCode", .text)
                t.column("distanceKm", .double)
                t.column("placesVersion", .text).notNull()
            }
        }
        migrator.registerMigration("v9: keyword index", migrate: KeywordSchema.migrate)
        migrator.registerMigration("v10: duplicates", migrate: DuplicateSchema.migrate)
        migrator.registerMigration("v11: albums", migrate: AlbumSchema.migrate)
        migrator.registerMigration("v12: colours", migrate: ColourSchema.migrate)
        migrator.registerMigration("v13: place keys") { db in
            // Each place name folded as query mentions fold them, so that a filter typed
            // "zurich" or "rostov na donu" finds "Zürich" and "Rostov-na-Donu".
            try db.alter(table: "imagePlace") { t in
                t.add(column: "cityKey", .text)
                t.add(column: "regionKey", .text)
                t.add(column: "countryKey", .text)
            }
            let update = try db.makeStatement(sql: "UPDATE imagePlace SET cityKey = ?, regionKey = ?, countryKey = ? WHERE imageId = ?")
            for row in try Row.fetchAll(db, sql: "SELECT imageId, city, region, country FROM imagePlace") {
                let keys = ["city", "region", "country"].map { (row[$0] as String?).map(PlaceVocabulary.key(of:)) }
                try update.execute(arguments: [keys[0], keys[1], keys[2], row["imageId"]])
            }
        }
        migrator.registerMigration("v14: embeddings by content") { db in
            // The embedding table's key starts with the model: what looks a content's embeddings
            // up across models (its tags for the keyword document, the duplicate check's visual
            // features) scanned the whole table once per photo without this.
            try db.create(index: "embedding_contentHash", on: "embedding", columns: ["contentHash"])
        }
        migrator.registerMigration("v15: sidecars") { db in
            // The XMP sidecar read with each photo (JSON: path, size, modification time), so that
            // an edited sidecar is read again though the photo did not change. NULL on older
            // records: a photo that has a sidecar is read again once.
            try db.alter(table: "image") { t in t.add(column: "sidecar", .text) }
        }
        migrator.registerMigration("v16: image etag") { db in
            // Originals that are objects of a bucket root: their entity tag, with the size, tells
            // the next run which objects changed without downloading them. NULL for files.
            try db.alter(table: "image") { t in t.add(column: "etag", .text) }
        }
        migrator.registerMigration("v17: job leases") { db in
            // Jobs are claimed from the table (JobStore): each on its lane, by a holder whose
            // claim stands until `leaseUntil`; a job running when this migrates had its holder
            // stop, and is queued again.
            try db.alter(table: "job") { t in
                t.add(column: "lane", .text).notNull().defaults(to: "background")
                t.add(column: "holder", .text)
                t.add(column: "leaseUntil", .datetime)
            }
            try db.execute(sql: "UPDATE job SET lane = 'interactive' WHERE kind IN ('index_upload', 'index_image')")
            try db.execute(sql: "UPDATE job SET state = 'queued' WHERE state = 'running'")
            try db.create(index: "job_claim", on: "job", columns: ["state", "lane", "id"])
        }
        return migrator
    }
}
