/// Gathers events into batches: a batch is due when no event came for the quiet period, when
/// its first event is ``WatchSettings/maxDelay`` old, or when it is full. Pure (the caller
/// passes the time), so the rules are tested without waiting.
struct WatchBatcher {
    let settings: WatchSettings
    private(set) var batch = WatchBatch()
    private var firstEventAt: ContinuousClock.Instant?
    private var lastEventAt: ContinuousClock.Instant?

    init(settings: WatchSettings) { self.settings = settings }

    mutating func add(_ event: WatchEvent, at now: ContinuousClock.Instant) {
        batch.add(event)
        if firstEventAt == nil { firstEventAt = now }
        lastEventAt = now
    }

    /// Whether the batch has reached ``WatchSettings/maxPaths``.
    var isFull: Bool { batch.pathCount >= settings.maxPaths }

    /// When the batch will be due if nothing else comes; nil when it is empty.
    var deadline: ContinuousClock.Instant? {
        guard !batch.isEmpty, let firstEventAt, let lastEventAt else { return nil }
        return min(lastEventAt + settings.quietPeriod, firstEventAt + settings.maxDelay)
    }

    func isDue(at now: ContinuousClock.Instant) -> Bool {
        guard let deadline else { return false }
        return isFull || now >= deadline
    }

    /// Hands the batch over and starts an empty one.
    mutating func take() -> WatchBatch {
        defer {
            batch = WatchBatch()
            firstEventAt = nil
            lastEventAt = nil
        }
        return batch
    }
}
