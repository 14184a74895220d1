import Foundation
import GRDB

/// The catalogue: collections, images and index runs in one SQLite database.
///
/// Writes are methods named for their intent; each is one transaction, so a crash or a kill at
/// any moment leaves the catalogue as it was before or after that write, never in between.
///
/// ```swift
/// let catalog = try AppDatabase.open(at: configuration.catalogURL)
/// let collection = try catalog.defaultCollection()
/// ```
public struct AppDatabase: Sendable {
    /// The underlying GRDB writer: a `DatabasePool` (WAL) on disk, a `DatabaseQueue` in tests.
    public let writer: any DatabaseWriter
    /// The keyword index's words, kept for the typo fallback (shared by copies of this value).
    let keywordVocabulary = KeywordVocabulary()
    /// Reads ``version()`` (shared by copies of this value).
    let changes = CatalogChanges()

    /// Wraps `writer` and brings its schema up to date.
    /// - Throws: a GRDB error when a migration fails.
    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        try CatalogMigrations.migrator.migrate(writer)
    }

    /// Opens (creating if needed) the catalogue at `url` in WAL mode.
    public static func open(at url: URL) throws -> AppDatabase {
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        return try AppDatabase(DatabasePool(path: url.path, configuration: makeConfiguration()))
    }

    /// An empty catalogue in memory, for tests.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: makeConfiguration()))
    }

    /// The database configuration shared by every connection: foreign keys, a busy timeout so
    /// the CLI and the server can share a catalogue, and the SQL functions searches use.
    static func makeConfiguration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // The writer keeps up to 64 MiB of pages (SQLite's default is 2 MiB): the keyword
            // refresh's FTS5 merges read the same segments again and again, from the disk when
            // they do not fit (10,000 documents: 4.9 s -> 1.5 s with batches of 500; README).
            // Each reader keeps up to 32 MiB: a keyword search reads the index and a row of
            // every match, again at each search (100,000 images, 840 matches: 10 -> 2.5 ms).
            try db.execute(sql: "PRAGMA cache_size = \(db.configuration.readonly ? -32768 : -65536)")
            // Every connection reads the file through a mapping of up to 1 GiB instead of a
            // `pread` and a copy per page: a search reads its images' rows and their embeddings'
            // tags (past each vector's overflow pages) on every request.
            try db.execute(sql: "PRAGMA mmap_size = \(Self.mappedBytes)")
            db.add(function: SQLFunctions.distanceKilometres)
            db.add(function: SQLFunctions.hamming)
        }
        return configuration
    }

    /// The most of the catalogue file a connection maps into memory (``makeConfiguration()``).
    static let mappedBytes = 1 << 30

    /// A reader for queries.
    public var reader: any DatabaseReader { writer }

    /// The folder that holds the catalogue file (the data folder); nil for one in memory.
    public var folder: URL? {
        let path = writer.path
        guard !path.isEmpty, path != ":memory:" else { return nil }
        return URL(fileURLWithPath: path).deletingLastPathComponent()
    }
}
