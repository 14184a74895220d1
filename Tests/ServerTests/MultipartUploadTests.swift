import Foundation
import GalleryTestSupport
import Hummingbird
import Testing

@testable import GalleryServer

@Suite("Uploads: the multipart body read while it streams")
struct MultipartUploadTests {
    /// A body delivered in chunks of `size` bytes, as the server receives it.
    struct Chunks: AsyncSequence {
        typealias Element = ByteBuffer
        let data: Data
        let size: Int

        struct AsyncIterator: AsyncIteratorProtocol {
            let data: Data
            let size: Int
            var offset = 0

            mutating func next() async throws -> ByteBuffer? {
                guard offset < data.count else { return nil }
                let end = Swift.min(offset + size, data.count)
                defer { offset = end }
                return ByteBuffer(bytes: data[offset..<end])
            }
        }

        func makeAsyncIterator() -> AsyncIterator { AsyncIterator(data: data, size: size) }
    }

    static let limits = MultipartUpload.Limits(requestBytes: 10 << 20, fileBytes: 1 << 20, parts: 10)

    static func receive(
        _ body: Data, contentType: String, limits: MultipartUpload.Limits = limits, chunk: Int = 1000
    ) async throws
        -> MultipartUpload
    {
        let directory = try TemporaryDirectory("multipart-test")
        defer { directory.remove() }
        return try await MultipartUpload.receive(
            body: Chunks(data: body, size: chunk), contentType: contentType, declaredLength: nil,
            into: URL(fileURLWithPath: directory.path("scratch")), limits: limits)
    }

    @Test("file parts keep their names and bytes, whatever the chunking; other fields are dropped")
    func parts() async throws {
        let first = Data((0..<5000).map { UInt8($0 % 251) })
        let second = Data("\r\n--not-the-boundary\r\n".utf8)
        var (body, type) = ServerProcess.multipart([("files", "a.jpg", first), ("files", "b.png", second)])
        body = Data("--\(type.split(separator: "=").last!)\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n".utf8) + body
        for chunk in [1, 7, 1000, body.count] {
            let upload = try await Self.receive(body, contentType: type, chunk: chunk)
            #expect(upload.files.map(\.fileName) == ["a.jpg", "b.png"], "chunk \(chunk)")
            #expect(upload.files.map(\.name) == ["files", "files"])
            #expect(upload.files.count == 2 && upload.body[upload.files[0].range] == first && upload.body[upload.files[1].range] == second)
        }
    }

    @Test("limits: parts, file size and request size are 413; endless headers, no boundary, a cut body are 400")
    func limits() async throws {
        let (many, manyType) = ServerProcess.multipart((0..<11).map { ("files", "\($0).jpg", Data([1])) })
        let tooMany = await #expect(throws: APIError.self) { try await Self.receive(many, contentType: manyType) }
        #expect(tooMany?.status == .contentTooLarge)
        #expect(tooMany?.message.contains("at most 10 parts") == true)
        _ = try await Self.receive(many, contentType: manyType, limits: .init(requestBytes: 1 << 20, fileBytes: 10, parts: 11))

        let (big, bigType) = ServerProcess.multipart([("files", "big.jpg", Data(count: (1 << 20) + 1))])
        let tooBig = await #expect(throws: APIError.self) { try await Self.receive(big, contentType: bigType) }
        #expect(tooBig?.status == .contentTooLarge)
        let request = await #expect(throws: APIError.self) {
            try await Self.receive(big, contentType: bigType, limits: .init(requestBytes: 1 << 20, fileBytes: 2 << 20, parts: 10))
        }
        #expect(request?.status == .contentTooLarge)

        let (small, smallType) = ServerProcess.multipart([("files", "small.jpg", Data([1, 2, 3]))])
        let boundary = String(smallType.split(separator: "=").last!)
        let endlessHeader = Data("--\(boundary)\r\nX-Padding: \(String(repeating: "a", count: 100_000))".utf8)
        for body in [endlessHeader, Data(repeating: 65, count: 100_000), small.prefix(small.count - 10), Data()] {
            let error = await #expect(throws: APIError.self) { try await Self.receive(Data(body), contentType: smallType) }
            #expect(error?.status == .badRequest, "\(error?.message ?? "no error")")
        }
        let notMultipart = await #expect(throws: APIError.self) { try await Self.receive(big, contentType: "application/json") }
        #expect(notMultipart?.status == .unsupportedMediaType)
    }
}
