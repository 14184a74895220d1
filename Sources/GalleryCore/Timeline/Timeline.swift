/// A collection's photos counted by year, month and day, newest first: what the timeline shows.
/// Built from one query over the days (``AppDatabase/timeline(collectionId:within:depth:)``).
///
/// ```swift
/// let timeline = try catalog.timeline(collectionId: 1, depth: .month)
/// timeline.years.first?.months.first?.count   // photos of the newest month
/// ```
public struct Timeline: Sendable, Equatable, Encodable {
    /// A year, month or day and its photos.
    public struct Bucket: Sendable, Equatable, Encodable {
        /// `2019`, `2019-07` or `2019-07-14`.
        public var key: String
        public var count: Int
        /// Of them, photos without a capture time, dated by their file.
        public var fileDated: Int
        /// The next level (months of a year, days of a month); empty at the depth asked for.
        public var children: [Bucket]

        enum CodingKeys: String, CodingKey {
            case key, count, children
            case fileDated = "file_dated"
        }
    }

    /// Newest first.
    public var years: [Bucket]
    public var total: Int
    public var fileDated: Int

    enum CodingKeys: String, CodingKey {
        case years, total
        case fileDated = "file_dated"
    }

    /// Groups day counts (any order) into years, months and days down to `depth`.
    init(days: [(day: String, count: Int, fileDated: Int)], depth: TimelinePeriod.Precision) {
        let sorted = days.sorted { $0.day > $1.day }
        func group(_ rows: ArraySlice<(day: String, count: Int, fileDated: Int)>, prefix: Int, level: Int) -> [Bucket] {
            var buckets: [Bucket] = []
            var start = rows.startIndex
            while start < rows.endIndex {
                let key = String(rows[start].day.prefix(prefix))
                var end = start
                while end < rows.endIndex && rows[end].day.hasPrefix(key) { end += 1 }
                let slice = rows[start..<end]
                let deeper =
                    level < Self.levels.firstIndex(of: depth)! ? group(slice, prefix: Self.prefixes[level + 1], level: level + 1) : []
                buckets.append(
                    Bucket(
                        key: key, count: slice.reduce(0) { $0 + $1.count }, fileDated: slice.reduce(0) { $0 + $1.fileDated },
                        children: deeper))
                start = end
            }
            return buckets
        }
        years = group(sorted[...], prefix: 4, level: 0)
        total = days.reduce(0) { $0 + $1.count }
        fileDated = days.reduce(0) { $0 + $1.fileDated }
    }

    private static let levels: [TimelinePeriod.Precision] = [.year, .month, .day]
    /// Characters of the day key that name a year, a month, a day.
    private static let prefixes = [4, 7, 10]
}
