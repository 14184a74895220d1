import GRDB

extension AppDatabase {
    /// Indexed images of a collection matching the query's filter, newest first (images without
    /// a capture date last), one page at a time.
    public func findImages(_ query: ImageQuery) throws -> ImagePage {
        try reader.read { db in
            let base = query.filter.apply(to: ImageRecord.shown(in: query.collectionId))
            let total = try base.fetchCount(db)
            let images =
                try base
                .order(sql: "takenAt IS NULL, takenAt DESC, id")
                .limit(query.limit, offset: min(query.offset, total))
                .fetchAll(db)
            return ImagePage(images: images, total: total)
        }
    }

    /// One image of a collection by id.
    public func image(id: Int64, collectionId: Int64) throws -> ImageRecord? {
        try reader.read { db in
            try ImageRecord
                .filter(ImageRecord.Columns.id == id && ImageRecord.Columns.collectionId == collectionId)
                .fetchOne(db)
        }
    }

    /// One image of a collection by absolute path.
    public func image(path: String, collectionId: Int64) throws -> ImageRecord? {
        try reader.read { db in
            try ImageRecord
                .filter(ImageRecord.Columns.path == path && ImageRecord.Columns.collectionId == collectionId)
                .fetchOne(db)
        }
    }
}
