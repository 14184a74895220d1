/// The CRC-32 of zip files (IEEE 802.3, reflected polynomial 0xEDB88320), computed in steps,
/// eight bytes at a time ("slicing-by-8", Intel 2006).
///
/// ```swift
/// var crc = CRC32()
/// crc.update(Array("123456789".utf8))
/// crc.value  // 0xCBF43926
/// ```
public struct CRC32: Sendable, Equatable {
    private var state: UInt32 = 0xFFFF_FFFF

    public init() {}

    /// The checksum of the bytes so far.
    public var value: UInt32 { state ^ 0xFFFF_FFFF }

    public mutating func update(_ bytes: [UInt8]) {
        var crc = state
        bytes.withUnsafeBufferPointer { buffer in
            Self.tables.withUnsafeBufferPointer { table in
                var index = 0
                while index + 8 <= buffer.count {
                    let one =
                        crc
                        ^ (UInt32(buffer[index]) | UInt32(buffer[index + 1]) << 8 | UInt32(buffer[index + 2]) << 16
                            | UInt32(buffer[index + 3]) << 24)
                    let two =
                        UInt32(buffer[index + 4]) | UInt32(buffer[index + 5]) << 8 | UInt32(buffer[index + 6]) << 16
                        | UInt32(buffer[index + 7]) << 24
                    crc =
                        table[7 << 8 | Int(one & 0xFF)] ^ table[6 << 8 | Int(one >> 8 & 0xFF)] ^ table[5 << 8 | Int(one >> 16 & 0xFF)]
                        ^ table[4 << 8 | Int(one >> 24)] ^ table[3 << 8 | Int(two & 0xFF)] ^ table[2 << 8 | Int(two >> 8 & 0xFF)]
                        ^ table[1 << 8 | Int(two >> 16 & 0xFF)] ^ table[Int(two >> 24)]
                    index += 8
                }
                while index < buffer.count {
                    crc = table[Int((crc ^ UInt32(buffer[index])) & 0xFF)] ^ (crc >> 8)
                    index += 1
                }
            }
        }
        state = crc
    }

    /// Eight tables of 256: the byte-wise table, then each one byte further on.
    private static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 8 * 256)
        for index in 0..<256 {
            var value = UInt32(index)
            for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
            tables[index] = value
        }
        for slice in 1..<8 {
            for index in 0..<256 {
                let previous = tables[(slice - 1) << 8 | index]
                tables[slice << 8 | index] = (previous >> 8) ^ tables[Int(previous & 0xFF)]
            }
        }
        return tables
    }()
}
