import Foundation

/// Softmax and top-k over classifier logits.
enum Softmax {
    static func probabilities(_ logits: [Float], temperature: Float) -> [Float] {
        let maximum = logits.max() ?? 0
        let exponentials = logits.map { expf(($0 - maximum) / temperature) }
        let sum = exponentials.reduce(0, +)
        return exponentials.map { $0 / sum }
    }

    /// Indices of the `count` largest values, largest first.
    static func topIndices(_ values: [Float], count: Int) -> [Int] {
        Array(values.indices.sorted { values[$0] > values[$1] }.prefix(count))
    }
}
