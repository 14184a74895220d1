import Foundation

/// Runs ``FaceClustering`` on a collection's faces in three steps: it reads the faces in one read
/// transaction, decides outside any transaction (so writers, and the server's health check, never
/// wait for it), then writes its decisions in one short transaction that keeps only those still
/// valid (a decision a user made meanwhile wins).
///
/// Incremental by default: assigned faces stay where they are, unassigned ones join persons or
/// form new ones. A full run first releases every automatic, unconfirmed assignment, so the
/// whole library is clustered again; user decisions (confirmed faces, merges, splits, "not this
/// person" marks, set-aside faces) survive both.
///
/// ```swift
/// let summary = try FaceClusterer(catalog: catalog, settings: .init()).cluster(collectionId: id)
/// ```
public struct FaceClusterer: Sendable {
    public let catalog: AppDatabase
    public let settings: FaceClusteringSettings

    public init(catalog: AppDatabase, settings: FaceClusteringSettings) {
        self.catalog = catalog
        self.settings = settings
    }

    /// Clusters the collection's faces.
    /// - Parameter progress: called while deciding (outside any transaction), stage ``IndexProgress/Stage/clustering``.
    public func cluster(
        collectionId: Int64, full: Bool = false, progress: (IndexProgress) -> Void = { _ in }
    ) throws -> ClusteringSummary {
        let started = ContinuousClock.now
        let input = try catalog.clusteringInput(collectionId: collectionId, full: full)
        let decisions = FaceClustering(settings: settings).decide(
            assigned: input.assigned, pool: input.pool, rejections: input.rejections
        ) { done, total in
            progress(
                IndexProgress(total: total, done: done, failed: 0, elapsed: (ContinuousClock.now - started).seconds, stage: .clustering))
        }
        return try catalog.applyClustering(decisions, from: input, collectionId: collectionId, minClusterSize: settings.minClusterSize)
    }
}

/// What a clustering run did.
public struct ClusteringSummary: Codable, Sendable, Equatable {
    /// Faces in the collection.
    public var faces: Int
    /// Unassigned faces that joined an existing person.
    public var joined: Int
    /// Persons made from the unassigned pool.
    public var newPersons: Int
    /// Faces still waiting in the pool.
    public var unassigned: Int
    /// Persons in the collection now.
    public var persons: Int

    enum CodingKeys: String, CodingKey {
        case faces, joined, unassigned, persons
        case newPersons = "new_persons"
    }
}
