#if canImport(Glibc)
    import Glibc
#endif

/// The kinds of inotify events (`IN_*` of `<sys/inotify.h>`): what a watch asks for and what an
/// event reports.
struct InotifyMask: OptionSet, Sendable, Hashable {
    let rawValue: UInt32

    static let attributesChanged = InotifyMask(IN_ATTRIB)
    static let closedAfterWriting = InotifyMask(IN_CLOSE_WRITE)
    static let created = InotifyMask(IN_CREATE)
    static let deleted = InotifyMask(IN_DELETE)
    static let deletedSelf = InotifyMask(IN_DELETE_SELF)
    static let movedFrom = InotifyMask(IN_MOVED_FROM)
    static let movedTo = InotifyMask(IN_MOVED_TO)
    static let movedSelf = InotifyMask(IN_MOVE_SELF)
    /// The file system holding the watched folder was unmounted.
    static let unmounted = InotifyMask(IN_UNMOUNT)
    /// The kernel's queue overflowed: events were lost.
    static let queueOverflow = InotifyMask(IN_Q_OVERFLOW)
    /// The watch is gone (removed, or its folder deleted or unmounted).
    static let ignored = InotifyMask(IN_IGNORED)
    /// The event is about a folder.
    static let isDirectory = InotifyMask(IN_ISDIR)
    /// Watch only if the path is a folder.
    static let onlyDirectory = InotifyMask(IN_ONLYDIR)
    /// Do not follow a symbolic link at the watched path.
    static let dontFollow = InotifyMask(IN_DONT_FOLLOW)

    /// What a watched folder of a tree reports: files written, folders and files appearing,
    /// disappearing and moving, and the folder itself going away.
    static let tree: InotifyMask = [
        .attributesChanged, .closedAfterWriting, .created, .deleted, .deletedSelf, .movedFrom, .movedTo, .movedSelf, .onlyDirectory,
    ]
    /// What an ancestor of a vanished root reports: the next folder on the way back appearing,
    /// or the ancestor itself going away.
    static let lookout: InotifyMask = [.created, .movedTo, .deletedSelf, .movedSelf, .onlyDirectory]

    init(rawValue: UInt32) { self.rawValue = rawValue }

    private init(_ flag: Int32) { rawValue = UInt32(bitPattern: flag) }
}
