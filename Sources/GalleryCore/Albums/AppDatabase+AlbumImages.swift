import Foundation
import GRDB

/// The photos of manual albums: add, remove, order, cover, and pages in the album's order.
/// Each edit is one transaction, written in batches of ``AlbumLimits/batchSize``, so an album
/// of thousands of photos is edited in one step and a refused edit changes nothing.
extension AppDatabase {
    /// Adds photos of the collection to the end of a manual album, in the order given (ones
    /// already in it stay where they are).
    /// - Throws: ``AlbumError``: no such album, a smart album, unknown images, too many.
    @discardableResult
    public func addToAlbum(_ imageIds: [Int64], albumId: Int64, collectionId: Int64) throws -> AlbumEdit {
        let ids = try AlbumLimits.edit(imageIds)
        return try writer.write { db in
            let album = try Self.requireManualAlbum(albumId, collectionId: collectionId, db)
            try Self.requireImages(ids, collectionId: collectionId, db)
            let present = try Self.members(of: albumId, among: ids, db)
            let new = ids.filter { !present.contains($0) }
            let count = try Self.memberCount(albumId, db)
            guard count + new.count <= AlbumLimits.maxImagesPerAlbum else {
                throw AlbumError.albumFull(limit: AlbumLimits.maxImagesPerAlbum)
            }
            // After the last position (deleted photos leave gaps, closed at the next reorder).
            var position =
                try Int.fetchOne(db, sql: "SELECT IFNULL(MAX(position), -1) + 1 FROM albumImage WHERE albumId = ?", arguments: [albumId])
                ?? 0
            let insert = try db.cachedStatement(
                sql: "INSERT INTO albumImage(albumId, imageId, position, addedAt) VALUES (?, ?, ?, ?)")
            let now = Date()
            for id in new {
                try insert.execute(arguments: [albumId, id, position, now])
                position += 1
            }
            try Self.touch(album, db)
            return AlbumEdit(changed: new.count, unchanged: ids.count - new.count, imageCount: count + new.count)
        }
    }

    /// Removes photos from a manual album (ones not in it are ignored); the rest close up.
    /// - Throws: ``AlbumError``: no such album, a smart album, too many at once.
    @discardableResult
    public func removeFromAlbum(_ imageIds: [Int64], albumId: Int64, collectionId: Int64) throws -> AlbumEdit {
        let ids = try AlbumLimits.edit(imageIds)
        return try writer.write { db in
            let album = try Self.requireManualAlbum(albumId, collectionId: collectionId, db)
            let present = try Self.members(of: albumId, among: ids, db)
            for batch in Array(present).chunked(AlbumLimits.batchSize) {
                try db.execute(
                    sql: "DELETE FROM albumImage WHERE albumId = ? AND imageId IN (\(databaseQuestionMarks(count: batch.count)))",
                    arguments: StatementArguments([albumId] + batch))
            }
            if let cover = album.coverImageId, present.contains(cover) {
                try db.execute(sql: "UPDATE album SET coverImageId = NULL WHERE id = ?", arguments: [albumId])
            }
            let order = try Int64.fetchAll(
                db, sql: "SELECT imageId FROM albumImage WHERE albumId = ? ORDER BY position", arguments: [albumId])
            try Self.renumber(albumId, order, db)
            try Self.touch(album, db)
            return AlbumEdit(changed: present.count, unchanged: ids.count - present.count, imageCount: order.count)
        }
    }

    /// Moves photos of a manual album, in the order given, to `position` (0: the start; past
    /// the end: the end) among the others.
    /// - Throws: ``AlbumError``: no such album, a smart album, photos not in the album.
    @discardableResult
    public func moveInAlbum(_ imageIds: [Int64], to position: Int, albumId: Int64, collectionId: Int64) throws -> AlbumEdit {
        let ids = try AlbumLimits.edit(imageIds)
        return try writer.write { db in
            let album = try Self.requireManualAlbum(albumId, collectionId: collectionId, db)
            let present = try Self.members(of: albumId, among: ids, db)
            let missing = ids.filter { !present.contains($0) }
            guard missing.isEmpty else { throw AlbumError.imagesNotFound(missing) }
            let moving = Set(ids)
            var order = try Int64.fetchAll(
                db, sql: "SELECT imageId FROM albumImage WHERE albumId = ? ORDER BY position", arguments: [albumId]
            ).filter { !moving.contains($0) }
            order.insert(contentsOf: ids, at: min(max(0, position), order.count))
            try Self.renumber(albumId, order, db)
            try Self.touch(album, db)
            return AlbumEdit(changed: ids.count, unchanged: 0, imageCount: order.count)
        }
    }

    /// Sets the photo shown for an album (nil: its first photo). A manual album's cover must
    /// be one of its photos; a smart album's any photo of the collection.
    /// - Throws: ``AlbumError``: no such album, a photo not in it.
    public func setAlbumCover(_ imageId: Int64?, albumId: Int64, collectionId: Int64) throws -> AlbumSummary {
        try writer.write { db in
            var album = try Self.requireAlbum(albumId, collectionId: collectionId, db)
            if let imageId {
                let allowed =
                    album.isSmart
                    ? try Self.existing([imageId], collectionId: collectionId, db).contains(imageId)
                    : try Self.members(of: albumId, among: [imageId], db).contains(imageId)
                guard allowed else { throw AlbumError.coverNotInAlbum(imageId) }
            }
            album.coverImageId = imageId
            album.updatedAt = Date()
            try album.update(db)
            return try Self.summary(album, db)
        }
    }

