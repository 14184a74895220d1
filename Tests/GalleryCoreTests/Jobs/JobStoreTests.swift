import Foundation
import GalleryCore
import Testing

@Suite("Job store")
struct JobStoreTests {
    func store() throws -> (AppDatabase, owner: Int64, collection: Int64) {
        let catalog = try AppDatabase.inMemory()
        let owner = try catalog.createUser(name: "anna").user.id!
        let collection = try catalog.defaultCollection().id!
        return (catalog, owner, collection)
    }

    @Test("a job goes queued, running, completed; a running one is queued again at the next start")
    func lifecycle() throws {
        let (catalog, owner, collection) = try store()
        let queued = try catalog.insertJob(
            JobRecord(kind: "face_cluster", ownerId: owner, collectionId: collection, options: JobOptions(full: true)))
        let other = try catalog.insertJob(JobRecord(kind: "index_folder", ownerId: owner, collectionId: collection, roots: ["/a"]))
        let running = try #require(try catalog.startJob(id: queued.id!))
        #expect(running.state == .running && running.attempts == 1 && running.startedAt != nil)
        #expect(try catalog.startJob(id: queued.id!) == nil)

        // The process stopped: the running job and the queued one run at the next start, oldest first.
        let resumable = try catalog.resumableJobs()
        #expect(resumable.map(\.id) == [queued.id, other.id])
        #expect(resumable[0].state == .queued && resumable[0].options.full && resumable[1].roots == ["/a"])
        #expect(try catalog.startJob(id: queued.id!)?.attempts == 2)
        try catalog.finishJob(
            id: queued.id!, state: .completed, progress: JobProgress(done: 3, total: 3, stage: .clustering), result: #"{"faces":3}"#)
        let finished = try #require(try catalog.job(id: queued.id!, ownerId: owner))
        #expect(finished.state == .completed && finished.result == #"{"faces":3}"# && finished.finishedAt != nil)
        #expect(finished.progress == JobProgress(done: 3, total: 3, stage: .clustering))

        #expect(try catalog.cancelQueuedJob(id: other.id!, ownerId: owner + 1) == nil)
        #expect(try catalog.cancelQueuedJob(id: other.id!, ownerId: owner)?.state == .cancelled)
        #expect(try catalog.cancelQueuedJob(id: queued.id!, ownerId: owner) == nil)
        #expect(try catalog.jobs(ownerId: owner).map(\.id) == [other.id, queued.id])
        #expect(try catalog.job(id: queued.id!, ownerId: owner + 1) == nil)
    }

    @Test("finished jobs are pruned by age and beyond the newest per user; unfinished ones stay")
    func pruning() throws {
        let (catalog, owner, collection) = try store()
        let ben = try catalog.createUser(name: "ben").user.id!
        let now = Date()
        var ids: [Int64] = []
        for (index, user) in [owner, owner, owner, owner, ben].enumerated() {
            let job = try catalog.insertJob(JobRecord(kind: "index_folder", ownerId: user, collectionId: collection))
            ids.append(job.id!)
            guard index != 3 else { continue }  // job 3 stays queued
            _ = try catalog.startJob(id: job.id!)
            // Job 0 ended ten days ago, the others just now.
            try catalog.finishJob(
                id: job.id!, state: .completed, progress: JobProgress(), at: index == 0 ? now.addingTimeInterval(-10 * 86_400) : now)
        }
        #expect(try catalog.pruneJobs(finishedBefore: now.addingTimeInterval(-7 * 86_400), keepPerOwner: 1) == 2)
        // Anna keeps her newest finished job (2) and the queued one (3); Ben his only one.
        #expect(try catalog.jobs(ownerId: owner).map(\.id) == [ids[3], ids[2]])
        #expect(try catalog.jobs(ownerId: ben).map(\.id) == [ids[4]])
    }
}
