import Foundation

/// The one date syntax of search filters: `2019`, `2019-07`, `2019-07-14` (the start of that
/// year, month or day, UTC) or an ISO 8601 date-time (`2019-07-14T18:30:00Z`).
public enum SearchDate {
    /// The instant a filter value names.
    /// - Throws: ``SearchError/invalidFilter(_:_:)`` naming `field` for any other text.
    public static func parse(_ text: String, field: SearchField) throws -> Date {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.contains("T"), let date = try? Date(trimmed, strategy: .iso8601) { return date }
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        let numbers = parts.map { Int($0) }
        guard (1...3).contains(parts.count), parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
            let year = numbers[0], (1...9999).contains(year)
        else { throw invalid(text, field) }
        var components = DateComponents(calendar: calendar, timeZone: calendar.timeZone, year: year, month: 1, day: 1)
        if parts.count > 1 {
            guard let month = numbers[1], (1...12).contains(month) else { throw invalid(text, field) }
            components.month = month
        }
        if parts.count > 2 {
            guard let day = numbers[2], (1...31).contains(day) else { throw invalid(text, field) }
            components.day = day
        }
        guard components.isValidDate(in: calendar), let date = calendar.date(from: components) else { throw invalid(text, field) }
        return date
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    private static func invalid(_ text: String, _ field: SearchField) -> SearchError {
        .invalidFilter(field, "needs a date like 2019, 2019-07, 2019-07-14 or 2019-07-14T18:30:00Z; got '\(text.prefix(40))'")
    }
}
