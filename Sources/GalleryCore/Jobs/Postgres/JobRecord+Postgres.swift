import Foundation
import PostgresNIO

/// How a ``JobRecord`` is read from the PostgreSQL `job` table (``PostgresMigrations``' "v2").
extension JobRecord {
    /// The columns a statement returns for ``init(row:)``.
    static let postgresColumns = """
        id, kind, owner_id, collection_id, roots, options, lane, state, holder, lease_until, progress, result, error,
        attempts, created_at, started_at, finished_at
        """

    /// A job from a row with ``postgresColumns``; `options` and `progress` are JSON.
    init(row: PostgresRow) throws {
        let row = row.makeRandomAccess()
        let decoder = JSONDecoder()
        self.init(
            kind: try row["kind"].decode(String.self), ownerId: try row["owner_id"].decode(Int64.self),
            collectionId: try row["collection_id"].decode(Int64.self), roots: try row["roots"].decode([String].self),
            options: try decoder.decode(JobOptions.self, from: Data(try row["options"].decode(String.self).utf8)),
            lane: try Self.value(JobLane.self, row["lane"]), createdAt: try row["created_at"].decode(Date.self))
        id = try row["id"].decode(Int64.self)
        state = try Self.value(JobState.self, row["state"])
        holder = try row["holder"].decode(String?.self)
        leaseUntil = try row["lease_until"].decode(Date?.self)
        progress = try decoder.decode(JobProgress.self, from: Data(try row["progress"].decode(String.self).utf8))
        result = try row["result"].decode(String?.self)
        error = try row["error"].decode(String?.self)
        attempts = Int(try row["attempts"].decode(Int32.self))
        startedAt = try row["started_at"].decode(Date?.self)
        finishedAt = try row["finished_at"].decode(Date?.self)
    }

    /// The job's `options` as stored.
    var optionsJSON: String { Self.json(options) }

    /// A value (options, progress) as stored: JSON.
    static func json(_ value: some Encodable) -> String {
        // Plain structs of numbers, strings and booleans always encode.
        String(decoding: (try? JSONEncoder().encode(value)) ?? Data("{}".utf8), as: UTF8.self)
    }

    private static func value<T: RawRepresentable<String>>(_ type: T.Type, _ cell: PostgresCell) throws -> T {
        let raw = try cell.decode(String.self)
        guard let value = T(rawValue: raw) else {
            // The connector passes its own errors on as they are.
            throw EmbeddingStoreError.database(server: "", sqlState: "", message: "unknown \(type) \"\(raw)\" in the job table")
        }
        return value
    }
}
