import Foundation

/// Text recognition settings (`ocr:` in `config.yaml`).
public struct OCRSettings: Sendable, Equatable {
    /// Whether indexing reads the text in photos: nil (the default) reads it when the OCR
    /// models are installed; true warns when they cannot load; false never reads it (`gallery
    /// ocr scan` still can).
    public var enabled: Bool?
    /// The folder with the OCR models; `<home>/models/ocr` when nil.
    public var modelsFolder: URL?
    public var parameters = TextRecognitionParameters()

    public init() {}
}

extension GalleryConfiguration {
    /// The OCR models folder in force.
    public var ocrModelsURL: URL {
        ocr.modelsFolder ?? home.appendingPathComponent("models/ocr")
    }
}
