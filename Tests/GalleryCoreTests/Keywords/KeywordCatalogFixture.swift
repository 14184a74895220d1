import Foundation
import GalleryCore

/// A catalogue in memory with a few images, for the keyword tests.
struct KeywordCatalogFixture {
    let catalog: AppDatabase
    let collectionId: Int64

    init() throws {
        catalog = try AppDatabase.inMemory()
        collectionId = try catalog.defaultCollection().id!
    }

    /// Adds an indexed image and returns its id.
    @discardableResult
    func add(_ path: String, hash: String? = nil, configure: (inout ImageRecord) -> Void = { _ in }) throws -> Int64 {
        var record = ImageRecord(
            collectionId: collectionId, path: path, status: .indexed, fileSize: 10, modifiedAt: 1, contentHash: hash ?? path)
        record.format = .jpeg
        record.width = 100
        record.height = 80
        configure(&record)
        try catalog.apply([.upsert(record)])
        return try requireImage(catalog.image(path: path, collectionId: collectionId)).id!
    }

    /// Adds one face to an image (through a face scan, as indexing does) and returns its id.
    func addFace(to path: String) throws -> Int64 {
        try addFaces(1, to: path)[0]
    }

    /// Gives an image `count` faces (a face scan replaces the ones it had) and returns their ids.
    func addFaces(_ count: Int, to path: String) throws -> [Int64] {
        let image = try requireImage(catalog.image(path: path, collectionId: collectionId))
        let faces = (0..<count).map { index in
            FoundFace(
                box: FaceBox(x: 0.1 + 0.3 * Double(index), y: 0.1, width: 0.2, height: 0.2), keypoints: [], score: 0.9,
                descriptor: [Float](repeating: 0.1, count: 128), chip: nil)
        }
        try catalog.save([FaceScan(collectionId: collectionId, path: path, contentHash: image.contentHash!, faces: faces)])
        return try catalog.faces(imageId: image.id!).map(\.id)
    }

    /// The ids a plain keyword search finds, best first.
    func find(_ text: String, filter: ImageFilter = ImageFilter()) throws -> [Int64] {
        try catalog.keywordMatches(collectionId: collectionId, query: .allWords(text), filter: filter, limit: 50).map(\.imageId)
    }
}

/// An image that must exist.
private func requireImage(_ image: ImageRecord?) throws -> ImageRecord {
    guard let image else { throw KeywordFixtureError.missingImage }
    return image
}

enum KeywordFixtureError: Error {
    case missingImage
}
