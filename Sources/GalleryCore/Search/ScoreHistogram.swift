/// Counts of cosine scores in fixed bins over [-1, 1], built in the ranking pass: enough to find
/// a query's median score and to count the hits above any bin edge exactly, without sorting.
struct ScoreHistogram {
    /// Bins per unit of score (the floor's resolution: 1/1024).
    static let binsPerUnit = 1024
    static let binCount = 2 * binsPerUnit + 1
    private(set) var counts = [Int](repeating: 0, count: binCount)
    private(set) var total = 0

    /// The bin of a score (scores outside [-1, 1], from rounding, go to the end bins).
    static func bin(_ score: Float) -> Int {
        guard score.isFinite else { return 0 }
        let position = Int(((Double(score) + 1) * Double(binsPerUnit)).rounded(.down))
        return min(max(position, 0), binCount - 1)
    }

    /// The lowest score that falls in `bin`.
    static func lowerEdge(_ bin: Int) -> Float { Float(Double(bin) / Double(binsPerUnit) - 1) }

    mutating func add(_ score: Float) {
        counts[Self.bin(score)] += 1
        total += 1
    }

    /// Takes back a score added before (one that a closer look scored anew).
    mutating func remove(_ score: Float) {
        counts[Self.bin(score)] -= 1
        total -= 1
    }

    /// Lets `body` add to the counts in place (as a kernel does); it returns how many it added.
    mutating func addCounted(_ body: (UnsafeMutablePointer<Int64>) -> Int) {
        let added = counts.withUnsafeMutableBufferPointer { counts in
            counts.baseAddress!.withMemoryRebound(to: Int64.self, capacity: counts.count, body)
        }
        total += added
    }

    /// Adds the counts of another histogram.
    mutating func merge(_ other: ScoreHistogram) {
        for bin in counts.indices { counts[bin] += other.counts[bin] }
        total += other.total
    }

    /// The bin holding the median score; nil when empty.
    var medianBin: Int? {
        guard total > 0 else { return nil }
        var seen = 0
        for (bin, count) in counts.enumerated() {
            seen += count
            if seen * 2 >= total { return bin }
        }
        return counts.count - 1
    }

    /// Scores in `bin` or above.
    func count(atOrAbove bin: Int) -> Int {
        counts[max(0, min(bin, counts.count))...].reduce(0, +)
    }
}
