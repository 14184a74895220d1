/// Parses IPTC IIM application records (keywords 2:25, object name 2:05, headline 2:105,
/// caption 2:120), either bare or wrapped in a Photoshop image resource
/// block (`Photoshop 3.0\0` then `8BIM` resources, IPTC in resource 0x0404), as JPEG's APP13
/// carries it.
enum IPTCBlock {
    /// The most records read, whatever the block claims.
    private static let maxRecords = 10_000

    /// Dataset numbers of record 2 (the application record).
    enum Dataset {
        static let objectName: UInt8 = 5
        static let keywords: UInt8 = 25
        static let headline: UInt8 = 105
        static let caption: UInt8 = 120
    }

    static func keywords(_ block: [UInt8]) -> [String] {
        datasets(block)[Dataset.keywords] ?? []
    }

    /// The values of every record-2 dataset, keyed by dataset number, in file order.
    static func datasets(_ block: [UInt8]) -> [UInt8: [String]] {
        let iim = block.first == 0x1C ? block[...] : photoshopIPTC(block)
        return iim.map(records) ?? [:]
    }

    /// The payload of resource 0x0404 in a Photoshop image resource block.
    private static func photoshopIPTC(_ block: [UInt8]) -> ArraySlice<UInt8>? {
        let signature = Array("Photoshop 3.0\0".utf8)
        var position = block.starts(with: signature) ? signature.count : 0
        let marker = Array("8BIM".utf8)
        while position + 12 <= block.count, Array(block[position..<position + 4]) == marker {
            let id = Int(block[position + 4]) << 8 | Int(block[position + 5])
            let nameLength = Int(block[position + 6])
            var cursor = position + 6 + ((1 + nameLength + 1) & ~1)
            guard cursor + 4 <= block.count else { return nil }
            let size = block[cursor..<cursor + 4].reduce(0) { $0 << 8 | Int($1) }
            cursor += 4
            guard size <= block.count - cursor else { return nil }
            if id == 0x0404 { return block[cursor..<cursor + size] }
            position = cursor + size + (size & 1)
        }
        return nil
    }

    /// Record-2 values of IIM records (`0x1C`, record, dataset, length, data).
    private static func records(_ iim: ArraySlice<UInt8>) -> [UInt8: [String]] {
        var values: [UInt8: [String]] = [:]
        var utf8 = false
        var position = iim.startIndex
        var count = 0
        while position + 5 <= iim.endIndex, iim[position] == 0x1C, count < maxRecords {
            count += 1
            let record = iim[position + 1], dataset = iim[position + 2]
            var length = Int(iim[position + 3]) << 8 | Int(iim[position + 4])
            position += 5
            if length & 0x8000 != 0 {
                let lengthBytes = length & 0x7FFF
                guard lengthBytes <= 4, position + lengthBytes <= iim.endIndex else { break }
                length = iim[position..<position + lengthBytes].reduce(0) { $0 << 8 | Int($1) }
                position += lengthBytes
            }
            guard length <= iim.endIndex - position else { break }
            let value = iim[position..<position + length]
            position += length
            if record == 1 && dataset == 90 {
                utf8 = Array(value) == [0x1B, 0x25, 0x47]
            } else if record == 2 && dataset != 0 {
                values[dataset, default: []].append(decode(value, utf8: utf8))
            }
        }
        return values
    }

    /// UTF-8 when declared or valid, else Latin-1 (the common legacy encoding).
    private static func decode(_ bytes: ArraySlice<UInt8>, utf8: Bool) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        if utf8 { return String(decoding: bytes, as: UTF8.self) }
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }
}
