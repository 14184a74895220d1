/// SentencePiece's byte fallback: a byte as the token `<0xXX>` (upper-case hex).
enum ByteFallback {
    static func token(for byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return "<0x" + (hex.count == 1 ? "0" + hex : hex) + ">"
    }

    /// The byte tokens of `bytes`, or nil when the vocabulary lacks one (`byteIDs` by byte value).
    static func ids(of bytes: [UInt8], in byteIDs: [Int32?]) -> [Int32]? {
        var ids: [Int32] = []
        for byte in bytes {
            guard let id = byteIDs[Int(byte)] else { return nil }
            ids.append(id)
        }
        return ids
    }
}
