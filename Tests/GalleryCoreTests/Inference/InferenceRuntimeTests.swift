import Foundation
import GalleryTestSupport
import Testing

@testable import GalleryCore

@Suite("Inference: loading ONNX Runtime")
struct InferenceRuntimeTests {
    @Test func loadsTheLibraryAndReadsItsVersion() throws {
        let runtime = try InferenceFixtures.runtime()
        #expect(runtime.version == "1.31.1")
        #expect(try OnnxRuntime.shared(libraryPath: InferenceFixtures.libraryPath) === runtime)
    }

    @Test func missingLibraryIsLibraryNotFound() {
        let path = "/nonexistent/libonnxruntime.so.1.31.1"
        #expect(throws: InferenceError.libraryNotFound(path: path)) { try OnnxRuntime.load(libraryPath: path) }
        #expect(InferenceError.libraryNotFound(path: path).description.contains("fetch-onnxruntime.sh"))
    }

    @Test func fileThatIsNotALibraryIsIncompatible() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("libonnxruntime.so").path
        try Data("not a shared object".utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try OnnxRuntime.load(libraryPath: path)
        } throws: { error in
            guard case .libraryIncompatible(let failedPath, _) = error as? InferenceError else { return false }
            return failedPath == path
        }
    }

    @Test func libraryWithoutTheApiIsIncompatible() throws {
        // libc is a real shared object without OrtGetApiBase.
        let libc = ["/lib/x86_64-linux-gnu/libc.so.6", "/lib/aarch64-linux-gnu/libc.so.6", "/usr/lib/libc.so.6"]
            .first { FileManager.default.fileExists(atPath: $0) }
        let path = try #require(libc)
        #expect(throws: InferenceError.libraryIncompatible(path: path, reason: "no OrtGetApiBase symbol")) {
            try OnnxRuntime.load(libraryPath: path)
        }
    }

    @Test func versionCheckNeedsOneSixteen() {
        #expect(OnnxRuntime.isSupported(version: "1.31.1"))
        #expect(OnnxRuntime.isSupported(version: "1.16.0"))
        #expect(OnnxRuntime.isSupported(version: "2.0.0"))
        #expect(!OnnxRuntime.isSupported(version: "1.15.1"))
        #expect(!OnnxRuntime.isSupported(version: "garbage"))
    }

    @Test func defaultLibraryPathPrefersTheEnvironment() throws {
        let home = URL(fileURLWithPath: "/nonexistent/home")
        let inHome = "/nonexistent/home/runtime/\(OnnxRuntime.libraryFileName)"
        #expect(OnnxRuntime.defaultLibraryPath(home: home, environment: ["GALLERY_ONNXRUNTIME": "/x/lib.so"]) == "/x/lib.so")
        #expect(OnnxRuntime.defaultLibraryPath(home: home, environment: [:]) == inHome)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let candidate = directory.url.appendingPathComponent("lib.so").path
        #expect(OnnxRuntime.defaultLibraryPath(home: home, environment: [:], candidates: [candidate]) == inHome)
        try Data().write(to: URL(fileURLWithPath: candidate))
        #expect(OnnxRuntime.defaultLibraryPath(home: home, environment: [:], candidates: [candidate]) == candidate)
    }
}
