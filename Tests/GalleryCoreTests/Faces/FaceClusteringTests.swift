import Foundation
import GalleryTestSupport
import Testing

@testable import GalleryCore

@Suite("Face clustering")
struct FaceClusteringTests {
    let settings = FaceClusteringSettings()

    func faces(_ descriptors: [[Float]], firstId: Int64 = 1, person: Int64? = nil) -> [FaceClustering.Face] {
        descriptors.enumerated().map { FaceClustering.Face(id: firstId + Int64($0.offset), descriptor: $0.element, personId: person) }
    }

    @Test("tiled distances find exactly the close pairs a direct computation finds, across tiles")
    func distances() {
        var random = SeededGenerator(seed: 9)
        // 1,050 descriptors span two tiles; small ones so that many pairs are close.
        let descriptors = (0..<1050).map { _ in (0..<128).map { _ in Float.random(in: -0.06...0.06, using: &random) } }
        let threshold: Float = 0.62
        var direct = Set<[Int]>()
        for row in descriptors.indices {
            for column in (row + 1)..<descriptors.count
            where FaceDescriptor.distance(descriptors[row], descriptors[column]) <= threshold {
                direct.insert([row, column])
            }
        }
        var tiled = Set<[Int]>()
        var worst: Float = 0
        var rowsDone: [Int] = []
        DescriptorSet(descriptors).forEachPair(within: threshold, rowsDone: { rowsDone.append($0) }) { row, column, distance in
            tiled.insert([row, column])
            worst = max(worst, abs(distance - FaceDescriptor.distance(descriptors[row], descriptors[column])))
        }
        #expect(!direct.isEmpty && direct.count < 1050 * 1049 / 2)
        #expect(tiled == direct)
        #expect(worst < 1e-4)
        #expect(rowsDone == [1024, 1050])
        // Rows against other columns: every (row, column) pair, not only row < column.
        var crossed = 0
        DescriptorSet(Array(descriptors.prefix(3))).forEachPair(with: DescriptorSet(descriptors), within: 10) { _, _, _ in crossed += 1 }
        #expect(crossed == 3 * 1050)
    }

    @Test("density clustering without a matrix finds the clusters a breadth-first DBSCAN over all distances finds")
    func densityMatchesBreadthFirst() {
        var random = SeededGenerator(seed: 42)
        // Chains and blobs of close faces among strangers, so that border faces and merges occur.
        var descriptors: [[Float]] = []
        for group in 0..<40 {
            let centre = (0..<128).map { _ in Float.random(in: -0.3...0.3, using: &random) }
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                descriptors.append(centre.map { $0 + Float.random(in: -0.035...0.035, using: &random) * Float(1 + group % 3) })
            }
        }
        descriptors.shuffle(using: &random)
        let threshold: Float = 0.5
        let minClusterSize = 3
        let count = descriptors.count
        // The reference: every neighbourhood from the full distance matrix, clusters grown breadth-first.
        let neighbours = (0..<count).map { row in
            (0..<count).filter { $0 != row && FaceDescriptor.distance(descriptors[row], descriptors[$0]) <= threshold }
        }
        var label = [Int?](repeating: nil, count: count)
        var reference: [[Int]] = []
        for start in 0..<count where label[start] == nil && neighbours[start].count >= minClusterSize - 1 {
            var members = [start]
            label[start] = reference.count
            var queue = [start]
            while let current = queue.popLast() {
                guard neighbours[current].count >= minClusterSize - 1 else { continue }
                for next in neighbours[current] where label[next] == nil {
                    label[next] = reference.count
                    members.append(next)
                    queue.append(next)
                }
            }
            reference.append(members.sorted())
        }
        let expected = reference.filter { $0.count >= minClusterSize }
        let clusters = DensityClustering(distance: threshold, minClusterSize: minClusterSize).clusters(DescriptorSet(descriptors))
        #expect(expected.count > 5)
        #expect(clusters == expected)
    }

    @Test("the unassigned pool becomes persons of at least min_cluster_size faces")
    func pool() {
        let anna = SyntheticFaces.person(centreAxis: 0, count: 4, firstSpreadAxis: 10)
        let ben = SyntheticFaces.person(centreAxis: 1, count: 3, firstSpreadAxis: 20)
        let pair = SyntheticFaces.person(centreAxis: 2, count: 2, firstSpreadAxis: 30)
        let decisions = FaceClustering(settings: settings).decide(
            assigned: [], pool: faces(anna) + faces(ben, firstId: 5) + faces(pair, firstId: 8), rejections: [])
        #expect(decisions.newPersons.sorted { $0[0] < $1[0] } == [[1, 2, 3, 4], [5, 6, 7]])
        #expect(decisions.joins.isEmpty)
    }

    @Test("a new face joins the person it is close to, not one look-alike face")
    func joins() {
        let anna = faces(SyntheticFaces.person(centreAxis: 0, count: 5, firstSpreadAxis: 10), person: 100)
        // Close to every face of Anna's.
        let close = FaceClustering.Face(id: 50, descriptor: SyntheticFaces.sum(SyntheticFaces.axis(0), SyntheticFaces.axis(40, 0.1)))
        // 0.42 from one face of Anna's, 0.55 from the others: one look-alike neighbour is not enough.
        let lookAlike = FaceClustering.Face(id: 51, descriptor: SyntheticFaces.sum(anna[0].descriptor, SyntheticFaces.axis(41, 0.42)))
        let decisions = FaceClustering(settings: settings).decide(assigned: anna, pool: [close, lookAlike], rejections: [])
        #expect(decisions.joins == [50: 100])
    }

    @Test("a face between two persons waits for review")
    func ambiguous() {
        let anna = faces([SyntheticFaces.axis(0), SyntheticFaces.sum(SyntheticFaces.axis(0), SyntheticFaces.axis(5, 0.1))], person: 1)
        let twin = faces(
            [
                SyntheticFaces.sum(SyntheticFaces.axis(0), SyntheticFaces.axis(6, 0.5)),
                SyntheticFaces.sum(SyntheticFaces.axis(0), SyntheticFaces.axis(6, 0.55)),
            ],
            firstId: 3, person: 2)
        // Equally far (0.25) from both persons' nearest faces.
        let between = FaceClustering.Face(id: 9, descriptor: SyntheticFaces.sum(SyntheticFaces.axis(0), SyntheticFaces.axis(6, 0.25)))
        let decisions = FaceClustering(settings: settings).decide(assigned: anna + twin, pool: [between], rejections: [])
        #expect(decisions.joins.isEmpty)
    }

    @Test("a rejected person is never chosen again")
    func rejection() {
        let anna = faces(SyntheticFaces.person(centreAxis: 0, count: 3, firstSpreadAxis: 10), person: 7)
        let face = FaceClustering.Face(id: 20, descriptor: SyntheticFaces.sum(SyntheticFaces.axis(0), SyntheticFaces.axis(40, 0.1)))
        let decisions = FaceClustering(settings: settings).decide(
            assigned: anna, pool: [face], rejections: [FacePersonPair(faceId: 20, personId: 7)])
        #expect(decisions.joins.isEmpty)
    }
}
