/// Groups faces into persons, incrementally: what is already assigned stays, unassigned faces
/// join the person they clearly belong to, and what is left is clustered into new persons.
///
/// Pure logic over descriptors, in memory proportional to the faces (distances are computed a
/// tile at a time, see ``DescriptorSet``); ``FaceClusterer`` reads its input from the catalogue
/// and writes its decisions back.
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
    ///   - progress: `(done, total)` steps: one per pool face compared with the persons, then two per
    ///     face left for the density pass.
    public func decide(
        assigned: [Face], pool: [Face], rejections: Set<FacePersonPair> = [], progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) -> Decisions {
        var decisions = Decisions()
        var remaining: [Face] = []
        var sizes: [Int64: Int] = [:]
        for face in assigned { sizes[face.personId!, default: 0] += 1 }
        // The k nearest distances to each person (k = minNeighbours) of the pool faces of the
        // current row tile: all that bestPerson needs.
        var nearest: [Int: [Int64: [Float]]] = [:]
        var decided = 0
        let k = settings.minNeighbours
        DescriptorSet(pool.map(\.descriptor)).forEachPair(
            with: DescriptorSet(assigned.map(\.descriptor)), within: Float(settings.distance),
            rowsDone: { done in
                for row in decided..<done {
                    let face = pool[row]
                    if let person = bestPerson(face: face, nearest: nearest[row] ?? [:], sizes: sizes, rejections: rejections) {
                        decisions.joins[face.id] = person
                    } else {
                        remaining.append(face)
                    }
                }
                nearest = [:]
                decided = done
                progress(done, 3 * pool.count)
            }
        ) { row, column, distance in
            var distances = nearest[row, default: [:]][assigned[column].personId!, default: []]
            if distances.count < k || distance < distances[k - 1] {
                distances.insert(distance, at: distances.firstIndex { $0 > distance } ?? distances.count)
                if distances.count > k { distances.removeLast() }
                nearest[row, default: [:]][assigned[column].personId!] = distances
            }
        }
        let density = DensityClustering(distance: Float(settings.distance), minClusterSize: settings.minClusterSize)
        let total = pool.count + 2 * remaining.count
        decisions.newPersons = density.clusters(DescriptorSet(remaining.map(\.descriptor))) { done in
            progress(pool.count + done, total)
        }.map { $0.map { remaining[$0].id }.sorted() }
        return decisions
    }

    /// The person whose k nearest faces (k = minNeighbours, or the person's size when smaller)
    /// all lie within the distance, and clearly closer than any other such person; nil otherwise.
    /// - Parameter nearest: the face's nearest distances to each close person, ascending, at most k.
    private func bestPerson(
        face: Face, nearest: [Int64: [Float]], sizes: [Int64: Int], rejections: Set<FacePersonPair>
    ) -> Int64? {
        var candidates: [(person: Int64, distance: Float)] = []
        for (person, values) in nearest where !rejections.contains(FacePersonPair(faceId: face.id, personId: person)) {
            let needed = min(settings.minNeighbours, sizes[person] ?? 0)
            guard values.count >= needed, needed > 0 else { continue }
            candidates.append((person, values[needed - 1]))
        }
        candidates.sort { $0.distance < $1.distance }
        guard let best = candidates.first else { return nil }
        if candidates.count > 1 && candidates[1].distance - best.distance < Float(settings.ambiguityMargin) { return nil }
        return best.person
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
