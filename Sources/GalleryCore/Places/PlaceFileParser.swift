import Foundation

/// Reads the compiled places files: `places.tsv` lines are
/// `latitude<TAB>longitude<TAB>name<TAB>region<TAB>country_code`, `countries.tsv` lines
/// `code<TAB>name`, each after one header line.
enum PlaceFileParser {
    private static let tab = UInt8(ascii: "\t")
    private static let newline = UInt8(ascii: "\n")

    /// Positions and line offsets of every place. `bytes` ends with a NUL (for `strtod`).
    /// - Throws: ``PlaceDataError/malformed(file:line:problem:)`` for a line without five
    ///   fields or with a position that does not parse or is out of range.
    static func places(_ bytes: [UInt8]) throws -> (latitudes: [Double], longitudes: [Double], lineStarts: [Int32]) {
        var latitudes: [Double] = []
        var longitudes: [Double] = []
        var lineStarts: [Int32] = []
        latitudes.reserveCapacity(bytes.count / 40)
        longitudes.reserveCapacity(bytes.count / 40)
        lineStarts.reserveCapacity(bytes.count / 40)
        let end = bytes.count - 1
        try bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            var offset = lineEnd(base, from: 0, end: end) + 1
            var line = 2
            while offset < end {
                let stop = lineEnd(base, from: offset, end: end)
                func fail(_ problem: String) -> PlaceDataError { .malformed(file: "places.tsv", line: line, problem: problem) }
                var cursor: UnsafeMutablePointer<CChar>?
                let latitude = base.advanced(by: offset).withMemoryRebound(to: CChar.self, capacity: 1) { strtod($0, &cursor) }
                var fieldEnd = cursor.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? offset
                guard fieldEnd > offset, fieldEnd < stop, buffer[fieldEnd] == tab else { throw fail("no latitude") }
                let longitudeStart = fieldEnd + 1
                let longitude = base.advanced(by: longitudeStart).withMemoryRebound(to: CChar.self, capacity: 1) { strtod($0, &cursor) }
                fieldEnd = cursor.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? longitudeStart
                guard fieldEnd > longitudeStart, fieldEnd < stop, buffer[fieldEnd] == tab else { throw fail("no longitude") }
                guard (-90...90).contains(latitude), (-180...180).contains(longitude) else {
                    throw fail("position out of range: \(latitude), \(longitude)")
                }
                guard tabs(base, from: fieldEnd, to: stop) == 3 else { throw fail("expected 5 tab-separated fields") }
                latitudes.append(latitude)
                longitudes.append(longitude)
                lineStarts.append(Int32(offset))
                offset = stop + 1
                line += 1
            }
        }
        return (latitudes, longitudes, lineStarts)
    }

    /// The name, region and country code of the line starting at `lineStart`.
    static func textFields(of bytes: [UInt8], lineStart: Int) -> (name: String, region: String, countryCode: String) {
        var fields: [String] = []
        var start = lineStart
        var index = lineStart
        while index < bytes.count, bytes[index] != newline, bytes[index] != 0 {
            if bytes[index] == tab {
                fields.append(String(decoding: bytes[start..<index], as: UTF8.self))
                start = index + 1
            }
            index += 1
        }
        fields.append(String(decoding: bytes[start..<index], as: UTF8.self))
        return (fields[2], fields[3], fields[4])
    }

    /// Country names by ISO code.
    static func countries(_ data: Data) throws -> [String: String] {
        var names: [String: String] = [:]
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        for (number, line) in lines.enumerated().dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2, fields[0].count == 2, !fields[1].isEmpty else {
                throw PlaceDataError.malformed(file: "countries.tsv", line: number + 1, problem: "expected CODE<TAB>NAME")
            }
            names[String(fields[0])] = String(fields[1])
        }
        return names
    }

    /// The offset of the line break ending the line at `from` (or `end`).
    private static func lineEnd(_ base: UnsafePointer<UInt8>, from: Int, end: Int) -> Int {
        guard from < end, let found = memchr(base + from, Int32(newline), end - from) else { return end }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// Tabs in `from..<to`.
    private static func tabs(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        var count = 0
        var position = from
        while position < to, let found = memchr(base + position, Int32(tab), to - position) {
            count += 1
            position = (UnsafeRawPointer(found) - UnsafeRawPointer(base)) + 1
        }
        return count
    }
}
