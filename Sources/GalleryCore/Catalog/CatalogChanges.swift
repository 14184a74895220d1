import Foundation
import GRDB

/// A catalogue's version: it differs after any commit, by this process or another (a
/// `gallery index` beside the server), so that what was computed from the catalogue can be
/// checked for staleness without reading it again.
public struct CatalogVersion: Sendable, Hashable {
    /// SQLite's `PRAGMA data_version` on the connection that watches.
    var dataVersion: Int64
    /// Rows that connection changed itself (data_version leaves its own commits out).
    var ownChanges: Int
}

/// Reads a catalogue's ``CatalogVersion``. A pool's connections each see only the others'
/// commits, so the version of a pool comes from one more read-only connection of its own,
/// opened on first use, which sees them all; a queue (a catalogue in memory) has one
/// connection, whose own changes are counted besides.
final class CatalogChanges: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var watcher: DatabaseQueue?

    /// The version of the catalogue `writer` holds.
    func version(of writer: any DatabaseWriter) throws -> CatalogVersion {
        guard let pool = writer as? DatabasePool else {
            return try writer.read { db in CatalogVersion(dataVersion: try Self.dataVersion(db), ownChanges: db.totalChangesCount) }
        }
        let queue = try lock.withLock {
            if let watcher { return watcher }
            var configuration = Configuration()
            configuration.readonly = true
            let opened = try DatabaseQueue(path: pool.path, configuration: configuration)
            watcher = opened
            return opened
        }
        return try queue.inDatabase { db in CatalogVersion(dataVersion: try Self.dataVersion(db), ownChanges: 0) }
    }

    private static func dataVersion(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0
    }
}

extension AppDatabase {
    /// The catalogue's version now: equal versions mean no commit came between them.
    /// - Throws: a GRDB error when the catalogue cannot be read.
    public func version() throws -> CatalogVersion {
        try changes.version(of: writer)
    }
}
