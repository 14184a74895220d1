/// How an ``OnnxSession`` runs its model.
public struct SessionOptions: Sendable, Equatable {
    /// Threads for the work inside one operator (the calling thread counts as one; 0 lets ONNX
    /// Runtime choose one per physical core).
    public var intraOpThreads: Int
    /// Threads for running independent operators in parallel (1: sequential execution).
    public var interOpThreads: Int = 1

    public init(intraOpThreads: Int = 1) {
        self.intraOpThreads = intraOpThreads
    }
}
