import Foundation

/// Reads a PaddleOCR character dictionary: one entry per line, as `CTCLabelDecode` reads it.
enum CharacterDictionary {
    /// - Throws: ``TextModelError/missingFile(path:)``, ``TextModelError/badDictionary(path:)``.
    static func load(path: String) throws(TextModelError) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { throw .missingFile(path: path) }
        // Split on the bytes: "\r\n" is one Character to Swift, and some dictionaries use it.
        var rows = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        if rows.last?.isEmpty == true { rows.removeLast() }
        var lines: [String] = []
        for row in rows {
            guard var line = String(data: Data(row), encoding: .utf8) else { throw .badDictionary(path: path) }
            // As Python's strip("\r\n"): carriage returns at either end go.
            while line.unicodeScalars.first == "\r" { line.unicodeScalars.removeFirst() }
            while line.unicodeScalars.last == "\r" { line.unicodeScalars.removeLast() }
            lines.append(line)
        }
        guard !lines.isEmpty else { throw .badDictionary(path: path) }
        return lines
    }
}
