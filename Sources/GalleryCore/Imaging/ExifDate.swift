import Foundation

/// EXIF's date formats: `"2024:06:01 14:30:05"` and UTC offsets such as `"+02:00"`.
enum ExifDate {
    /// The clock time read as if it were UTC; `nil` for blank (`0000:00:00 ...`) or invalid dates.
    static func localTime(_ text: String) -> Date? {
        let digits = text.split(whereSeparator: { ":- T".contains($0) }).map { Int($0) }
        guard digits.count >= 5, let year = digits[0], let month = digits[1], let day = digits[2],
            let hour = digits[3], let minute = digits[4]
        else { return nil }
        let second = digits.count > 5 ? (digits[5] ?? 0) : 0
        guard (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day),
            (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3_600 + minute * 60 + second))
    }

    /// Seconds east of UTC for `"+hh:mm"` / `"-hh:mm"`; `nil` otherwise.
    static func offsetSeconds(_ text: String) -> Int? {
        let chars = Array(text)
        guard chars.count == 6, chars[0] == "+" || chars[0] == "-", chars[3] == ":",
            let hours = Int(String(chars[1...2])), let minutes = Int(String(chars[4...5])),
            hours <= 14, minutes < 60
        else { return nil }
        let seconds = hours * 3_600 + minutes * 60
        return chars[0] == "-" ? -seconds : seconds
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