    /// A page of a manual album's indexed photos, in the album's order (a photo set aside as a
    /// duplicate is left out: its keeper took its place when it was resolved).
    /// - Throws: ``AlbumError/albumNotFound(_:)``.
    public func albumImages(albumId: Int64, collectionId: Int64, offset: Int, limit: Int) throws -> ImagePage {
        try reader.read { db in
            _ = try Self.requireAlbum(albumId, collectionId: collectionId, db)
            let from = """
                FROM albumImage JOIN image ON image.id = albumImage.imageId
                WHERE albumImage.albumId = ? AND image.status = 'indexed' AND \(ImageRecord.notSetAside)
                """
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) \(from)", arguments: [albumId]) ?? 0
            let images = try ImageRecord.fetchAll(
                db, sql: "SELECT image.* \(from) ORDER BY albumImage.position LIMIT ? OFFSET ?",
                arguments: [albumId, max(0, limit), max(0, min(offset, total))])
            return ImagePage(images: images, total: total)
        }
    }

    /// The albums of the collection that hold a photo, by name.
    public func albums(containing imageId: Int64, collectionId: Int64) throws -> [AlbumSummary] {
        try reader.read { db in
            let albums = try AlbumRecord.fetchAll(
                db,
                sql: """
                    SELECT album.* FROM album JOIN albumImage ON albumImage.albumId = album.id
                    WHERE albumImage.imageId = ? AND album.collectionId = ? ORDER BY album.name COLLATE NOCASE
                    """,
                arguments: [imageId, collectionId])
            return try albums.map { try Self.summary($0, db) }
        }
    }

    /// Indexed photos of the collection by id, in the order of `ids` (others are left out).
    public func images(ids: [Int64], collectionId: Int64) throws -> [ImageRecord] {
        try reader.read { db in
            var byId: [Int64: ImageRecord] = [:]
            for batch in ids.chunked(AlbumLimits.batchSize) {
                let images = try ImageRecord.fetchAll(
                    db,
                    sql: """
                        SELECT * FROM image WHERE collectionId = ? AND status = 'indexed'
                        AND id IN (\(databaseQuestionMarks(count: batch.count)))
                        """,
                    arguments: StatementArguments([collectionId] + batch))
                for image in images { byId[image.id!] = image }
            }
            return ids.compactMap { byId[$0] }
        }
    }

    static func requireManualAlbum(_ id: Int64, collectionId: Int64, _ db: Database) throws -> AlbumRecord {
        let album = try requireAlbum(id, collectionId: collectionId, db)
        guard !album.isSmart else { throw AlbumError.smartAlbum(album.name) }
        return album
    }

    /// The ones of `ids` that are photos of the collection.
    static func existing(_ ids: [Int64], collectionId: Int64, _ db: Database) throws -> Set<Int64> {
        var found = Set<Int64>()
        for batch in ids.chunked(AlbumLimits.batchSize) {
            found.formUnion(
                try Int64.fetchAll(
                    db, sql: "SELECT id FROM image WHERE collectionId = ? AND id IN (\(databaseQuestionMarks(count: batch.count)))",
                    arguments: StatementArguments([collectionId] + batch)))
        }
        return found
    }

    /// - Throws: ``AlbumError/imagesNotFound(_:)`` naming the ids that are not photos of the collection.
    static func requireImages(_ ids: [Int64], collectionId: Int64, _ db: Database) throws {
        let found = try existing(ids, collectionId: collectionId, db)
        let missing = ids.filter { !found.contains($0) }
        guard missing.isEmpty else { throw AlbumError.imagesNotFound(missing) }
    }

    private static func members(of albumId: Int64, among ids: [Int64], _ db: Database) throws -> Set<Int64> {
        var found = Set<Int64>()
        for batch in ids.chunked(AlbumLimits.batchSize) {
            found.formUnion(
                try Int64.fetchAll(
                    db,
                    sql: "SELECT imageId FROM albumImage WHERE albumId = ? AND imageId IN (\(databaseQuestionMarks(count: batch.count)))",
                    arguments: StatementArguments([albumId] + batch)))
        }
        return found
    }

    private static func memberCount(_ albumId: Int64, _ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM albumImage WHERE albumId = ?", arguments: [albumId]) ?? 0
    }

    /// Writes positions 0, 1, ... in `order` (only the rows whose position changes).
    private static func renumber(_ albumId: Int64, _ order: [Int64], _ db: Database) throws {
        let update = try db.cachedStatement(
            sql: "UPDATE albumImage SET position = ? WHERE albumId = ? AND imageId = ? AND position IS NOT ?")
        for (position, id) in order.enumerated() { try update.execute(arguments: [position, albumId, id, position]) }
    }

    private static func touch(_ album: AlbumRecord, _ db: Database) throws {
        try db.execute(sql: "UPDATE album SET updatedAt = ? WHERE id = ?", arguments: [Date(), album.id])
    }
}
