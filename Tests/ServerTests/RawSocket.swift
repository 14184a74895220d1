import Foundation
import Glibc

/// A plain TCP socket on 127.0.0.1, for tests that need what an HTTP client library hides: a
/// request sent halfway, a connection held open, a server that answers by hand.
final class RawSocket: @unchecked Sendable {
    private(set) var descriptor: Int32

    init(descriptor: Int32) { self.descriptor = descriptor }

    /// Connects to `127.0.0.1:port`.
    convenience init(connectingTo port: Int) throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw RawSocketError.failed("socket") }
        var address = RawSocket.loopback(port: port)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            Glibc.close(descriptor)
            throw RawSocketError.failed("connect to port \(port)")
        }
        self.init(descriptor: descriptor)
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        try send(Data(bytes))
    }

    func send(_ data: Data) throws {
        var offset = 0
        while offset < data.count {
            let sent = data.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress! + offset, data.count - offset, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw RawSocketError.failed("send") }
            offset += sent
        }
    }

    /// What arrives within `seconds`: nil when nothing did, empty when the peer closed.
    func receive(within seconds: Double) -> Data? {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(seconds * 1000)) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        return count <= 0 ? Data() : Data(buffer[0..<count])
    }

    /// Reads until the peer closes (or `seconds` pass without data).
    func receiveAll(within seconds: Double) -> Data {
        var data = Data()
        while let chunk = receive(within: seconds), !chunk.isEmpty { data.append(chunk) }
        return data
    }

    /// Closes the socket once (a second close could close a number reused by another socket).
    func close() {
        guard descriptor >= 0 else { return }
        _ = Glibc.close(descriptor)
        descriptor = -1
    }

    deinit { close() }

    static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}

enum RawSocketError: Error {
    case failed(String)
}

/// A one-thread HTTP/1.1 server on a free loopback port that answers each request with the
/// canned reply for its path (and records the requests' heads), to test the URL fetcher against.
final class StubHTTPServer: @unchecked Sendable {
    /// What to answer: a complete HTTP response, or nothing at all (the connection hangs).
    enum Reply {
        case raw(Data)
        case hang
    }

    let port: Int
    private let listener: Int32
    private let replies: [String: Reply]
    private let lock = NSLock()
    private var heads: [String] = []

    init(replies: [String: Reply]) throws {
        self.replies = replies
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = RawSocket.loopback(port: 0)
        var one: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 16) == 0 else { throw RawSocketError.failed("bind") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(descriptor, $0, &length) }
        }
        listener = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    /// The request heads received so far.
    var requests: [String] { lock.withLock { heads } }

    /// Stops accepting; the serving thread closes the socket (closing it here could hand its
    /// number to another socket while that thread still accepts on it).
    func stop() { shutdown(listener, Int32(SHUT_RDWR)) }

    /// A response with `status`, `headers` and `body`; without `declareLength` the body has no
    /// Content-Length and ends when the connection closes.
    static func response(status: String, headers: [String: String] = [:], body: Data = Data(), declareLength: Bool = true) -> Reply {
        var head = "HTTP/1.1 \(status)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if declareLength { head += "Content-Length: \(body.count)\r\n" }
        return .raw(Data((head + "\r\n").utf8) + body)
    }

    private func serve() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                Glibc.close(listener)
                return
            }
            let connection = RawSocket(descriptor: client)
            var head = Data()
            while head.range(of: Data("\r\n\r\n".utf8)) == nil, let chunk = connection.receive(within: 60), !chunk.isEmpty {
                head.append(chunk)
            }
            let text = String(decoding: head, as: UTF8.self)
            lock.withLock { heads.append(text) }
            let path = text.split(separator: " ").dropFirst().first.map(String.init) ?? "/"
            switch replies[path] ?? Self.response(status: "404 Not Found") {
            case .raw(let data):
                try? connection.send(data)
                connection.close()
            case .hang:
                Thread.detachNewThread { _ = connection.receive(within: 30) }
            }
        }
    }
}
