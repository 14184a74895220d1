import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which hosts the server may fetch images from. By default only public addresses: a URL whose
/// host resolves to a loopback, private, link-local, shared, reserved, documentation, multicast
/// or unspecified address (or an IPv6 form that embeds one) is refused, so that "add by URL"
/// cannot be used to reach the server's own network (SSRF).
///
/// The host is resolved once, here; ``URLFetcher`` then connects to the address that was
/// checked, so that a DNS answer that changes in between (rebinding) changes nothing.
struct AddressPolicy: Sendable {
    /// Allow private and loopback addresses (`serve --allow-private-urls`).
    let allowPrivate: Bool
    /// Numeric addresses of a host name (the system resolver unless a test gives its own).
    var resolver: @Sendable (String) -> [String] = AddressPolicy.systemResolve

    /// The addresses `host` resolves to, every one of them allowed.
    /// - Throws: ``APIError`` 403 when one of them is not public, 502 when the host does not
    ///   resolve.
    func addresses(of host: String) throws -> [String] {
        let name = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let addresses = IPAddress(name) != nil ? [name] : resolver(name)
        guard !addresses.isEmpty else { throw URLFetcher.fetchFailed }
        if !allowPrivate, addresses.contains(where: Self.isPrivate) {
            throw APIError.forbidden(
                "the URL's host '\(host)' is a private or local address; start the server with --allow-private-urls to allow it")
        }
        return addresses
    }

    /// The numeric addresses `host` resolves to (getaddrinfo).
    static func systemResolve(_ host: String) -> [String] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0 else { return [] }
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

    /// Whether a numeric address is anything but a public unicast address; what is not a numeric
    /// address counts as private.
    static func isPrivate(_ address: String) -> Bool {
        switch IPAddress(address) {
        case .v4(let value): SpecialRanges.v4.contains { $0.contains(value) }
        case .v6(let bytes): isPrivate(v6: bytes)
        case nil: true
        }
    }

    private static func isPrivate(v6 bytes: [UInt8]) -> Bool {
        if let embedded = SpecialRanges.embeddedV4(bytes) {
            return SpecialRanges.v4.contains { $0.contains(embedded) }
        }
        return SpecialRanges.v6.contains { $0.contains(bytes) }
    }
}

/// A numeric IPv4 (as a 32-bit value) or IPv6 (16 bytes) address.
enum IPAddress {
    case v4(UInt32)
    case v6([UInt8])

    init?(_ text: String) {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            self = .v4(UInt32(bigEndian: v4.s_addr))
            return
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        self = .v6(withUnsafeBytes(of: v6) { Array($0) })
    }
}
