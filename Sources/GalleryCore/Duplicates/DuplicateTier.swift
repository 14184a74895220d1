/// How alike two photos of a duplicate group are; the tiers are kept apart because they call
/// for different actions.
public enum DuplicateTier: String, Codable, CodingKeyRepresentable, Sendable, CaseIterable, Comparable {
    /// The same bytes (the same content hash) at several paths, or uploaded again.
    case exact
    /// The same picture resized, recompressed, converted, stripped of EXIF or slightly
    /// cropped: perceptual hashes within the thresholds (and embeddings close, when there are).
    case near
    /// Bursts and near-identical scenes: close embeddings and capture times seconds apart.
    /// Offered as stacks, never for deletion.
    case similar

    /// Whether the photos other than the keeper may be deleted.
    public var allowsDeletion: Bool { self != .similar }

    public static func < (lhs: DuplicateTier, rhs: DuplicateTier) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
