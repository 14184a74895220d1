import Hummingbird
import ServiceLifecycle

/// Runs the ``JobQueue`` as a service of the application: it starts with the server (resuming the
/// jobs a stop interrupted) and, on graceful shutdown, stops the running jobs, which stay queued.
struct JobService: Service {
    let queue: JobQueue

    func run() async throws {
        await withGracefulShutdownHandler {
            await queue.run()
        } onGracefulShutdown: {
            Task { await queue.stop() }
        }
    }
}
