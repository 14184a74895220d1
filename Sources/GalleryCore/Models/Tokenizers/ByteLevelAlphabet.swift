/// GPT-2's byte-to-character table, used by CLIP's BPE: every byte maps to a printable character
/// (printable Latin-1 bytes to themselves, the rest to U+0100 and up), so BPE works on text.
enum ByteLevelAlphabet {
    /// The character for each byte value, indexed by the byte.
    static let characters: [String] = {
        var table = [String](repeating: "", count: 256)
        var next: UInt32 = 256
        for byte in 0..<256 {
            let printable = (0x21...0x7E).contains(byte) || (0xA1...0xAC).contains(byte) || (0xAE...0xFF).contains(byte)
            let value = printable ? UInt32(byte) : next
            if !printable { next += 1 }
            table[byte] = String(Character(Unicode.Scalar(value)!))
        }
        return table
    }()
}
