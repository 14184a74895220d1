/// A photo on the timeline: the image and the day it is shown on, with where that day comes from.
public struct TimelinePhoto: Sendable, Equatable {
    public var image: ImageRecord
    /// `YYYY-MM-DD`.
    public var day: String
    public var dateSource: TimelineDateSource

    public init(image: ImageRecord, day: String) {
        self.image = image
        self.day = day
        dateSource = image.takenAt == nil ? .file : .taken
    }
}

/// One page of a period's photos, newest first.
public struct TimelinePage: Sendable, Equatable {
    public var period: String
    public var photos: [TimelinePhoto]
    /// Photos in the period.
    public var total: Int
    public var offset: Int
    public var limit: Int
    /// When the period has no photo: the nearest day that has some (to jump to); else nil.
    public var nearest: String?
}

/// "On this day": the photos of one earlier year taken on today's month and day.
public struct Memory: Sendable, Equatable {
    public var year: Int
    public var yearsAgo: Int
    /// Photos of that day.
    public var count: Int
    /// The first of them, at most the number asked for.
    public var photos: [TimelinePhoto]
}
