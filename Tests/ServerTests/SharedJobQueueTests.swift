import Foundation
import GalleryCore
import GalleryTestSupport
import Logging
import Testing

@testable import GalleryServer

/// Two ``JobQueue``s in one process, as two servers with their own holder ids on one
/// PostgreSQL jobs table: what a job queue must do when several servers share it.
@Suite("Job queues of two servers on one PostgreSQL table")
struct SharedJobQueueTests {
    /// Which server's runner ran which job (by its root), in order.
    actor RunLog {
        private(set) var runs: [(server: String, root: String)] = []
        private var started: [String: CheckedContinuation<Void, Never>] = [:]
        private var startedRoots: Set<String> = []

        func record(_ server: String, _ root: String) {
            runs.append((server, root))
            startedRoots.insert(root)
            started.removeValue(forKey: root)?.resume()
        }

        /// Returns once a runner has started the job with `root`.
        func waitUntilStarted(_ root: String) async {
            guard !startedRoots.contains(root) else { return }
            await withCheckedContinuation { started[root] = $0 }
        }
    }

    /// A server: its store, its queue, and the task that runs the queue.
    struct QueueServer {
        let store: PostgresJobStore
        let queue: JobQueue
        let task: Task<Void, Never>
    }

    /// A lease of `lease`, renewed often (a busy machine delays a beat), and a quick poll.
    static func settings(_ holder: String, lease: Duration) -> JobLeaseSettings {
        JobLeaseSettings(holder: holder, lease: lease, heartbeat: .milliseconds(250), poll: .milliseconds(250))
    }

    /// Starts a queue on its own connections; its runner logs each job and, for a root in
    /// `hang`, runs until it is cancelled.
    static func start(
        _ name: String, url: String, catalog: AppDatabase, log: RunLog, lease: Duration = .seconds(300), hang: Set<String> = []
    ) async throws -> QueueServer {
        let store = try await PostgresJobStore.open(
            address: try PostgresAddress(url), requestTimeout: PostgresTestServer.requestTimeout, logger: .quiet)
        let queue = JobQueue(
            store: store, catalog: catalog,
            runner: { spec, _ in
                let root = spec.roots.first ?? ""
                await log.record(name, root)
                if hang.contains(root) { try await Task.sleep(for: .seconds(3600)) }
                return .text(TextScanSummary())
            },
            settings: settings(name, lease: lease), retention: JobRetention(days: 7, perUser: 1000), metrics: ServerMetrics(),
            logger: .quiet,
            onFinished: { _ in })
        return QueueServer(store: store, queue: queue, task: Task { await queue.run() })
    }

    /// The job `id` once it is over, or as it stands after a generous deadline (so that a lost
    /// job fails the test instead of hanging it).
    static func finished(_ id: Int64, on server: QueueServer) async -> JobSnapshot? {
        let deadline = Task {
            try await Task.sleep(for: .seconds(300))
            await server.queue.stop()
        }
        defer { deadline.cancel() }
        return await server.queue.wait(id: id)
    }

    static func fixture() throws -> (AppDatabase, owner: Int64, collection: CollectionRecord) {
        let catalog = try AppDatabase.inMemory()
        let owner = try catalog.createUser(name: "anna").user.id!
        return (catalog, owner, try #require(try catalog.collection(named: "photos", ownerId: owner, createIfMissing: true)))
    }

    @Test("jobs queued on either server are run by one of them, each exactly once")
    func eachJobOnce() async throws {
        let postgres = try PostgresTestServer()
        defer { postgres.stop() }
        let (catalog, owner, collection) = try Self.fixture()
        let log = RunLog()
        let servers = [
            try await Self.start("server-a", url: postgres.url, catalog: catalog, log: log),
            try await Self.start("server-b", url: postgres.url, catalog: catalog, log: log),
        ]
        var random = SplitMix64(seed: 31)
        var jobs: [(id: Int64, root: String, server: QueueServer)] = []
        for index in 0..<40 {
            let server = servers.randomElement(using: &random)!
            let kind = Bool.random(using: &random) ? "index_folder" : "index_upload"
            let job = try await server.queue.enqueue(JobSpec(kind: kind, ownerId: owner, collection: collection, roots: ["/job-\(index)"]))
            jobs.append((job.id, "/job-\(index)", server))
        }
        for job in jobs {
            let done = await Self.finished(job.id, on: job.server)
            #expect(done?.state == .completed, "\(job.root): \(String(describing: done))")
            #expect(done?.attempts == 1)
        }
        let runs = await log.runs
        #expect(runs.map(\.root).sorted() == jobs.map(\.root).sorted())
        #expect(Set(runs.map(\.server)).isSubset(of: ["server-a", "server-b"]))
        for server in servers {
            await server.queue.stop()
            await server.task.value
            server.store.close()
        }
    }

    @Test("a server stopped abruptly mid-job: the other takes the job over once its lease is over, and finishes it once")
    func takeover() async throws {
        let postgres = try PostgresTestServer()
        defer { postgres.stop() }
        let (catalog, owner, collection) = try Self.fixture()
        let log = RunLog()
        // A short lease, so that the takeover comes soon (the test waits for it however long it takes).
        let dying = try await Self.start("server-a", url: postgres.url, catalog: catalog, log: log, lease: .seconds(5), hang: ["/big"])
        defer { dying.store.close() }
        let job = try await dying.queue.enqueue(JobSpec(kind: "index_folder", ownerId: owner, collection: collection, roots: ["/big"]))
        await log.waitUntilStarted("/big")

        // As a crash would: the queue's task is cancelled; nothing is recorded, the lease not renewed.
        dying.task.cancel()
        await dying.task.value
        let abandoned = try #require(try await dying.store.job(id: job.id))
        #expect(abandoned.state == .running && abandoned.holder == "server-a")

        let survivor = try await Self.start("server-b", url: postgres.url, catalog: catalog, log: log, lease: .seconds(5))
        let done = await Self.finished(job.id, on: survivor)
        #expect(done?.state == .completed, "\(String(describing: done))")
        #expect(done?.attempts == 2)
        let runs = await log.runs
        #expect(runs.map(\.server) == ["server-a", "server-b"])
        let stored = try #require(try await survivor.store.job(id: job.id))
        #expect(stored.state == .completed && stored.holder == nil)
        await survivor.queue.stop()
        await survivor.task.value
        survivor.store.close()
    }
}
