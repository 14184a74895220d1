import NIOCore

/// An object's bytes on their way: the size announced, then the chunks.
public struct ObjectDownload: Sendable {
    /// Bytes in all (-1 when the service did not say).
    public let size: Int64
    /// The bytes, chunk by chunk, pulled as the consumer reads.
    public let chunks: AsyncThrowingStream<ByteBuffer, any Error>

    public init(size: Int64, chunks: AsyncThrowingStream<ByteBuffer, any Error>) {
        self.size = size
        self.chunks = chunks
    }
}
