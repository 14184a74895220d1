import GRDB

/// The tables of albums, favourites and ratings (migration "v11: albums").
enum AlbumSchema {
    static func migrate(_ db: Database) throws {
        // An album of a collection: manual (its photos listed in `albumImage`) or smart (`query`
        // set: a saved query of the query language, evaluated when the album is opened).
        try db.create(table: "album") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("collection", onDelete: .cascade).notNull()
            t.column("name", .text).notNull()
            t.column("query", .text)
            t.column("coverImageId", .integer).references("image", onDelete: .setNull)
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
        }
        try db.execute(sql: "CREATE UNIQUE INDEX album_collection_name ON album(collectionId, name COLLATE NOCASE)")
        // A manual album's photos, in the album's order (`position`, 0-based, no gaps).
        try db.create(table: "albumImage") { t in
            t.belongsTo("album", onDelete: .cascade).notNull()
            t.belongsTo("image", onDelete: .cascade).notNull()
            t.column("position", .integer).notNull()
            t.column("addedAt", .datetime).notNull()
            t.primaryKey(["albumId", "imageId"])
        }
        try db.create(index: "albumImage_position", on: "albumImage", columns: ["albumId", "position"])
        try db.create(index: "albumImage_image", on: "albumImage", columns: ["imageId"])
        // Favourites and 0-5 star ratings; a photo with neither has no row.
        try db.create(table: "imageMark") { t in
            t.primaryKey("imageId", .integer).references("image", onDelete: .cascade)
            t.column("favorite", .boolean).notNull().defaults(to: false)
            t.column("rating", .integer).notNull().defaults(to: 0).check { (0...5).contains($0) }
            t.column("updatedAt", .datetime).notNull()
        }
        try db.execute(sql: "CREATE INDEX imageMark_favorite ON imageMark(favorite) WHERE favorite")
    }
}
