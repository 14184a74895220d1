/// Groups faces into persons, incrementally: what is already assigned stays, unassigned faces
/// join the person they clearly belong to, and what is left is clustered into new persons.
///
/// Pure logic over descriptors; ``FaceClusterer`` reads its input from the catalogue and
/// writes its decisions back.
public struct FaceClustering: Sendable {
    /// A face as clustering sees it.
    public struct Face: Sendable {
        public var id: Int64
        public var descriptor: [Float]
        /// The person it is in, if any.
        public var personId: Int64?

        public init(id: Int64, descriptor: [Float], personId: Int64? = nil) {
            self.id = id
            self.descriptor = descriptor
            self.personId = personId
        }
    }

    /// What to change.
    public struct Decisions: Equatable, Sendable {
        /// Unassigned faces that join an existing person.
        public var joins: [Int64: Int64] = [:]
        /// Groups of unassigned faces that become new persons.
        public var newPersons: [[Int64]] = []
    }

    public let settings: FaceClusteringSettings

    public init(settings: FaceClusteringSettings) {
        self.settings = settings
    }

    /// - Parameters:
    ///   - assigned: faces already in persons (they are never moved).
    ///   - pool: unassigned faces open to clustering.
    ///   - rejections: (face, person) pairs a user ruled out.
    public func decide(assigned: [Face], pool: [Face], rejections: Set<FacePersonPair> = []) -> Decisions {
        var decisions = Decisions()
        var remaining: [Face] = []
        // With nobody assigned yet the matrix is empty and every face stays in the pool.
        let distances = DescriptorDistances(rows: pool.map(\.descriptor), columns: assigned.map(\.descriptor))
        var sizes: [Int64: Int] = [:]
        for face in assigned { sizes[face.personId!, default: 0] += 1 }
        for (row, face) in pool.enumerated() {
            if let person = bestPerson(
                row: row, face: face, assigned: assigned, sizes: sizes, distances: distances, rejections: rejections)
            {
                decisions.joins[face.id] = person
            } else {
                remaining.append(face)
            }
        }
        decisions.newPersons = densityClusters(remaining)
        return decisions
    }

    /// The person whose k nearest faces (k = minNeighbours, or the person's size when smaller)
    /// all lie within the distance, and clearly closer than any other such person; nil otherwise.
    private func bestPerson(
        row: Int, face: Face, assigned: [Face], sizes: [Int64: Int], distances: DescriptorDistances,
        rejections: Set<FacePersonPair>
    ) -> Int64? {
        var close: [Int64: [Float]] = [:]
        for (column, other) in assigned.enumerated() where distances[row, column] <= Float(settings.distance) {
            close[other.personId!, default: []].append(distances[row, column])
        }
        var candidates: [(person: Int64, distance: Float)] = []
        for (person, values) in close where !rejections.contains(FacePersonPair(faceId: face.id, personId: person)) {
            let needed = min(settings.minNeighbours, sizes[person] ?? 0)
            guard values.count >= needed, needed > 0 else { continue }
            candidates.append((person, values.sorted()[needed - 1]))
        }
        candidates.sort { $0.distance < $1.distance }
        guard let best = candidates.first else { return nil }
        if candidates.count > 1 && candidates[1].distance - best.distance < Float(settings.ambiguityMargin) { return nil }
        return best.person
    }

    /// DBSCAN over the pool: core faces have at least `minClusterSize - 1` neighbours within
    /// the distance; clusters smaller than `minClusterSize` stay in the pool.
    private func densityClusters(_ faces: [Face]) -> [[Int64]] {
        guard faces.count >= settings.minClusterSize else { return [] }
        let distances = DescriptorDistances(rows: faces.map(\.descriptor), columns: faces.map(\.descriptor))
        let threshold = Float(settings.distance)
        let neighbours = faces.indices.map { row in
            faces.indices.filter { $0 != row && distances[row, $0] <= threshold }
        }
        let minNeighbours = max(settings.minClusterSize - 1, 1)
        var label = [Int?](repeating: nil, count: faces.count)
        var clusters: [[Int]] = []
        for start in faces.indices where label[start] == nil && neighbours[start].count >= minNeighbours {
            let cluster = clusters.count
            var members = [start]
            label[start] = cluster
            var queue = [start]
            while let current = queue.popLast() {
                guard neighbours[current].count >= minNeighbours else { continue }
                for next in neighbours[current] where label[next] == nil {
                    label[next] = cluster
                    members.append(next)
                    queue.append(next)
                }
            }
            clusters.append(members)
        }
        return clusters.filter { $0.count >= settings.minClusterSize }.map { $0.map { faces[$0].id }.sorted() }
    }
}

/// A face and a person, e.g. a "not this person" mark.
public struct FacePersonPair: Hashable, Sendable {
    public var faceId: Int64
    public var personId: Int64

    public init(faceId: Int64, personId: Int64) {
        self.faceId = faceId
        self.personId = personId
    }
}
