import Foundation
import Testing

@testable import GalleryServer

@Suite("Add by URL: which addresses may be fetched")
struct AddressPolicyTests {
    @Test(
        "every special-purpose address is refused",
        arguments: [
            "0.0.0.0", "0.1.2.3", "10.0.0.1", "100.64.0.1", "100.127.255.254", "127.0.0.1", "127.255.0.1", "169.254.169.254",
            "172.16.0.1", "172.31.255.255", "192.0.0.8", "192.0.2.1", "192.88.99.1", "192.168.1.1", "198.18.0.1", "198.19.255.255",
            "198.51.100.7", "203.0.113.9", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
            "::", "::1", "::127.0.0.1", "::10.0.0.1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:0:192.168.0.1",
            "64:ff9b::127.0.0.1", "64:ff9b::a9fe:a9fe", "64:ff9b:1::1", "2002:7f00:1::", "2002:c0a8:101::1", "100::1",
            "2001::1", "2001:db8::1", "fc00::1", "fd12:3456::1", "fe80::1", "febf::1", "fec0::1", "feff::1", "ff02::1",
            "not-an-address",
        ])
    func refused(_ address: String) {
        #expect(AddressPolicy.isPrivate(address))
    }

    @Test(
        "public addresses pass, also inside the IPv6 forms that embed one",
        arguments: [
            "1.1.1.1", "8.8.8.8", "100.63.255.255", "100.128.0.1", "172.15.255.255", "172.32.0.1", "192.0.1.1", "192.88.98.1",
            "198.17.255.255", "198.20.0.1", "203.0.114.1", "223.255.255.255", "2606:4700::1111", "2a00:1450::1", "::ffff:8.8.8.8",
            "64:ff9b::808:808", "2002:808:808::1",
        ])
    func allowed(_ address: String) {
        #expect(!AddressPolicy.isPrivate(address))
    }

    @Test("a host name that resolves to a private address is refused; with allowPrivate it passes")
    func resolvedHost() throws {
        let rebinding = AddressPolicy(allowPrivate: false, resolver: { _ in ["93.184.215.14", "10.1.2.3"] })
        let error = #expect(throws: APIError.self) { try rebinding.addresses(of: "pictures.example") }
        #expect(error?.status == .forbidden)
        #expect(error?.message.contains("10.1.2.3") == false)
        let local = #expect(throws: APIError.self) { try AddressPolicy(allowPrivate: false).addresses(of: "localhost") }
        #expect(local?.status == .forbidden)
        #expect(try AddressPolicy(allowPrivate: true).addresses(of: "localhost").isEmpty == false)
        #expect(try AddressPolicy(allowPrivate: false, resolver: { _ in ["1.1.1.1"] }).addresses(of: "one.example") == ["1.1.1.1"])
        #expect(try AddressPolicy(allowPrivate: false).addresses(of: "[2606:4700::1111]") == ["2606:4700::1111"])
        let unknown = #expect(throws: APIError.self) { try AddressPolicy(allowPrivate: false, resolver: { _ in [] }).addresses(of: "x") }
        #expect(unknown?.status == .badGateway)
    }
}
