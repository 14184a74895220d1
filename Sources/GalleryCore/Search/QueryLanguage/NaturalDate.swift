import Foundation

/// A date written in plain words in a search text ("2019", "June 2020", "last summer",
/// "christmas 2018", "in 2019"): the span of time it means and the words that said it.
///
/// Spans are in UTC, like the date filters. Seasons are the northern hemisphere's meteorological
/// ones (summer: June to August; winter 2019: December 2019 to February 2020); Christmas is
/// 24 to 26 December, New Year 31 December to 1 January, Halloween 31 October. "last summer" is
/// the latest summer that has ended; "last year" / "last month" the calendar ones before this.
public struct NaturalDate: Sendable, Equatable {
    /// From the first instant (inclusive) to the end (exclusive).
    public var span: Range<Date>
    /// The positions, in the words looked at, of the words that said it.
    public var words: Range<Int>

    /// The dates in a sequence of plain words, each with the words it took (a preposition
    /// before it, as in "from 2019", included). `now` anchors the relative ones.
    public static func find(in words: [String], now: Date) -> [NaturalDate] {
        let folded = words.map(Self.fold)
        var found: [NaturalDate] = []
        var index = 0
        while index < folded.count {
            if let (span, length) = match(folded, at: index, now: now) {
                var start = index
                if start > 0, prepositions.contains(folded[start - 1]), !found.contains(where: { $0.words.contains(start - 1) }) {
                    start -= 1
                }
                found.append(NaturalDate(span: span, words: start..<(index + length)))
                index += length
            } else {
                index += 1
            }
        }
        return found
    }

    static let prepositions: Set<String> = ["in", "from", "during", "of", "on", "at"]

    private static let months: [String: Int] = {
        let names = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        ]
        var table: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            table[name] = index + 1
            table[String(name.prefix(3))] = index + 1
        }
        table["sept"] = 9
        return table
    }()

    /// Seasons by their first month; a season lasts three months.
    private static let seasons = ["spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12]

    private static func fold(_ word: String) -> String {
        word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ",.;:!?'\"()"))
            .replacingOccurrences(of: "’", with: "'")
    }

    /// A date starting at `index`: its span and how many words it took.
    private static func match(_ words: [String], at index: Int, now: Date) -> (Range<Date>, Int)? {
        let word = words[index]
        let next = index + 1 < words.count ? words[index + 1] : nil
        let third = index + 2 < words.count ? words[index + 2] : nil
        let thisYear = calendar.component(.year, from: now)
        func year(_ text: String?) -> Int? {
            guard let text, text.count == 4, let value = Int(text), (1826...(thisYear + 1)).contains(value) else { return nil }
            return value
        }
        switch word {
        case "today": return (day(of: now), 1)
        case "yesterday": return (day(of: now.addingTimeInterval(-86_400)), 1)
        case "last", "this", "past":
            guard let next else { return nil }
            return relative(word, next, now: now).map { ($0, 2) }
        case "christmas", "xmas":
            if let value = year(next) { return (span(value, 12, 24, days: 3), 2) }
            return nil
        case "halloween":
            if let value = year(next) { return (span(value, 10, 31, days: 1), 2) }
            return nil
        case "new":
            if let next, ["year", "years", "year's"].contains(next), let value = year(third) {
                return (span(value - 1, 12, 31, days: 2), 3)
            }
            return nil
        default: break
        }
        if let month = months[word] {
            if let value = year(next) { return (span(value, month, 1, months: 1), 2) }
            if next == "of", let value = year(third) { return (span(value, month, 1, months: 1), 3) }
            return nil
        }
        if let first = seasons[word], let value = year(next) {
            return (span(value, first, 1, months: 3), 2)
        }
        if let value = year(word) { return (span(value, 1, 1, months: 12), 1) }
        return nil
    }

    /// "last summer", "this year", "past week", ...
    private static func relative(_ which: String, _ unit: String, now: Date) -> Range<Date>? {
        let year = calendar.component(.year, from: now)
        let month = calendar.component(.month, from: now)
        switch unit {
        case "year": return span(which == "this" ? year : year - 1, 1, 1, months: 12)
        case "month":
            if which == "this" { return span(year, month, 1, months: 1) }
            return month == 1 ? span(year - 1, 12, 1, months: 1) : span(year, month - 1, 1, months: 1)
        case "week": return now.addingTimeInterval(-7 * 86_400)..<now
        default:
            guard let first = seasons[unit] else { return nil }
            let current = span(year, first, 1, months: 3)
            if which == "this" { return current }
            // The latest one that has ended (winter begins in December: last year's may be it).
            for candidate in [span(year, first, 1, months: 3), span(year - 1, first, 1, months: 3), span(year - 2, first, 1, months: 3)]
            where candidate.upperBound <= now {
                return candidate
            }
            return nil
        }
    }

    private static func span(_ year: Int, _ month: Int, _ day: Int, months: Int = 0, days: Int = 0) -> Range<Date> {
        let start = calendar.date(from: DateComponents(year: year, month: month, day: day))!
        let end = calendar.date(byAdding: DateComponents(month: months, day: days), to: start)!
        return start..<end
    }

    private static func day(of date: Date) -> Range<Date> {
        let start = calendar.startOfDay(for: date)
        return start..<start.addingTimeInterval(86_400)
    }

    private static var calendar: Calendar { .utc }
}
