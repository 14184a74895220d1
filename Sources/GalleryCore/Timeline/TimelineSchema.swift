import GRDB

/// The timeline's day of a photo, in SQL, and the index that makes counting by it one scan.
///
/// A photo's day is the local calendar day it was taken: the EXIF capture time in its own UTC
/// offset when the file says one, else as written (EXIF times without an offset are stored as
/// if in UTC); a photo without a capture time falls back to its file's modification time (UTC),
/// and is marked as such (``TimelineDateSource/file``).
enum TimelineSchema {
    /// `YYYY-MM-DD`; every timeline query uses exactly this text, so that SQLite uses the index.
    static let dayExpression =
        "(CASE WHEN takenAt IS NULL THEN date(modifiedAt, 'unixepoch') ELSE COALESCE(date(takenAt, takenAtOffset), substr(takenAt, 1, 10)) END)"

    /// A covering index: per collection and status, by day, with every column the day is made of
    /// (counting by day reads the index alone, in order, without a sort).
    static func createIndex(_ db: Database) throws {
        try db.execute(
            sql: "CREATE INDEX image_timeline ON image(collectionId, status, \(dayExpression), takenAt, takenAtOffset, modifiedAt)")
    }
}

/// Where a photo's timeline date comes from.
public enum TimelineDateSource: String, Sendable, Codable {
    /// The capture time in the file (EXIF).
    case taken
    /// No capture time: the file's modification time.
    case file
}
