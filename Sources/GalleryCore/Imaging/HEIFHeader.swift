/// The primary item's rotation and stored size from a HEIF/AVIF file's `meta` box.
///
/// Debian's libheif 1.15 reports some rotated images (an `irot` listed before `ispe`) with their
/// stored, unrotated size; this lets ``PhotoDecoder`` report the upright size regardless.
struct HEIFHeader: Equatable {
    /// Counter-clockwise quarter turns from `irot` (0...3).
    var quarterTurns: Int
    /// The primary item's stored size from `ispe`, before rotation.
    var storedWidth: Int
    var storedHeight: Int

    /// The most boxes or entries looked at in any one list, whatever the file claims.
    private static let maxItems = 4_096

    private struct Box {
        var type: String
        var payload: Range<Int>
    }

    init?(_ bytes: [UInt8]) {
        guard let meta = Self.boxes(bytes, in: 0..<bytes.count).first(where: { $0.type == "meta" }),
            meta.payload.count > 4
        else { return nil }
        let children = Self.boxes(bytes, in: meta.payload.lowerBound + 4..<meta.payload.upperBound)
        guard let pitm = children.first(where: { $0.type == "pitm" }),
            let primary = Self.primaryItem(bytes, pitm.payload),
            let iprp = children.first(where: { $0.type == "iprp" })
        else { return nil }
        let properties = Self.boxes(bytes, in: iprp.payload)
        guard let ipco = properties.first(where: { $0.type == "ipco" }) else { return nil }
        let catalogue = Self.boxes(bytes, in: ipco.payload)
        var turns = 0
        var size: (Int, Int)?
        for ipma in properties where ipma.type == "ipma" {
            for index in Self.associations(bytes, ipma.payload, item: primary) where index < catalogue.count {
                let property = catalogue[index]
                let start = property.payload.lowerBound
                switch property.type {
                case "irot" where property.payload.count >= 1:
                    turns = Int(bytes[start] & 0x03)
                case "ispe" where property.payload.count >= 12:
                    size = (Self.uint(bytes, start + 4, 4), Self.uint(bytes, start + 8, 4))
                default:
                    break
                }
            }
        }
        guard let size else { return nil }
        quarterTurns = turns
        (storedWidth, storedHeight) = size
    }

    /// Big-endian unsigned integer of `length` bytes at `offset` (caller checks bounds).
    private static func uint(_ bytes: [UInt8], _ offset: Int, _ length: Int) -> Int {
        bytes[offset..<offset + length].reduce(0) { $0 << 8 | Int($1) }
    }

    /// The boxes directly inside `range`; stops at the first malformed one.
    private static func boxes(_ bytes: [UInt8], in range: Range<Int>) -> [Box] {
        var result: [Box] = []
        var position = range.lowerBound
        while position + 8 <= range.upperBound, result.count < maxItems {
            var size = uint(bytes, position, 4)
            var header = 8
            if size == 1 {
                guard position + 16 <= range.upperBound else { break }
                size = uint(bytes, position + 8, 8)
                header = 16
            } else if size == 0 {
                size = range.upperBound - position
            }
            guard size >= header, size <= range.upperBound - position else { break }
            let type = String(decoding: bytes[position + 4..<position + 8], as: UTF8.self)
            result.append(Box(type: type, payload: position + header..<position + size))
            position += size
        }
        return result
    }

    /// The item id in a `pitm` full box (16-bit in version 0, 32-bit otherwise).
    private static func primaryItem(_ bytes: [UInt8], _ payload: Range<Int>) -> Int? {
        guard payload.count >= 6 else { return nil }
        let wide = bytes[payload.lowerBound] != 0
        guard !wide || payload.count >= 8 else { return nil }
        return uint(bytes, payload.lowerBound + 4, wide ? 4 : 2)
    }

    /// Zero-based `ipco` indices associated with `item` in an `ipma` full box, in order.
    private static func associations(_ bytes: [UInt8], _ payload: Range<Int>, item: Int) -> [Int] {
        guard payload.count >= 8 else { return [] }
        let version = bytes[payload.lowerBound]
        let flags = uint(bytes, payload.lowerBound + 1, 3)
        let idLength = version < 1 ? 2 : 4
        let indexLength = flags & 1 == 1 ? 2 : 1
        let entryCount = min(uint(bytes, payload.lowerBound + 4, 4), maxItems)
        var position = payload.lowerBound + 8
        for _ in 0..<entryCount {
            guard position + idLength + 1 <= payload.upperBound else { return [] }
            let id = uint(bytes, position, idLength)
            let count = Int(bytes[position + idLength])
            position += idLength + 1
            guard position + count * indexLength <= payload.upperBound else { return [] }
            if id == item {
                return (0..<count).compactMap { slot in
                    let value = uint(bytes, position + slot * indexLength, indexLength)
                    let index = value & (indexLength == 2 ? 0x7FFF : 0x7F)
                    return index > 0 ? index - 1 : nil
                }
            }
            position += count * indexLength
        }
        return []
    }
}
