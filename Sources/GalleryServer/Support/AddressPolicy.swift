import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which hosts the server may fetch images from. By default only public addresses: a URL whose
/// host resolves to a loopback, private, link-local, multicast or unspecified address is refused,
/// so that "add by URL" cannot be used to reach the server's own network (SSRF).
///
/// The check resolves the name before the fetch (and again for every redirect); a DNS answer that
/// changes between the check and the connection (rebinding) is not covered.
struct AddressPolicy: Sendable {
    /// Allow private and loopback addresses (`serve --allow-private-urls`).
    let allowPrivate: Bool

    /// Throws when `host` is not allowed.
    func check(host: String) throws {
        guard !allowPrivate else { return }
        let addresses = Self.resolve(host)
        guard !addresses.isEmpty else { throw APIError.badGateway("cannot resolve the host '\(host)'") }
        if let address = addresses.first(where: Self.isPrivate) {
            throw APIError.forbidden(
                "the URL's host '\(host)' is a private or local address (\(address)); start the server with --allow-private-urls to allow it"
            )
        }
    }

    /// The numeric addresses `host` resolves to.
    static func resolve(_ host: String) -> [String] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let name = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        guard getaddrinfo(name, nil, &hints, &list) == 0 else { return [] }
        defer { freeaddrinfo(list) }
        var addresses: [String] = []
        var entry = list
        while let current = entry {
            var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(current.pointee.ai_addr, current.pointee.ai_addrlen, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST)
                == 0
            {
                addresses.append(String(cString: buffer))
            }
            entry = current.pointee.ai_next
        }
        return addresses
    }

    /// Whether a numeric IPv4 or IPv6 address is loopback, private, link-local, carrier-grade
    /// NAT, multicast, unspecified or an IPv4-mapped form of one.
    static func isPrivate(_ address: String) -> Bool {
        var v4 = in_addr()
        if inet_pton(AF_INET, address, &v4) == 1 {
            let value = UInt32(bigEndian: v4.s_addr)
            return isPrivate(v4: value)
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, address, &v6) == 1 else { return true }
        let bytes = withUnsafeBytes(of: v6) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
            return isPrivate(v4: bytes[12...15].reduce(0) { $0 << 8 | UInt32($1) })
        }
        if bytes.allSatisfy({ $0 == 0 }) || bytes[0..<15].allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return true }
        return bytes[0] & 0xFE == 0xFC  // unique local fc00::/7
            || (bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80)  // link-local fe80::/10
            || bytes[0] == 0xFF  // multicast
    }

    private static func isPrivate(v4 value: UInt32) -> Bool {
        func inRange(_ network: UInt32, _ bits: UInt32) -> Bool {
            value >> (32 - bits) == network >> (32 - bits)
        }
        return inRange(0x0000_0000, 8)  // 0.0.0.0/8
            || inRange(0x0A00_0000, 8)  // 10/8
            || inRange(0x6440_0000, 10)  // 100.64/10
            || inRange(0x7F00_0000, 8)  // 127/8
            || inRange(0xA9FE_0000, 16)  // 169.254/16
            || inRange(0xAC10_0000, 12)  // 172.16/12
            || inRange(0xC0A8_0000, 16)  // 192.168/16
            || inRange(0xE000_0000, 4)  // multicast 224/4
            || inRange(0xF000_0000, 4)  // reserved 240/4
    }
}
