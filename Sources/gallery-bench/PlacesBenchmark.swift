import ArgumentParser
import Foundation
import GalleryCore

/// `gallery-bench places`: how long the places data takes to load, and nearest-town lookups at
/// fixed positions spread over the Earth and over Europe (where towns are dense).
struct PlacesBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "places", abstract: "Places data: load time, and nearest-town lookups per position.")

    @Option(help: "The compiled places folder (scripts/models/build-places.sh).")
    var data = ".cache/models/places"

    @Option(help: "Loads to time (the median is printed).")
    var loads = 5

    @Option(help: "Lookups per region.")
    var lookups = 20000

    func run() async throws {
        let clock = ContinuousClock()
        var loadTimes: [Double] = []
        var places: PlaceDirectory?
        for _ in 0..<max(1, loads) {
            let start = clock.now
            places = try PlaceDirectory(folder: URL(fileURLWithPath: data))
            loadTimes.append(Timing.seconds(clock.now - start) * 1000)
        }
        guard let places else { return }
        print(String(format: "%d places: load %.0f ms (median of %d)", places.count, Timing.percentile(loadTimes, 0.5), loadTimes.count))
        let count = max(1, lookups)
        let side = max(1, Int(Double(count).squareRoot()))
        let regions: [(String, [(Double, Double)])] = [
            // A Fibonacci lattice: evenly spread over the sphere, the same positions every run.
            (
                "anywhere",
                (0..<count).map { index in
                    let latitude = asin(2 * (Double(index) + 0.5) / Double(count) - 1) * 180 / .pi
                    let longitude = (Double(index) * 137.50776).truncatingRemainder(dividingBy: 360) - 180
                    return (latitude, longitude)
                }
            ),
            // A grid over Europe (35-60 N, 10 W-30 E), where towns are dense.
            (
                "Europe",
                (0..<(side * side)).map { (35 + 25 * Double($0 / side) / Double(side), -10 + 40 * Double($0 % side) / Double(side)) }
            ),
        ]
        for (name, positions) in regions {
            var found = 0
            var times: [Double] = []
            times.reserveCapacity(positions.count)
            for (latitude, longitude) in positions {
                let start = clock.now
                if places.nearest(latitude: latitude, longitude: longitude) != nil { found += 1 }
                times.append(Timing.seconds(clock.now - start) * 1e6)
            }
            print(
                String(
                    format: "%@: %d lookups, %d within %.0f km; p50 %.1f µs, p95 %.1f µs, mean %.1f µs", name, positions.count, found,
                    PlaceDirectory.defaultMaxDistanceKilometres, Timing.percentile(times, 0.5), Timing.percentile(times, 0.95),
                    times.reduce(0, +) / Double(times.count)))
        }
    }
}
