import NIOCore

/// An object's bytes on their way: the size announced, then the chunks.
public struct ObjectDownload: Sendable {
    /// Bytes in all (-1 when the service did not say).
    public let size: Int64
    /// The entity tag of the version being read (quotes removed), when the service says.
    public let etag: String?
    /// The bytes, chunk by chunk, pulled as the consumer reads.
    public let chunks: AsyncThrowingStream<ByteBuffer, any Error>

    public init(size: Int64, etag: String? = nil, chunks: AsyncThrowingStream<ByteBuffer, any Error>) {
        self.size = size
        self.etag = etag
        self.chunks = chunks
    }
}
