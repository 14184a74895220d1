import GRDB

/// The duplicate side's tables ("v10: duplicates").
///
/// - `perceptualHash`: dHash and pHash per content (copies share them), cut into eight indexed
///   16-bit chunks `c0...c7` for Hamming lookups (see ``HammingBuckets``); NULL hashes when the
///   picture is flat or its thumbnail could not be read (matched by content hash only).
/// - `duplicateLookup`: which image has been compared against its collection, for which
///   content: a new or changed image has no row for its content and is looked up next.
/// - `duplicatePair`: two images of one collection found alike, with their tier and distances
///   (`imageId < otherId`); groups are the connected pairs of a tier.
/// - `duplicateResolution`: images set aside by a resolved group (hidden or stacked under a
///   keeper); deleting the keeper deletes the row, so the photo comes back rather than stay
///   hidden behind nothing.
enum DuplicateSchema {
    static func migrate(_ db: Database) throws {
        try db.create(table: "perceptualHash") { t in
            t.primaryKey("contentHash", .text)
            t.column("dHash", .integer)
            t.column("pHash", .integer)
            for chunk in 0..<HammingBuckets.chunkCount { t.column("c\(chunk)", .integer) }
            t.column("computedAt", .datetime).notNull()
        }
        for chunk in 0..<HammingBuckets.chunkCount {
            try db.create(index: "perceptualHash_c\(chunk)", on: "perceptualHash", columns: ["c\(chunk)"])
        }
        try db.create(table: "duplicateLookup") { t in
            t.primaryKey("imageId", .integer).references("image", onDelete: .cascade)
            t.column("contentHash", .text).notNull()
            t.column("lookedAt", .datetime).notNull()
        }
        try db.create(table: "duplicatePair") { t in
            t.column("imageId", .integer).notNull().references("image", onDelete: .cascade)
            t.column("otherId", .integer).notNull().references("image", onDelete: .cascade)
            t.column("collectionId", .integer).notNull().references("collection", onDelete: .cascade)
            t.column("tier", .text).notNull()
            t.column("dHashDistance", .integer)
            t.column("pHashDistance", .integer)
            t.column("embeddingDistance", .double)
            t.column("seconds", .double)
            t.primaryKey(["imageId", "otherId"])
        }
        try db.create(index: "duplicatePair_other", on: "duplicatePair", columns: ["otherId"])
        try db.create(index: "duplicatePair_collection_tier", on: "duplicatePair", columns: ["collectionId", "tier"])
        try db.create(table: "duplicateResolution") { t in
            t.primaryKey("imageId", .integer).references("image", onDelete: .cascade)
            t.column("keeperId", .integer).notNull().references("image", onDelete: .cascade)
            t.column("tier", .text).notNull()
            t.column("action", .text).notNull()
            t.column("resolvedAt", .datetime).notNull()
        }
        try db.create(index: "duplicateResolution_keeper", on: "duplicateResolution", columns: ["keeperId"])
    }
}
