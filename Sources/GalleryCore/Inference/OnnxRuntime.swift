import COnnxRuntime
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The loaded ONNX Runtime library and its environment; one per process, kept alive longer than
/// every session.
///
/// The library is opened at run time (`dlopen`), never linked, so the product builds and runs
/// without it until a model is needed. Sessions hold a strong reference to their runtime, and the
/// library itself is never closed (ONNX Runtime keeps threads and globals alive until exit).
///
/// ```swift
/// let path = OnnxRuntime.defaultLibraryPath(home: home, environment: ProcessInfo.processInfo.environment)
/// let runtime = try OnnxRuntime.shared(libraryPath: path)
/// let session = try OnnxSession(runtime: runtime, modelPath: "model.onnx")
/// ```
public final class OnnxRuntime: @unchecked Sendable {
    /// The file name of the library the project fetches (from PyPI's `onnxruntime` 1.31.1 wheel).
    public static let libraryFileName = "libonnxruntime.so.1.31.1"
    /// The environment variable with which ONNX Runtime collects and sends no telemetry.
    static let telemetryOptOut = "ORT_DISABLE_TELEMETRY"
    /// The oldest release accepted: every API entry used is older, but older releases are untested.
    public static let minimumVersion = (major: 1, minor: 16)

    /// The library's version string, e.g. "1.31.1".
    public let version: String
    /// The path the library was opened from.
    public let libraryPath: String

    /// The function table, valid for the life of the process (the library is never closed).
    let api: UnsafePointer<SGOrtApi>
    /// `OrtEnv`: logging and the global thread pools; released last.
    let environmentPointer: OpaquePointer
    /// `OrtMemoryInfo` describing CPU memory, for tensors over the caller's buffers.
    let cpuMemory: OpaquePointer
    /// `OrtAllocator`: the default CPU allocator, owned by ONNX Runtime (never released).
    let allocator: OpaquePointer

    private init(
        version: String, libraryPath: String, api: UnsafePointer<SGOrtApi>, environment: OpaquePointer,
        cpuMemory: OpaquePointer, allocator: OpaquePointer
    ) {
        self.version = version
        self.libraryPath = libraryPath
        self.api = api
        environmentPointer = environment
        self.cpuMemory = cpuMemory
        self.allocator = allocator
    }

    deinit {
        api.pointee.ReleaseOrtMemoryInfo(cpuMemory)
        api.pointee.ReleaseOrtEnv(environmentPointer)
    }

    /// Opens the library at `libraryPath`, checks its version and creates an environment.
    ///
    /// Prefer ``shared(libraryPath:)``: ONNX Runtime wants one environment per process.
    /// - Throws: ``InferenceError/libraryNotFound(path:)`` when no file is there,
    ///   ``InferenceError/libraryIncompatible(path:reason:)`` when it is not ONNX Runtime 1.16+.
    public static func load(libraryPath: String) throws(InferenceError) -> OnnxRuntime {
        guard FileManager.default.fileExists(atPath: libraryPath) else {
            throw .libraryNotFound(path: libraryPath)
        }
        // Since 1.31 the official Linux builds upload usage telemetry and keep a device id under
        // ~/.cache/Microsoft; nothing may leave the user's machine. The variable is the opt-out
        // that stops it before the environment starts (an explicit value is left as it is).
        setenv(telemetryOptOut, "1", 0)
        guard let handle = dlopen(libraryPath, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "dlopen failed"
            throw .libraryIncompatible(path: libraryPath, reason: reason)
        }
        guard let symbol = dlsym(handle, "OrtGetApiBase"), let base = sg_ort_api_base(symbol) else {
            throw .libraryIncompatible(path: libraryPath, reason: "no OrtGetApiBase symbol")
        }
        let version = String(cString: base.pointee.GetVersionString())
        guard isSupported(version: version) else {
            let minimum = "\(minimumVersion.major).\(minimumVersion.minor)"
            throw .libraryIncompatible(path: libraryPath, reason: "version \(version), need \(minimum) or later")
        }
        guard let api = base.pointee.GetApi(SG_ORT_API_VERSION) else {
            throw .libraryIncompatible(path: libraryPath, reason: "API version \(SG_ORT_API_VERSION) refused")
        }
        var environment: OpaquePointer?
        try check(api, api.pointee.CreateEnv(Int32(SG_ORT_LOGGING_LEVEL_ERROR), "smart-gallery", &environment))
        if let status = api.pointee.DisableTelemetryEvents(environment!) { api.pointee.ReleaseOrtStatus(status) }
        var memory: OpaquePointer?
        var allocator: OpaquePointer?
        do {
            try check(
                api, api.pointee.CreateCpuMemoryInfo(Int32(SG_ORT_ARENA_ALLOCATOR), Int32(SG_ORT_MEM_TYPE_DEFAULT), &memory))
            try check(api, api.pointee.GetAllocatorWithDefaultOptions(&allocator))
        } catch {
            api.pointee.ReleaseOrtMemoryInfo(memory)
            api.pointee.ReleaseOrtEnv(environment)
            throw error
        }
        return OnnxRuntime(
            version: version, libraryPath: libraryPath, api: api, environment: environment!, cpuMemory: memory!,
            allocator: allocator!)
    }

    /// The runtime for `libraryPath`, loaded on first use and kept for the life of the process.
    /// Thread-safe; a failed load is not cached (the next call tries again).
    public static func shared(libraryPath: String) throws(InferenceError) -> OnnxRuntime {
        try cache.runtime(for: libraryPath)
    }

    /// Where to look for the library: `GALLERY_ONNXRUNTIME` when set, else the first existing file
    /// among `<home>/runtime/libonnxruntime.so.1.31.1` and `candidates`; when none exists, the path
    /// under `home` (so that the error names where the library belongs).
    public static func defaultLibraryPath(
        home: URL, environment: [String: String], candidates: [String] = []
    ) -> String {
        if let path = environment["GALLERY_ONNXRUNTIME"], !path.isEmpty { return path }
        let inHome = home.appendingPathComponent("runtime").appendingPathComponent(libraryFileName).path
        let paths = [inHome] + candidates
        return paths.first { FileManager.default.fileExists(atPath: $0) } ?? inHome
    }

    /// Whether `version` ("major.minor.patch") is at least ``minimumVersion``.
    static func isSupported(version: String) -> Bool {
        let parts = version.split(separator: ".").map { Int($0) }
        guard parts.count >= 2, let major = parts[0], let minor = parts[1] else { return false }
        return (major, minor) >= minimumVersion
    }

    private static let cache = RuntimeCache()
}

/// The per-path runtimes behind ``OnnxRuntime/shared(libraryPath:)``.
private final class RuntimeCache: @unchecked Sendable {
    private let lock = NSLock()
    private var runtimes: [String: OnnxRuntime] = [:]

    func runtime(for path: String) throws(InferenceError) -> OnnxRuntime {
        lock.lock()
        defer { lock.unlock() }
        if let runtime = runtimes[path] { return runtime }
        let runtime = try OnnxRuntime.load(libraryPath: path)
        runtimes[path] = runtime
        return runtime
    }
}
