import Foundation

/// Bounds-checked reading of a TIFF structure (the body of an EXIF block).
///
/// Every offset comes from untrusted data: reads outside the buffer return `nil`, IFDs are capped
/// in size and each IFD is visited at most once, so hostile data can neither crash nor loop.
struct TIFFStructure {
    /// One IFD entry: its TIFF type, its value count and where its value bytes start.
    struct Entry {
        var type: UInt16
        var count: Int
        var valueOffset: Int
    }

    /// The most entries read from one IFD (real files have a few dozen).
    static let maxEntriesPerIFD = 512

    private let bytes: [UInt8]
    private let bigEndian: Bool
    /// Whether multi-byte values are stored big-endian (`MM`).
    var isBigEndian: Bool { bigEndian }
    /// Offset of IFD0 from the start of the TIFF header.
    private(set) var firstIFDOffset: Int
    private var visited: Set<Int> = []

    /// Parses the TIFF header (`II*\0` or `MM\0*`); `nil` when it is absent or malformed.
    init?(_ bytes: [UInt8]) {
        guard bytes.count >= 8 else { return nil }
        switch (bytes[0], bytes[1]) {
        case (0x49, 0x49): bigEndian = false
        case (0x4D, 0x4D): bigEndian = true
        default: return nil
        }
        self.bytes = bytes
        firstIFDOffset = 0
        guard uint16(at: 2) == 42, let first = uint32(at: 4) else { return nil }
        firstIFDOffset = Int(first)
    }

    func uint16(at offset: Int) -> UInt16? {
        guard offset >= 0, offset <= bytes.count - 2 else { return nil }
        let a = UInt16(bytes[offset]), b = UInt16(bytes[offset + 1])
        return bigEndian ? a << 8 | b : b << 8 | a
    }

    func uint32(at offset: Int) -> UInt32? {
        guard let first = uint16(at: offset), let second = uint16(at: offset + 2) else { return nil }
        return bigEndian ? UInt32(first) << 16 | UInt32(second) : UInt32(second) << 16 | UInt32(first)
    }

    /// The entries of the IFD at `offset`, keyed by tag (first occurrence wins). Empty when the
    /// offset is out of bounds or was already visited (a cycle).
    mutating func entries(ofIFDAt offset: Int) -> [UInt16: Entry] {
        guard visited.insert(offset).inserted, let declared = uint16(at: offset) else { return [:] }
        var result: [UInt16: Entry] = [:]
        for index in 0..<min(Int(declared), Self.maxEntriesPerIFD) {
            let position = offset + 2 + index * 12
            guard let tag = uint16(at: position), let type = uint16(at: position + 2),
                let count = uint32(at: position + 4), let size = Self.typeSize(type)
            else { continue }
            let (total, overflow) = Int(count).multipliedReportingOverflow(by: size)
            guard !overflow else { continue }
            let valueOffset: Int
            if total <= 4 {
                valueOffset = position + 8
            } else if let pointer = uint32(at: position + 8) {
                valueOffset = Int(pointer)
            } else {
                continue
            }
            guard valueOffset >= 0, total <= bytes.count - valueOffset else { continue }
            if result[tag] == nil {
                result[tag] = Entry(type: type, count: Int(count), valueOffset: valueOffset)
            }
        }
        return result
    }

    /// An ASCII (or UNDEFINED text) value, cut at the first NUL and trimmed; `nil` when empty.
    func string(_ entry: Entry?) -> String? {
        guard let entry, entry.type == 2 || entry.type == 7 || entry.type == 1 else { return nil }
        let raw = bytes[entry.valueOffset..<entry.valueOffset + entry.count]
        let text = raw.prefix { $0 != 0 }
        let decoded =
            String(validating: text, as: UTF8.self)
            ?? String(text.map { Character(Unicode.Scalar($0)) })
        let trimmed = decoded.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The value bytes of a BYTE or UNDEFINED entry.
    func rawBytes(_ entry: Entry) -> [UInt8]? {
        guard entry.type == 1 || entry.type == 7 else { return nil }
        return Array(bytes[entry.valueOffset..<entry.valueOffset + entry.count])
    }

    /// The `index`th value of a BYTE, SHORT, LONG, SBYTE, SSHORT or SLONG entry.
    func integer(_ entry: Entry?, index: Int = 0) -> Int? {
        guard let entry, index < entry.count, let size = Self.typeSize(entry.type) else { return nil }
        let position = entry.valueOffset + index * size
        switch entry.type {
        case 1, 7: return Int(bytes[position])
        case 6: return Int(Int8(bitPattern: bytes[position]))
        case 3: return uint16(at: position).map(Int.init)
        case 8: return uint16(at: position).map { Int(Int16(bitPattern: $0)) }
        case 4: return uint32(at: position).map(Int.init)
        case 9: return uint32(at: position).map { Int(Int32(bitPattern: $0)) }
        default: return nil
        }
    }

    /// The `index`th value of a RATIONAL or SRATIONAL entry (integers are accepted too); `nil`
    /// for a zero denominator.
    func rational(_ entry: Entry?, index: Int = 0) -> Double? {
        guard let entry, index < entry.count else { return nil }
        guard entry.type == 5 || entry.type == 10 else { return integer(entry, index: index).map(Double.init) }
        let position = entry.valueOffset + index * 8
        guard let numerator = uint32(at: position), let denominator = uint32(at: position + 4),
            denominator != 0
        else { return nil }
        if entry.type == 10 {
            return Double(Int32(bitPattern: numerator)) / Double(Int32(bitPattern: denominator))
        }
        return Double(numerator) / Double(denominator)
    }

    /// Bytes per value of a TIFF type; `nil` for unknown types.
    private static func typeSize(_ type: UInt16) -> Int? {
        switch type {
        case 1, 2, 6, 7: 1
        case 3, 8: 2
        case 4, 9, 11, 13: 4
        case 5, 10, 12: 8
        default: nil
        }
    }
}
