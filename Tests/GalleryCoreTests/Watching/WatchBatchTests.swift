import Foundation
import Testing

@testable import GalleryCore

@Suite("Watch batches: each path folded to its last state, batches due by quiet, age or size")
struct WatchBatchTests {
    @Test func aFileWrittenThenDeletedIsOnlyRemovedAndOneRecreatedIsChanged() {
        var batch = WatchBatch()
        batch.add(.changed("/p/a.jpg"))
        batch.add(.removed("/p/a.jpg"))
        #expect(batch.changed.isEmpty && batch.removed == ["/p/a.jpg"])
        batch.add(.changed("/p/a.jpg"))
        #expect(batch.changed == ["/p/a.jpg"] && batch.removed.isEmpty)
    }

    @Test func renamesChainIntoOneMoveAndWhatWasWrittenIsIndexedUnderItsLastName() {
        var batch = WatchBatch()
        batch.add(.moved(from: "/p/a.jpg", to: "/p/b.jpg"))
        batch.add(.moved(from: "/p/b.jpg", to: "/p/c.jpg"))
        #expect(batch.moves == [WatchMove(from: "/p/a.jpg", to: "/p/c.jpg")])
        batch.add(.changed("/p/new.part"))
        batch.add(.moved(from: "/p/new.part", to: "/p/new.jpg"))
        batch.add(.changed("/p/trip/1.jpg"))
        batch.add(.moved(from: "/p/trip", to: "/p/holiday"))
        #expect(batch.changed == ["/p/new.jpg", "/p/holiday/1.jpg"])
        #expect(batch.moves.map(\.to) == ["/p/c.jpg", "/p/new.jpg", "/p/holiday"])
    }

    @Test func aRescanAfterARenameFromItsFolderIndexesTheNewName() {
        var batch = WatchBatch(rescans: ["/p"])
        batch.add(.moved(from: "/p/a.jpg", to: "/q/a.jpg"))
        #expect(batch.changed == ["/q/a.jpg"] && batch.moves.isEmpty)
    }

    @Test func aFolderRemovedTakesTheChangesInsideIt() {
        var batch = WatchBatch()
        batch.add(.changed("/p/trip/1.jpg"))
        batch.add(.changed("/p/trip2/1.jpg"))
        batch.add(.removed("/p/trip"))
        #expect(batch.changed == ["/p/trip2/1.jpg"])
        #expect(batch.removed == ["/p/trip"])
    }

    @Test func aRescanTakesInEverythingUnderItsFolder() {
        var batch = WatchBatch()
        batch.add(.changed("/p/a.jpg"))
        batch.add(.removed("/p/old.jpg"))
        batch.add(.moved(from: "/p/x.jpg", to: "/p/y.jpg"))
        batch.add(.changed("/q/b.jpg"))
        batch.add(.rescan("/p"))
        batch.add(.changed("/p/c.jpg"))
        #expect(batch.rescans == ["/p"])
        #expect(batch.changed == ["/q/b.jpg"])
        #expect(batch.removed.isEmpty && batch.moves.isEmpty)
        #expect(batch.pathCount == 2)
        #expect(batch.paths == ["/p", "/q/b.jpg"])
    }

    @Test func aBatchIsDueAfterTheQuietPeriodOrItsMaximumAgeOrWhenFull() {
        let settings = WatchSettings(quietPeriod: .seconds(2), maxDelay: .seconds(10), maxPaths: 3)
        var batcher = WatchBatcher(settings: settings)
        let start = ContinuousClock.now
        #expect(batcher.deadline == nil && !batcher.isDue(at: start + .seconds(100)))
        batcher.add(.changed("/p/1.jpg"), at: start)
        #expect(!batcher.isDue(at: start + .seconds(1)))
        #expect(batcher.isDue(at: start + .seconds(2)))
        // Events every second keep it open, until it is 10 seconds old.
        for second in 1...9 { batcher.add(.changed("/p/1.jpg"), at: start + .seconds(second)) }
        #expect(!batcher.isDue(at: start + .seconds(9.5)))
        #expect(batcher.isDue(at: start + .seconds(10)))
        batcher.add(.changed("/p/2.jpg"), at: start + .seconds(9))
        batcher.add(.changed("/p/3.jpg"), at: start + .seconds(9))
        #expect(batcher.isFull && batcher.isDue(at: start + .seconds(9)))
        #expect(batcher.take().changed.count == 3)
        #expect(batcher.batch.isEmpty && batcher.deadline == nil)
    }

    @Test func theKernelsRefusalsBecomeErrorsThatSayWhatToDo() {
        #expect(InotifyError.adding("/p", errno: ENOSPC) == .watchLimitReached(path: "/p"))
        #expect(InotifyError.adding("/p", errno: EACCES) == .permissionDenied(path: "/p"))
        #expect(InotifyError.adding("/p", errno: ENOENT) == .notFound(path: "/p"))
        #expect(InotifyError.watchLimitReached(path: "/p").description.contains("fs.inotify.max_user_watches"))
    }
}
