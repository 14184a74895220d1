import Foundation
import GRDB
import GalleryCore
import GalleryTestSupport
import Logging

/// The two ``JobStore`` implementations the same cases run against.
enum JobStoreKind: String, CaseIterable, CustomStringConvertible, Sendable {
    case sqlite
    case postgres

    var description: String { rawValue }
}

/// A store of one kind, the users and collection its jobs belong to, and, on PostgreSQL, the
/// server and the other servers' stores (``peer()``); closed by ``close()``.
final class JobStoreUnderTest: @unchecked Sendable {
    let kind: JobStoreKind
    let store: any JobStore
    /// Two users, and a collection their jobs name.
    let anna: Int64, ben: Int64, collection: Int64
    private let catalog: AppDatabase
    private let server: PostgresTestServer?
    private var peers: [PostgresJobStore] = []

    private init(kind: JobStoreKind, store: any JobStore, catalog: AppDatabase, server: PostgresTestServer?) throws {
        self.kind = kind
        self.store = store
        self.catalog = catalog
        self.server = server
        anna = try catalog.createUser(name: "anna").user.id!
        ben = try catalog.createUser(name: "ben").user.id!
        collection = try catalog.defaultCollection().id!
    }

    /// An empty store; a PostgreSQL one on a server of its own.
    static func make(_ kind: JobStoreKind) async throws -> JobStoreUnderTest {
        let catalog = try AppDatabase.inMemory()
        switch kind {
        case .sqlite:
            return try JobStoreUnderTest(kind: kind, store: SQLiteJobStore(catalog: catalog), catalog: catalog, server: nil)
        case .postgres:
            let server = try PostgresTestServer()
            let store = try await PostgresJobStore.open(
                address: try PostgresAddress(server.url), requestTimeout: PostgresTestServer.requestTimeout, logger: .quiet)
            return try JobStoreUnderTest(kind: kind, store: store, catalog: catalog, server: server)
        }
    }

    /// Another server's store on the same jobs: on PostgreSQL a store with connections of its
    /// own; on SQLite (one server per catalogue) the same store.
    func peer() async throws -> any JobStore {
        guard let server else { return store }
        let peer = try await PostgresJobStore.open(
            address: try PostgresAddress(server.url), requestTimeout: PostgresTestServer.requestTimeout, logger: .quiet)
        peers.append(peer)
        return peer
    }

    /// A queued job of `owner`'s, on `lane`.
    func job(_ owner: Int64, lane: JobLane = .background, roots: [String] = []) -> JobRecord {
        JobRecord(
            kind: lane == .interactive ? "index_upload" : "index_folder", ownerId: owner, collectionId: collection, roots: roots, lane: lane
        )
    }

    /// Moves the end of finished job `id` `days` into the past, through the database itself.
    func backdate(_ id: Int64, days: Int) throws {
        if let server {
            try server.sql("UPDATE job SET finished_at = finished_at - interval '\(days) days' WHERE id = \(id)")
        } else {
            try catalog.writer.write { db in
                var job = try JobRecord.fetchOne(db, key: id)!
                job.finishedAt = job.finishedAt?.addingTimeInterval(-Double(days) * 86_400)
                try job.update(db)
            }
        }
    }

    func close() {
        for peer in peers { peer.close() }
        (store as? PostgresJobStore)?.close()
        server?.stop()
    }
}
