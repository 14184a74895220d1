import Foundation

/// A year, month or day of the timeline (`2019`, `2019-07`, `2019-07-14`), as a range of day keys.
public struct TimelinePeriod: Sendable, Equatable, CustomStringConvertible {
    public enum Precision: String, Sendable, Codable, CaseIterable {
        case year, month, day
    }

    public let precision: Precision
    /// The first day, `YYYY-MM-DD`.
    public let firstDay: String
    /// The day after the last one, `YYYY-MM-DD`.
    public let endDay: String
    /// The first day's start, UTC.
    public let start: Date
    /// As written: `2019`, `2019-07` or `2019-07-14`.
    public let description: String

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (years 1 to 9998).
    /// - Throws: ``TimelineError/invalidDate(_:)``.
    public init(_ text: String) throws(TimelineError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        let lengths = [4, 2, 2]
        guard (1...3).contains(parts.count), parts.enumerated().allSatisfy({ $1.count == lengths[$0] && $1.allSatisfy(\.isASCII) }),
            let year = Int(parts[0]), (1...9998).contains(year)
        else { throw .invalidDate(String(text.prefix(40))) }
        let month = parts.count > 1 ? Int(parts[1]) : 1
        let day = parts.count > 2 ? Int(parts[2]) : 1
        let calendar = Calendar.utc
        guard let month, let day, (1...12).contains(month),
            let start = calendar.date(from: DateComponents(year: year, month: month, day: day)),
            calendar.component(.day, from: start) == day
        else { throw .invalidDate(String(text.prefix(40))) }
        precision = [.year, .month, .day][parts.count - 1]
        self.start = start
        let unit: Calendar.Component = [.year, .month, .day][parts.count - 1]
        firstDay = Self.key(start)
        endDay = Self.key(calendar.date(byAdding: unit, value: 1, to: start)!)
        description = trimmed
    }

    /// The day key of an instant in UTC.
    static func key(_ date: Date) -> String {
        let parts = Calendar.utc.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}

/// A timeline request that cannot be answered.
public enum TimelineError: Error, Equatable, CustomStringConvertible {
    /// A date that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or no such day.
    case invalidDate(String)
    /// A page out of bounds.
    case invalidRange(String)

    public var description: String {
        switch self {
        case .invalidDate(let text): "'\(text)' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2019-07-14)"
        case .invalidRange(let problem): problem
        }
    }
}
