import Foundation

/// The byte layout of a zip file's records (PKWARE APPNOTE 6.3): local headers, central
/// directory entries and the end records, with the zip64 forms where a size, an offset or the
/// number of entries does not fit the classic fields. Entries are stored (not compressed):
/// photos are compressed already. Names are UTF-8 (flag bit 11).
enum ZipRecords {
    /// What the central directory needs to know of a written entry.
    struct Entry {
        var name: [UInt8]
        var size: Int64
        var crc: UInt32
        var offset: Int64
        var time: UInt16
        var date: UInt16
    }

    private static let max32 = Int64(UInt32.max)
    private static let utf8Flag: UInt16 = 0x0800

    static func localHeader(_ entry: Entry) -> [UInt8] {
        let zip64 = entry.size >= max32
        var bytes = Bytes()
        bytes.u32(0x0403_4b50)
        bytes.u16(zip64 ? 45 : 20)
        bytes.u16(utf8Flag)
        bytes.u16(0)
        bytes.u16(entry.time)
        bytes.u16(entry.date)
        bytes.u32(entry.crc)
        bytes.u32(zip64 ? UInt32.max : UInt32(entry.size))
        bytes.u32(zip64 ? UInt32.max : UInt32(entry.size))
        bytes.u16(UInt16(entry.name.count))
        bytes.u16(zip64 ? 20 : 0)
        bytes.raw(entry.name)
        if zip64 {
            bytes.u16(0x0001)
            bytes.u16(16)
            bytes.u64(UInt64(entry.size))
            bytes.u64(UInt64(entry.size))
        }
        return bytes.value
    }

    static func centralEntry(_ entry: Entry) -> [UInt8] {
        var extra = Bytes()
        if entry.size >= max32 {
            extra.u64(UInt64(entry.size))
            extra.u64(UInt64(entry.size))
        }
        if entry.offset >= max32 { extra.u64(UInt64(entry.offset)) }
        let zip64 = !extra.value.isEmpty
        var bytes = Bytes()
        bytes.u32(0x0201_4b50)
        bytes.u16(3 << 8 | 45)  // made by: Unix, 4.5
        bytes.u16(zip64 ? 45 : 20)
        bytes.u16(utf8Flag)
        bytes.u16(0)
        bytes.u16(entry.time)
        bytes.u16(entry.date)
        bytes.u32(entry.crc)
        bytes.u32(entry.size >= max32 ? UInt32.max : UInt32(entry.size))
        bytes.u32(entry.size >= max32 ? UInt32.max : UInt32(entry.size))
        bytes.u16(UInt16(entry.name.count))
        bytes.u16(zip64 ? UInt16(extra.value.count + 4) : 0)
        bytes.u16(0)  // comment
        bytes.u16(0)  // disk
        bytes.u16(0)  // internal attributes
        bytes.u32(0o100644 << 16)  // a regular file, rw-r--r--
        bytes.u32(entry.offset >= max32 ? UInt32.max : UInt32(entry.offset))
        bytes.raw(entry.name)
        if zip64 {
            bytes.u16(0x0001)
            bytes.u16(UInt16(extra.value.count))
            bytes.raw(extra.value)
        }
        return bytes.value
    }

    /// The end records after a central directory of `count` entries and `size` bytes at `offset`.
    static func end(count: Int, size: Int64, offset: Int64) -> [UInt8] {
        let zip64 = count >= 0xFFFF || size >= max32 || offset >= max32
        var bytes = Bytes()
        if zip64 {
            let recordOffset = offset + size
            bytes.u32(0x0606_4b50)
            bytes.u64(44)
            bytes.u16(3 << 8 | 45)
            bytes.u16(45)
            bytes.u32(0)
            bytes.u32(0)
            bytes.u64(UInt64(count))
            bytes.u64(UInt64(count))
            bytes.u64(UInt64(size))
            bytes.u64(UInt64(offset))
            bytes.u32(0x0706_4b50)
            bytes.u32(0)
            bytes.u64(UInt64(recordOffset))
            bytes.u32(1)
        }
        bytes.u32(0x0605_4b50)
        bytes.u16(0)
        bytes.u16(0)
        bytes.u16(zip64 ? 0xFFFF : UInt16(count))
        bytes.u16(zip64 ? 0xFFFF : UInt16(count))
        bytes.u32(zip64 ? UInt32.max : UInt32(size))
        bytes.u32(zip64 ? UInt32.max : UInt32(offset))
        bytes.u16(0)
        return bytes.value
    }

    /// MS-DOS time and date fields (2-second precision, UTC; 1980 at the earliest).
    static func dosTime(_ date: Date) -> (time: UInt16, date: UInt16) {
        let parts = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        guard let year = parts.year, year >= 1980, year <= 2107 else { return (0, 1 << 5 | 1) }
        let time = UInt16(parts.hour! << 11 | parts.minute! << 5 | parts.second! / 2)
        let day = UInt16((year - 1980) << 9 | parts.month! << 5 | parts.day!)
        return (time, day)
    }

    /// Little-endian bytes.
    private struct Bytes {
        var value: [UInt8] = []
        mutating func u16(_ number: UInt16) { value += [UInt8(number & 0xFF), UInt8(number >> 8)] }
        mutating func u32(_ number: UInt32) { for shift in stride(from: 0, to: 32, by: 8) { value.append(UInt8(number >> shift & 0xFF)) } }
        mutating func u64(_ number: UInt64) { for shift in stride(from: 0, to: 64, by: 8) { value.append(UInt8(number >> shift & 0xFF)) } }
        mutating func raw(_ bytes: [UInt8]) { value += bytes }
    }
}
