import CDlibShim
import Foundation

/// Aligns faces and computes their 128-d descriptors with dlib's 5-point shape predictor and face
/// recognition ResNet (the `face_recognition` models).
///
/// Thread-safe: dlib's network keeps per-call state, so each concurrent call borrows its own model
/// set from a pool, cloned from a pristine copy on demand (~30 ms, ~45 MB each) and reused after.
/// The pool grows to the highest number of concurrent calls.
///
/// ```swift
/// let encoder = try FaceEncoder(landmarksPath: landmarks, descriptorPath: resnet)
/// let faces = try encoder.describe(image, boxes: [FaceBox(x: 120, y: 80, width: 96, height: 96)])
/// ```
public final class FaceEncoder: @unchecked Sendable {
    /// Never used to describe: only copied, under `lock`.
    private let prototype: OpaquePointer
    /// Model sets not in use; guarded by `lock`.
    private var idle: [OpaquePointer] = []
    private let lock = NSLock()

    /// Loads the models.
    ///
    /// - Parameters:
    ///   - landmarksPath: `shape_predictor_5_face_landmarks.dat`.
    ///   - descriptorPath: `dlib_face_recognition_resnet_model_v1.dat`.
    /// - Throws: ``FaceModelError/missingFile(path:)`` naming a missing file, or
    ///   ``FaceModelError/loadFailed(message:)`` with dlib's message (which names the file).
    public init(landmarksPath: String, descriptorPath: String) throws(FaceModelError) {
        for path in [landmarksPath, descriptorPath] where !FileManager.default.isReadableFile(atPath: path) {
            throw .missingFile(path: path)
        }
        let models = try Self.call(FaceModelError.loadFailed) { error, size in
            sg_face_models_load(landmarksPath, descriptorPath, error, size)
        }
        prototype = models
    }

    deinit {
        for models in idle {
            sg_face_models_free(models)
        }
        sg_face_models_free(prototype)
    }

    /// Places the landmarks and computes the descriptor of each face box.
    ///
    /// - Parameters:
    ///   - image: The image the boxes are in.
    ///   - boxes: Faces in pixels of `image`; they may reach past its edges.
    ///   - includeChips: Whether to return the aligned 150x150 RGB chip of each face.
    /// - Returns: One description per box, in order; empty (without touching the models) when
    ///   `boxes` is.
    /// - Throws: ``FaceModelError/unreadableImage(message:)`` or
    ///   ``FaceModelError/inferenceFailed(message:)`` (for example an empty box).
    public func describe(
        _ image: DecodedImage, boxes: [FaceBox], includeChips: Bool = false
    ) throws(FaceModelError) -> [FaceDescription] {
        guard !boxes.isEmpty else { return [] }
        let pixels: [UInt8]
        do {
            pixels = try image.rgbBytes()
        } catch {
            throw .unreadableImage(message: error.description)
        }
        return try describe(rgb: pixels, width: image.width, height: image.height, boxes: boxes, includeChips: includeChips)
    }

    /// Like ``describe(_:boxes:includeChips:)`` for interleaved 8-bit RGB pixels, row-major.
    public func describe(
        rgb: [UInt8], width: Int, height: Int, boxes: [FaceBox], includeChips: Bool = false
    ) throws(FaceModelError) -> [FaceDescription] {
        guard !boxes.isEmpty else { return [] }
        guard width > 0, height > 0, rgb.count == width * height * 3 else {
            throw .unreadableImage(message: "expected \(width)x\(height)x3 bytes, got \(rgb.count)")
        }
        let count = boxes.count
        let flatBoxes = boxes.flatMap { [Float($0.x), Float($0.y), Float($0.width), Float($0.height)] }
        var landmarks = [Float](repeating: 0, count: count * FaceDescriptor.landmarkCount * 2)
        var descriptors = [Float](repeating: 0, count: count * FaceDescriptor.length)
        let chipBytes = FaceDescriptor.chipSize * FaceDescriptor.chipSize * 3
        var chips = [UInt8](repeating: 0, count: includeChips ? count * chipBytes : 0)

        let models = try borrow()
        defer { giveBack(models) }
        try Self.check(FaceModelError.inferenceFailed) { error, size in
            chips.withUnsafeMutableBufferPointer { chipBuffer in
                sg_face_describe(
                    models, rgb, Int32(width), Int32(height), flatBoxes, Int32(count), &landmarks, &descriptors,
                    includeChips ? chipBuffer.baseAddress : nil, error, size)
            }
        }

        return (0..<count).map { face in
            let points = (0..<FaceDescriptor.landmarkCount).map { point in
                let offset = (face * FaceDescriptor.landmarkCount + point) * 2
                return FacePoint(x: Double(landmarks[offset]), y: Double(landmarks[offset + 1]))
            }
            let descriptor = Array(descriptors[(face * FaceDescriptor.length)..<((face + 1) * FaceDescriptor.length)])
            let chip = includeChips ? Array(chips[(face * chipBytes)..<((face + 1) * chipBytes)]) : nil
            return FaceDescription(landmarks: points, descriptor: descriptor, chip: chip)
        }
    }

    /// An idle model set, or a new copy of the prototype.
    private func borrow() throws(FaceModelError) -> OpaquePointer {
        lock.lock()
        defer { lock.unlock() }
        if let models = idle.popLast() {
            return models
        }
        // Cloning under the lock keeps the prototype's reads from overlapping; it is rare.
        return try Self.call(FaceModelError.inferenceFailed) { error, size in
            sg_face_models_clone(prototype, error, size)
        }
    }

    private func giveBack(_ models: OpaquePointer) {
        lock.lock()
        defer { lock.unlock() }
        idle.append(models)
    }

    /// Size of the message buffer handed to the shim.
    private static let errorSize = 1024

    /// Calls a shim function that returns a pointer, NULL with a message on failure.
    private static func call(
        _ failure: (String) -> FaceModelError,
        _ body: (UnsafeMutablePointer<CChar>, Int) -> OpaquePointer?
    ) throws(FaceModelError) -> OpaquePointer {
        var error = [CChar](repeating: 0, count: errorSize)
        let result = error.withUnsafeMutableBufferPointer { body($0.baseAddress!, $0.count) }
        guard let result else { throw failure(message(error)) }
        return result
    }

    /// Calls a shim function that returns 0, or -1 with a message on failure.
    private static func check(
        _ failure: (String) -> FaceModelError,
        _ body: (UnsafeMutablePointer<CChar>, Int) -> Int32
    ) throws(FaceModelError) {
        var error = [CChar](repeating: 0, count: errorSize)
        let status = error.withUnsafeMutableBufferPointer { body($0.baseAddress!, $0.count) }
        guard status == 0 else { throw failure(message(error)) }
    }

    private static func message(_ buffer: [CChar]) -> String {
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return bytes.isEmpty ? "unknown error" : String(decoding: bytes, as: UTF8.self)
    }
}
