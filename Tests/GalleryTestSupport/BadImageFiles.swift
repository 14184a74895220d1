import Foundation

/// Hostile and broken files, made on the fly for tests of the "every bad input gets a clear
/// error" rule.
public enum BadImageFiles {
    /// Writes every kind of bad file into `folder` and returns their paths by kind.
    @discardableResult
    public static func writeAll(into folder: URL, realJPEG: URL) throws -> [Kind: URL] {
        var result: [Kind: URL] = [:]
        for kind in Kind.allCases {
            let url = folder.appendingPathComponent(kind.fileName)
            try data(for: kind, realJPEG: realJPEG).write(to: url)
            result[kind] = url
        }
        return result
    }

    /// The kinds of bad file.
    public enum Kind: String, CaseIterable, Sendable {
        case zeroBytes, truncatedJPEG, randomBytes, hugePNGHeader, pdfNamedJPEG

        public var fileName: String {
            switch self {
            case .zeroBytes: "zero.jpg"
            case .truncatedJPEG: "truncated.jpg"
            case .randomBytes: "random.jpg"
            case .hugePNGHeader: "bomb.png"
            case .pdfNamedJPEG: "document.jpg"
            }
        }
    }

    public static func data(for kind: Kind, realJPEG: URL) throws -> Data {
        switch kind {
        case .zeroBytes:
            return Data()
        case .truncatedJPEG:
            let bytes = try Data(contentsOf: realJPEG)
            return bytes.prefix(bytes.count / 2)
        case .randomBytes:
            var generator = SeededGenerator(seed: 42)
            return Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        case .hugePNGHeader:
            return pngHeader(width: 100_000, height: 100_000)
        case .pdfNamedJPEG:
            return Data("%PDF-1.4\n1 0 obj << /Type /Page /MediaBox [0 0 100000 100000] >> endobj\n%%EOF\n".utf8)
        }
    }

    /// A PNG signature, an IHDR chunk declaring `width`x`height` RGB with a valid CRC, and
    /// a tiny IDAT: enough for a decoder to trust the header.
    public static func pngHeader(width: UInt32, height: UInt32) -> Data {
        var data = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var ihdr = Data()
        ihdr.append(bigEndian: width)
        ihdr.append(bigEndian: height)
        ihdr.append(contentsOf: [8, 2, 0, 0, 0])
        data.append(chunk: "IHDR", ihdr)
        data.append(chunk: "IDAT", Data([0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]))
        data.append(chunk: "IEND", Data())
        return data
    }

    /// CRC-32 (ISO-HDLC), as PNG chunks use.
    public static func crc32(_ bytes: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

extension Data {
    fileprivate mutating func append(bigEndian value: UInt32) {
        Swift.withUnsafeBytes(of: value.bigEndian) { append(contentsOf: $0) }
    }

    fileprivate mutating func append(chunk type: String, _ payload: Data) {
        append(bigEndian: UInt32(payload.count))
        let typed = Data(type.utf8) + payload
        append(typed)
        append(bigEndian: BadImageFiles.crc32(typed))
    }
}

/// A deterministic random number generator (SplitMix64) for reproducible test data.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
