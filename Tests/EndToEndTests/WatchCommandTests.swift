import Foundation
import GalleryTestSupport
import Testing

/// `gallery watch` as a user runs it: index, follow changes, stop cleanly on SIGTERM.
@Suite("gallery watch: follows a folder until SIGTERM")
struct WatchCommandTests {
    @Test func indexesWhatComesAndStopsCleanly() throws {
        let home = try TemporaryDirectory("gallery-home")
        let photos = try TemporaryDirectory("gallery-photos")
        defer { home.remove(); photos.remove() }
        try FileManager.default.copyItem(atPath: Fixtures.path("skimage/coffee.png"), toPath: photos.path("coffee.png"))
        let output = home.url.appendingPathComponent("watch.out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let process = Process()
        process.executableURL = GalleryProcess.executable
        process.arguments = ["watch", photos.path, "--json", "--settle", "0.2", "--no-embed"]
        var environment = ProcessInfo.processInfo.environment
        environment["GALLERY_HOME"] = home.path
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        /// The batch reports printed so far, one JSON object per line.
        func reports() -> [[String: Any]] {
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            return text.split(separator: "\n").compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
        }
        func added(_ report: [String: Any]) -> Int {
            ((report["index"] as? [String: Any])?["counts"] as? [String: Int])?["added"] ?? 0
        }
        func wait(_ what: String, until condition: () -> Bool) throws {
            let deadline = Date().addingTimeInterval(120)
            while !condition() {
                try #require(process.isRunning, "gallery watch exited while waiting for \(what)")
                try #require(Date() < deadline, "waited in vain for \(what): \(reports())")
                Thread.sleep(forTimeInterval: 0.05)
            }
        }

        try wait("the initial index") { reports().first.map(added) == 1 }
        try FileManager.default.copyItem(atPath: Fixtures.path("skimage/rocket.jpg"), toPath: photos.path("rocket.jpg"))
        try wait("rocket.jpg indexed") { reports().map(added).reduce(0, +) == 2 }
        try FileManager.default.moveItem(atPath: photos.path("rocket.jpg"), toPath: photos.path("launch.jpg"))
        // Recorded from the rename (or, had the copy's last event come in the same batch, by content).
        try wait("the rename") {
            reports().contains { report in
                report["moved"] as? Int == 1 || ((report["index"] as? [String: Any])?["counts"] as? [String: Int])?["moved"] == 1
            }
        }

        process.terminate()  // SIGTERM
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)

        let search = try GalleryProcess(home: home.path).run(["search", "--json"]).json()
        let paths = try #require(search["results"] as? [[String: Any]]).compactMap { $0["path"] as? String }
        #expect(Set(paths.map { ($0 as NSString).lastPathComponent }) == ["coffee.png", "launch.jpg"])
    }
}
