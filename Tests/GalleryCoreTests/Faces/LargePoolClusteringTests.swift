import Foundation
import GalleryTestSupport
import Testing

@testable import GalleryCore

@Suite("Face clustering of a large pool")
struct LargePoolClusteringTests {
    /// 20,000 seeded descriptors: 300 persons of 10 faces around their centres, the rest strangers.
    static func descriptors() -> (descriptors: [[Float]], persons: Int) {
        var random = SeededGenerator(seed: 20_000)
        func unit() -> [Float] {
            let vector = (0..<128).map { _ in Float.random(in: -1...1, using: &random) }
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return vector.map { $0 / norm }
        }
        var descriptors: [[Float]] = []
        for _ in 0..<300 {
            let centre = unit()
            // 0.1 from the centre each, so about 0.14 from each other: well within 0.5.
            for _ in 0..<10 { descriptors.append(zip(centre, unit()).map { $0 + 0.1 * $1 }) }
        }
        while descriptors.count < 20_000 { descriptors.append(unit()) }
        return (descriptors, 300)
    }

    @Test("20,000 unassigned faces cluster in bounded memory while another writer commits")
    func largePool() async throws {
        let directory = try TemporaryDirectory("gallery-clustering")
        defer { directory.remove() }
        let (descriptors, persons) = Self.descriptors()
        let catalog = try AppDatabase.open(at: URL(fileURLWithPath: directory.path("catalog.sqlite")))
        let collectionId = try SyntheticFaces.fill(catalog, with: descriptors)

        // While clustering decides (outside any transaction), another writer commits: here, from
        // the clustering thread's own progress callback, a write on another thread must finish.
        let writes = WriteProbe(catalog: catalog, collectionId: collectionId)
        let summary = try await Task.detached {
            try FaceClusterer(catalog: catalog, settings: .init()).cluster(collectionId: collectionId) { progress in
                if progress.stage == .clustering, progress.done > 0 { writes.writeOnce() }
            }
        }.value
        #expect(writes.committed, "a write waited for clustering")
        #expect(summary.faces == 20_000)
        #expect(summary.newPersons == persons)
        #expect(summary.unassigned == 20_000 - 10 * persons)
        // The write made while clustering ran is there, and the persons too.
        #expect(try catalog.persons(collectionId: collectionId).contains { $0.name == "written while clustering" })
        #expect(try catalog.persons(collectionId: collectionId).filter { $0.faces == 10 }.count == persons)
    }

    @Test("decisions made by a user while clustering decides win over clustering's")
    func userDecisionsWin() throws {
        let (catalog, collectionId, faces) = try PersonDirectoryTests.library()
        let probe = WriteProbe(catalog: catalog, collectionId: collectionId)
        // Anna's faces are 0-3: a user sets face 0 aside and moves face 1 to a person of theirs
        // while clustering decides.
        let summary = try FaceClusterer(catalog: catalog, settings: .init()).cluster(collectionId: collectionId) { _ in
            probe.once {
                do {
                    let dora = try catalog.createPerson(name: "Dora", collectionId: collectionId)
                    _ = try catalog.moveFaces([faces[1]], to: dora.id, collectionId: collectionId)
                    try catalog.writer.write { db in
                        try db.execute(sql: "UPDATE face SET assignedBy = 'user' WHERE id = ?", arguments: [faces[0]])
                    }
                } catch {
                    Issue.record(error)
                }
            }
        }
        let personOf = { (face: Int64) in
            try catalog.reader.read { db in try Int64.fetchOne(db, sql: "SELECT personId FROM face WHERE id = ?", arguments: [face]) }
        }
        // Two faces of Anna's are left: fewer than min_cluster_size, so they wait; Ben and Carl are made.
        #expect(summary.newPersons == 2)
        #expect(try personOf(faces[0]) == nil)
        #expect(try catalog.persons(collectionId: collectionId).first { $0.name == "Dora" }?.faces == 1)
        #expect(try personOf(faces[2]) == nil && personOf(faces[3]) == nil)
    }
}

/// Makes a catalogue write once, from a clustering progress callback, on another thread, and
/// notes whether it committed (a 60-second guard instead of a deadlock when it cannot).
final class WriteProbe: @unchecked Sendable {
    let catalog: AppDatabase
    let collectionId: Int64
    private let lock = NSLock()
    private var done = false
    private(set) var committed = false

    init(catalog: AppDatabase, collectionId: Int64) {
        self.catalog = catalog
        self.collectionId = collectionId
    }

    /// Runs `write` the first time only, on the calling thread.
    func once(_ write: () -> Void) {
        let first = lock.withLock {
            defer { done = true }
            return !done
        }
        if first { write() }
    }

    /// Names a new person from another thread and waits for that write.
    func writeOnce() {
        once {
            let finished = DispatchSemaphore(value: 0)
            let catalog = catalog
            let collectionId = collectionId
            Thread.detachNewThread {
                _ = try? catalog.createPerson(name: "written while clustering", collectionId: collectionId)
                finished.signal()
            }
            let result = finished.wait(timeout: .now() + 60)
            lock.withLock { committed = result == .success }
        }
    }
}
