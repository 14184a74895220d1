import Foundation
import GalleryCore

/// Writing to standard output.
enum Output {
    /// Prints a report as pretty JSON.
    static func json(_ value: some Encodable) throws {
        var data = try ReportEncoder.encode(value)
        data.append(0x0A)
        FileHandle.standardOutput.write(data)
    }

    /// Prints a report as one line of JSON (JSON Lines, for a stream of reports).
    static func jsonLine(_ value: some Encodable) throws {
        var data = try ReportEncoder.encode(value, pretty: false)
        data.append(0x0A)
        FileHandle.standardOutput.write(data)
    }

    /// Prints a line.
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}

/// Human-friendly figures.
enum Formatting {
    static func bytes(_ count: Int64) -> String {
        ByteCountFormatter.string(fromByteCount: count, countStyle: .binary)
    }

    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return total >= 3600
            ? String(format: "%d:%02d:%02d", total / 3600, total / 60 % 60, total % 60)
            : String(format: "%d:%02d", total / 60, total % 60)
    }
}

extension String {
    /// The string right-aligned in `width` columns (never cut).
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
