import Foundation
import GalleryTestSupport
import Testing

@Suite("Scripts stop when the build fails")
struct ScriptsTests {
    let scripts = Fixtures.repositoryRoot.appendingPathComponent("scripts")

    @Test func noScriptIgnoresAFailedSwiftBuild() throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: scripts.path).filter { $0.hasSuffix(".sh") }
        #expect(files.count > 5)
        for file in files {
            let text = try String(contentsOf: scripts.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where line.contains("swift build") && !line.contains("--show-bin-path") {
                #expect(!line.contains("|| true") && !line.contains("| grep"), "\(file): \(line)")
            }
        }
    }

    @Test func quietBuildFailsWithTheErrorsAndIsQuietOnSuccess() throws {
        let folder = try TemporaryDirectory("fake-swift")
        defer { folder.remove() }
        let fake = folder.path("swift")
        func run(exitStatus: Int) throws -> (status: Int32, errors: String, output: String) {
            try "#!/bin/sh\necho 'Compiling'\necho 'x.swift:1:1: error: boom'\nexit \(exitStatus)\n".write(
                toFile: fake, atomically: true, encoding: .utf8)
            chmod(fake, 0o755)
            let process = Process()
            process.executableURL = scripts.appendingPathComponent("quiet-build.sh")
            process.arguments = ["--build-tests"]
            var environment = ProcessInfo.processInfo.environment
            environment["PATH"] = folder.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
            process.environment = environment
            let output = Pipe()
            let errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let outputText = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, errorText, outputText)
        }
        let failed = try run(exitStatus: 3)
        #expect(failed.status == 3)
        #expect(failed.errors.contains("x.swift:1:1: error: boom"))
        let succeeded = try run(exitStatus: 0)
        #expect(succeeded.status == 0 && succeeded.errors.isEmpty && succeeded.output.isEmpty)
    }
}
