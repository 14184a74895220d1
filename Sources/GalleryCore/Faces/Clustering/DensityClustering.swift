/// DBSCAN over descriptors in bounded memory: neighbourhoods are never stored, only counted.
///
/// A first pass over every pair counts each face's neighbours within the distance (core faces
/// have at least `minClusterSize - 1`); a second pass joins neighbouring core faces (union-find)
/// and notes the core neighbours of the others, which have fewer than `minClusterSize - 1`
/// neighbours each. A non-core face joins the earliest found of its core neighbours' clusters,
/// clusters are ordered by their first core face, and clusters smaller than `minClusterSize` are
/// dropped: the same clusters as a breadth-first DBSCAN visiting faces in index order.
struct DensityClustering {
    let distance: Float
    let minClusterSize: Int

    /// Clusters of `faces` as sorted index lists; `rowsDone(n)` reports the rows visited so far out
    /// of `2 * faces.count` (two passes).
    func clusters(_ faces: DescriptorSet, rowsDone: (Int) -> Void = { _ in }) -> [[Int]] {
        let count = faces.count
        guard count >= minClusterSize else { return [] }
        let minNeighbours = max(minClusterSize - 1, 1)
        var neighbourCounts = [Int](repeating: 0, count: count)
        faces.forEachPair(within: distance, rowsDone: rowsDone) { row, column, _ in
            neighbourCounts[row] += 1
            neighbourCounts[column] += 1
        }
        let core = neighbourCounts.map { $0 >= minNeighbours }
        guard core.contains(true) else {
            rowsDone(2 * count)
            return []
        }
        var components = UnionFind(count: count)
        var coreNeighbours = [[Int]](repeating: [], count: count)
        faces.forEachPair(within: distance, rowsDone: { rowsDone(count + $0) }) { row, column, _ in
            switch (core[row], core[column]) {
            case (true, true): components.union(row, column)
            case (true, false): coreNeighbours[column].append(row)
            case (false, true): coreNeighbours[row].append(column)
            case (false, false): break
            }
        }
        // A cluster is known by its root; it was discovered at its smallest core face.
        var firstCore: [Int: Int] = [:]
        for index in 0..<count where core[index] {
            let root = components.find(index)
            if firstCore[root] == nil { firstCore[root] = index }
        }
        var members: [Int: [Int]] = [:]
        for index in 0..<count {
            if core[index] {
                members[components.find(index), default: []].append(index)
            } else if let root = coreNeighbours[index].map({ components.find($0) }).min(by: { firstCore[$0]! < firstCore[$1]! }) {
                members[root, default: []].append(index)
            }
        }
        return members.sorted { firstCore[$0.key]! < firstCore[$1.key]! }.map(\.value).filter { $0.count >= minClusterSize }
    }
}

/// Disjoint sets over `0..<count`, with path halving and union by size.
private struct UnionFind {
    private var parent: [Int]
    private var size: [Int]

    init(count: Int) {
        parent = Array(0..<count)
        size = [Int](repeating: 1, count: count)
    }

    mutating func find(_ element: Int) -> Int {
        var element = element
        while parent[element] != element {
            parent[element] = parent[parent[element]]
            element = parent[element]
        }
        return element
    }

    mutating func union(_ a: Int, _ b: Int) {
        var a = find(a)
        var b = find(b)
        guard a != b else { return }
        if size[a] < size[b] { swap(&a, &b) }
        parent[b] = a
        size[a] += size[b]
    }
}
