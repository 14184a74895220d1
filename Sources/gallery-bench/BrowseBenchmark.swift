import ArgumentParser
import Foundation
import GalleryCore

/// `gallery-bench browse`: the timeline, "on this day", map markers and the colour filter on a
/// catalogue of synthetic photos (dates over 20 years, 5% without a capture date dated by file,
/// a fifth with a UTC offset, half with GPS, every photo with a palette), with the query plans.
struct BrowseBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse", abstract: "Timeline, memories, map markers and colour filter latency at scale, with their query plans.")

    @Option(help: "Photos in the catalogue.") var images = 100_000
    @Option(help: "Runs per query (the median and p95 are printed).") var runs = 20

    func run() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gallery-bench-browse-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let catalog = try AppDatabase.open(at: folder.appendingPathComponent("catalog.sqlite"))
        let collectionId = try catalog.defaultCollection().id!
        let start = ContinuousClock.now
        try write(into: catalog, collectionId: collectionId)
        print(String(format: "%d synthetic photos written in %.1f s", images, Timing.seconds(ContinuousClock.now - start)))
        let day = ISO8601DateFormatter().date(from: "2026-07-14T12:00:00Z")!
        var box = ImageFilter()
        box.area = GeoBox(west: -10, south: 35, east: 30, north: 60)
        var blue = ImageFilter()
        blue.colors = [ColourFilter(name: .blue)]
        let cases: [(String, () throws -> String)] = [
            ("timeline, every day counted", { "\(try catalog.timeline(collectionId: collectionId, depth: .day).years.count) years" }),
            (
                "timeline of one year, by day",
                { "\(try catalog.timeline(collectionId: collectionId, within: try TimelinePeriod("2019")).total) photos" }
            ),
            (
                "a month's photos, first page",
                {
                    "\(try catalog.timelinePhotos(collectionId: collectionId, period: try TimelinePeriod("2019-07"), limit: 48, offset: 0).total) photos"
                }
            ),
            ("on this day, 12 per year", { "\(try catalog.memories(collectionId: collectionId, on: day).count) years" }),
            (
                "map markers, all (10,000 cap)",
                { "\(try catalog.mapMarkers(collectionId: collectionId, filter: ImageFilter()).total) placeable" }
            ),
            ("map markers in a box (Europe)", { "\(try catalog.mapMarkers(collectionId: collectionId, filter: box).total) in the box" }),
            (
                "color:blue, first page",
                { "\(try catalog.findImages(ImageQuery(collectionId: collectionId, filter: blue, offset: 0, limit: 48)).total) blue" }
            ),
        ]
        for (name, work) in cases {
            var times: [Double] = []
            var answer = ""
            for _ in 0..<max(1, runs) {
                let begin = ContinuousClock.now
                answer = try work()
                times.append(Timing.seconds(ContinuousClock.now - begin) * 1000)
            }
            print(
                String(
                    format: "%-34@ p50 %7.2f ms  p95 %7.2f ms  (%@)", name as NSString, Timing.percentile(times, 0.5),
                    Timing.percentile(times, 0.95),
                    answer as NSString))
        }
        let plan = try catalog.timelineQueryPlan(collectionId: collectionId)
        print("timeline query plan: " + plan.joined(separator: "; "))
    }

    /// Photos at fixed pseudo-random dates and places (a linear congruential sequence: the same
    /// catalogue on every run), in batches as the indexer writes them.
    private func write(into catalog: AppDatabase, collectionId: Int64) throws {
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let first = ISO8601DateFormatter().date(from: "2006-01-01T00:00:00Z")!.timeIntervalSince1970
        let names = ColourName.allCases
        for batch in stride(from: 0, to: images, by: 5000) {
            var changes: [CatalogChange] = []
            var palettes: [(contentHash: String, palette: ColourPalette?, problem: String?)] = []
            for position in batch..<min(batch + 5000, images) {
                let hash = String(format: "%064x", position + 1)
                let taken = first + Double(next(20 * 365 * 86_400))
                var record = ImageRecord(
                    collectionId: collectionId, path: "/synthetic/\(position).jpg", status: .indexed, fileSize: 1, modifiedAt: taken + 3600,
                    contentHash: hash)
                if next(20) != 0 { record.takenAt = Date(timeIntervalSince1970: taken) }
                if next(5) == 0 { record.takenAtOffset = ["+02:00", "-05:00", "+09:00"][next(3)] }
                if next(2) == 0 {
                    record.latitude = Double(next(160_000)) / 1000 - 80
                    record.longitude = Double(next(360_000)) / 1000 - 180
                }
                changes.append(.upsert(record))
                let main = names[next(names.count)]
                let second = names[next(names.count)]
                palettes.append(
                    (
                        hash,
                        ColourPalette(swatches: [
                            .init(hex: main.shade, share: 0.6, name: main), .init(hex: second.shade, share: 0.4, name: second),
                        ]), nil
                    ))
            }
            try catalog.apply(changes)
            try catalog.savePalettes(palettes)
        }
    }
}
