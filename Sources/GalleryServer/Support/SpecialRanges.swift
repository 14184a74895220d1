/// The address blocks that are not public unicast (IANA's special-purpose registries, RFC 6890
/// and its updates), and the IPv6 forms that carry an IPv4 address inside (checked as that
/// IPv4 address).
enum SpecialRanges {
    struct V4Block {
        var network: UInt32
        var bits: UInt32

        func contains(_ value: UInt32) -> Bool { value >> (32 - bits) == network >> (32 - bits) }
    }

    struct V6Block {
        var prefix: [UInt8]
        var bits: Int

        func contains(_ bytes: [UInt8]) -> Bool {
            for index in 0..<bits / 8 where bytes[index] != prefix[index] { return false }
            let rest = bits % 8
            guard rest > 0 else { return true }
            let mask = UInt8(0xFF) << (8 - rest)
            return bytes[bits / 8] & mask == prefix[bits / 8] & mask
        }
    }

    static let v4: [V4Block] = [
        V4Block(network: 0x0000_0000, bits: 8),  // 0.0.0.0/8 "this network"
        V4Block(network: 0x0A00_0000, bits: 8),  // 10/8 private
        V4Block(network: 0x6440_0000, bits: 10),  // 100.64/10 shared (carrier-grade NAT)
        V4Block(network: 0x7F00_0000, bits: 8),  // 127/8 loopback
        V4Block(network: 0xA9FE_0000, bits: 16),  // 169.254/16 link-local
        V4Block(network: 0xAC10_0000, bits: 12),  // 172.16/12 private
        V4Block(network: 0xC000_0000, bits: 24),  // 192.0.0/24 IETF protocol assignments
        V4Block(network: 0xC000_0200, bits: 24),  // 192.0.2/24 TEST-NET-1
        V4Block(network: 0xC058_6300, bits: 24),  // 192.88.99/24 6to4 relay anycast
        V4Block(network: 0xC0A8_0000, bits: 16),  // 192.168/16 private
        V4Block(network: 0xC612_0000, bits: 15),  // 198.18/15 benchmarking
        V4Block(network: 0xC633_6400, bits: 24),  // 198.51.100/24 TEST-NET-2
        V4Block(network: 0xCB00_7100, bits: 24),  // 203.0.113/24 TEST-NET-3
        V4Block(network: 0xE000_0000, bits: 4),  // 224/4 multicast
        V4Block(network: 0xF000_0000, bits: 4),  // 240/4 reserved, and 255.255.255.255 broadcast
    ]

    static let v6: [V6Block] = [
        V6Block(prefix: [0x00, 0x64, 0xFF, 0x9B, 0x00, 0x01], bits: 48),  // 64:ff9b:1::/48 local NAT64
        V6Block(prefix: [0x01, 0x00, 0, 0, 0, 0, 0, 0], bits: 64),  // 100::/64 discard
        V6Block(prefix: [0x20, 0x01, 0x00, 0x00], bits: 23),  // 2001::/23 IETF assignments (Teredo among them)
        V6Block(prefix: [0x20, 0x01, 0x0D, 0xB8], bits: 32),  // 2001:db8::/32 documentation
        V6Block(prefix: [0x3F, 0xFF, 0xF0, 0x00], bits: 20),  // 3fff::/20 documentation
        V6Block(prefix: [0xFC], bits: 7),  // fc00::/7 unique local
        V6Block(prefix: [0xFE, 0x80], bits: 10),  // fe80::/10 link-local
        V6Block(prefix: [0xFE, 0xC0], bits: 10),  // fec0::/10 site-local (deprecated)
        V6Block(prefix: [0xFF], bits: 8),  // ff00::/8 multicast
    ]

    /// The IPv4 address inside an IPv6 address that carries one: IPv4-compatible `::a.b.c.d`
    /// (with `::` and `::1`, which land in 0.0.0.0/8), IPv4-mapped `::ffff:a.b.c.d`,
    /// IPv4-translated `::ffff:0:a.b.c.d`, NAT64 `64:ff9b::a.b.c.d` and 6to4 `2002:abcd:efgh::`.
    static func embeddedV4(_ bytes: [UInt8]) -> UInt32? {
        func value(at offset: Int) -> UInt32 { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) } }
        let zeroPrefix = bytes[0..<8].allSatisfy { $0 == 0 }
        if zeroPrefix, bytes[8..<12].allSatisfy({ $0 == 0 }) { return value(at: 12) }
        if zeroPrefix, bytes[8..<10] == [0, 0], bytes[10..<12] == [0xFF, 0xFF] { return value(at: 12) }
        if zeroPrefix, bytes[8..<10] == [0xFF, 0xFF], bytes[10..<12] == [0, 0] { return value(at: 12) }
        if bytes[0..<12] == [0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0] { return value(at: 12) }
        if bytes[0..<2] == [0x20, 0x02] { return value(at: 2) }
        return nil
    }
}
