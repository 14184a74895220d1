import Foundation
import GalleryCore
import GalleryTestSupport
import Testing

/// The cases every ``JobStore`` passes, run against the SQLite catalogue and against PostgreSQL
/// (a real server per case; "another server" is a second store with connections of its own).
@Suite("JobStore, SQLite and PostgreSQL")
struct JobStoreTests {
    static let long = Duration.seconds(300)

    @Test("a claim takes the oldest queued job of its lane, running under the holder's lease", arguments: JobStoreKind.allCases)
    func claimOrder(_ kind: JobStoreKind) async throws {
        let subject = try await JobStoreUnderTest.make(kind)
        defer { subject.close() }
        let store = subject.store
        var ids: [JobLane: [Int64]] = [:]
        for (index, lane) in [JobLane.background, .interactive, .background, .background, .interactive].enumerated() {
            let job = try await store.enqueue(subject.job(subject.anna, lane: lane, roots: ["/\(index)"]))
            #expect(job.state == .queued && job.lane == lane && job.holder == nil && job.attempts == 0)
            ids[lane, default: []].append(try #require(job.id))
        }
        for lane in JobLane.allCases {
            for id in ids[lane]! {
                let claimed = try #require(try await store.claim(lane: lane, holder: "a", lease: Self.long))
                #expect(claimed.id == id && claimed.state == .running && claimed.holder == "a" && claimed.attempts == 1)
                #expect(claimed.startedAt != nil && claimed.leaseUntil! > claimed.startedAt!)
            }
            #expect(try await store.claim(lane: lane, holder: "a", lease: Self.long) == nil)
        }
        #expect(try await store.activeCount() == 5)
        let done = try await store.finish(
            id: ids[.background]![0], holder: "a", ending: .completed(result: #"{"faces":3}"#),
            progress: JobProgress(done: 3, total: 3, stage: .clustering))
        #expect(done.state == .completed && done.result == #"{"faces":3}"# && done.finishedAt != nil && done.holder == nil)
        #expect(try await store.job(id: done.id!) == done)
        #expect(try await store.activeCount() == 4)
    }

    @Test("many holders claiming at once take each job exactly once", arguments: JobStoreKind.allCases)
    func concurrentClaims(_ kind: JobStoreKind) async throws {
        let subject = try await JobStoreUnderTest.make(kind)
        defer { subject.close() }
        var random = SplitMix64(seed: 21)
        var queued: Set<Int64> = []
        for index in 0..<120 {
            let lane = Bool.random(using: &random) ? JobLane.background : .interactive
            queued.insert(try #require(try await subject.store.enqueue(subject.job(subject.anna, lane: lane, roots: ["/\(index)"])).id))
        }
        // Four servers, four claimers each, every claimer trying the lanes in a seeded order.
        var stores: [any JobStore] = [subject.store]
        for _ in 1..<4 { stores.append(try await subject.peer()) }
        let claims = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for claimer in 0..<16 {
                let store = stores[claimer % stores.count]
                group.addTask {
                    var random = SplitMix64(seed: 100 + UInt64(claimer))
                    var mine: [Int64] = []
                    var emptyLanes: Set<JobLane> = []
                    while emptyLanes.count < JobLane.allCases.count {
                        let lane = JobLane.allCases.randomElement(using: &random)!
                        if let job = try await store.claim(lane: lane, holder: "claimer-\(claimer)", lease: Self.long) {
                            #expect(job.holder == "claimer-\(claimer)")
                            mine.append(job.id!)
                        } else {
                            emptyLanes.insert(lane)
                        }
                    }
                    for id in mine {
                        try await store.finish(
                            id: id, holder: "claimer-\(claimer)", ending: .completed(result: nil), progress: JobProgress())
                    }
                    return mine
                }
            }
            return try await group.reduce(into: []) { $0.append(contentsOf: $1) }
        }
        #expect(claims.count == queued.count)
        #expect(Set(claims) == queued)
        let jobs = try await subject.store.jobs(ownerId: subject.anna)
        #expect(jobs.count == 120 && jobs.allSatisfy { $0.state == .completed && $0.attempts == 1 })
    }

    @Test(
        "an expired lease is taken over by another holder; the first holder's renewal and finish are refused",
        arguments: JobStoreKind.allCases)
    func expiredLeaseIsTakenOver(_ kind: JobStoreKind) async throws {
        let subject = try await JobStoreUnderTest.make(kind)
        defer { subject.close() }
        let (first, second) = (subject.store, try await subject.peer())
        let job = try await first.enqueue(subject.job(subject.anna, roots: ["/photos"]))
        let id = try #require(job.id)
        // A lease of no time is over at once: its holder is as good as dead.
        _ = try #require(try await first.claim(lane: .background, holder: "dead", lease: .zero))
        let requeued = try await second.requeueExpired()
        #expect(requeued.map(\.id) == [id])
        #expect(requeued.first?.state == .queued && requeued.first?.holder == nil)
        #expect(try await second.requeueExpired().isEmpty)
        let taken = try #require(try await second.claim(lane: .background, holder: "alive", lease: Self.long))
        #expect(taken.id == id && taken.attempts == 2)

        await #expect(throws: JobStoreError.notHolder(jobId: id, holder: "dead")) {
            try await first.heartbeat(id: id, holder: "dead", lease: Self.long, progress: JobProgress(done: 1))
        }
        await #expect(throws: JobStoreError.notHolder(jobId: id, holder: "dead")) {
            try await first.finish(id: id, holder: "dead", ending: .completed(result: #"{"by":"dead"}"#), progress: JobProgress())
        }
        await #expect(throws: JobStoreError.notHolder(jobId: id, holder: "dead")) {
            try await first.release(id: id, holder: "dead", progress: JobProgress())
        }
        let done = try await second.finish(id: id, holder: "alive", ending: .completed(result: #"{"by":"alive"}"#), progress: JobProgress())
        #expect(done.state == .completed && done.result == #"{"by":"alive"}"#)
        // Completed once: a second end is refused too.
        await #expect(throws: JobStoreError.notHolder(jobId: id, holder: "alive")) {
            try await second.finish(id: id, holder: "alive", ending: .failed(error: "again"), progress: JobProgress())
        }
        #expect(try await first.job(id: id) == done)
    }

    @Test("a renewed lease keeps the job and saves its progress; a released job is queued again", arguments: JobStoreKind.allCases)
    func renewalKeepsTheJob(_ kind: JobStoreKind) async throws {
        let subject = try await JobStoreUnderTest.make(kind)
        defer { subject.close() }
        let store = subject.store
        let id = try #require(try await store.enqueue(subject.job(subject.anna)).id)
        _ = try #require(try await store.claim(lane: .background, holder: "a", lease: .zero))
        // Over, but not taken over yet: the holder's heartbeat still counts.
        try await store.heartbeat(id: id, holder: "a", lease: Self.long, progress: JobProgress(done: 2, total: 9, failed: 1))
        #expect(try await subject.peer().requeueExpired().isEmpty)
        let held = try #require(try await store.job(id: id))
        #expect(held.state == .running && held.holder == "a" && held.progress == JobProgress(done: 2, total: 9, failed: 1))

        let released = try await store.release(id: id, holder: "a", progress: JobProgress(done: 3, total: 9))
        #expect(released.state == .queued && released.holder == nil && released.leaseUntil == nil)
        #expect(released.progress == JobProgress(done: 3, total: 9))
        let again = try #require(try await store.claim(lane: .background, holder: "b", lease: Self.long))
        #expect(again.id == id && again.attempts == 2)
    }

    @Test("only a queued job is cancelled, and only by its owner", arguments: JobStoreKind.allCases)
    func cancel(_ kind: JobStoreKind) async throws {
        let subject = try await JobStoreUnderTest.make(kind)
        defer { subject.close() }
        let store = subject.store
        let running = try #require(try await store.enqueue(subject.job(subject.anna)).id)
        let queued = try #require(try await store.enqueue(subject.job(subject.anna)).id)
        _ = try await store.claim(lane: .background, holder: "a", lease: Self.long)
        #expect(try await store.cancelQueued(id: queued, ownerId: subject.ben) == nil)
        let cancelled = try #require(try await store.cancelQueued(id: queued, ownerId: subject.anna))
        #expect(cancelled.state == .cancelled && cancelled.error == "cancelled" && cancelled.finishedAt != nil)
        #expect(try await store.cancelQueued(id: queued, ownerId: subject.anna) == nil)
        #expect(try await store.cancelQueued(id: running, ownerId: subject.anna) == nil)
        #expect(try await store.claim(lane: .background, holder: "a", lease: Self.long) == nil)
        let ended = try await store.finish(id: running, holder: "a", ending: .cancelled, progress: JobProgress())
        #expect(ended.state == .cancelled && ended.error == "cancelled")
    }

    @Test("a user sees only their own jobs, newest first", arguments: JobStoreKind.allCases)
    func ownership(_ kind: JobStoreKind) async throws {
        let subject = try await JobStoreUnderTest.make(kind)
        defer { subject.close() }
        let store = subject.store
        let first = try await store.enqueue(subject.job(subject.anna, roots: ["/a"]))
        let other = try await store.enqueue(subject.job(subject.ben, lane: .interactive))
        let second = try await store.enqueue(
            JobRecord(kind: "face_cluster", ownerId: subject.anna, collectionId: subject.collection, options: JobOptions(full: true)))
        #expect(try await store.jobs(ownerId: subject.anna).map(\.id) == [second.id, first.id])
        #expect(try await store.jobs(ownerId: subject.ben).map(\.id) == [other.id])
        #expect(try await store.job(id: first.id!, ownerId: subject.ben) == nil)
        let read = try #require(try await store.job(id: second.id!, ownerId: subject.anna))
        #expect(read.kind == "face_cluster" && read.options.full && read.roots.isEmpty && read == second)
        #expect(try await store.job(id: first.id!, ownerId: subject.anna)?.roots == ["/a"])
    }

    @Test("finished jobs are pruned by age and beyond the newest per user; unfinished ones stay", arguments: JobStoreKind.allCases)
    func pruning(_ kind: JobStoreKind) async throws {
        let subject = try await JobStoreUnderTest.make(kind)
        defer { subject.close() }
        let store = subject.store
        var ids: [Int64] = []
        for (index, user) in [subject.anna, subject.anna, subject.anna, subject.anna, subject.ben].enumerated() {
            // Job 3 stays queued, on the lane no one claims from here.
            let id = try #require(try await store.enqueue(subject.job(user, lane: index == 3 ? .interactive : .background)).id)
            ids.append(id)
            guard index != 3 else { continue }
            _ = try #require(try await store.claim(lane: .background, holder: "a", lease: Self.long))
            try await store.finish(id: id, holder: "a", ending: .completed(result: nil), progress: JobProgress())
        }
        // Job 0 ended ten days ago, the others just now.
        try subject.backdate(ids[0], days: 10)
        #expect(try await store.prune(finishedBefore: Date().addingTimeInterval(-7 * 86_400), keepPerOwner: 1) == 2)
        // Anna keeps her newest finished job (2) and the queued one (3); Ben his only one.
        #expect(try await store.jobs(ownerId: subject.anna).map(\.id) == [ids[3], ids[2]])
        #expect(try await store.jobs(ownerId: subject.ben).map(\.id) == [ids[4]])
    }

    @Test("a waiting server hears of a job queued by another and of one taken over", arguments: JobStoreKind.allCases)
    func wakeUps(_ kind: JobStoreKind) async throws {
        let subject = try await JobStoreUnderTest.make(kind)
        defer { subject.close() }
        let (waiting, other) = (subject.store, try await subject.peer())
        let expired = try #require(try await other.enqueue(subject.job(subject.anna)).id)
        _ = try #require(try await other.claim(lane: .background, holder: "dead", lease: .zero))

        let lanes = await waiting.queuedLanes()
        let heard = Task {
            var heard: Set<JobLane> = []
            for await lane in lanes {
                heard.insert(lane)
                if heard.count == JobLane.allCases.count { break }
            }
            return heard
        }
        // A generous deadline, only so that a lost wake-up fails instead of hanging.
        let deadline = Task {
            try await Task.sleep(for: .seconds(300))
            heard.cancel()
        }
        defer { deadline.cancel() }
        _ = try await other.enqueue(subject.job(subject.ben, lane: .interactive))
        #expect(try await other.requeueExpired().map(\.id) == [expired])
        #expect(await heard.value == [.interactive, .background])
    }
}
