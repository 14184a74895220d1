import GRDB

/// Reading duplicate groups: the connected pairs of one tier among a collection's indexed
/// photos that no resolution has set aside.
extension AppDatabase {
    /// A page of the collection's groups of `tier`, largest first (then by smallest id).
    public func duplicateGroups(collectionId: Int64, tier: DuplicateTier, limit: Int = 50, offset: Int = 0) throws -> DuplicateGroupPage {
        try reader.read { db in
            let components = try Self.components(collectionId: collectionId, tier: tier, db)
            let page = components.dropFirst(max(0, offset)).prefix(max(0, limit))
            return DuplicateGroupPage(
                tier: tier, total: components.count, groups: try page.map { try Self.group($0, tier: tier, db) })
        }
    }

    /// The group of `id.tier` that holds image `id.imageId` in the collection.
    /// - Throws: ``DuplicateError/groupNotFound(_:)`` when the image is in no such group now
    ///   (resolved, deleted, or never alike).
    public func duplicateGroup(_ id: DuplicateGroupID, collectionId: Int64) throws -> DuplicateGroup {
        try reader.read { db in try Self.duplicateGroup(id, collectionId: collectionId, db) }
    }

    /// How many groups each tier has in the collection.
    public func duplicateGroupCounts(collectionId: Int64) throws -> [DuplicateTier: Int] {
        try reader.read { db in
            var counts: [DuplicateTier: Int] = [:]
            for tier in DuplicateTier.allCases { counts[tier] = try Self.components(collectionId: collectionId, tier: tier, db).count }
            return counts
        }
    }

    static func duplicateGroup(_ id: DuplicateGroupID, collectionId: Int64, _ db: Database) throws -> DuplicateGroup {
        let components = try components(collectionId: collectionId, tier: id.tier, db)
        guard let members = components.first(where: { $0.contains(id.imageId) }) else { throw DuplicateError.groupNotFound(id) }
        return try group(members, tier: id.tier, db)
    }

    /// The pairs of a tier between two indexed, unresolved photos of the collection.
    private static func pairs(collectionId: Int64, tier: DuplicateTier, among ids: [Int64]? = nil, _ db: Database) throws -> [DuplicatePair]
    {
        var sql = """
            SELECT p.* FROM duplicatePair p
            JOIN image a ON a.id = p.imageId JOIN image b ON b.id = p.otherId
            WHERE p.collectionId = ? AND p.tier = ? AND a.status = 'indexed' AND b.status = 'indexed'
              AND NOT EXISTS (SELECT 1 FROM duplicateResolution r WHERE r.imageId IN (p.imageId, p.otherId))
            """
        if let ids { sql += " AND p.imageId IN (\(ids.map(String.init).joined(separator: ",")))" }
        return try Row.fetchAll(db, sql: sql + " ORDER BY p.imageId, p.otherId", arguments: [collectionId, tier.rawValue]).map { row in
            DuplicatePair(
                imageId: row["imageId"], otherId: row["otherId"], tier: tier, dHashDistance: row["dHashDistance"],
                pHashDistance: row["pHashDistance"], embeddingDistance: row["embeddingDistance"], seconds: row["seconds"])
        }
    }

    /// The connected components of the tier's pairs, each sorted, largest first.
    private static func components(collectionId: Int64, tier: DuplicateTier, _ db: Database) throws -> [[Int64]] {
        var parent: [Int64: Int64] = [:]
        func root(_ id: Int64) -> Int64 {
            var id = id
            while let up = parent[id], up != id {
                parent[id] = parent[up] ?? up
                id = up
            }
            return id
        }
        for pair in try pairs(collectionId: collectionId, tier: tier, db) {
            parent[pair.imageId] = parent[pair.imageId] ?? pair.imageId
            parent[pair.otherId] = parent[pair.otherId] ?? pair.otherId
            let a = root(pair.imageId), b = root(pair.otherId)
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        var groups: [Int64: [Int64]] = [:]
        for id in parent.keys { groups[root(id), default: []].append(id) }
        return groups.values.map { $0.sorted() }.sorted { ($0.count, $1[0]) > ($1.count, $0[0]) }
    }

    private static func group(_ ids: [Int64], tier: DuplicateTier, _ db: Database) throws -> DuplicateGroup {
        let marks = ids.map(String.init).joined(separator: ",")
        let records = try ImageRecord.fetchAll(db, sql: "SELECT * FROM image WHERE id IN (\(marks))")
        let tagCounts = try Dictionary(
            uniqueKeysWithValues: Row.fetchAll(
                db, sql: "SELECT imageId, COUNT(*) AS n FROM imageTag WHERE imageId IN (\(marks)) GROUP BY imageId"
            )
            .map { ($0["imageId"] as Int64, $0["n"] as Int) })
        let described = try Set(Int64.fetchAll(db, sql: "SELECT imageId FROM imageDescription WHERE imageId IN (\(marks))"))
        let members = records.map { record in
            DuplicateMember(record: record, userTags: tagCounts[record.id!] ?? 0, hasDescription: described.contains(record.id!))
        }.sorted { $0.isBetterKeeper(than: $1) }
        let memberIds = Set(ids)
        let pairs = try pairs(collectionId: records[0].collectionId, tier: tier, among: ids, db).filter { memberIds.contains($0.otherId) }
        return DuplicateGroup(
            id: DuplicateGroupID(tier: tier, imageId: ids[0]), tier: tier, keeperId: members[0].imageId, members: members, pairs: pairs)
    }
}
