/// What left the data folder, for shared storage to follow.
public enum StoredObjectRemoval: Sendable, Equatable {
    /// One object.
    case key(String)
    /// Every object under a prefix (a deleted collection's uploads).
    case prefix(String)
}
