import Foundation
import GalleryTestSupport
import Testing

@Suite("serve --watch: the roots' changes become index_watch jobs")
struct WatchAPITests {
    @Test func aFileCopiedIntoARootIsIndexedByAJobTheAPIShows() async throws {
        let test = try TestServer { directory in
            try FileManager.default.createDirectory(atPath: directory.path("photos"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Fixtures.path("skimage/coffee.png"), toPath: directory.path("photos/coffee.png"))
            return ["--watch", "--allow-root", directory.path("photos")]
        }
        defer { test.finish() }
        let server = test.server

        func watchJobs() async throws -> [[String: Any]] {
            let jobs = try await server.request("GET", "/api/v1/jobs", token: test.admin).json()["jobs"] as? [[String: Any]] ?? []
            return jobs.filter { $0["kind"] as? String == "index_watch" }
        }
        func photoNames() async throws -> Set<String> {
            let listing = try await server.request("GET", "/api/v1/collections/1/images?limit=100", token: test.admin).json()
            let results = listing["results"] as? [[String: Any]] ?? []
            return Set(results.compactMap { ($0["path"] as? String).map { ($0 as NSString).lastPathComponent } })
        }
        func wait(_ what: String, until condition: () async throws -> Bool) async throws {
            let deadline = ContinuousClock.now + .seconds(120)
            while try await !condition() {
                try #require(ContinuousClock.now < deadline, "waited in vain for \(what); log: \(server.log.suffix(2000))")
                try await Task.sleep(for: .milliseconds(100))
            }
        }

        try await wait("the initial rescan") { try await photoNames() == ["coffee.png"] }
        try FileManager.default.copyItem(atPath: Fixtures.path("skimage/rocket.jpg"), toPath: test.directory.path("photos/rocket.jpg"))
        try await wait("rocket.jpg indexed") { try await photoNames() == ["coffee.png", "rocket.jpg"] }
        func added(_ job: [String: Any]) -> Int {
            (((job["result"] as? [String: Any])?["index"] as? [String: Any])?["counts"] as? [String: Int])?["added"] ?? 0
        }
        // Records are committed while the job runs: its report comes when it has finished.
        try await wait("the jobs' reports") { try await watchJobs().map(added).reduce(0, +) == 2 }
        let jobs = try await watchJobs()
        #expect(jobs.count >= 2)
        #expect(jobs.allSatisfy { ["completed", "running"].contains($0["state"] as? String) })
        #expect(jobs.contains { ($0["roots"] as? [String])?.contains { $0.hasSuffix("/photos/rocket.jpg") } == true })
    }
}
