import Foundation
import GalleryCore

/// Catalogues of any size for the benchmarks: the real embeddings (and tags) of an indexed
/// library, then noisy copies of them (``SyntheticVectors``), each with its own content hash,
/// written in batches as the indexer writes them.
enum SyntheticLibrary {
    /// Writes `count` images from position `offset` on.
    static func write(
        _ count: Int, from real: [VectorIndex.Entry], tags: [Int64: [Tag]] = [:], visual: Data, into catalog: AppDatabase,
        collectionId: Int64, model: String, offset: Int = 0
    ) throws {
        var vectors = SyntheticVectors(real: real, seed: 14 &+ UInt64(offset))
        for start in stride(from: 0, to: count, by: 2000) {
            var changes: [CatalogChange] = []
            var embeddings: [EmbeddingRecord] = []
            let positions = (offset + start)..<(offset + min(start + 2000, count))
            for (position, entry) in zip(positions, vectors.entries(positions)) {
                let source = real[position % real.count]
                let hash = String(format: "%064x", position + 1)
                changes.append(
                    .upsert(
                        ImageRecord(
                            collectionId: collectionId, path: "/synthetic/\(position).png", status: .indexed, fileSize: 1, modifiedAt: 1,
                            contentHash: hash)))
                var record = EmbeddingRecord(
                    contentHash: hash, model: model,
                    embedding: ImageEmbedding(vector: entry.vector, visual: [], tags: tags[source.imageId] ?? []))
                record.visual = visual
                embeddings.append(record)
            }
            try catalog.apply(changes, embeddings: embeddings)
        }
    }
}
