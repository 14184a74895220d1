import Foundation

/// The faces found in one file's content, waiting to be written with its catalogue change.
public struct FaceScan: Sendable {
    public var collectionId: Int64
    public var path: String
    /// The content the faces were found in.
    public var contentHash: String
    public var faces: [FoundFace]

    public init(collectionId: Int64, path: String, contentHash: String, faces: [FoundFace]) {
        self.collectionId = collectionId
        self.path = path
        self.contentHash = contentHash
        self.faces = faces
    }
}

/// One face, detected and described, normalised to the upright image.
public struct FoundFace: Sendable {
    public var box: FaceBox
    public var keypoints: [FacePoint]
    public var score: Double
    public var descriptor: [Float]
    /// The aligned chip as JPEG.
    public var chip: Data?

    public init(box: FaceBox, keypoints: [FacePoint], score: Double, descriptor: [Float], chip: Data?) {
        self.box = box
        self.keypoints = keypoints
        self.score = score
        self.descriptor = descriptor
        self.chip = chip
    }
}
