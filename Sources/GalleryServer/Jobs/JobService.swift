import Hummingbird
import ServiceLifecycle

/// Runs the ``JobQueue`` as a service of the application: it starts with the server and, on
/// graceful shutdown, cancels the running job (the index run resumes next time).
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
