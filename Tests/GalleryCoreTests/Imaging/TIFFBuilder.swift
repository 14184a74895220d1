/// Builds small EXIF blocks (`Exif\0\0` + TIFF) for tests, in either byte order.
struct TIFFBuilder {
    enum Value {
        case ascii(String)
        case short(UInt16)
        case long(UInt32)
        case rationals([(UInt32, UInt32)])
        case byte(UInt8)
    }

    var bigEndian = false
    var ifd0: [(UInt16, Value)] = []
    var exif: [(UInt16, Value)] = []
    var gps: [(UInt16, Value)] = []

    func block() -> [UInt8] {
        var body: [UInt8] = bigEndian ? [0x4D, 0x4D, 0x00, 0x2A] : [0x49, 0x49, 0x2A, 0x00]
        body += u32(8)
        var ifd0 = self.ifd0
        // Sub-IFD pointers are patched once their offsets are known.
        if !exif.isEmpty { ifd0.append((0x8769, .long(0))) }
        if !gps.isEmpty { ifd0.append((0x8825, .long(0))) }
        let ifd0Start = body.count
        body += ifdBytes(ifd0, at: ifd0Start)
        if !exif.isEmpty {
            patch(&body, ifdStart: ifd0Start, tag: 0x8769, entries: ifd0, value: UInt32(body.count))
            body += ifdBytes(exif, at: body.count)
        }
        if !gps.isEmpty {
            patch(&body, ifdStart: ifd0Start, tag: 0x8825, entries: ifd0, value: UInt32(body.count))
            body += ifdBytes(gps, at: body.count)
        }
        return Array("Exif\u{0}\u{0}".utf8) + body
    }

    private func patch(_ body: inout [UInt8], ifdStart: Int, tag: UInt16, entries: [(UInt16, Value)], value: UInt32) {
        let sorted = entries.sorted { $0.0 < $1.0 }
        let index = sorted.firstIndex { $0.0 == tag }!
        let position = ifdStart + 2 + index * 12 + 8
        body.replaceSubrange(position..<position + 4, with: u32(value))
    }

    private func ifdBytes(_ entries: [(UInt16, Value)], at start: Int) -> [UInt8] {
        let sorted = entries.sorted { $0.0 < $1.0 }
        var table = u16(UInt16(sorted.count))
        var data: [UInt8] = []
        let dataStart = start + 2 + sorted.count * 12 + 4
        for (tag, value) in sorted {
            let (type, count, bytes) = encode(value)
            table += u16(tag) + u16(type) + u32(count)
            if bytes.count <= 4 {
                table += bytes + [UInt8](repeating: 0, count: 4 - bytes.count)
            } else {
                table += u32(UInt32(dataStart + data.count))
                data += bytes
                if data.count % 2 == 1 { data.append(0) }
            }
        }
        return table + u32(0) + data
    }

    private func encode(_ value: Value) -> (UInt16, UInt32, [UInt8]) {
        switch value {
        case .ascii(let text): (2, UInt32(text.utf8.count + 1), Array(text.utf8) + [0])
        case .short(let number): (3, 1, u16(number))
        case .long(let number): (4, 1, u32(number))
        case .byte(let number): (1, 1, [number])
        case .rationals(let values): (5, UInt32(values.count), values.flatMap { u32($0.0) + u32($0.1) })
        }
    }

    private func u16(_ value: UInt16) -> [UInt8] {
        bigEndian ? [UInt8(value >> 8), UInt8(value & 0xFF)] : [UInt8(value & 0xFF), UInt8(value >> 8)]
    }

    private func u32(_ value: UInt32) -> [UInt8] {
        let high = u16(UInt16(value >> 16)), low = u16(UInt16(value & 0xFFFF))
        return bigEndian ? high + low : low + high
    }
}
