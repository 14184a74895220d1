import Foundation

/// Face detection, recognition and clustering settings (`faces:` in `config.yaml`).
public struct FaceSettings: Sendable, Equatable {
    /// Whether indexing looks for faces. Off, `gallery faces scan` can still do it later.
    public var enabled: Bool = true
    /// The folder with the face models; `<home>/models/faces` when nil.
    public var modelsFolder: URL?
    public var detector = FaceDetectorSettings()
    public var clustering = FaceClusteringSettings()

    public init() {}
}

extension GalleryConfiguration {
    /// The face models folder in force.
    public var faceModelsURL: URL {
        faces.modelsFolder ?? home.appendingPathComponent("models/faces")
    }
}
