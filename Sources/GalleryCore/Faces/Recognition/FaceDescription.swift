/// What ``FaceEncoder`` computes for one face box.
public struct FaceDescription: Sendable, Equatable {
    /// dlib's 5 landmarks in pixels of the image: the outer and inner corner of each eye, then the
    /// base of the nose (the order of `shape_predictor_5_face_landmarks.dat`).
    public var landmarks: [FacePoint]
    /// The 128-d descriptor (not normalised: its length is about 1.4); compare with ``FaceDescriptor/distance(_:_:)``.
    public var descriptor: [Float]
    /// The aligned chip the network read, interleaved RGB, ``FaceDescriptor/chipSize`` pixels
    /// square; nil unless requested.
    public var chip: [UInt8]?

    public init(landmarks: [FacePoint], descriptor: [Float], chip: [UInt8]? = nil) {
        self.landmarks = landmarks
        self.descriptor = descriptor
        self.chip = chip
    }
}
