import Foundation
import Hummingbird
import MultipartKit

/// The file parts of a `multipart/form-data` request, parsed (by multipart-kit) while the body
/// streams in: each file's bytes go straight to one scratch file, so that memory holds one chunk
/// at a time whatever the size, and the limits stop the request as soon as it crosses one.
struct MultipartUpload {
    /// One file part: its form fields and where its bytes lie in ``body``.
    struct Part {
        var name: String?
        var fileName: String?
        var contentType: String?
        var range: Range<Int>
    }

    /// What one request may send.
    struct Limits {
        /// Bytes of the whole body.
        var requestBytes: Int64
        /// Bytes of one file.
        var fileBytes: Int64
        /// Parts, files and fields together.
        var parts: Int
    }

    /// Longest stretch of the body that is neither part content nor a complete header line
    /// (headers of one part, preamble, epilogue): the parser holds such bytes in memory.
    static let maxHeaderBytes = 16 << 10

    /// The files' bytes one after another (memory-mapped from the scratch file).
    var body: Data
    /// The file parts (those with a `filename`), in order; other parts are read and dropped.
    var files: [Part]

    /// Streams the body of `request` into `scratch`.
    /// - Throws: ``APIError`` 415 when the request is not multipart/form-data, 413 when it
    ///   crosses a limit, 400 when the body is not well-formed multipart.
    static func receive(_ request: Request, into scratch: URL, limits: Limits) async throws -> MultipartUpload {
        try await receive(
            body: request.body, contentType: request.headers[.contentType], declaredLength: request.declaredLength, into: scratch,
            limits: limits)
    }

    /// Streams `body`, sent with `contentType` and `declaredLength`, into `scratch`.
    static func receive<Body: AsyncSequence>(
        body: Body, contentType: String?, declaredLength: Int64?, into scratch: URL, limits: Limits
    ) async throws -> MultipartUpload where Body.Element == ByteBuffer {
        guard let contentType, let boundary = boundary(contentType: contentType) else {
            throw APIError.unsupportedMedia("send the files as multipart/form-data")
        }
        if let length = declaredLength, length > limits.requestBytes {
            throw APIError.tooLarge("upload requests are limited to \(limits.requestBytes) bytes")
        }
        guard FileManager.default.createFile(atPath: scratch.path, contents: nil) else {
            throw APIError(.internalServerError, code: "internal", message: "cannot create the upload's scratch file")
        }
        let handle = try FileHandle(forWritingTo: scratch)
        defer { try? handle.close() }
        let collector = PartCollector(limits: limits)
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { collector.header(name: $0, value: $1) }
        parser.onBody = { collector.content($0) }
        parser.onPartComplete = { collector.completePart() }
        var received: Int64 = 0
        for try await chunk in body {
            received += Int64(chunk.readableBytes)
            if received > limits.requestBytes { throw APIError.tooLarge("upload requests are limited to \(limits.requestBytes) bytes") }
            var offset = chunk.readerIndex
            while offset < chunk.writerIndex {
                let length = min(maxHeaderBytes / 2, chunk.writerIndex - offset)
                do {
                    try parser.execute(chunk.getSlice(at: offset, length: length)!)
                } catch let error as APIError {
                    throw error
                } catch {
                    throw APIError.badRequest("malformed multipart body")
                }
                try collector.checkAfter(bytes: length)
                try collector.flush(to: handle, atLeast: 256 << 10)
                offset += length
            }
        }
        let files = try collector.finish()
        try collector.flush(to: handle, atLeast: 0)
        let body = collector.written == 0 ? Data() : try Data(contentsOf: scratch, options: .alwaysMapped)
        return MultipartUpload(body: body, files: files)
    }

    /// The boundary from a `Content-Type: multipart/form-data; boundary=...` header (1 to 70
    /// characters, as RFC 2046 allows).
    static func boundary(contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        guard let value = parameter("boundary", in: contentType), (1...70).contains(value.count) else { return nil }
        return value
    }

    /// The value of `key=value` (quotes removed) among the `;`-separated parameters of a header.
    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == key {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }
}

/// Follows the parser's callbacks: counts parts, keeps the file parts' bytes until they are
/// written, and notes the first limit crossed (the callbacks cannot throw).
private final class PartCollector {
    let limits: MultipartUpload.Limits
    private(set) var written = 0
    private var pending = Data()
    private var files: [MultipartUpload.Part] = []
    private var partCount = 0
    private var inPart = false
    private var headers: (name: String?, fileName: String?, contentType: String?) = (nil, nil, nil)
    private var contentStart: Int?
    private var bytesWithoutProgress = 0
    private var failure: APIError?

    init(limits: MultipartUpload.Limits) { self.limits = limits }

    func header(name: String, value: String) {
        startPartIfNeeded()
        switch name.lowercased() {
        case "content-disposition":
            headers.name = MultipartUpload.parameter("name", in: value)
            headers.fileName = MultipartUpload.parameter("filename", in: value)
        case "content-type":
            headers.contentType = value
        default:
            break
        }
    }

    func content(_ buffer: ByteBuffer) {
        startPartIfNeeded()
        guard let fileName = headers.fileName else { return }
        let start = contentStart ?? written + pending.count
        contentStart = start
        pending.append(contentsOf: buffer.readableBytesView)
        if Int64(written + pending.count - start) > limits.fileBytes, failure == nil {
            failure = APIError.tooLarge("'\(fileName)' is larger than the per-file limit of \(limits.fileBytes) bytes")
        }
    }

    func completePart() {
        startPartIfNeeded()
        if headers.fileName != nil {
            let end = written + pending.count
            files.append(
                MultipartUpload.Part(
                    name: headers.name, fileName: headers.fileName, contentType: headers.contentType,
                    range: (contentStart ?? end)..<end))
        }
        inPart = false
        headers = (nil, nil, nil)
        contentStart = nil
    }

    /// Throws the limit crossed while the parser read the last `bytes` bytes.
    func checkAfter(bytes: Int) throws {
        if let failure { throw failure }
        bytesWithoutProgress += bytes
        if bytesWithoutProgress > MultipartUpload.maxHeaderBytes {
            throw APIError.badRequest("malformed multipart body: more than \(MultipartUpload.maxHeaderBytes) bytes of headers or framing")
        }
    }

    /// Writes the file bytes kept so far to `handle` once they are at least `threshold` bytes.
    func flush(to handle: FileHandle, atLeast threshold: Int) throws {
        guard pending.count >= threshold, !pending.isEmpty else { return }
        try handle.write(contentsOf: pending)
        written += pending.count
        pending.removeAll(keepingCapacity: true)
    }

    /// The file parts, once the body has ended.
    func finish() throws -> [MultipartUpload.Part] {
        if inPart { throw APIError.badRequest("malformed multipart body: it ends inside a part") }
        if partCount == 0 { throw APIError.badRequest("the multipart body has no part with the announced boundary") }
        return files
    }

    private func startPartIfNeeded() {
        bytesWithoutProgress = 0
        guard !inPart else { return }
        inPart = true
        partCount += 1
        if partCount > limits.parts, failure == nil {
            failure = APIError.tooLarge("an upload may have at most \(limits.parts) parts")
        }
    }
}
