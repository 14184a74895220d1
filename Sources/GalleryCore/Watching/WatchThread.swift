import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The thread that waits on the watcher's descriptors (`poll(2)`, woken by a pipe to stop),
/// feeds the batcher and hands each due batch to `deliver`.
///
/// Unchecked sendable: the watcher and the batcher are used by the thread alone; ``stop()``
/// only writes to the wake-up pipe.
final class WatchThread: @unchecked Sendable {
    private let watcher: FolderWatcher
    private var batcher: WatchBatcher
    private let deliver: @Sendable (WatchBatch) -> Void
    private let finish: @Sendable ((any Error)?) -> Void
    private let wakeRead: Int32
    private let wakeWrite: Int32

    init(
        watcher: FolderWatcher, settings: WatchSettings, deliver: @escaping @Sendable (WatchBatch) -> Void,
        finish: @escaping @Sendable ((any Error)?) -> Void
    ) throws(InotifyError) {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw .unavailable(errno: errno) }
        for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        self.watcher = watcher
        batcher = WatchBatcher(settings: settings)
        self.deliver = deliver
        self.finish = finish
        wakeRead = pipeEnds[0]
        wakeWrite = pipeEnds[1]
    }

    deinit {
        close(wakeRead)
        close(wakeWrite)
    }

    func start() {
        let thread = Thread { [self] in
            do {
                try loop()
                finish(nil)
            } catch {
                finish(error)
            }
        }
        thread.name = "gallery-watch"
        thread.start()
    }

    /// Ends the loop; the batch being gathered is dropped (the next start rescans).
    func stop() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    private func loop() throws(InotifyError) {
        var first = WatchBatch()
        for event in watcher.start() { first.add(event) }
        deliver(first)
        var descriptors = (watcher.fileDescriptors + [wakeRead]).map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        while true {
            let ready = poll(&descriptors, nfds_t(descriptors.count), timeoutMilliseconds())
            if ready < 0 && errno != EINTR { throw .readFailed(errno: errno) }
            if descriptors.last!.revents != 0 { return }
            for event in try watcher.readEvents() {
                batcher.add(event, at: .now)
                if batcher.isFull { deliver(batcher.take()) }
            }
            if batcher.isDue(at: .now) {
                deliver(batcher.take())
                for event in watcher.retryUnwatched() { batcher.add(event, at: .now) }
            }
        }
    }

    /// Until the batch is due; forever (-1) when there is none.
    private func timeoutMilliseconds() -> Int32 {
        guard let deadline = batcher.deadline else { return -1 }
        let left = ContinuousClock.now.duration(to: deadline)
        guard left > .zero else { return 0 }
        let (seconds, attoseconds) = left.components
        return Int32(min(seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1, Int64(Int32.max)))
    }
}
