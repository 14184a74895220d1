import ArgumentParser
import Foundation

/// `gallery-bench`: benchmarks that print figures (never timed tests).
@main
struct GalleryBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gallery-bench",
        abstract: "Smart Gallery benchmarks: search latency at scale, bare model throughput, face quality and speed.",
        subcommands: [
            SearchBenchmark.self, FirstSearchBenchmark.self, HybridBenchmark.self, ModelBenchmark.self, FaceBenchmark.self,
            PlacesBenchmark.self, ColourBenchmark.self, BrowseBenchmark.self, ImageParityBenchmark.self,
            QueryCleaningBenchmark.self, QuerySpeedBenchmark.self, StorageBenchmark.self, PgvectorBenchmark.self,
        ])
}

/// Durations and percentiles.
enum Timing {
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// CPU seconds the whole process has used so far (every thread): what a search costs the
    /// machine, steadier than wall time on a shared one.
    static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
    }
}
