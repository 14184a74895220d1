import Foundation

/// A photo as the timeline and the map list it (`gallery timeline --json`, the timeline API):
/// enough for a grid tile and to say where its date comes from.
public struct TimelinePhotoReport: Encodable, Sendable, Equatable {
    public var id: Int64
    public var path: String
    /// `YYYY-MM-DD`: the day it is shown on.
    public var day: String
    /// `taken` (EXIF) or `file` (no capture time: the file's modification time).
    public var dateSource: TimelineDateSource
    public var takenAt: Date?
    public var width: Int?
    public var height: Int?
    public var format: ImageFormat?

    enum CodingKeys: String, CodingKey {
        case id, path, day, width, height, format
        case dateSource = "date_source"
        case takenAt = "taken_at"
    }

    public init(_ photo: TimelinePhoto) {
        id = photo.image.id ?? 0
        path = photo.image.path
        day = photo.day
        dateSource = photo.dateSource
        takenAt = photo.image.takenAt
        width = photo.image.width
        height = photo.image.height
        format = photo.image.format
    }
}

/// A page of a period's photos.
public struct TimelinePageReport: Encodable, Sendable, Equatable {
    public var period: String
    public var total: Int
    public var offset: Int
    public var limit: Int
    /// With no photo in the period: the nearest day with photos, to jump to.
    public var nearest: String?
    public var photos: [TimelinePhotoReport]

    public init(_ page: TimelinePage) {
        period = page.period
        total = page.total
        offset = page.offset
        limit = page.limit
        nearest = page.nearest
        photos = page.photos.map(TimelinePhotoReport.init)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(period, forKey: .period)
        try container.encode(total, forKey: .total)
        try container.encode(offset, forKey: .offset)
        try container.encode(limit, forKey: .limit)
        try container.encode(nearest, forKey: .nearest)
        try container.encode(photos, forKey: .photos)
    }

    enum CodingKeys: String, CodingKey { case period, total, offset, limit, nearest, photos }
}

/// "On this day" in earlier years.
public struct MemoriesReport: Encodable, Sendable, Equatable {
    public struct Year: Encodable, Sendable, Equatable {
        public var year: Int
        public var yearsAgo: Int
        public var count: Int
        public var photos: [TimelinePhotoReport]

        enum CodingKeys: String, CodingKey {
            case year, count, photos
            case yearsAgo = "years_ago"
        }
    }

    /// The month and day, `MM-DD`.
    public var day: String
    public var years: [Year]

    /// The memories of `date`'s month and day.
    public init(on date: Date, memories: [Memory]) {
        day = String(TimelinePeriod.key(date).dropFirst(5))
        years = memories.map {
            Year(year: $0.year, yearsAgo: $0.yearsAgo, count: $0.count, photos: $0.photos.map(TimelinePhotoReport.init))
        }
    }
}
