import Foundation

extension FaceAnalyzer {
    /// The analyzer a configuration asks for: its face models folder and detector settings, on
    /// the ONNX Runtime library found for its home (`GALLERY_ONNXRUNTIME` first).
    /// - Throws: ``FaceModelError/missingFile(path:)`` naming the first missing model file;
    ///   ``InferenceError`` when the runtime or a model cannot load.
    public static func load(
        configuration: GalleryConfiguration, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> FaceAnalyzer {
        let runtime = try ModelLoader(home: configuration.home, environment: environment).runtime()
        return try FaceAnalyzer(
            settings: configuration.faces.detector, modelsFolder: configuration.faceModelsURL, runtime: runtime)
    }
}
