import Foundation
import GRDB

/// Where one field of the keyword documents comes from: a reader that gives the texts of that
/// field for a batch of images, inside the refresh's transaction.
///
/// Adding a source (places, OCR text) is one value here and one entry in ``all``; the triggers in
/// ``KeywordSchema`` (or the writer of the source's table, through ``AppDatabase/markKeywordsDirty(imageIds:in:)``)
/// mark the images whose texts change.
public struct KeywordSource: Sendable {
    public var field: KeywordField
    /// Texts of the field per image id, for the ids given (at most ``KeywordDocumentBuilder/batchLimit``).
    public var read: @Sendable (_ db: Database, _ imageIds: [Int64]) throws -> [Int64: [String]]

    public init(field: KeywordField, read: @escaping @Sendable (_ db: Database, _ imageIds: [Int64]) throws -> [Int64: [String]]) {
        self.field = field
        self.read = read
    }

    /// Every source of the keyword documents.
    static let all: [KeywordSource] = [.names, .captions, .camera, .people, .tags, .user, .places, .text]

    /// Runs `sql`, which must end with `IN` followed by nothing (the ids are appended as a
    /// list of placeholders), and groups the `text` column of each row by its `id` column.
    static func texts(_ db: Database, sql: String, ids: [Int64]) throws -> [Int64: [String]] {
        var result: [Int64: [String]] = [:]
        let rows = try Row.fetchCursor(
            db, sql: sql + " (\(databaseQuestionMarks(count: ids.count)))", arguments: StatementArguments(ids))
        while let row = try rows.next() {
            guard let text: String = row["text"], !text.isEmpty else { continue }
            result[row["id"], default: []].append(text)
        }
        return result
    }
}
