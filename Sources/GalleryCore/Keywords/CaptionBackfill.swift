import Foundation
import GRDB

/// Reads the captions (and keywords) of photos indexed before captions were read: only their
/// metadata, from the file's header, never the pixels or the embedding. Resumable: each batch is
/// committed, and only photos still without captions are read.
///
/// ```swift
/// let read = try CaptionBackfill(catalog: catalog, decoder: PhotoDecoder()).run(collectionId: 1)
/// ```
public struct CaptionBackfill: Sendable {
    public let catalog: AppDatabase
    public let decoder: PhotoDecoder
    public var batchSize = 64

    public init(catalog: AppDatabase, decoder: PhotoDecoder) {
        self.catalog = catalog
        self.decoder = decoder
    }

    /// Reads the photos of `collectionId` that have no captions yet.
    /// - Returns: How many photos were read (a file that cannot be read counts, with no captions).
    @discardableResult
    public func run(collectionId: Int64) throws -> Int {
        var total = 0
        var after: Int64 = 0
        while true {
            // A cancelled index job stops between batches; the next run reads the rest.
            try Task.checkCancellation()
            let batch = try catalog.reader.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT id, path FROM image
                        WHERE collectionId = ? AND status = 'indexed' AND captions IS NULL AND id > ? ORDER BY id LIMIT ?
                        """,
                    arguments: [collectionId, after, batchSize]
                ).map { (id: $0["id"] as Int64, path: $0["path"] as String) }
            }
            guard let last = batch.last else { return total }
            after = last.id
            let read = batch.map { image in (image.id, metadata(atPath: image.path)) }
            try catalog.writer.write { db in
                let encoder = JSONEncoder()
                for (id, metadata) in read {
                    let captions = String(decoding: try encoder.encode(metadata?.captions ?? PhotoCaptions()), as: UTF8.self)
                    if let keywords = metadata?.keywords {
                        try db.execute(
                            sql: "UPDATE image SET captions = ?, keywords = ? WHERE id = ?",
                            arguments: [captions, String(decoding: try encoder.encode(keywords), as: UTF8.self), id])
                    } else {
                        try db.execute(sql: "UPDATE image SET captions = ? WHERE id = ?", arguments: [captions, id])
                    }
                }
            }
            total += batch.count
        }
    }

    /// The metadata of the file at `path`, or nil when it cannot be read as an image now.
    private func metadata(atPath path: String) -> PhotoMetadata? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? decoder.inspect(data).metadata
    }
}
