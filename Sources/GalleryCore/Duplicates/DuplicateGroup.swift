/// Photos of one collection connected by pairs of one tier, best keeper first.
public struct DuplicateGroup: Sendable, Equatable, Codable {
    public var id: DuplicateGroupID
    public var tier: DuplicateTier
    /// The default keeper: the first member (largest, then oldest, then most metadata).
    public var keeperId: Int64
    public var members: [DuplicateMember]
    /// The pairs that connect the members, with their distances.
    public var pairs: [DuplicatePair]

    enum CodingKeys: String, CodingKey {
        case id, tier, members, pairs
        case keeperId = "keeper_id"
    }
}

/// A page of a collection's groups of one tier, largest groups first.
public struct DuplicateGroupPage: Sendable, Equatable, Codable {
    public var tier: DuplicateTier
    /// Groups of the tier in the collection, all pages together.
    public var total: Int
    public var groups: [DuplicateGroup]
}
