import GRDB

/// The catalogue tables of dominant colours ("v12: colours"), keyed by content like embeddings
/// and OCR text, so copies share them and moves keep them.
enum ColourSchema {
    static func migrate(_ db: Database) throws {
        // One row per content scanned: its swatches (JSON, largest first), or none and the
        // problem when its thumbnail could not be read (not retried by every scan).
        try db.create(table: "colourPalette") { t in
            t.primaryKey("contentHash", .text)
            t.column("swatches", .jsonText).notNull()
            t.column("problem", .text)
            t.column("scannedAt", .datetime).notNull()
        }
        // What `color:` filters on: each colour word of a palette, its share and its rank (1: the
        // largest).
        try db.create(table: "colourShare", options: .withoutRowID) { t in
            t.column("contentHash", .text).notNull()
            t.column("name", .text).notNull()
            t.column("share", .double).notNull()
            t.column("rank", .integer).notNull()
            t.primaryKey(["contentHash", "name"])
        }
        try db.create(index: "colourShare_name", on: "colourShare", columns: ["name", "share"])
        // The timeline's and the map's indexes ride in this migration (the session's one name).
        try TimelineSchema.createIndex(db)
        try MapPosition.createIndex(db)
    }
}
