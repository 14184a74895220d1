import Foundation

/// Reads keywords from XMP (`dc:subject`) and IPTC IIM (dataset 2:25) blocks, as libvips exposes
/// them in `xmp-data` and `iptc-data`.
///
/// ```swift
/// KeywordReader.keywords(xmp: xmpBlock, iptc: iptcBlock)  // ["beach", "family"]
/// ```
enum KeywordReader {
    /// XMP keywords first, then IPTC ones; trimmed, empty ones dropped, duplicates removed with
    /// the first occurrence's order kept.
    static func keywords(xmp: [UInt8]?, iptc: [UInt8]?) -> [String] {
        merged(xmp.map(xmpSubjects) ?? [], iptc.map(IPTCBlock.keywords) ?? [])
    }

    /// The keywords of every list in order, trimmed, empty ones dropped, duplicates removed with
    /// the first occurrence's order kept.
    static func merged(_ lists: [String]...) -> [String] {
        var seen: Set<String> = []
        return lists.joined().compactMap { keyword in
            let trimmed = keyword.trimmingCharacters(in: .whitespacesAndNewlines.union(.controlCharacters))
            return !trimmed.isEmpty && seen.insert(trimmed).inserted ? trimmed : nil
        }
    }

    /// The `rdf:li` values inside `dc:subject`.
    static func xmpSubjects(_ block: [UInt8]) -> [String] {
        xmpItems(String(decoding: block, as: UTF8.self), property: "dc:subject")
    }

    /// The `rdf:li` values inside an XMP array property (`rdf:Bag`, `rdf:Seq` or `rdf:Alt`, as
    /// `dc:subject`, `dc:title` and `dc:description` are).
    static func xmpItems(_ text: String, property: String) -> [String] {
        guard let open = text.range(of: "<\(property)"),
            let close = text.range(of: "</\(property)>", range: open.upperBound..<text.endIndex)
        else { return [] }
        var values: [String] = []
        var cursor = open.upperBound
        while let item = text.range(of: "<rdf:li", range: cursor..<close.lowerBound),
            let tagEnd = text.range(of: ">", range: item.upperBound..<close.lowerBound)
        {
            if text[text.index(before: tagEnd.lowerBound)] == "/" {
                cursor = tagEnd.upperBound
                continue
            }
            guard let end = text.range(of: "</rdf:li>", range: tagEnd.upperBound..<close.lowerBound) else { break }
            values.append(decodeEntities(text[tagEnd.upperBound..<end.lowerBound]))
            cursor = end.upperBound
        }
        return values
    }

    /// A simple XMP property, as an element (`<photoshop:Headline>x</photoshop:Headline>`) or
    /// as an attribute of `rdf:Description` (`photoshop:Headline="x"`).
    static func xmpSimple(_ text: String, property: String) -> String? {
        if let open = text.range(of: "<\(property)>"),
            let close = text.range(of: "</\(property)>", range: open.upperBound..<text.endIndex)
        {
            return decodeEntities(text[open.upperBound..<close.lowerBound])
        }
        for quote in ["\"", "'"] {
            guard let start = text.range(of: " \(property)=\(quote)"),
                let end = text.range(of: quote, range: start.upperBound..<text.endIndex)
            else { continue }
            return decodeEntities(text[start.upperBound..<end.lowerBound])
        }
        return nil
    }

    /// Replaces XML's predefined and numeric character references.
    private static func decodeEntities(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        var result = ""
        var rest = text
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            guard let semicolon = rest[amp...].prefix(12).firstIndex(of: ";") else {
                result += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let name = rest[rest.index(after: amp)..<semicolon]
            if let scalar = entity(name) {
                result.unicodeScalars.append(scalar)
            } else {
                result += rest[amp...semicolon]
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }

    private static func entity(_ name: Substring) -> Unicode.Scalar? {
        switch name {
        case "amp": "&"
        case "lt": "<"
        case "gt": ">"
        case "quot": "\""
        case "apos": "'"
        default:
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            } else if name.hasPrefix("#") {
                UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
            } else {
                nil
            }
        }
    }
}
