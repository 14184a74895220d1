import Foundation

/// Bounds on albums and the edits of them, and how album names are cleaned.
public enum AlbumLimits {
    /// Characters in an album's name.
    public static let maxNameLength = 100
    /// Albums in one collection.
    public static let maxAlbums = 10_000
    /// Photos in one manual album.
    public static let maxImagesPerAlbum = 100_000
    /// Photos named in one edit (add, remove, move, favourite, rate).
    public static let maxImagesPerEdit = 10_000
    /// Photos written per statement while editing (SQLite's limit on bound values is far above).
    static let batchSize = 500

    /// A name as stored: trimmed, inner white space collapsed to one space.
    /// - Throws: ``AlbumError/invalidName(_:)``.
    public static func name(_ text: String) throws(AlbumError) -> String {
        let name = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard !name.isEmpty, name.count <= maxNameLength,
            !name.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) })
        else { throw .invalidName(text) }
        return name
    }

    /// A smart album's query as stored: trimmed, not empty, no longer than a search text.
    /// - Throws: ``AlbumError/invalidQuery(_:)``.
    public static func query(_ text: String) throws(AlbumError) -> String {
        let query = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !query.isEmpty else { throw .invalidQuery("a smart album needs a query") }
        guard query.count <= SearchLimits.maxTextLength else {
            throw .invalidQuery("the query has \(query.count) characters; at most \(SearchLimits.maxTextLength) are allowed")
        }
        return query
    }

    /// The photos of one edit, each once, in the order given.
    /// - Throws: ``AlbumError/noImages`` or ``AlbumError/tooManyImagesAtOnce(limit:)``.
    public static func edit(_ ids: [Int64]) throws(AlbumError) -> [Int64] {
        guard !ids.isEmpty else { throw .noImages }
        guard ids.count <= maxImagesPerEdit else { throw .tooManyImagesAtOnce(limit: maxImagesPerEdit) }
        var seen = Set<Int64>()
        return ids.filter { seen.insert($0).inserted }
    }
}
