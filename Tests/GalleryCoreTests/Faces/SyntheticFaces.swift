import Foundation

@testable import GalleryCore

/// Hand-placed 128-d descriptors with known distances, and a catalogue holding them.
enum SyntheticFaces {
    /// The unit vector along `axis`, times `length`.
    static func axis(_ axis: Int, _ length: Float = 1) -> [Float] {
        var vector = [Float](repeating: 0, count: 128)
        vector[axis] = length
        return vector
    }

    static func sum(_ vectors: [Float]...) -> [Float] {
        vectors.dropFirst().reduce(vectors[0]) { zip($0, $1).map { $0 + $1 } }
    }

    /// `count` faces of one person: a centre plus 0.25 along a distinct axis each (faces 0.35 apart).
    static func person(centreAxis: Int, count: Int, firstSpreadAxis: Int) -> [[Float]] {
        (0..<count).map { sum(axis(centreAxis), axis(firstSpreadAxis + $0, 0.25)) }
    }

    /// A catalogue with one collection and one image per descriptor, each holding that face.
    /// Returns the catalogue, the collection id and the face ids in order.
    static func catalog(_ descriptors: [[Float]]) throws -> (AppDatabase, Int64, [Int64]) {
        let catalog = try AppDatabase.inMemory()
        let collectionId = try fill(catalog, with: descriptors)
        let ids = try catalog.reader.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM face ORDER BY imageId") }
        return (catalog, collectionId, ids)
    }

    /// Adds one image per descriptor, each holding that face, to the default collection; returns its id.
    static func fill(_ catalog: AppDatabase, with descriptors: [[Float]]) throws -> Int64 {
        let collectionId = try catalog.defaultCollection().id!
        var changes: [CatalogChange] = []
        var scans: [FaceScan] = []
        for (index, descriptor) in descriptors.enumerated() {
            let path = "/photos/\(index).jpg"
            var record = ImageRecord(
                collectionId: collectionId, path: path, status: .indexed, fileSize: 1, modifiedAt: 1, contentHash: "hash\(index)")
            record.width = 100
            record.height = 100
            record.takenAt = Date(timeIntervalSince1970: 1_500_000_000 + Double(index) * 86_400)
            changes.append(.upsert(record))
            scans.append(
                FaceScan(
                    collectionId: collectionId, path: path, contentHash: "hash\(index)",
                    faces: [
                        FoundFace(
                            box: FaceBox(x: 0.4, y: 0.3, width: 0.2, height: 0.2), keypoints: [], score: 0.9,
                            descriptor: descriptor, chip: nil)
                    ]))
        }
        try catalog.apply(changes, faceScans: scans)
        return collectionId
    }
}
