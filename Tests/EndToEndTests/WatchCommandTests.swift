import Foundation
import GalleryTestSupport
import Testing

/// `gallery watch` as a user runs it: index, follow changes, stop cleanly on SIGTERM.
@Suite("gallery watch: follows a folder until SIGTERM")
struct WatchCommandTests {
    /// A running `gallery watch --json` whose batch reports are read from a file.
    struct WatchProcess {
        let process = Process()
        let output: URL
        let errors: URL

        init(home: TemporaryDirectory, arguments: [String], asUser: UInt32? = nil) throws {
            output = home.url.appendingPathComponent("watch.out")
            errors = home.url.appendingPathComponent("watch.log")
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
            let command = ["watch"] + arguments + ["--json", "--settle", "0.2", "--no-embed"]
            if let asUser {
                // setpriv execs the binary: the process is gallery itself, SIGTERM reaches it.
                process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
                process.arguments = ["--reuid=\(asUser)", "--regid=\(asUser)", "--clear-groups", GalleryProcess.executable.path] + command
            } else {
                process.executableURL = GalleryProcess.executable
                process.arguments = command
            }
            var environment = ProcessInfo.processInfo.environment
            environment["GALLERY_HOME"] = home.path
            process.environment = environment
            process.standardOutput = try FileHandle(forWritingTo: output)
            process.standardError = try FileHandle(forWritingTo: errors)
            try process.run()
        }

        /// The batch reports printed so far, one JSON object per line.
        var reports: [[String: Any]] {
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        }

        var log: String { (try? String(contentsOf: errors, encoding: .utf8)) ?? "" }

        /// Files a report's index run added.
        static func added(_ report: [String: Any]) -> Int { counts(report)["added"] ?? 0 }

        static func counts(_ report: [String: Any]) -> [String: Int] {
            ((report["index"] as? [String: Any])?["counts"] as? [String: Int]) ?? [:]
        }

        /// Waits (generously) until `condition` holds, as long as the process runs.
        func wait(_ what: String, until condition: () -> Bool) throws {
            let deadline = Date().addingTimeInterval(120)
            while !condition() {
                try #require(process.isRunning, "gallery watch exited while waiting for \(what): \(log.suffix(2000))")
                try #require(Date() < deadline, "waited in vain for \(what): \(reports)")
                Thread.sleep(forTimeInterval: 0.05)
            }
        }

        /// Sends SIGTERM and waits for the exit; true when it exited with status 0.
        func stop() -> Bool {
            process.terminate()
            process.waitUntilExit()
            return process.terminationReason == .exit && process.terminationStatus == 0
        }
    }

    @Test func indexesWhatComesAndStopsCleanly() throws {
        let home = try TemporaryDirectory("gallery-home")
        let photos = try TemporaryDirectory("gallery-photos")
        defer { home.remove(); photos.remove() }
        try FileManager.default.copyItem(atPath: Fixtures.path("skimage/coffee.png"), toPath: photos.path("coffee.png"))
        let watch = try WatchProcess(home: home, arguments: [photos.path])
        defer { if watch.process.isRunning { kill(watch.process.processIdentifier, SIGKILL) } }

        try watch.wait("the initial index") { watch.reports.first.map(WatchProcess.added) == 1 }
        try FileManager.default.copyItem(atPath: Fixtures.path("skimage/rocket.jpg"), toPath: photos.path("rocket.jpg"))
        try watch.wait("rocket.jpg indexed") { watch.reports.map(WatchProcess.added).reduce(0, +) == 2 }
        try FileManager.default.moveItem(atPath: photos.path("rocket.jpg"), toPath: photos.path("launch.jpg"))
        // Recorded from the rename (or, had the copy's last event come in the same batch, by content).
        try watch.wait("the rename") {
            watch.reports.contains { $0["moved"] as? Int == 1 || WatchProcess.counts($0)["moved"] == 1 }
        }
        #expect(watch.stop())

        let search = try GalleryProcess(home: home.path).run(["search", "--json"]).json()
        let paths = try #require(search["results"] as? [[String: Any]]).compactMap { $0["path"] as? String }
        #expect(Set(paths.map { ($0 as NSString).lastPathComponent }) == ["coffee.png", "launch.jpg"])
    }

    @Test(.enabled(if: getuid() == 0, "needs root to switch to another user"))
    func anUnreadableFolderIsReportedAndTheRestIsWatched() throws {
        let home = try TemporaryDirectory("gallery-home")
        let photos = try TemporaryDirectory("gallery-photos")
        defer {
            chmod(photos.path("locked"), 0o755)
            home.remove()
            photos.remove()
        }
        chmod(home.path, 0o777)
        try FileManager.default.createDirectory(atPath: photos.path("locked"), withIntermediateDirectories: true)
        for name in ["readable.jpg", "locked/inside.jpg"] {
            try FileManager.default.copyItem(atPath: Fixtures.path("skimage/rocket.jpg"), toPath: photos.path(name))
            chmod(photos.path(name), 0o644)
        }
        chmod(photos.path("locked"), 0o000)
        let watch = try WatchProcess(home: home, arguments: [photos.path], asUser: PermissionTests.nobody)
        defer { if watch.process.isRunning { kill(watch.process.processIdentifier, SIGKILL) } }

        try watch.wait("the initial index") { !watch.reports.isEmpty }
        let first = try #require(watch.reports.first)
        #expect(WatchProcess.added(first) == 1)
        let warnings = (first["index"] as? [String: Any])?["warnings"] as? [[String: String]]
        #expect(warnings == [["path": photos.path("locked"), "problem": "unreadable_folder"]])
        #expect(watch.log.contains("cannot watch"), "\(watch.log)")
        try FileManager.default.copyItem(atPath: Fixtures.path("skimage/coffee.png"), toPath: photos.path("coffee.png"))
        chmod(photos.path("coffee.png"), 0o644)
        try watch.wait("coffee.png indexed") { watch.reports.map(WatchProcess.added).reduce(0, +) == 2 }
        #expect(watch.stop())
    }
}
