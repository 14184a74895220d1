import Foundation

extension TIFFStructure {
    /// An EXIF `UserComment`: an 8-byte character code (`ASCII`, `UNICODE` = UTF-16 in the
    /// file's byte order, `JIS`, or undefined) then the text; `nil` when empty.
    func userComment(_ entry: Entry?) -> String? {
        guard let entry, entry.type == 7, entry.count > 8, let raw = rawBytes(entry) else { return nil }
        let code = raw.prefix(8), body = Array(raw.dropFirst(8))
        let text: String
        if code.starts(with: Array("UNICODE".utf8)) {
            text = decodeUTF16(body, bigEndian: isBigEndian)
        } else {
            let bytes = body.prefix { $0 != 0 }
            text = String(validating: bytes, as: UTF8.self) ?? String(bytes.map { Character(Unicode.Scalar($0)) })
        }
        let trimmed = PhotoCaptions.clean(text)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A Windows `XP...` field: UTF-16 little-endian in BYTE values, NUL-terminated.
    func utf16String(_ entry: Entry?) -> String? {
        guard let entry, entry.type == 1, let raw = rawBytes(entry) else { return nil }
        let trimmed = PhotoCaptions.clean(decodeUTF16(raw, bigEndian: false))
        return trimmed.isEmpty ? nil : trimmed
    }

    private func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        for index in stride(from: 0, to: bytes.count - 1, by: 2) {
            let unit =
                bigEndian ? UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]) : UInt16(bytes[index + 1]) << 8 | UInt16(bytes[index])
            if unit == 0 { break }
            units.append(unit)
        }
        return String(decoding: units, as: UTF16.self)
    }
}
