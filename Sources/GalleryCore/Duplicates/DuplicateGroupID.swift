/// Names a duplicate group: its tier and one of its images, written `tier-imageId`
/// (e.g. `near-12`). The group is the one of that tier that holds the image now, so any
/// member names it; lists use the smallest id.
public struct DuplicateGroupID: Sendable, Hashable, Codable, CustomStringConvertible, LosslessStringConvertible {
    public var tier: DuplicateTier
    public var imageId: Int64

    public init(tier: DuplicateTier, imageId: Int64) {
        self.tier = tier
        self.imageId = imageId
    }

    /// Parses `exact-12`, `near-12` or `similar-12`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, let tier = DuplicateTier(rawValue: String(parts[0])), let id = Int64(parts[1]), id > 0 else {
            return nil
        }
        self.init(tier: tier, imageId: id)
    }

    public var description: String { "\(tier.rawValue)-\(imageId)" }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = DuplicateGroupID(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a group id"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
