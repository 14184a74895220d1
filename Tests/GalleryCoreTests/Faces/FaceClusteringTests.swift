import Foundation
import Testing

@testable import GalleryCore

@Suite("Face clustering")
struct FaceClusteringTests {
    let settings = FaceClusteringSettings()

    func faces(_ descriptors: [[Float]], firstId: Int64 = 1, person: Int64? = nil) -> [FaceClustering.Face] {
        descriptors.enumerated().map { FaceClustering.Face(id: firstId + Int64($0.offset), descriptor: $0.element, personId: person) }
    }

    @Test("distances match a direct computation")
    func distances() {
        let a = SyntheticFaces.sum(SyntheticFaces.axis(0), SyntheticFaces.axis(1, 0.25))
        let b = SyntheticFaces.sum(SyntheticFaces.axis(0), SyntheticFaces.axis(2, 0.25))
        let matrix = DescriptorDistances(rows: [a, b], columns: [a, b])
        #expect(abs(matrix[0, 1] - FaceDescriptor.distance(a, b)) < 1e-5)
        #expect(matrix[0, 0] < 1e-3)
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
