import Foundation
import Testing

@testable import GalleryCore

@Suite("Timeline: counts by year, month and day, a period's photos, jump to a date, on this day")
struct TimelineTests {
    /// A catalogue with photos taken at known times, one with a UTC offset, two without a
    /// capture time (dated by their file), one failed and one in another collection.
    struct Library {
        let catalog: AppDatabase
        let collectionId: Int64
        let otherId: Int64

        init() throws {
            catalog = try AppDatabase.inMemory()
            collectionId = try catalog.defaultCollection().id!
            otherId = try catalog.writer.write { db in
                var other = CollectionRecord(name: "other")
                try other.insert(db)
                return other.id!
            }
            let format = ISO8601DateFormatter()
            func photo(
                _ name: String, taken: String?, offset: String? = nil, file: String = "2024-03-01T12:00:00Z", in collection: Int64? = nil
            )
                -> CatalogChange
            {
                var record = ImageRecord(
                    collectionId: collection ?? collectionId, path: "/photos/\(name).jpg", status: .indexed, fileSize: 1,
                    modifiedAt: format.date(from: file)!.timeIntervalSince1970, contentHash: name)
                record.takenAt = taken.map { format.date(from: $0)! }
                record.takenAtOffset = offset
                return .upsert(record)
            }
            var failed = ImageRecord(collectionId: collectionId, path: "/photos/broken.jpg", status: .failed, fileSize: 1, modifiedAt: 0)
            failed.failureReason = .corrupt
            try catalog.apply([
                photo("a", taken: "2019-07-14T10:00:00Z"), photo("b", taken: "2019-07-14T18:00:00Z"),
                // 23:30 in New York on the 13th is 03:30 UTC on the 14th: its day is the 13th.
                photo("c", taken: "2019-07-14T03:30:00Z", offset: "-04:00"), photo("d", taken: "2019-12-31T23:00:00Z"),
                photo("e", taken: "2021-07-14T09:00:00Z"), photo("f", taken: "2023-02-01T09:00:00Z"),
                photo("g", taken: nil, file: "2021-07-14T20:00:00Z"), photo("h", taken: nil, file: "2022-05-05T08:00:00Z"),
                photo("x", taken: "2019-07-14T11:00:00Z", in: otherId), .upsert(failed),
            ])
        }

        func names(_ photos: [TimelinePhoto]) -> [String] {
            photos.map { URL(fileURLWithPath: $0.image.path).deletingPathExtension().lastPathComponent }
        }
    }

    @Test func countsByYearMonthAndDayNewestFirstWithFileDatesMarked() throws {
        let library = try Library()
        let timeline = try library.catalog.timeline(collectionId: library.collectionId)
        #expect(timeline.total == 8 && timeline.fileDated == 2)
        #expect(timeline.years.map(\.key) == ["2023", "2022", "2021", "2019"])
        #expect(timeline.years.map(\.count) == [1, 1, 2, 4])
        #expect(timeline.years.map(\.fileDated) == [0, 1, 1, 0])
        let y2019 = try #require(timeline.years.last)
        #expect(y2019.children.map(\.key) == ["2019-12", "2019-07"])
        #expect(y2019.children.last?.children.map(\.key) == ["2019-07-14", "2019-07-13"])
        #expect(y2019.children.last?.children.map(\.count) == [2, 1])
        let months = try library.catalog.timeline(collectionId: library.collectionId, depth: .month)
        #expect(months.years.last?.children.allSatisfy(\.children.isEmpty) == true)
        let within = try library.catalog.timeline(collectionId: library.collectionId, within: try TimelinePeriod("2021-07"))
        #expect(within.total == 2 && within.years.map(\.key) == ["2021"])
    }

    @Test func countingUsesTheCoveringTimelineIndexWithoutASort() throws {
        let library = try Library()
        let plan = try library.catalog.timelineQueryPlan(collectionId: library.collectionId)
        #expect(plan.contains { $0.contains("COVERING INDEX image_timeline") }, "\(plan)")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
    }

    @Test func aPeriodsPhotosNewestFirstAndTheNearestDayWhenItHasNone() throws {
        let library = try Library()
        let day = try library.catalog.timelinePhotos(
            collectionId: library.collectionId, period: try TimelinePeriod("2019-07-14"), limit: 10, offset: 0)
        #expect(library.names(day.photos) == ["b", "a"] && day.total == 2 && day.nearest == nil)
        let page = try library.catalog.timelinePhotos(
            collectionId: library.collectionId, period: try TimelinePeriod("2019"), limit: 2, offset: 2)
        #expect(library.names(page.photos) == ["a", "c"] && page.total == 4)
        let fileDated = try library.catalog.timelinePhotos(
            collectionId: library.collectionId, period: try TimelinePeriod("2021-07-14"), limit: 10, offset: 0)
        #expect(library.names(fileDated.photos) == ["e", "g"])
        #expect(fileDated.photos.map(\.dateSource) == [.taken, .file])
        let empty = try library.catalog.timelinePhotos(
            collectionId: library.collectionId, period: try TimelinePeriod("2019-08-01"), limit: 10, offset: 0)
        #expect(empty.total == 0 && empty.photos.isEmpty && empty.nearest == "2019-07-14")
        let later = try library.catalog.timelinePhotos(
            collectionId: library.collectionId, period: try TimelinePeriod("2030"), limit: 10, offset: 0)
        #expect(later.nearest == "2023-02-01")
        #expect(throws: TimelineError.self) {
            try library.catalog.timelinePhotos(collectionId: library.collectionId, period: try TimelinePeriod("2019"), limit: 0, offset: 0)
        }
    }

    @Test func onThisDayInEarlierYearsOnly() throws {
        let library = try Library()
        let memories = try library.catalog.memories(
            collectionId: library.collectionId, on: ISO8601DateFormatter().date(from: "2024-07-14T08:00:00Z")!, perYear: 1)
        #expect(memories.map(\.year) == [2021, 2019])
        #expect(memories.map(\.yearsAgo) == [3, 5])
        #expect(memories.map(\.count) == [2, 2])
        #expect(memories.allSatisfy { $0.photos.count == 1 })
        let thatYear = try library.catalog.memories(
            collectionId: library.collectionId, on: ISO8601DateFormatter().date(from: "2021-07-14T08:00:00Z")!)
        #expect(thatYear.map(\.year) == [2019])
    }

    @Test(arguments: ["", "2019-7", "19", "2019-13", "2019-02-30", "2019-07-14T10:00", "abcd", "0000", "2019-07-14-01"])
    func badDatesAreClearErrors(_ text: String) {
        #expect(throws: TimelineError.invalidDate(text)) { try TimelinePeriod(text) }
    }

    @Test func periodsCoverTheirDays() throws {
        let leap = try TimelinePeriod("2020-02")
        #expect(leap.firstDay == "2020-02-01" && leap.endDay == "2020-03-01" && leap.precision == .month)
        let year = try TimelinePeriod("1999")
        #expect(year.firstDay == "1999-01-01" && year.endDay == "2000-01-01")
        #expect(try TimelinePeriod("2020-02-29").endDay == "2020-03-01")
    }
}
