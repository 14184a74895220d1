/// k-means in OKLab over an image's pixels, deterministic: pixels are first gathered into small
/// OKLab cells (weighted by how many fall in each), the first centre is the heaviest cell and each
/// next one the cell with the most weight times squared distance to the centres so far (k-means++
/// without the dice), then Lloyd's iterations until nothing moves.
enum PaletteClustering {
    struct Cluster {
        var centre: OKLab
        var weight: Int
    }

    /// The width of a cell in OKLab units (a just-noticeable difference is about 0.02).
    static let cellSize = 0.03
    /// Centres closer than this are merged.
    static let mergeDistance = 0.04
    static let maxIterations = 20

    static func clusters(of pixels: [OKLab], count: Int) -> [Cluster] {
        let cells = gather(pixels)
        guard !cells.isEmpty else { return [] }
        var centres = [cells.max { $0.weight < $1.weight }!.centre]
        while centres.count < min(count, cells.count) {
            let next = cells.max { score($0, centres) < score($1, centres) }!
            guard score(next, centres) > 0 else { break }
            centres.append(next.centre)
        }
        var assignment = [Int](repeating: -1, count: cells.count)
        for _ in 0..<maxIterations {
            var moved = false
            for (index, cell) in cells.enumerated() {
                let nearest = nearestCentre(cell.centre, centres)
                if assignment[index] != nearest {
                    assignment[index] = nearest
                    moved = true
                }
            }
            centres = recentred(cells, assignment, centres)
            if !moved { break }
        }
        var clusters = centres.indices.map { centre in
            Cluster(centre: centres[centre], weight: cells.indices.filter { assignment[$0] == centre }.reduce(0) { $0 + cells[$1].weight })
        }.filter { $0.weight > 0 }.sorted { $0.weight > $1.weight }
        // Near-identical centres (a gradient split in two) are one colour.
        var merged: [Cluster] = []
        for cluster in clusters {
            if let index = merged.firstIndex(where: { $0.centre.distanceSquared(to: cluster.centre) < mergeDistance * mergeDistance }) {
                let total = Double(merged[index].weight + cluster.weight)
                let mine = Double(merged[index].weight) / total
                let theirs = Double(cluster.weight) / total
                merged[index].centre = OKLab(
                    l: merged[index].centre.l * mine + cluster.centre.l * theirs,
                    a: merged[index].centre.a * mine + cluster.centre.a * theirs,
                    b: merged[index].centre.b * mine + cluster.centre.b * theirs)
                merged[index].weight += cluster.weight
            } else {
                merged.append(cluster)
            }
        }
        clusters = merged
        return clusters
    }

    /// Pixels gathered into cells: each cell's mean colour and pixel count.
    private static func gather(_ pixels: [OKLab]) -> [Cluster] {
        var sums: [SIMD3<Int32>: (l: Double, a: Double, b: Double, count: Int)] = [:]
        for pixel in pixels {
            let key = SIMD3<Int32>(
                Int32((pixel.l / cellSize).rounded()), Int32((pixel.a / cellSize).rounded()), Int32((pixel.b / cellSize).rounded()))
            let sum = sums[key] ?? (0, 0, 0, 0)
            sums[key] = (sum.l + pixel.l, sum.a + pixel.a, sum.b + pixel.b, sum.count + 1)
        }
        // Sorted by cell, so that ties break the same way on every run.
        return sums.sorted { ($0.key.x, $0.key.y, $0.key.z) < ($1.key.x, $1.key.y, $1.key.z) }.map { _, sum in
            let count = Double(sum.count)
            return Cluster(centre: OKLab(l: sum.l / count, a: sum.a / count, b: sum.b / count), weight: sum.count)
        }
    }

    private static func score(_ cell: Cluster, _ centres: [OKLab]) -> Double {
        Double(cell.weight) * centres.map { cell.centre.distanceSquared(to: $0) }.min()!
    }

    private static func nearestCentre(_ colour: OKLab, _ centres: [OKLab]) -> Int {
        var best = 0
        var bestDistance = Double.infinity
        for (index, centre) in centres.enumerated() {
            let distance = colour.distanceSquared(to: centre)
            if distance < bestDistance {
                best = index
                bestDistance = distance
            }
        }
        return best
    }

    /// Each centre moved to the weighted mean of its cells (a centre with none stays put).
    private static func recentred(_ cells: [Cluster], _ assignment: [Int], _ centres: [OKLab]) -> [OKLab] {
        var sums = [(l: Double, a: Double, b: Double, weight: Double)](repeating: (0, 0, 0, 0), count: centres.count)
        for (index, cell) in cells.enumerated() {
            let weight = Double(cell.weight)
            let centre = assignment[index]
            sums[centre].l += cell.centre.l * weight
            sums[centre].a += cell.centre.a * weight
            sums[centre].b += cell.centre.b * weight
            sums[centre].weight += weight
        }
        return centres.indices.map { index in
            let sum = sums[index]
            return sum.weight > 0 ? OKLab(l: sum.l / sum.weight, a: sum.a / sum.weight, b: sum.b / sum.weight) : centres[index]
        }
    }
}
