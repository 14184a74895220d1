import Dispatch

/// Runs blocking work (model inference, large reads) on Dispatch's pool, off the cooperative
/// threads that serve requests.
enum OffExecutor {
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}
