/// Facts about dlib's face descriptors, and how to compare them.
public enum FaceDescriptor {
    /// The number of values in a descriptor.
    public static let length = 128
    /// The side of the aligned face chip the network reads, in pixels.
    public static let chipSize = 150
    /// The number of landmarks placed per face.
    public static let landmarkCount = 5
    /// dlib's threshold: two faces closer than this are taken to be the same person (99.38% on
    /// the LFW benchmark).
    public static let sameFaceThreshold: Float = 0.6

    /// The Euclidean distance between two descriptors of equal length.
    ///
    /// ```swift
    /// let same = FaceDescriptor.distance(a.descriptor, b.descriptor) < FaceDescriptor.sameFaceThreshold
    /// ```
    public static func distance(_ a: [Float], _ b: [Float]) -> Float {
        precondition(a.count == b.count, "descriptors differ in length: \(a.count) and \(b.count)")
        var sum: Float = 0
        for index in a.indices {
            let difference = a[index] - b[index]
            sum += difference * difference
        }
        return sum.squareRoot()
    }
}
