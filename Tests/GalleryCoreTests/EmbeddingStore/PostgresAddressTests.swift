import GalleryCore
import Testing

@Suite("PostgresAddress")
struct PostgresAddressTests {
    @Test("TCP, socket-folder and percent-encoded socket forms")
    func forms() throws {
        let tcp = try PostgresAddress("postgres://gallery:s%40cret@db.local:6543/photos?sslmode=require")
        #expect(tcp.endpoint == .tcp(host: "db.local", port: 6543))
        #expect(tcp.username == "gallery")
        #expect(tcp.password == "s@cret")
        #expect(tcp.database == "photos")
        #expect(tcp.tls == .require)
        #expect(tcp.description == "postgres://gallery@db.local:6543/photos")

        let socket = try PostgresAddress("postgresql://me@localhost/gallery?host=/run/postgresql")
        #expect(socket.endpoint == .unixSocket(path: "/run/postgresql/.s.PGSQL.5432"))
        #expect(socket.password == nil)
        let encoded = try PostgresAddress("postgres://me@%2Ftmp%2Fpg:5433")
        #expect(encoded.endpoint == .unixSocket(path: "/tmp/pg/.s.PGSQL.5433"))
        #expect(encoded.database == "me")
    }

    @Test("bad addresses are refused with a reason, never repeating the password")
    func refused() {
        for (url, reason) in [
            ("mysql://a@b/c", "expected postgres://user@host/database"),
            ("postgres://db.local/photos", "no user name in postgres://USER@host/database"),
            ("postgres://u:topsecret@h/d?sslmode=verify-full", "sslmode must be disable, prefer or require, not verify-full"),
        ] {
            #expect(throws: EmbeddingStoreError.invalidAddress(reason)) { _ = try PostgresAddress(url) }
        }
    }
}
