import Foundation
import GRDB

/// Albums of a collection: create, list, rename, re-query, delete. Every call names the
/// collection, so an album of another collection (another user's) is never found. The photos
/// of manual albums are in ``AppDatabase/addToAlbum(_:albumId:collectionId:)`` and its kin.
extension AppDatabase {
    /// The collection's albums, by name.
    public func albums(collectionId: Int64) throws -> [AlbumSummary] {
        try reader.read { db in
            let albums = try AlbumRecord.filter(AlbumRecord.Columns.collectionId == collectionId)
                .order(sql: "name COLLATE NOCASE, id").fetchAll(db)
            return try albums.map { try Self.summary($0, db) }
        }
    }

    /// One album of the collection.
    /// - Throws: ``AlbumError/albumNotFound(_:)``.
    public func album(id: Int64, collectionId: Int64) throws -> AlbumSummary {
        try reader.read { db in try Self.summary(try Self.requireAlbum(id, collectionId: collectionId, db), db) }
    }

    /// The album of the collection with this name (ignoring case).
    /// - Throws: ``AlbumError/albumNameNotFound(_:)``.
    public func album(named name: String, collectionId: Int64) throws -> AlbumRecord {
        try reader.read { db in
            guard
                let album = try AlbumRecord.fetchOne(
                    db, sql: "SELECT * FROM album WHERE collectionId = ? AND name = ? COLLATE NOCASE", arguments: [collectionId, name])
            else { throw AlbumError.albumNameNotFound(name) }
            return album
        }
    }

    /// Creates an album: a manual one, or a smart one when `query` is given (a query of the
    /// query language; ``AlbumService`` checks that it parses).
    /// - Throws: ``AlbumError``: an invalid name or query, a name taken, too many albums.
    public func createAlbum(name: String, query: String? = nil, collectionId: Int64) throws -> AlbumSummary {
        let name = try AlbumLimits.name(name)
        let query = try query.map { text throws(AlbumError) in try AlbumLimits.query(text) }
        return try writer.write { db in
            let count = try AlbumRecord.filter(AlbumRecord.Columns.collectionId == collectionId).fetchCount(db)
            guard count < AlbumLimits.maxAlbums else { throw AlbumError.tooManyAlbums(limit: AlbumLimits.maxAlbums) }
            try Self.requireFreeName(name, collectionId: collectionId, except: nil, db)
            var album = AlbumRecord(collectionId: collectionId, name: name, query: query)
            try album.insert(db)
            return try Self.summary(album, db)
        }
    }

    /// Renames an album.
    /// - Throws: ``AlbumError``: no such album, an invalid name, a name taken.
    public func renameAlbum(id: Int64, to name: String, collectionId: Int64) throws -> AlbumSummary {
        let name = try AlbumLimits.name(name)
        return try writer.write { db in
            var album = try Self.requireAlbum(id, collectionId: collectionId, db)
            try Self.requireFreeName(name, collectionId: collectionId, except: id, db)
            album.name = name
            album.updatedAt = Date()
            try album.update(db)
            return try Self.summary(album, db)
        }
    }

    /// Changes a smart album's query.
    /// - Throws: ``AlbumError``: no such album, a manual album, an invalid query.
    public func setAlbumQuery(id: Int64, to query: String, collectionId: Int64) throws -> AlbumSummary {
        let query = try AlbumLimits.query(query)
        return try writer.write { db in
            var album = try Self.requireAlbum(id, collectionId: collectionId, db)
            guard album.isSmart else {
                throw AlbumError.invalidQuery("'\(album.name)' is a manual album; create a smart album for a query")
            }
            album.query = query
            album.updatedAt = Date()
            try album.update(db)
            return try Self.summary(album, db)
        }
    }

    /// Deletes an album (never its photos).
    /// - Throws: ``AlbumError/albumNotFound(_:)``.
    public func deleteAlbum(id: Int64, collectionId: Int64) throws {
        try writer.write { db in
            _ = try Self.requireAlbum(id, collectionId: collectionId, db)
            _ = try AlbumRecord.deleteOne(db, key: id)
        }
    }

    static func requireAlbum(_ id: Int64, collectionId: Int64, _ db: Database) throws -> AlbumRecord {
        guard
            let album = try AlbumRecord.filter(AlbumRecord.Columns.id == id && AlbumRecord.Columns.collectionId == collectionId)
                .fetchOne(db)
        else { throw AlbumError.albumNotFound(id) }
        return album
    }

    private static func requireFreeName(_ name: String, collectionId: Int64, except id: Int64?, _ db: Database) throws {
        let taken = try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM album WHERE collectionId = ? AND name = ? COLLATE NOCASE AND id IS NOT ?)",
            arguments: [collectionId, name, id])
        if taken == true { throw AlbumError.nameTaken(name) }
    }

    static func summary(_ album: AlbumRecord, _ db: Database) throws -> AlbumSummary {
        guard !album.isSmart else { return AlbumSummary(album, imageCount: nil, coverImageId: album.coverImageId) }
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM albumImage WHERE albumId = ?", arguments: [album.id]) ?? 0
        let first = try Int64.fetchOne(
            db, sql: "SELECT imageId FROM albumImage WHERE albumId = ? ORDER BY position LIMIT 1", arguments: [album.id])
        return AlbumSummary(album, imageCount: count, coverImageId: album.coverImageId ?? first)
    }
}
