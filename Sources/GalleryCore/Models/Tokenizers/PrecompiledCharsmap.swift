import Foundation

/// SentencePiece's compiled normalization rules (`precompiled_charsmap`, e.g. the NMT-NFKC rules of
/// XLM-R, NLLB and T5/SigLIP), applied as Hugging Face's `Precompiled` normalizer applies them.
///
/// The blob is a little-endian `UInt32` byte count, a double-array trie (darts-clone units) over
/// UTF-8 bytes, then the replacement strings, each ending in a zero byte; a trie value is the
/// offset of a replacement. Hugging Face tries each grapheme cluster shorter than 6 bytes whole,
/// and otherwise each of its scalars; a chunk is replaced whole by the rule of the *shortest* key
/// that is a prefix of it (a quirk kept for identical ids).
struct PrecompiledCharsmap: Sendable {
    private let units: [UInt32]
    private let replacements: [UInt8]

    /// - Parameter base64: `precompiled_charsmap` as `tokenizer.json` stores it.
    /// - Throws: ``TokenizerError/invalidTokenizer(reason:)`` when the blob is malformed.
    init(base64: String) throws(TokenizerError) {
        guard let data = Data(base64Encoded: base64), data.count >= 4 else {
            throw .invalidTokenizer(reason: "precompiled_charsmap is not base64 of a charsmap")
        }
        let bytes = [UInt8](data)
        let trieSize = Int(bytes[0]) | Int(bytes[1]) << 8 | Int(bytes[2]) << 16 | Int(bytes[3]) << 24
        guard trieSize % 4 == 0, trieSize >= 4, 4 + trieSize <= bytes.count else {
            throw .invalidTokenizer(reason: "precompiled_charsmap's trie size \(trieSize) does not fit its \(bytes.count) bytes")
        }
        units = stride(from: 4, to: 4 + trieSize, by: 4).map { offset in
            UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
                | UInt32(bytes[offset + 3]) << 24
        }
        replacements = Array(bytes[(4 + trieSize)...])
    }

    func normalize(_ text: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        for grapheme in text {
            let bytes = Array(grapheme.utf8)
            if bytes.count < 6, let replacement = replacement(for: bytes) {
                result.append(contentsOf: replacement)
                continue
            }
            for scalar in grapheme.unicodeScalars {
                let scalarBytes = Array(String(scalar).utf8)
                result.append(contentsOf: replacement(for: scalarBytes) ?? scalarBytes[...])
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The replacement of the shortest trie key that is a prefix of `key`, if any.
    private func replacement(for key: [UInt8]) -> ArraySlice<UInt8>? {
        guard let offset = shortestPrefixValue(key), offset <= replacements.count else { return nil }
        let end = replacements[offset...].firstIndex(of: 0) ?? replacements.count
        return replacements[offset..<end]
    }

    /// darts-clone's common-prefix search, stopped at its first hit.
    private func shortestPrefixValue(_ key: [UInt8]) -> Int? {
        guard let root = units.first else { return nil }
        var position = Self.offset(root)
        for byte in key {
            guard byte != 0 else { return nil }
            position ^= Int(byte)
            guard position < units.count else { return nil }
            let unit = units[position]
            guard unit & 0x8000_00FF == UInt32(byte) else { return nil }
            position ^= Self.offset(unit)
            if (unit >> 8) & 1 == 1 {
                guard position < units.count else { return nil }
                return Int(units[position] & 0x7FFF_FFFF)
            }
        }
        return nil
    }

    private static func offset(_ unit: UInt32) -> Int {
        Int((unit >> 10) << ((unit & (1 << 9)) >> 6))
    }
}
