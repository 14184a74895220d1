import Foundation
import GRDB

extension KeywordSource {
    /// How many of a photo's model tags are indexed, and the least probability a tag after the
    /// first needs (the first is always indexed).
    static let topTagCount = 3
    static let minimumTagScore: Float = 0.1

    /// The model's top tags for the photo (every model that embedded its content), each with its
    /// words (``TagWords``, installed with ``AppDatabase/installTagWords(_:)``).
    static let tags = KeywordSource(field: .tags) { db, ids in
        let decoder = JSONDecoder()
        var labelsById: [Int64: [String]] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT image.id, embedding.tags FROM image CROSS JOIN embedding ON embedding.contentHash = image.contentHash
                WHERE image.id IN (\(databaseQuestionMarks(count: ids.count)))
                """,
            arguments: StatementArguments(ids))
        while let row = try rows.next() {
            guard let json: String = row["tags"], let tags = try? decoder.decode([Tag].self, from: Data(json.utf8)) else { continue }
            let top = tags.prefix(KeywordSource.topTagCount).enumerated().filter {
                $0.offset == 0 || $0.element.score >= KeywordSource.minimumTagScore
            }
            labelsById[row["id"], default: []].append(contentsOf: top.map(\.element.label))
        }
        let labels = Set(labelsById.values.joined())
        guard !labels.isEmpty else { return [:] }
        let words = try [String: String](
            Row.fetchAll(
                db, sql: "SELECT label, words FROM tagWord WHERE label IN (\(databaseQuestionMarks(count: labels.count)))",
                arguments: StatementArguments(Array(labels))
            ).map { (row: Row) -> (String, String) in (row["label"], row["words"]) }, uniquingKeysWith: { first, _ in first })
        return labelsById.mapValues { labels in
            var seen: Set<String> = []
            return labels.filter { seen.insert($0).inserted }.map { label in
                [label, words[label]].compactMap { $0 }.joined(separator: ", ")
            }
        }
    }
}
