import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

/// Turns SIGINT (Ctrl-C) and SIGTERM into a call of `handler` instead of the process's end, so a
/// long-running command can stop cleanly. Kept alive as long as the trap is needed.
final class SignalTrap {
    private let sources: [any DispatchSourceSignal]

    init(_ signals: [Int32] = [SIGINT, SIGTERM], handler: @escaping @Sendable () -> Void) {
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: handler)
            source.resume()
            return source
        }
    }

    deinit {
        for source in sources { source.cancel() }
    }
}
