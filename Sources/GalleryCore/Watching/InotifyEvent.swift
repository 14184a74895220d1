#if canImport(Glibc)
    import Glibc
#endif

/// One event read from an inotify queue.
struct InotifyEvent: Sendable, Equatable {
    /// The watch it came from (-1 for a queue overflow).
    var watch: Int32
    var mask: InotifyMask
    /// Links the two halves of a rename (`IN_MOVED_FROM`, `IN_MOVED_TO`).
    var cookie: UInt32
    /// The entry's name inside the watched folder; empty for events about the folder itself.
    var name: String

    /// The events packed in `buffer`, as `read(2)` returns them from an inotify descriptor.
    static func parse(_ buffer: UnsafeRawBufferPointer) -> [InotifyEvent] {
        let headerSize = MemoryLayout<inotify_event>.size
        var events: [InotifyEvent] = []
        var offset = 0
        while offset + headerSize <= buffer.count {
            let header = buffer.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
            let nameLength = Int(header.len)
            guard offset + headerSize + nameLength <= buffer.count else { break }
            // The name is NUL-padded to an alignment boundary.
            let nameBytes = buffer[(offset + headerSize)..<(offset + headerSize + nameLength)].prefix { $0 != 0 }
            events.append(
                InotifyEvent(
                    watch: header.wd, mask: InotifyMask(rawValue: header.mask), cookie: header.cookie,
                    name: String(decoding: nameBytes, as: UTF8.self)))
            offset += headerSize + nameLength
        }
        return events
    }
}
