import Foundation
import GRDB

extension AppDatabase {
    /// A collection's indexed photos counted by year, month and day (to `depth`), newest first,
    /// optionally within one period: one query over the timeline index.
    public func timeline(
        collectionId: Int64, within period: TimelinePeriod? = nil, depth: TimelinePeriod.Precision = .day
    ) throws
        -> Timeline
    {
        var arguments: StatementArguments = [collectionId]
        if let period { arguments += [period.firstDay, period.endDay] }
        let sql = Self.timelineCountSQL(within: period != nil)
        let rows = try reader.read { db in try Row.fetchAll(db, sql: sql, arguments: arguments) }
        return Timeline(days: rows.compactMap { row in (row[0] as String?).map { ($0, row[1], row[2]) } }, depth: depth)
    }

    /// How SQLite runs the counting query of ``timeline(collectionId:within:depth:)`` (its
    /// `EXPLAIN QUERY PLAN` lines), to check that it reads the timeline index alone.
    public func timelineQueryPlan(collectionId: Int64) throws -> [String] {
        try reader.read { db in
            try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN " + Self.timelineCountSQL(within: false), arguments: [collectionId]
            ).map { $0["detail"] as String }
        }
    }

    /// The counting query, over one collection and optionally one period.
    private static func timelineCountSQL(within: Bool) -> String {
        let day = TimelineSchema.dayExpression
        return """
            SELECT \(day) AS day, COUNT(*), SUM(takenAt IS NULL) FROM image
            WHERE collectionId = ? AND status = 'indexed'
            """ + (within ? " AND \(day) >= ? AND \(day) < ?" : "") + " GROUP BY day"
    }

    /// One page of a period's photos, newest first; with none in the period, the nearest day
    /// that has photos.
    /// - Throws: ``TimelineError/invalidRange(_:)`` for a limit outside 1...1000 or a negative offset.
    public func timelinePhotos(collectionId: Int64, period: TimelinePeriod, limit: Int, offset: Int) throws -> TimelinePage {
        guard (1...SearchLimits.maxLimit).contains(limit) else {
            throw TimelineError.invalidRange("'limit' must be between 1 and \(SearchLimits.maxLimit)")
        }
        guard offset >= 0 else { throw TimelineError.invalidRange("'offset' cannot be negative") }
        let day = TimelineSchema.dayExpression
        let scope = "collectionId = ? AND status = 'indexed'"
        return try reader.read { db in
            let inPeriod = "\(scope) AND \(day) >= ? AND \(day) < ?"
            let arguments: StatementArguments = [collectionId, period.firstDay, period.endDay]
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM image WHERE \(inPeriod)", arguments: arguments) ?? 0
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT image.*, \(day) AS timelineDay FROM image WHERE \(inPeriod)
                    ORDER BY timelineDay DESC, takenAt DESC, modifiedAt DESC, id DESC LIMIT ? OFFSET ?
                    """,
                arguments: arguments + [limit, offset])
            var nearest: String?
            if total == 0 {
                let before = try String.fetchOne(
                    db, sql: "SELECT MAX(\(day)) FROM image WHERE \(scope) AND \(day) < ?", arguments: [collectionId, period.firstDay])
                let after = try String.fetchOne(
                    db, sql: "SELECT MIN(\(day)) FROM image WHERE \(scope) AND \(day) >= ?", arguments: [collectionId, period.endDay])
                nearest = Self.closer(before, after, to: period)
            }
            return TimelinePage(
                period: period.description, photos: try rows.map { TimelinePhoto(image: try ImageRecord(row: $0), day: $0["timelineDay"]) },
                total: total, offset: offset, limit: limit, nearest: nearest)
        }
    }

    /// "On this day": for each earlier year with photos taken on `date`'s month and day (UTC),
    /// newest year first, the count and the first `perYear` photos.
    public func memories(collectionId: Int64, on date: Date, perYear: Int = 12) throws -> [Memory] {
        let today = TimelinePeriod.key(date)
        let year = Int(today.prefix(4))!
        let day = TimelineSchema.dayExpression
        let rows = try reader.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM (
                      SELECT image.*, \(day) AS timelineDay,
                        ROW_NUMBER() OVER (PARTITION BY substr(\(day), 1, 4) ORDER BY takenAt, modifiedAt, id) AS position,
                        COUNT(*) OVER (PARTITION BY substr(\(day), 1, 4)) AS yearCount
                      FROM image
                      WHERE collectionId = ? AND status = 'indexed' AND \(day) < ? AND substr(\(day), 6) = ?
                    ) WHERE position <= ? ORDER BY timelineDay DESC, position
                    """,
                arguments: [collectionId, "\(String(format: "%04d", year))-01-01", String(today.dropFirst(5)), max(perYear, 1)])
        }
        var memories: [Memory] = []
        for row in rows {
            let photo = TimelinePhoto(image: try ImageRecord(row: row), day: row["timelineDay"])
            let photoYear = Int(photo.day.prefix(4)) ?? 0
            if memories.last?.year != photoYear {
                memories.append(Memory(year: photoYear, yearsAgo: year - photoYear, count: row["yearCount"], photos: []))
            }
            memories[memories.count - 1].photos.append(photo)
        }
        return memories
    }

    /// The one of two days nearer a period (the earlier one on a tie).
    private static func closer(_ before: String?, _ after: String?, to period: TimelinePeriod) -> String? {
        guard let before, let after else { return before ?? after }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        guard let start = formatter.date(from: period.firstDay), let end = formatter.date(from: period.endDay),
            let earlier = formatter.date(from: before), let later = formatter.date(from: after)
        else { return before }
        return start.timeIntervalSince(earlier) <= later.timeIntervalSince(end) ? before : after
    }
}
