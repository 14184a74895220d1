import Foundation

extension TextRecognizer {
    /// The recognizer a configuration asks for: its OCR models folder and parameters, on the
    /// ONNX Runtime library found for its home (`GALLERY_ONNXRUNTIME` first).
    /// - Parameter threads: intra-op threads per model run.
    /// - Throws: ``TextModelError/missingFile(path:)`` naming the first missing file;
    ///   ``TextModelError`` or ``InferenceError`` when a model cannot load.
    public static func load(
        configuration: GalleryConfiguration, threads: Int = 1,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> TextRecognizer {
        let files = try TextModelFiles(folder: configuration.ocrModelsURL)
        let runtime = try ModelLoader(home: configuration.home, environment: environment).runtime()
        return try TextRecognizer(files: files, runtime: runtime, parameters: configuration.ocr.parameters, threads: threads)
    }

    /// The recognizer indexing uses: nil when OCR is off, or when it is on by default and no
    /// OCR models are installed. `warn` gets the problem when the models were expected (OCR
    /// asked for, or the folder there) but cannot load, so that indexing goes on without text.
    public static func loadIfEnabled(
        configuration: GalleryConfiguration, warn: (String) -> Void,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> TextRecognizer? {
        guard configuration.ocr.enabled != false else { return nil }
        if configuration.ocr.enabled == nil && !FileManager.default.fileExists(atPath: configuration.ocrModelsURL.path) {
            return nil
        }
        do {
            return try load(configuration: configuration, environment: environment)
        } catch {
            warn("\(error)")
            return nil
        }
    }
}

extension TextRecognizer {
    /// The text of an image file, decoded as indexing decodes it: EXIF orientation applied,
    /// shrunk to the large preview's size.
    /// - Throws: a file read error, ``ImagingError``, ``InferenceError`` or ``TextModelError``.
    public func recognize(file path: String, configuration: GalleryConfiguration) throws -> RecognizedText {
        let contents = try FileReader.read(path: path, maxBytes: configuration.limits.maxFileBytes)
        let preview = try PhotoDecoder(limits: configuration.limits).decodePreview(
            contents.data, maxSide: configuration.thumbnails.large)
        return try recognize(preview)
    }
}
