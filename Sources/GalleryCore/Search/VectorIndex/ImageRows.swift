/// Which row of a ``VectorIndex`` holds each image: a flat table indexed by image id (catalogue
/// ids are SQLite row ids, dense from 1), with a dictionary for the ids too large for the table.
///
/// A filter's allowed ids are looked up here for every search: a table read costs a few
/// nanoseconds where a dictionary probe over a million entries misses the cache (measured: a
/// 10% filter at 1,000,000 rows cost as much as the full scan), and the table holds 4 bytes per
/// id instead of a dictionary's 16 or more.
struct ImageRows {
    /// `table[id]` is the row of image `id`, or -1.
    private var table: [Int32] = []
    /// Rows of the images whose id lies past what the table may grow to.
    private var sparse: [Int64: Int] = [:]

    /// Ids below this always fit the table; beyond it, only up to twice the images held.
    private static let minimumSpan = 65_536

    /// The row of `imageId`, nil when the index does not hold it.
    subscript(imageId: Int64) -> Int? {
        if imageId >= 0, imageId < table.count {
            let row = table[Int(imageId)]
            if row >= 0 { return Int(row) }
        }
        return sparse.isEmpty ? nil : sparse[imageId]
    }

    /// Puts `imageId` at `row`; `held` is how many images the index holds (how far the table may grow).
    mutating func set(_ imageId: Int64, row: Int, held: Int) {
        // An id the table already covers stays in it, however few images are left: written to
        // the dictionary instead, the table's old row would still answer first.
        if imageId >= 0, imageId < table.count || imageId < max(Int64(Self.minimumSpan), 2 * Int64(held)) {
            if imageId >= table.count {
                table.append(contentsOf: repeatElement(-1, count: max(Int(imageId) + 1, 2 * table.count) - table.count))
            }
            table[Int(imageId)] = Int32(row)
            if !sparse.isEmpty { sparse.removeValue(forKey: imageId) }
        } else {
            sparse[imageId] = row
        }
    }

    /// Forgets `imageId`.
    /// - Returns: its row, nil when it was not held.
    mutating func remove(_ imageId: Int64) -> Int? {
        guard let row = self[imageId] else { return nil }
        if imageId >= 0, imageId < table.count, table[Int(imageId)] >= 0 {
            table[Int(imageId)] = -1
        } else {
            sparse.removeValue(forKey: imageId)
        }
        return row
    }
}
