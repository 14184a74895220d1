import ArgumentParser
import Foundation
import GalleryCore

/// `gallery timeline ...`: photos by year, month and day, a period's photos, and "on this day".
struct TimelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Browse photos by year, month and day (photos without a capture date by their file's time, marked).",
        discussion: """
            gallery timeline counts                 (photos per year, newest first)
            gallery timeline counts --by day 2019-07
            gallery timeline photos 2019-07-14      (that day's photos; with none, the nearest day that has some)
            gallery timeline memories               (on this day in earlier years)
            """,
        subcommands: [TimelineCountsCommand.self, TimelinePhotosCommand.self, TimelineMemoriesCommand.self],
        defaultSubcommand: TimelineCountsCommand.self)
}

/// `gallery timeline counts [PERIOD] [--by year|month|day]`.
struct TimelineCountsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "counts", abstract: "Photos per year, month or day, newest first.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Only this year, month or day: YYYY, YYYY-MM or YYYY-MM-DD.")
    var period: String?

    @Option(help: "Count down to: year, month or day (default: one level below the period, years without one).")
    var by: TimelinePeriod.Precision?

    @Flag(help: "Print JSON: {\"years\": [{\"key\", \"count\", \"file_dated\", \"children\": [...]}], \"total\", \"file_dated\"}.")
    var json = false

    func run() async throws {
        let within = try period.map { try TimelinePeriod($0) }
        let depth = by ?? within.map { $0.precision == .year ? .month : .day } ?? .year
        let context = try global.makeContext()
        let timeline = try context.catalog.timeline(collectionId: try context.collectionId(), within: within, depth: depth)
        if json { return try Output.json(timeline) }
        func show(_ buckets: [Timeline.Bucket], indent: String) {
            for bucket in buckets {
                let marked = bucket.fileDated > 0 ? "  (\(bucket.fileDated) dated by file time)" : ""
                Output.line("\(indent)\(bucket.key)\t\(bucket.count)\(marked)")
                show(bucket.children, indent: indent + "  ")
            }
        }
        show(timeline.years, indent: "")
        Output.line(
            "\(timeline.total) photos" + (timeline.fileDated > 0 ? ", \(timeline.fileDated) without a capture date (file time)" : ""))
    }
}

/// `gallery timeline photos PERIOD`.
struct TimelinePhotosCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "photos", abstract: "The photos of a year, month or day, newest first; with none, says the nearest day that has some.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "YYYY, YYYY-MM or YYYY-MM-DD.")
    var period: String

    @Option(help: "Photos to print (1 to 1000).") var limit = 50
    @Option(help: "Photos to skip.") var offset = 0

    @Flag(
        help:
            "Print JSON: {\"period\", \"total\", \"offset\", \"limit\", \"nearest\", \"photos\": [{\"id\", \"path\", \"day\", \"date_source\", ...}]}."
    )
    var json = false

    func run() async throws {
        let within = try TimelinePeriod(period)
        let context = try global.makeContext()
        let page = try context.catalog.timelinePhotos(
            collectionId: try context.collectionId(), period: within, limit: limit, offset: offset)
        if json { return try Output.json(TimelinePageReport(page)) }
        for photo in page.photos {
            Output.line("\(photo.image.id!)\t\(photo.day)\(photo.dateSource == .file ? " (file time)" : "")\t\(photo.image.path)")
        }
        if page.total == 0 {
            Output.line("No photos in \(page.period)" + (page.nearest.map { "; the nearest day with photos is \($0)" } ?? "."))
        } else {
            Output.line("\(page.photos.count) of \(page.total) photos in \(page.period)")
        }
    }
}

/// `gallery timeline memories [--date YYYY-MM-DD]`.
struct TimelineMemoriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memories", abstract: "On this day: photos taken on today's month and day in earlier years.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The day to remember instead of today (YYYY-MM-DD; earlier years than its own).")
    var date: String?

    @Option(help: "Photos per year (1 to 100).") var perYear = 12

    @Flag(help: "Print JSON: {\"day\": \"MM-DD\", \"years\": [{\"year\", \"years_ago\", \"count\", \"photos\"}]}.")
    var json = false

    func validate() throws {
        guard (1...100).contains(perYear) else { throw ValidationError("--per-year must be between 1 and 100") }
        if let date, (try? TimelinePeriod(date))?.precision != .day {
            throw ValidationError("--date must be a day, YYYY-MM-DD (e.g. 2024-07-14)")
        }
    }

    func run() async throws {
        let day = try date.map { try TimelinePeriod($0).start } ?? Date()
        let context = try global.makeContext()
        let memories = try context.catalog.memories(collectionId: try context.collectionId(), on: day, perYear: perYear)
        let report = MemoriesReport(on: day, memories: memories)
        if json { return try Output.json(report) }
        if memories.isEmpty { Output.line("No photos from \(report.day) in earlier years.") }
        for memory in memories {
            Output.line("\(memory.year) (\(memory.yearsAgo) year\(memory.yearsAgo == 1 ? "" : "s") ago): \(memory.count) photos")
            for photo in memory.photos { Output.line("  \(photo.image.id!)\t\(photo.image.path)") }
        }
    }
}

extension TimelinePeriod.Precision: ExpressibleByArgument {}
