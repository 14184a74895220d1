/// How faces are grouped into persons.
public struct FaceClusteringSettings: Sendable, Equatable, Codable {
    /// The descriptor distance under which two faces may be the same person. dlib's own
    /// threshold is 0.6; a tighter one keeps look-alikes apart.
    public var distance: Double
    /// A face joins a person only when this many of the person's faces (or all of them, for a
    /// smaller person) are within ``distance``: one close look-alike is not enough.
    public var minNeighbours: Int
    /// The fewest faces that make a new person out of the unassigned pool.
    public var minClusterSize: Int
    /// When two persons are both this close (difference of their distances), the face waits in
    /// the review queue instead of joining either.
    public var ambiguityMargin: Double

    public init(distance: Double = 0.5, minNeighbours: Int = 2, minClusterSize: Int = 3, ambiguityMargin: Double = 0.04) {
        self.distance = distance
        self.minNeighbours = minNeighbours
        self.minClusterSize = minClusterSize
        self.ambiguityMargin = ambiguityMargin
    }
}
