import Foundation
import GRDB

extension AppDatabase {
    /// Content of indexed images with no palette yet, in hash order.
    /// - Parameter collectionId: one collection, or nil for all.
    public func contentWithoutPalette(collectionId: Int64?, limit: Int) throws -> [String] {
        try reader.read { db in
            var sql = """
                SELECT DISTINCT image.contentHash FROM image
                LEFT JOIN colourPalette p ON p.contentHash = image.contentHash
                WHERE image.status = 'indexed' AND image.contentHash IS NOT NULL AND p.contentHash IS NULL
                """
            var arguments: StatementArguments = []
            if let collectionId {
                sql += " AND image.collectionId = ?"
                arguments += [collectionId]
            }
            sql += " ORDER BY image.contentHash LIMIT ?"
            arguments += [limit]
            return try String.fetchAll(db, sql: sql, arguments: arguments)
        }
    }

    /// Saves palettes (one transaction): a palette, or nil and the problem for content whose
    /// thumbnail could not be read.
    public func savePalettes(_ palettes: [(contentHash: String, palette: ColourPalette?, problem: String?)]) throws {
        let encoder = JSONEncoder()
        try writer.write { db in
            for (hash, palette, problem) in palettes {
                let swatches = String(decoding: try encoder.encode(palette?.swatches ?? []), as: UTF8.self)
                try db.execute(
                    sql: "INSERT OR REPLACE INTO colourPalette (contentHash, swatches, problem, scannedAt) VALUES (?, ?, ?, ?)",
                    arguments: [hash, swatches, problem, Date()])
                try db.execute(sql: "DELETE FROM colourShare WHERE contentHash = ?", arguments: [hash])
                for (rank, named) in (palette?.namedShares ?? []).enumerated() {
                    try db.execute(
                        sql: "INSERT INTO colourShare (contentHash, name, share, rank) VALUES (?, ?, ?, ?)",
                        arguments: [hash, named.name.rawValue, named.share, rank + 1])
                }
            }
        }
    }

    /// The palette of some content; nil when it has not been scanned.
    public func palette(contentHash: String) throws -> ColourPalette? {
        try reader.read { db in
            guard
                let json = try String.fetchOne(
                    db, sql: "SELECT swatches FROM colourPalette WHERE contentHash = ?", arguments: [contentHash])
            else { return nil }
            return ColourPalette(swatches: try JSONDecoder().decode([ColourPalette.Swatch].self, from: Data(json.utf8)))
        }
    }

    /// How many of a collection's indexed images have each colour word as a good part of them
    /// (``ColourFilter/minimumShare``), for the palette of the web UI.
    public func colourCounts(collectionId: Int64) throws -> [ColourName: Int] {
        try reader.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.name, COUNT(DISTINCT image.id) FROM image JOIN colourShare c ON c.contentHash = image.contentHash
                    WHERE image.collectionId = ? AND image.status = 'indexed' AND c.share >= ? GROUP BY c.name
                    """,
                arguments: [collectionId, ColourFilter.minimumShare])
            var counts: [ColourName: Int] = [:]
            for row in rows {
                if let name = ColourName(rawValue: row[0]) { counts[name] = row[1] }
            }
            return counts
        }
    }
}
